/**
 * The numbers every AHP function agrees on: Saaty's scale, the tolerance of the reciprocity check and the
 * consistency threshold, with the two rules built on them (is a judgment on the scale, do two judgments of a pair
 * agree). `ahp`, `judgmentsToMatrix`, `aggregateJudgments`, `ahpRepairAdvice`, `hierarchyConsistency` and
 * `checkModel` read them from here, so a model that passes `checkModel` is a model that `score` accepts.
 * @module
 */

/** Saaty's 1-9 scale: the smallest judgment accepted, 1/9 (Saaty 1980). */
export const SCALE_MIN = 1 / 9;
/** Saaty's 1-9 scale: the largest judgment accepted, 9 (Saaty 1980). */
export const SCALE_MAX = 9;
/** The values of Saaty's scale, 1/9, 1/8, ..., 1/2, 1, 2, ..., 9, in increasing order. */
export const SAATY_VALUES: readonly number[] = [
  ...[9, 8, 7, 6, 5, 4, 3, 2].map((v) => 1 / v),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9],
];
/** Default relative tolerance of the reciprocity check: |a_ij a_ji - 1| <= 0.01, so 0.33 passes for 1/3. */
export const AHP_TOLERANCE = 0.01;
/** Default consistency threshold: a matrix is consistent iff CR < 0.10 (Saaty 1980). */
export const AHP_THRESHOLD = 0.1;

/** Slack for floating-point noise in the exact comparisons (9 written as 1 / (1/9), a diagonal of 1). */
const EPSILON = 1e-9;

/**
 * True when `v` is a number that may stand in a pairwise comparison matrix on Saaty's scale [1/9, 9].
 *
 * An entry above 1 is read as written, so the upper bound is 9 exactly (9.05 is refused). An entry below 1 is
 * the mirror of one above 1 and often a rounded reciprocal (0.111 for 1/9 in a JSON file, which cannot write
 * 1/9), so the lower bound allows the reciprocity `tolerance`: v >= 1 / (9 (1 + tolerance)). A judgment
 * `[a, b, v]` puts both v and 1/v in the matrix, so both must pass: `[a, b, 0.111]` is refused (1/0.111 is
 * above 9; write `[b, a, 9]`), as the matrix it makes would be.
 * @internal
 */
export function onSaatyScale(v: unknown, tolerance: number): v is number {
  return typeof v === "number" && v >= SCALE_MIN / (1 + tolerance) && v <= SCALE_MAX * (1 + EPSILON);
}

/**
 * True when `x` and `y` are reciprocal within `tolerance`: |x y - 1| <= tolerance. Two entries a_ij and a_ji of a
 * matrix must be; a pair judged twice (`[a, b, u]` and `[b, a, v]`) is accepted when they are.
 * @internal
 */
export function isReciprocal(x: number, y: number, tolerance: number): boolean {
  return Math.abs(x * y - 1) <= tolerance + EPSILON;
}

/** True when a diagonal entry is 1 (up to floating-point noise). @internal */
export function isUnitDiagonal(v: number): boolean {
  return Math.abs(v - 1) <= EPSILON;
}
