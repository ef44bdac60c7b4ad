import { fail } from "../../internal/errors.js";
import { checkValues, groupIndex } from "./values.js";

/** Options of {@link theil}. */
export interface TheilOptions {
  /** `"T"` (default): Theil's T = GE(1); `"L"`: Theil's L = GE(0), the mean log deviation (needs values > 0). */
  index?: "T" | "L";
  /** Group label of each value (aligned with the values): adds the within/between decomposition. */
  groups?: ArrayLike<string>;
  /**
   * Weight of each unit, such as its population P_i (aligned, finite, >= 0, positive sum): the weighted
   * form T = sum_i (Y_i / Y) ln((Y_i / Y) / (P_i / P)) with Y_i = y_i P_i. Default: every unit counts once.
   */
  weights?: ArrayLike<number>;
}

/** One group of a {@link theil} decomposition. */
export interface TheilGroup {
  /** Group label. */
  group: string;
  /** Number of units in the group. */
  n: number;
  /** (Weighted) mean of the group. */
  mean: number;
  /** p_g, the group's share of the units (of the weight). */
  unitShare: number;
  /** s_g, the group's share of the total value. */
  valueShare: number;
  /** The index within the group (0 for a group of one unit or of zeros). */
  value: number;
}

/** Result of {@link theil}. */
export interface TheilResult {
  /** Which index ran. */
  index: "T" | "L";
  /** The index over all units. */
  value: number;
  /** With groups: sum_g s_g T_g (T) or sum_g p_g L_g (L). */
  within?: number;
  /** With groups: sum_g s_g ln(mu_g / mu) (T) or sum_g p_g ln(mu / mu_g) (L). */
  between?: number;
  /** With groups: within / value and between / value (both 0 when the index is 0). */
  contributions?: { within: number; between: number };
  /** With groups: every group, in first-seen order. */
  groups?: TheilGroup[];
}

/**
 * Theil's inequality indices, the generalized entropy GE(1) ("T") and GE(0) ("L", the mean log
 * deviation), with their exact decomposition into within-group and between-group parts (Shorrocks
 * 1980): T = sum_i (y_i / mu) ln(y_i / mu) / N = sum_g s_g T_g + sum_g s_g ln(mu_g / mu);
 * L = sum_i ln(mu / y_i) / N = sum_g p_g L_g + sum_g p_g ln(mu / mu_g), with p_g the group's share of the
 * units and s_g its share of the total value. The value is computed as within + between, so the
 * parts sum to it exactly. T gives more weight to the top of the distribution, L to the bottom.
 * T takes 0 ln 0 = 0 (values >= 0, positive mean); L needs every value > 0. With `weights`
 * (population), each unit counts by its weight: the population-weighted form common in regional
 * studies.
 *
 * Use it instead of {@link gini} when the split into within and between must be exact and additive;
 * use {@link dagumGini} for the Gini's three-way split.
 *
 * Reference: Theil, H. (1967) Economics and Information Theory; Shorrocks, A.F. (1980) The class of
 * additively decomposable inequality measures, Econometrica 48:613-625.
 *
 * @param values the values (scores), finite; >= 0 with a positive mean for T, > 0 for L.
 * @param opts the index, the groups and the unit weights.
 * @throws IndicatrixError `too_few_values`, `non_finite_value`, `negative_value`, `zero_mean`,
 *   `nonpositive_value` (L), `length_mismatch`, `invalid_option`, `invalid_weights` (a weight that is
 *   negative or not finite, or weights that sum to 0).
 * @example
 * ```ts
 * theil([1, 2, 3, 4]).value; // => 0.10644013528622315
 * const t = theil([1, 2, 3, 4], { groups: ["a", "a", "b", "b"] });
 * [t.within, t.between]; // => [0.0241572..., 0.0822828...]   (sum: t.value)
 * ```
 */
export function theil(values: ArrayLike<number>, opts: TheilOptions = {}): TheilResult {
  const index = opts.index ?? "T";
  if (index !== "T" && index !== "L")
    fail("invalid_option", ["opts", "index"], `the Theil index is "T" or "L", got ${JSON.stringify(index)}`);
  const y = checkValues(values, `Theil's ${index}`, index === "T" ? "nonnegative" : "positive");
  const n = y.length;
  const w = weightsOf(opts.weights, n);
  const labels = opts.groups === undefined ? undefined : groupIndex(opts.groups, n, "opts.groups");
  const k = labels ? labels.labels.length : 1;
  const of = labels ? labels.of : new Int32Array(n);
  // Group totals: weight W_g and value V_g = sum w_i y_i.
  const W = new Float64Array(k);
  const V = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    W[of[i]!] = W[of[i]!]! + w[i]!;
    V[of[i]!] = V[of[i]!]! + w[i]! * y[i]!;
  }
  let Wt = 0;
  let Vt = 0;
  for (let g = 0; g < k; g++) {
    Wt += W[g]!;
    Vt += V[g]!;
  }
  if (!(Vt > 0)) fail("zero_mean", ["values"], `Theil's ${index} needs a positive (weighted) mean`);
  const mu = Vt / Wt;
  const means = Float64Array.from(W, (wg, g) => (wg > 0 ? V[g]! / wg : 0));
  // Within-group index: T_g = sum w_i (y_i / mu_g) ln(y_i / mu_g) / W_g; L_g = sum w_i ln(mu_g / y_i) / W_g.
  const inner = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const g = of[i]!;
    const m = means[g]!;
    if (w[i] === 0 || m === 0) continue;
    const r = y[i]! / m;
    inner[g] = inner[g]! + w[i]! * (index === "T" ? (r === 0 ? 0 : r * Math.log(r)) : -Math.log(r));
  }
  let within = 0;
  let between = 0;
  const groups: TheilGroup[] = [];
  for (let g = 0; g < k; g++) {
    const value = W[g]! > 0 ? Math.max(0, inner[g]! / W[g]!) : 0;
    const unitShare = W[g]! / Wt;
    const valueShare = V[g]! / Vt;
    if (index === "T") {
      within += valueShare * value;
      if (valueShare > 0) between += valueShare * Math.log(means[g]! / mu);
    } else {
      within += unitShare * value;
      if (unitShare > 0) between += unitShare * Math.log(mu / means[g]!);
    }
    if (labels)
      groups.push({
        group: labels.labels[g]!,
        n: labels.sizes[g]!,
        mean: means[g]!,
        unitShare,
        valueShare,
        value,
      });
  }
  if (!labels) return { index, value: Math.max(0, within) };
  between = Math.max(0, between);
  const value = within + between;
  return {
    index,
    value,
    within,
    between,
    contributions: { within: value > 0 ? within / value : 0, between: value > 0 ? between / value : 0 },
    groups,
  };
}

function weightsOf(weights: ArrayLike<number> | undefined, n: number): Float64Array {
  if (weights === undefined) return new Float64Array(n).fill(1);
  if (weights === null || typeof weights !== "object" || weights.length !== n)
    fail("length_mismatch", ["opts", "weights"], `there are ${n} values and ${weights?.length} weights`);
  let sum = 0;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = weights[i];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
      fail(
        "invalid_weights",
        ["opts", "weights", i],
        `a unit weight must be finite and >= 0, got ${String(v)}`,
      );
    w[i] = v;
    sum += v;
  }
  if (!(sum > 0)) fail("invalid_weights", ["opts", "weights"], "the unit weights sum to 0");
  return w;
}
