// The MCDM reference cases of test/fixtures/mcdm (expected.json, written by compute.py from the papers'
// formulas with numpy and checked there against pymcdm 1.4.0 and pyDecision 4.9.1 with --peers), and the
// property checks every method of issue 17 item 1 shares: a dominating unit ranks first, and permuting
// the units permutes the results.
import { fc } from "@fast-check/vitest";
import { expect } from "vitest";
import type { Direction } from "../../src/internal/types.js";
import REF from "../fixtures/mcdm/expected.json" with { type: "json" };

type Vec = number[];
type Flows = { phiPlus: Vec; phiMinus: Vec; phi: Vec };

/** One reference case: matrix, weights, directions and every method's outputs. */
export interface McdmCase {
  name: string;
  x: number[][];
  w: number[];
  types: ("benefit" | "cost")[];
  integer: boolean;
  vikor: { S: Vec; R: Vec; Q: Vec; c1: boolean; c2: boolean; compromise: number[] };
  vikorV03: { S: Vec; R: Vec; Q: Vec; c1: boolean; c2: boolean; compromise: number[] };
  promethee: {
    q: Vec;
    p: Vec;
    s: Vec;
    usual: Flows;
    "u-shape": Flows;
    "v-shape": Flows;
    level: Flows;
    linear: Flows;
    gaussian: Flows;
    mixed: Flows & { functions: string[] };
    partialOrder: (number | null)[][];
  };
  edas: { SP: Vec; SN: Vec; AS: Vec };
  waspas: { WSM: Vec; WPM: Vec; Q: Vec };
  waspasL03: { WSM: Vec; WPM: Vec; Q: Vec };
  waspasShifted: { WSM: Vec; WPM: Vec; Q: Vec };
  copras: { Splus: Vec; Sminus: Vec; Q: Vec; N: Vec };
  mabac: { G: Vec; S: Vec };
}

/** A pymcdm 1.4.0 docstring example: its matrix, weights, types, printed results and compute.py's values (weights scaled to sum 1). */
export interface DocExample {
  x: number[][];
  w: number[];
  types: ("benefit" | "cost")[];
  printed: Vec;
  computed: Vec;
  pymcdmFormula?: Vec;
  computedRawWeights?: Vec;
  printedPhiPlus?: Vec;
  printedPhiMinus?: Vec;
}

export const CASES = REF.cases as unknown as McdmCase[];
export const DOCS = REF.docs as unknown as Record<
  "vikor" | "promethee" | "edas" | "waspas" | "copras" | "mabac",
  DocExample
>;

/** Expects `actual` to equal `expected` entry by entry within a relative `tol` (relative to max(1, |e|)). */
export function expectRel(actual: readonly number[], expected: readonly number[], tol = 1e-12): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i] as number;
    expect(Math.abs(a - e), `entry ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e)));
  });
}

/** Columnar copy of a row matrix. */
export function cols(rows: readonly (readonly number[])[]): { columns: Float64Array[] } {
  const n = (rows[0] as readonly number[]).length;
  return { columns: Array.from({ length: n }, (_, j) => Float64Array.from(rows, (r) => r[j] as number)) };
}

/** A method under the property checks: matrix, weights, directions -> a score per unit and ranks. */
export type Ranker = (
  x: number[][],
  w: number[],
  directions: Direction[],
) => { values: readonly number[]; ranks: readonly number[] };

/** Matrices of positive values (1..100), weights and benefit/cost directions. */
export const problem = fc
  .record({ m: fc.integer({ min: 3, max: 12 }), n: fc.integer({ min: 2, max: 6 }) })
  .chain(({ m, n }) =>
    fc.record({
      x: fc.array(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: n, maxLength: n }), {
        minLength: m,
        maxLength: m,
      }),
      w: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: n, maxLength: n }),
      cost: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      perm: fc.shuffledSubarray(
        Array.from({ length: m }, (_, i) => i),
        { minLength: m, maxLength: m },
      ),
      at: fc.integer({ min: 0, max: m - 1 }),
    }),
  );

export type Problem = typeof problem extends fc.Arbitrary<infer T> ? T : never;

/** The problem with unit `at` replaced by one strictly better than every unit on every column. */
export function withDominating({ x, cost, at }: Problem): number[][] {
  const n = cost.length;
  const best = Array.from({ length: n }, (_, j) =>
    cost[j] ? Math.min(...x.map((r) => r[j] as number)) / 2 : Math.max(...x.map((r) => r[j] as number)) + 1,
  );
  return x.map((r, i) => (i === at ? best : [...r]));
}

/** Directions of a problem. */
export function dirs({ cost }: Problem): Direction[] {
  return cost.map((c) => (c ? "cost" : "benefit"));
}

/** Checks that the dominating unit ranks 1 and that permuting the units permutes values and ranks. */
export function checkProperties(run: Ranker, p: Problem): void {
  const d = dirs(p);
  const x = withDominating(p);
  const r = run(x, p.w, d);
  expect(r.ranks[p.at], `dominating unit ${p.at}`).toBe(1);
  const permuted = run(
    p.perm.map((i) => x[i] as number[]),
    p.w,
    d,
  );
  p.perm.forEach((i, k) => {
    const a = permuted.values[k] as number;
    const b = r.values[i] as number;
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
  });
  // Ranks of distinct values follow the values; exact ties may round apart after a permutation.
  p.perm.forEach((i, k) => {
    const b = r.values[i] as number;
    const unique = r.values.filter((v) => Math.abs(v - b) <= 1e-12 * Math.max(1, Math.abs(b))).length === 1;
    if (unique) expect(permuted.ranks[k]).toBe(r.ranks[i]);
  });
}
