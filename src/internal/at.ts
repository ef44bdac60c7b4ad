/**
 * Entry `i` of a numeric column, for `0 <= i < values.length`. With `noUncheckedIndexedAccess` an
 * indexed read is typed `number | undefined`; loops that stay in bounds read through this helper
 * instead of casting at every read. V8 inlines it: it costs nothing in a hot loop.
 * @internal
 */
export function at(values: ArrayLike<number>, i: number): number {
  return values[i] as number;
}
