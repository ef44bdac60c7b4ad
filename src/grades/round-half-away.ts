/**
 * Rounds to `digits` decimals, half away from zero (2.345 -> 2.35, -2.345 -> -2.35), on the decimal
 * text of the number so that 1.005 rounds to 1.01 as written; `null` leaves the value as it is. @internal
 */
export function roundHalfAway(x: number, digits: number | null): number {
  if (digits === null || !Number.isFinite(x)) return x;
  const r = Number(`${Math.round(Number(`${Math.abs(x)}e${digits}`))}e-${digits}`);
  return x < 0 ? -r : r;
}
