import { fail } from "../internal/errors.js";
import { type MatrixInput, readMatrix } from "../internal/matrix-input.js";
import { normalizedWeights } from "./shared.js";

/** Options of {@link couplingCoordination}. */
export interface CouplingOptions {
  /** Weights beta of the subsystems in T = sum beta_i U_i (scaled to sum 1); default equal. */
  betas?: readonly number[];
  /**
   * Coupling degree C: `traditional` (default, the normative form of Wang et al. 2021:
   * C = k (prod U)^(1/k) / sum U) or `modified` (Wang et al. 2021's corrected C, see
   * {@link couplingCoordination}; the formula is transcribed and not yet verified against the paper).
   */
  variant?: "traditional" | "modified";
}

/** A band of a banded scale, with Chinese and English labels. */
export interface CouplingBand {
  /** Band number, from 1 (lowest) upwards. */
  level: number;
  /** Chinese label, e.g. 中级协调. */
  zh: string;
  /** English label, e.g. "intermediate coordination". */
  en: string;
}

/** Result of {@link couplingCoordination}: one entry per unit (row) in each array. */
export interface CouplingResult {
  /** Coupling degree C in [0, 1]. */
  c: number[];
  /** Comprehensive coordination index T = sum beta_i U_i. */
  t: number[];
  /** Coupling coordination degree D = sqrt(C T). */
  d: number[];
  /** Band of D on the 10-band scale (0-0.1 extreme imbalance ... 0.9-1 high-quality coordination). */
  grades: CouplingBand[];
  /** Band of C (0-0.3 low-level coupling, 0.3-0.5 antagonism, 0.5-0.8 running-in, 0.8-1 high-level). */
  couplingBands: CouplingBand[];
  /** Every option that ran, defaults filled in (provenance). */
  options: {
    /** Variant of C used. */
    variant: "traditional" | "modified";
    /** Subsystem weights used, summing to 1. */
    betas: number[];
  };
}

const D_BANDS: readonly [string, string][] = [
  ["极度失调", "extreme imbalance"],
  ["严重失调", "severe imbalance"],
  ["中度失调", "moderate imbalance"],
  ["轻度失调", "mild imbalance"],
  ["濒临失调", "near imbalance"],
  ["勉强协调", "barely coordinated"],
  ["初级协调", "primary coordination"],
  ["中级协调", "intermediate coordination"],
  ["良好协调", "good coordination"],
  ["优质协调", "high-quality coordination"],
];
const C_BANDS: readonly [number, string, string][] = [
  [0.3, "低水平耦合", "low-level coupling"],
  [0.5, "拮抗", "antagonism"],
  [0.8, "磨合", "running-in"],
  [Number.POSITIVE_INFINITY, "高水平耦合", "high-level coupling"],
];

/**
 * The 10-band grade of a coupling coordination degree D in [0, 1] (Tian Shenzhen et al. 2021): bands
 * are [0, 0.1), [0.1, 0.2), ..., [0.9, 1], lower bound included, D = 1 in the top band.
 *
 * @example
 * ```ts
 * coordinationBand(0.702312);
 * // => { level: 8, zh: "中级协调", en: "intermediate coordination" }
 * ```
 */
export function coordinationBand(d: number): CouplingBand {
  if (typeof d !== "number" || !(d >= 0 && d <= 1))
    fail("value_out_of_range", "d", `D must lie in [0, 1], got ${d}`);
  const k = Math.min(9, Math.floor(d * 10));
  const [zh, en] = D_BANDS[k] as [string, string];
  return { level: k + 1, zh, en };
}

function couplingBand(c: number): CouplingBand {
  const k = C_BANDS.findIndex(([upper]) => c < upper);
  const [, zh, en] = C_BANDS[k] as [number, string, string];
  return { level: k + 1, zh, en };
}

/**
 * Coupling coordination degree model (耦合协调度): for each unit with subsystem scores U_1..U_k in
 * [0, 1], the coupling degree C (how evenly the subsystems move together), the comprehensive index
 * T = sum beta_i U_i and the coupling coordination degree D = sqrt(C T), with the 10-band grade of D
 * and the 4-band grade of C. Use it to judge balance between subsystems (for example the normal and
 * emergency profile scores of a unit: 平急结合); it is not a ranking method.
 *
 * `traditional` C = k (prod U)^(1/k) / sum U, the normative form of Wang Shujia et al. (2021); for
 * k = 2, C = 2 sqrt(U1 U2) / (U1 + U2). `modified` C (Wang et al. 2021, proposed because the
 * traditional C clusters near 1) is implemented as
 * C = sqrt( [1 - sum_{i>j} |U_i - U_j| / sum_{s=1}^{k-1} s] * (prod_i U_i / max U)^(1/(k-1)) ),
 * i.e. the product of the ratios U_i / max U (0.803726 for U = (0.6, 0.4, 0.5), computed by
 * test/fixtures/coupling/compute.py). For k = 2 it is the only reading consistent with the paper's
 * Table 8 (with the product divided once by max U, several published values would need U > 1). It is
 * not yet checked against the paper (VERIFY in docs/methods.md): check it before relying on it.
 *
 * C is 0 when any subsystem is 0, and for a unit with all scores 0 (0/0) C is defined as 0, so D = 0.
 *
 * References: Wang Shujia, Kong Wei, Ren Liang, Zhi Dandan, Dai Binting (2021) 国内耦合协调度模型的误区及修正,
 * Journal of Natural Resources 36(3):793-810; band scale after Tian Shenzhen et al. (2021), Acta
 * Geographica Sinica 76(4).
 *
 * @param u rows = units, columns = subsystems (at least 2), each score in [0, 1].
 * @throws IndicatrixError `invalid_matrix`, `value_out_of_range` (a score outside [0, 1]),
 *   `too_few_subsystems` (one column), `invalid_weights` (betas), `invalid_option` (variant).
 * @example
 * ```ts
 * const r = couplingCoordination([[0.6, 0.4, 0.5]]);
 * [r.c[0], r.t[0], r.d[0]]; // => [0.9864848297321881, 0.5, 0.7023121918819963]
 * r.grades[0].en;           // => "intermediate coordination"
 * ```
 */
export function couplingCoordination(u: MatrixInput, opts: CouplingOptions = {}): CouplingResult {
  const { m, n: k, cols } = readMatrix(u, "u");
  if (k < 2) fail("too_few_subsystems", "u", `coupling needs at least two subsystems (columns), got ${k}`);
  const variant = opts.variant ?? "traditional";
  if (variant !== "traditional" && variant !== "modified")
    fail("invalid_option", "opts.variant", `expected "traditional" or "modified", got ${String(variant)}`);
  const betas =
    opts.betas === undefined
      ? new Float64Array(k).fill(1 / k)
      : normalizedWeights(opts.betas, k, "opts.betas");
  const pairs = (k * (k - 1)) / 2; // = sum_{s=1}^{k-1} s
  const c: number[] = [];
  const t: number[] = [];
  const d: number[] = [];
  const vals = new Float64Array(k);
  for (let i = 0; i < m; i++) {
    let sum = 0;
    let max = 0;
    let tt = 0;
    let hasZero = false;
    for (let j = 0; j < k; j++) {
      const v = cols[j]![i]!;
      if (!(v >= 0 && v <= 1))
        fail(
          "value_out_of_range",
          `u[${i}][${j}]`,
          `row ${i}, subsystem ${j}: scores must lie in [0, 1], got ${v}`,
        );
      vals[j] = v;
      sum += v;
      if (v > max) max = v;
      if (v === 0) hasZero = true;
      tt += betas[j]! * v;
    }
    let cc = 0;
    if (!hasZero) {
      if (variant === "traditional") {
        // k (prod U)^(1/k) / sum U, through logs to avoid underflow for many subsystems
        let logProd = 0;
        for (let j = 0; j < k; j++) logProd += Math.log(vals[j]!);
        cc = (k * Math.exp(logProd / k)) / sum;
      } else {
        let diff = 0;
        let logRatio = 0;
        for (let j = 0; j < k; j++) {
          logRatio += Math.log(vals[j]! / max);
          for (let l = 0; l < j; l++) diff += Math.abs(vals[j]! - vals[l]!);
        }
        cc = Math.sqrt(Math.max(0, 1 - diff / pairs) * Math.exp(logRatio / (k - 1)));
      }
      cc = Math.min(1, cc); // rounding can push the equal-scores case a hair above 1
    }
    const dd = Math.sqrt(cc * tt);
    c.push(cc);
    t.push(tt);
    d.push(dd);
  }
  return {
    c,
    t,
    d,
    grades: d.map((v) => coordinationBand(Math.min(1, v))),
    couplingBands: c.map(couplingBand),
    options: { variant, betas: Array.from(betas) },
  };
}
