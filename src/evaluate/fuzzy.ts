import { fail } from "../internal/errors.js";
import { type MatrixInput, readMatrix } from "../internal/matrix-input.js";
import { rankDescending } from "../internal/rank.js";
import { normalizedWeights, toArray } from "./shared.js";

/**
 * Composition operator B = A o R of fuzzy comprehensive evaluation (模糊综合评价), by ASCII name:
 * `weighted-average` M(·,+) (default: b_j = sum_i a_i r_ij, every factor counts), `min-max` M(∧,∨)
 * (b_j = max_i min(a_i, r_ij): the main factor decides), `product-max` M(·,∨) (b_j = max_i a_i r_ij)
 * and `min-bounded-sum` M(∧,⊕) (b_j = min(1, sum_i min(a_i, r_ij))).
 */
export type FuzzyOperator = "weighted-average" | "min-max" | "product-max" | "min-bounded-sum";

/**
 * What fuzzy evaluation reads: either indicator values with grade breakpoints (memberships from the
 * half-trapezoid scheme of {@link fuzzyMembership}), or membership rows given directly, such as survey
 * shares (units x indicators x grades, each row summing to about 1).
 */
export type FuzzyInput =
  | {
      /** Indicator values, rows = units, columns = indicators. */
      values: MatrixInput;
      /**
       * Grade breakpoints in ascending order of value: one list for every indicator, or one list per
       * indicator. Their number is the number of grades (at least 2).
       */
      breakpoints: readonly number[] | readonly (readonly number[])[];
      /** `benefit` (default; the highest breakpoint is the best grade) or `cost` per indicator. */
      directions?: readonly ("benefit" | "cost")[];
    }
  | {
      /** Membership rows r_ij per unit: units x indicators x grades (best grade first). */
      memberships: readonly (readonly (readonly number[])[])[];
    };

/** Options of {@link fuzzyEvaluation} and {@link fuzzyEvaluationMultiLevel}. */
export interface FuzzyOptions {
  /** Composition operator; default `weighted-average`. */
  operator?: FuzzyOperator;
  /**
   * Score of each grade, best grade first, for S = B̂ · V. Default: evenly spaced 100 (p - k) / p, i.e.
   * [100, 80, 60, 40, 20] for five grades. Other common choice: [95, 85, 75, 65, 55].
   */
  gradeScores?: readonly number[];
  /** Label of each grade, best first. Default for five grades: excellent, good, fair, poor, very poor (优/良/中/较差/差). */
  gradeLabels?: readonly string[];
  /**
   * Given membership rows must sum to 1 within this tolerance (default 0.02, which accepts rounded
   * survey shares such as 0.33 + 0.33 + 0.33); rows within it are rescaled to sum exactly 1, rows
   * outside it are an error (`invalid_membership`).
   */
  tolerance?: number;
}

/** Result of {@link fuzzyEvaluation}: one entry per unit in each array. Grades are indexed best first. */
export interface FuzzyResult {
  /** Composite membership vector B = A o R of each unit (length p, best grade first). */
  memberships: number[][];
  /** B scaled to sum 1 (B̂). */
  normalized: number[][];
  /** Maximum-membership grade index (0 = best grade); a tie goes to the better grade. */
  grades: number[];
  /** Label of the maximum-membership grade. */
  labels: string[];
  /** Score S = B̂ · V with the grade scores V. */
  scores: number[];
  /** Rank by score: 1 = best, ties share the lowest rank ("min"). */
  ranks: number[];
  /** Every option that ran, defaults filled in (provenance). */
  options: {
    /** Composition operator used. */
    operator: FuzzyOperator;
    /** Grade scores used, best first. */
    gradeScores: number[];
    /** Grade labels used, best first. */
    gradeLabels: string[];
    /** Weights of the top-level composition, scaled to sum 1 (indicator weights; group weights in the multi-level method). */
    weights: number[];
  };
}

const OPERATORS: readonly FuzzyOperator[] = ["weighted-average", "min-max", "product-max", "min-bounded-sum"];
const FIVE_LABELS = ["excellent", "good", "fair", "poor", "very poor"];

/**
 * Memberships of one value in p ordered grades by the ascending/descending half-trapezoid scheme
 * (升/降半梯形): a value at or beyond an end breakpoint belongs wholly to that end grade;
 * between two neighbouring breakpoints it is shared linearly between their grades; the memberships sum
 * to 1. The result is in grade order, best grade first: for a `benefit` indicator the highest
 * breakpoint is the best grade, for a `cost` indicator the lowest.
 *
 * Reference: the standard piecewise-linear membership of fuzzy comprehensive evaluation (e.g. Zadeh
 * 1965; Chinese textbooks on 模糊综合评价).
 *
 * @param breakpoints grade breakpoints s_1 < ... < s_p in ascending order of value.
 * @throws IndicatrixError `too_few_grades` (fewer than 2 breakpoints), `invalid_breakpoints` (not
 *   strictly ascending or not finite), `invalid_option` (x not finite, unknown direction).
 * @example
 * ```ts
 * fuzzyMembership(75, [60, 70, 80, 90]); // grades best first: >=90, 80, 70, <=60
 * // => [0, 0.5, 0.5, 0]
 * fuzzyMembership(62, [60, 70, 80, 90]);
 * // => [0, 0, 0.2, 0.8]   (approximately)
 * fuzzyMembership(62, [60, 70, 80, 90], "cost"); // the best grade is now the lowest value, 60
 * // => [0.8, 0.2, 0, 0]   (approximately)
 * fuzzyMembership(95, [60, 70, 80, 90]);
 * // => [1, 0, 0, 0]
 * ```
 */
export function fuzzyMembership(
  x: number,
  breakpoints: readonly number[],
  direction: "benefit" | "cost" = "benefit",
): number[] {
  checkBreakpoints(breakpoints, "breakpoints");
  if (typeof x !== "number" || !Number.isFinite(x))
    fail("invalid_option", "x", `expected a finite number, got ${x}`);
  if (direction !== "benefit" && direction !== "cost")
    fail("invalid_option", "direction", `expected "benefit" or "cost", got ${String(direction)}`);
  const out = new Float64Array(breakpoints.length);
  ascendingMembership(x, Float64Array.from(breakpoints), out);
  const mu = Array.from(out);
  return direction === "benefit" ? mu.reverse() : mu;
}

/** Memberships in ascending order of breakpoint into `out` (length p). */
function ascendingMembership(x: number, s: Float64Array, out: Float64Array): void {
  const p = s.length;
  out.fill(0);
  if (x <= s[0]!) out[0] = 1;
  else if (x >= s[p - 1]!) out[p - 1] = 1;
  else {
    let k = 0;
    while (x > s[k + 1]!) k++;
    // s[k] < x <= s[k + 1]
    const up = (x - s[k]!) / (s[k + 1]! - s[k]!);
    out[k + 1] = up;
    out[k] = 1 - up;
  }
}

function checkBreakpoints(s: unknown, path: string): asserts s is readonly number[] {
  if (!Array.isArray(s)) fail("invalid_breakpoints", path, "expected an array of numbers in ascending order");
  if (s.length < 2)
    fail("too_few_grades", path, `fuzzy evaluation needs at least two grades, got ${s.length}`);
  let previous = Number.NEGATIVE_INFINITY;
  s.forEach((v: unknown, k) => {
    if (typeof v !== "number" || !Number.isFinite(v))
      fail("invalid_breakpoints", `${path}[${k}]`, `expected a finite number, got ${String(v)}`);
    if (!(v > previous))
      fail(
        "invalid_breakpoints",
        path,
        `breakpoints must be strictly ascending in value (lowest first), but entry ${k} (${v}) is not above entry ${k - 1} (${previous})`,
      );
    previous = v;
  });
}

/**
 * Membership rows of every unit: `rows[i][j]` is the membership row of unit i on indicator j, best
 * grade first. Checks the input and returns the grade count p. @internal
 */
export function membershipRows(
  input: FuzzyInput,
  tolerance: number,
): { m: number; n: number; p: number; rows: Float64Array[][] } {
  if (input === null || typeof input !== "object")
    fail("invalid_option", "input", "expected { values, breakpoints } or { memberships }");
  if ("memberships" in input) {
    const units = input.memberships;
    if (!Array.isArray(units) || units.length === 0)
      fail(
        "invalid_membership",
        "input.memberships",
        "expected a non-empty array (units x indicators x grades)",
      );
    const first = units[0];
    if (!Array.isArray(first) || first.length === 0)
      fail("invalid_membership", "input.memberships[0]", "expected a non-empty array of membership rows");
    const n = first.length;
    const p = Array.isArray(first[0]) ? first[0].length : 0;
    if (p < 2)
      fail(
        "too_few_grades",
        "input.memberships[0][0]",
        `fuzzy evaluation needs at least two grades, got ${p}`,
      );
    const rows = units.map((unit, i) => {
      if (!Array.isArray(unit) || unit.length !== n)
        fail(
          "invalid_membership",
          `input.memberships[${i}]`,
          `expected ${n} membership rows (one per indicator)`,
        );
      return unit.map((row, j) => {
        const path = `input.memberships[${i}][${j}]`;
        if (!Array.isArray(row) || row.length !== p)
          fail("invalid_membership", path, `expected ${p} grade memberships`);
        let sum = 0;
        for (let k = 0; k < p; k++) {
          const v = row[k];
          if (typeof v !== "number" || !(v >= 0 && v <= 1))
            fail(
              "invalid_membership",
              `${path}[${k}]`,
              `a membership must be a number in [0, 1], got ${String(v)}`,
            );
          sum += v;
        }
        if (Math.abs(sum - 1) > tolerance)
          fail(
            "invalid_membership",
            path,
            `membership row sums to ${sum}, not 1 (tolerance ${tolerance}); survey shares must cover all grades`,
          );
        return Float64Array.from(row, (v) => v / sum);
      });
    });
    return { m: units.length, n, p, rows };
  }
  if (!("values" in input))
    fail("invalid_option", "input", "expected { values, breakpoints } or { memberships }");
  const { m, n, cols } = readMatrix(input.values, "input.values");
  const bp = input.breakpoints;
  if (!Array.isArray(bp) || bp.length === 0)
    fail(
      "invalid_breakpoints",
      "input.breakpoints",
      "expected breakpoints in ascending order (one list, or one per indicator)",
    );
  const perIndicator = Array.isArray(bp[0]);
  let lists: Float64Array[];
  if (perIndicator) {
    if (bp.length !== n)
      fail("invalid_breakpoints", "input.breakpoints", `expected ${n} breakpoint lists (one per indicator)`);
    lists = (bp as readonly (readonly number[])[]).map((s, j) => {
      checkBreakpoints(s, `input.breakpoints[${j}]`);
      return Float64Array.from(s);
    });
  } else {
    checkBreakpoints(bp, "input.breakpoints");
    const shared = Float64Array.from(bp as readonly number[]);
    lists = cols.map(() => shared);
  }
  const p = lists[0]?.length ?? 0;
  lists.forEach((s, j) => {
    if (s.length !== p)
      fail(
        "invalid_breakpoints",
        `input.breakpoints[${j}]`,
        `has ${s.length} grades but indicator 0 has ${p}`,
      );
  });
  const dirs = input.directions;
  if (dirs !== undefined && (!Array.isArray(dirs) || dirs.length !== n))
    fail("invalid_direction", "input.directions", `expected ${n} directions (one per indicator)`);
  dirs?.forEach((d, j) => {
    if (d !== "benefit" && d !== "cost")
      fail(
        "invalid_direction",
        `input.directions[${j}]`,
        `expected "benefit" or "cost", got ${JSON.stringify(d)}`,
      );
  });
  const indicators = cols.map((col, j) => ({
    col,
    breakpoints: lists[j]!,
    benefit: dirs?.[j] !== "cost",
  }));
  const tmp = new Float64Array(p);
  const rows = Array.from({ length: m }, (_, i) =>
    indicators.map(({ col, breakpoints, benefit }) => {
      ascendingMembership(col[i]!, breakpoints, tmp);
      const row = new Float64Array(p);
      for (let k = 0; k < p; k++) row[k] = tmp[benefit ? p - 1 - k : k]!;
      return row;
    }),
  );
  return { m, n, p, rows };
}

/** B = A o R for one unit: `rows` are the n membership rows, `a` the n weights (sum 1). @internal */
export function compose(
  rows: readonly Float64Array[],
  a: Float64Array,
  p: number,
  op: FuzzyOperator,
): Float64Array {
  const b = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    let acc = 0;
    let i = 0;
    for (const row of rows) {
      const ai = a[i++]!;
      const r = row[k]!;
      if (op === "weighted-average") acc += ai * r;
      else if (op === "min-max") acc = Math.max(acc, Math.min(ai, r));
      else if (op === "product-max") acc = Math.max(acc, ai * r);
      else acc += Math.min(ai, r);
    }
    b[k] = op === "min-bounded-sum" ? Math.min(1, acc) : acc;
  }
  return b;
}

/** Resolves operator, grade scores and labels for p grades. @internal */
export function fuzzySettings(
  opts: FuzzyOptions,
  p: number,
): { operator: FuzzyOperator; gradeScores: number[]; gradeLabels: string[] } {
  const operator = opts.operator ?? "weighted-average";
  if (!OPERATORS.includes(operator))
    fail(
      "invalid_option",
      "opts.operator",
      `expected one of ${OPERATORS.join(", ")}, got ${String(operator)}`,
    );
  const gradeScores = opts.gradeScores
    ? [...opts.gradeScores]
    : Array.from({ length: p }, (_, k) => (100 * (p - k)) / p);
  if (gradeScores.length !== p || !gradeScores.every((v) => Number.isFinite(v)))
    fail("invalid_option", "opts.gradeScores", `expected ${p} finite numbers (one per grade, best first)`);
  const gradeLabels = opts.gradeLabels
    ? [...opts.gradeLabels]
    : p === 5
      ? [...FIVE_LABELS]
      : Array.from({ length: p }, (_, k) => `grade ${k + 1}`);
  if (gradeLabels.length !== p || !gradeLabels.every((v) => typeof v === "string"))
    fail("invalid_option", "opts.gradeLabels", `expected ${p} strings (one per grade, best first)`);
  return { operator, gradeScores, gradeLabels };
}

/** The membership-row tolerance of `opts` (default 0.02), checked. @internal */
export function fuzzyTolerance(opts: FuzzyOptions): number {
  const t = opts.tolerance ?? 0.02;
  if (typeof t !== "number" || !(t >= 0 && t < 1))
    fail("invalid_option", "opts.tolerance", `expected a number in [0, 1), got ${String(t)}`);
  return t;
}

/** Turns composite vectors B into the result fields (B̂, grade, label, score, rank). @internal */
export function summarize(
  bs: Float64Array[],
  settings: { operator: FuzzyOperator; gradeScores: number[]; gradeLabels: string[] },
  weights: Float64Array,
): FuzzyResult {
  const normalized: number[][] = [];
  const grades: number[] = [];
  const labels: string[] = [];
  const scores = new Float64Array(bs.length);
  const V = Float64Array.from(settings.gradeScores);
  bs.forEach((b, i) => {
    let sum = 0;
    let best = 0;
    for (let k = 0; k < b.length; k++) {
      sum += b[k]!;
      if (b[k]! > b[best]!) best = k;
    }
    if (!(sum > 0)) fail("invalid_membership", `unit ${i}`, "composite membership is zero in every grade");
    const bn = Array.from(b, (v) => v / sum);
    normalized.push(bn);
    grades.push(best);
    labels.push(settings.gradeLabels[best]!);
    let s = 0;
    bn.forEach((v, k) => {
      s += v * V[k]!;
    });
    scores[i] = s;
  });
  return {
    memberships: bs.map((b) => Array.from(b)),
    normalized,
    grades,
    labels,
    scores: Array.from(scores),
    ranks: toArray(rankDescending(scores)),
    options: {
      operator: settings.operator,
      gradeScores: settings.gradeScores,
      gradeLabels: settings.gradeLabels,
      weights: Array.from(weights),
    },
  };
}

/**
 * Fuzzy comprehensive evaluation (模糊综合评价, FCE): for each unit, combines the membership rows of its
 * indicators in p ordered grades with the indicator weights A into one membership vector B = A o R,
 * then reads off the maximum-membership grade and a score B̂ · V. Use it when indicators are graded
 * (survey answers such as "very satisfied ... very dissatisfied", or values judged against grade
 * standards) and the result should be a grade; use {@link topsis} or a weighted sum to rank on numeric
 * values. Each unit is evaluated on its own: one unit is enough. For an indicator tree, see
 * {@link fuzzyEvaluationMultiLevel}.
 *
 * Reference: Zadeh, L.A. (1965) Fuzzy sets, Information and Control 8:338-353; operators as in standard
 * textbooks on 模糊综合评价 (docs/methods.md source [S23]).
 *
 * @param input indicator values with grade breakpoints, or membership rows (survey shares).
 * @param weights one non-negative weight per indicator; scaled to sum 1.
 * @throws IndicatrixError `too_few_grades` (fewer than 2), `invalid_breakpoints` (not ascending),
 *   `invalid_membership` (entries outside [0, 1], rows not summing to 1 within `tolerance`, ragged),
 *   `invalid_weights`, `invalid_direction`, `invalid_matrix`, `invalid_option`.
 * @example
 * ```ts
 * // one unit, two survey items, three grades (good, fair, poor): shares of respondents
 * const r = fuzzyEvaluation({ memberships: [[[0.6, 0.3, 0.1], [0.2, 0.5, 0.3]]] }, [0.5, 0.5]);
 * r.memberships[0]; // => [0.4, 0.4, 0.2]   (approximately)
 * r.labels[0];      // => "grade 1"   (a tie goes to the better grade)
 * r.scores[0];      // => 73.33333333333334   (0.4 * 100 + 0.4 * 66.67 + 0.2 * 33.33)
 * ```
 */
export function fuzzyEvaluation(
  input: FuzzyInput,
  weights: readonly number[],
  opts: FuzzyOptions = {},
): FuzzyResult {
  const { n, p, rows } = membershipRows(input, fuzzyTolerance(opts));
  const settings = fuzzySettings(opts, p);
  const a = normalizedWeights(weights, n, "weights");
  const bs = rows.map((unitRows) => compose(unitRows, a, p, settings.operator));
  return summarize(bs, settings, a);
}
