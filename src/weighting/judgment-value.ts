import { FRACTION_PATTERN } from "../internal/fraction.js";
import { AHP_TOLERANCE } from "./ahp-defaults.js";

export type { JudgmentValue } from "../indicators/model-types.js";

/** What {@link readJudgmentValue} made of a value. @internal */
export interface ReadValue {
  /** The number used: the exact reciprocal 1/k for a rounded one. */
  value: number;
  /**
   * Set when a rounded reciprocal was replaced by the exact fraction: how it was written (`0.111`) and the
   * fraction used (`1/9`).
   */
  rounded?: { written: string; exact: string };
}

/**
 * Reads a judgment as people write it, the one rule for `checkJudgments`, `checkMatrix`, `judgmentsToMatrix` and
 * `resolveWeightSpec`: a number, or a string holding a number or a fraction `a/b` (YAML reads `1/9` as the string
 * `"1/9"`; JSON cannot write 1/9 at all). A value v below 1 within the reciprocity tolerance of a reciprocal 1/k of
 * Saaty's scale (k = 2, ..., 9; |k v - 1| <= tolerance, 1% by default) is read as exactly 1/k and reported as
 * `rounded`: 0.33 and 0.333 are 1/3, 0.11, 0.111 and 0.1111 are 1/9, 0.143 is 1/7; 0.14 (2% from 1/7) stays 0.14.
 * With `exact: false` (the numeric API, `ahp(matrix)`) numbers are taken as given and only strings are read.
 * Returns undefined for anything else (text that is not a fraction, a zero denominator, a non-number).
 * @internal
 */
export function readJudgmentValue(
  v: unknown,
  tolerance: number = AHP_TOLERANCE,
  exact = true,
): ReadValue | undefined {
  let x: number;
  let written: string;
  if (typeof v === "number") {
    x = v;
    written = String(v);
  } else if (typeof v === "string") {
    const m = FRACTION_PATTERN.exec(v);
    if (!m) return undefined;
    const num = Number(m[1]);
    const den = m[2] === undefined ? 1 : Number(m[2]);
    if (den === 0) return undefined;
    x = num / den;
    written = v.trim();
  } else return undefined;
  if (!Number.isFinite(x)) return undefined;
  if (exact && x > 0 && x < 1)
    for (let k = 2; k <= 9; k++) {
      const off = Math.abs(k * x - 1);
      if (off <= tolerance + 1e-12) {
        // Exactly 1/k (0.5, 0.25, 0.2, 0.125, "1/3") is no rounding: nothing to report.
        return off <= 1e-12 ? { value: 1 / k } : { value: 1 / k, rounded: { written, exact: `1/${k}` } };
      }
    }
  return { value: x };
}

/** The number of a judgment value, by {@link readJudgmentValue}; NaN when it cannot be read. @internal */
export function judgmentNumber(v: unknown, tolerance: number = AHP_TOLERANCE): number {
  return readJudgmentValue(v, tolerance)?.value ?? Number.NaN;
}
