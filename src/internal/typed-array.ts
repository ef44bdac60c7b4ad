/**
 * Element reads of typed arrays in hot loops. With `noUncheckedIndexedAccess`, `a[i]` has type
 * `number | undefined` even inside `for (let i = 0; i < a.length; i++)`; `get(a, i)` states once that
 * the caller keeps `i` in range, instead of an `as number` at every read. V8 inlines it, so a loop
 * through `get` runs as fast as one with casts (bench/ measures both), and it has one argument type,
 * so its element access stays monomorphic. (`for (const x of a)` is narrowed too, but runs several
 * times slower than an indexed loop on Node 20.)
 * @internal
 * @module
 */

/** `a[i]` for an index the caller keeps in `[0, a.length)`. @internal */
export function get(a: Float64Array, i: number): number {
  return a[i] as number;
}
