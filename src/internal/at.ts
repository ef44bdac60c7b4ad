/**
 * `a[i]` for an index the caller knows is in range: the one place where a typed-array read is told it is a
 * number (`noUncheckedIndexedAccess` types `a[i]` as `number | undefined`). Small enough to be inlined, so
 * numeric loops can use it without cost.
 * @internal
 */
export function at(a: ArrayLike<number>, i: number): number {
  return a[i] as number;
}
