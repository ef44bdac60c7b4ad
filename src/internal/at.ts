/**
 * Entry `i` of a Float64Array, for `0 <= i < values.length`. With `noUncheckedIndexedAccess` an
 * indexed read is typed `number | undefined`; loops that stay in bounds read through this helper
 * instead of casting at every read. It takes Float64Array only, on purpose: V8 inlines it with the
 * element-access feedback of all its callers, so one helper fed arrays, frozen arrays and other typed
 * arrays would slow every loop that uses it (a polymorphic load), while a Float64Array-only helper
 * costs nothing. Convert other columns once (`Float64Array.from`) before a hot loop.
 * @internal
 */
export function at(values: Float64Array, i: number): number {
  return values[i] as number;
}
