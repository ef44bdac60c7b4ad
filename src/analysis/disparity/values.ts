import { fail } from "../../internal/errors.js";

/** The sign rule a disparity measure needs of its values. @internal */
export type ValueRule = "any" | "nonnegative" | "positive";

/**
 * Copies values into a Float64Array, checking that every value is finite, that there are at least `min`,
 * and the sign rule: `nonnegative` (Gini, Theil T: y >= 0 with a positive mean) or `positive` (Theil L).
 * @internal
 */
export function checkValues(
  values: ArrayLike<number>,
  measure: string,
  rule: ValueRule,
  min = 1,
  name = "values",
): Float64Array {
  if (values === null || typeof values !== "object" || typeof values.length !== "number")
    fail("invalid_option", [name], `${measure} needs an array of numbers`);
  const n = values.length;
  if (n < min) fail("too_few_values", [name], `${measure} needs at least ${min} values, got ${n}`);
  const y = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v))
      fail("non_finite_value", [name, i], `${measure} needs finite numbers, got ${String(v)}`);
    if (rule === "nonnegative" && v < 0)
      fail("negative_value", [name, i], `${measure} needs values >= 0, got ${v}`);
    if (rule === "positive" && v <= 0)
      fail("nonpositive_value", [name, i], `${measure} needs values > 0, got ${v}`);
    y[i] = v;
    sum += v;
  }
  if (rule !== "any" && !(sum > 0))
    fail("zero_mean", [name], `${measure} needs a positive mean, every value is 0`);
  return y;
}

/** Values split by group: the distinct labels in first-seen order and each value's group index. @internal */
export interface GroupIndex {
  /** Distinct group labels, in the order they first appear. */
  labels: string[];
  /** Group index of each value. */
  of: Int32Array;
  /** Number of values per group. */
  sizes: number[];
}

/** Checks that `groups` is aligned with `n` values and indexes its labels. @internal */
export function groupIndex(groups: ArrayLike<string>, n: number, name = "groups"): GroupIndex {
  if (groups === null || typeof groups !== "object" || typeof groups.length !== "number")
    fail("invalid_option", [name], "groups must be an array of labels, one per value");
  if (groups.length !== n)
    fail("length_mismatch", [name], `there are ${n} values and ${groups.length} group labels`);
  const labels: string[] = [];
  const sizes: number[] = [];
  const index = new Map<string, number>();
  const of = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const g = groups[i];
    if (typeof g !== "string" || g === "")
      fail("invalid_option", [name, i], `a group label must be a non-empty string`);
    let k = index.get(g);
    if (k === undefined) {
      k = labels.length;
      index.set(g, k);
      labels.push(g);
      sizes.push(0);
    }
    of[i] = k;
    sizes[k] = sizes[k]! + 1;
  }
  return { labels, of, sizes };
}

/** The values of each group, in their input order. @internal */
export function splitByGroup(y: Float64Array, idx: GroupIndex): Float64Array[] {
  const out = idx.sizes.map((s) => new Float64Array(s));
  const fill = new Array<number>(idx.sizes.length).fill(0);
  for (let i = 0; i < y.length; i++) {
    const g = idx.of[i]!;
    out[g]![fill[g]!] = y[i]!;
    fill[g] = fill[g]! + 1;
  }
  return out;
}

/** Arithmetic mean of a non-empty array. @internal */
export function meanOf(y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += y[i]!;
  return s / y.length;
}
