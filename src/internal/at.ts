/**
 * `a[i]` for an index the caller knows is in range: the one place where a Float64Array read is told it is a
 * number (`noUncheckedIndexedAccess` types `a[i]` as `number | undefined`). Small enough to be inlined, and
 * only ever given Float64Arrays (so its one load stays monomorphic), numeric loops use it without cost.
 * @internal
 */
export function at(a: Float64Array, i: number): number {
  return a[i] as number;
}
