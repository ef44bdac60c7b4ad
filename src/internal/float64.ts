/**
 * `a[i]` as a number, for an index that the loop bound keeps in range: the one cast that
 * `noUncheckedIndexedAccess` would otherwise ask of every read in a hot loop over a Float64Array.
 * It takes only Float64Array, so that the read stays monomorphic once inlined (as fast as `a[i]`).
 * @internal
 */
export function get(a: Float64Array, i: number): number {
  return a[i] as number;
}
