// Shared by the tests of MARCOS, MOORA, MULTIMOORA, ARAS, CoCoSo, CODAS, ELECTRE I and the rank
// combinations: the reference cases of test/fixtures/mcdm-b/compute.py (numpy, checked against
// pymcdm and pyDecision by peers.py) and small property-test helpers.
import { expect } from "vitest";
import type { Direction } from "../../src/internal/types.js";
import REF from "../fixtures/mcdm-b/expected.json" with { type: "json" };

export { errorOf } from "../helpers/errors.js";

export { REF };

/** The generated cases, with typed directions. */
export const CASES = REF.cases.map((c, k) => ({
  name: `case ${k} (${c.matrix.length} x ${c.weights.length})`,
  matrix: c.matrix,
  weights: c.weights,
  directions: c.directions as Direction[],
  expected: c.expected,
}));

/** Every entry within `tol`, relative to max(1, |expected|). */
export function close(actual: readonly number[], expected: readonly number[], tol = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i]!;
    expect(Math.abs(a - e), `entry ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e)));
  });
}

/** The rows of `x` in the order `perm` (row k of the result is row perm[k] of x). */
export function permuteRows<T>(x: readonly T[], perm: readonly number[]): T[] {
  return perm.map((p) => x[p]!);
}

/** A seeded positive matrix (m x n, values in [1, 100]) for property tests (mulberry32). */
export function seededMatrix(m: number, n: number, seed: number): number[][] {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: m }, () =>
    Array.from({ length: n }, () => 1 + Math.round(99 * next() * 100) / 100),
  );
}

/** `x` with a row appended that is strictly best on every column (by direction). */
export function withDominating(x: number[][], directions: readonly Direction[]): number[][] {
  const row = directions.map((d, j) => {
    const col = x.map((r) => r[j]!);
    return d === "cost" ? Math.min(...col) / 2 : Math.max(...col) * 1.5;
  });
  return [...x, row];
}

type Scored = { scores: number[]; ranks: number[] };

/** Checks that a dominating row ranks first and that permuting the rows permutes scores and ranks. */
export function checkProperties(
  run: (x: number[][], w: number[], directions: Direction[]) => Scored,
  seed: number,
): void {
  const directions: Direction[] = ["benefit", "cost", "benefit", "cost", "benefit"];
  const w = [0.3, 0.2, 0.25, 0.15, 0.1];
  for (let s = 0; s < 5; s++) {
    const x = withDominating(seededMatrix(7, 5, seed + s), directions);
    const r = run(x, w, directions);
    expect(r.ranks[7], `seed ${seed + s}: the dominating row ranks first`).toBe(1);
    const perm = [3, 7, 0, 5, 1, 6, 2, 4];
    const p = run(permuteRows(x, perm), w, directions);
    close(p.scores, permuteRows(r.scores, perm), 1e-12);
    expect(p.ranks).toEqual(permuteRows(r.ranks, perm));
  }
}

/** Rows and the same matrix as `{ columns }` give the same result. */
export function columnsOf(x: readonly (readonly number[])[]): { columns: Float64Array[] } {
  return { columns: x[0]!.map((_, j) => Float64Array.from(x, (r) => r[j]!)) };
}
