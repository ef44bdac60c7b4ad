// Weight invariants (fast-check, seeded) for the judgment-based methods of issue 17 on generated input:
// fuzzy AHP (both methods), DEMATEL (both normalizations) and BWM's non-linear model give finite,
// non-negative weights that sum to 1, and relabelling the criteria relabels the weights. (MEREC, Gini,
// CILOS, IDOCRIW, G1 and linear BWM have the same checks in their own files.)
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { bwm } from "../../src/weighting/bwm.js";
import { dematel } from "../../src/weighting/dematel.js";
import { fuzzyAhp } from "../../src/weighting/fuzzy-ahp.js";
import { expectClose } from "./helpers.js";
import { expectSimplex } from "./weights-more-helpers.js";

const SCALE = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1 / 2, 1, 2, 3, 5, 7, 9];

/** A reciprocal matrix of order 2..8 on Saaty's scale, and a permutation of its criteria. */
const reciprocal = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc.record({
    upper: fc.array(fc.constantFrom(...SCALE), {
      minLength: (n * (n - 1)) / 2,
      maxLength: (n * (n - 1)) / 2,
    }),
    perm: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    n: fc.constant(n),
  }),
);

function matrixOf(upper: readonly number[], n: number): number[][] {
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  let k = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      m[i]![j] = upper[k]!;
      m[j]![i] = 1 / upper[k++]!;
    }
  return m;
}

const relabel = (m: readonly (readonly number[])[], perm: readonly number[]) =>
  perm.map((i) => perm.map((j) => m[i]![j]!));

test.prop([reciprocal], { seed: 1720, numRuns: 100 })(
  "fuzzyAhp (buckley, chang): weights finite, non-negative, sum 1; relabelling the criteria relabels them",
  ({ upper, perm, n }) => {
    const m = matrixOf(upper, n);
    for (const method of ["buckley", "chang"] as const) {
      const w = fuzzyAhp(m, { method }).weights;
      expectSimplex(w);
      expectClose(
        fuzzyAhp(relabel(m, perm), { method }).weights,
        perm.map((i) => w[i]!),
        1e-12,
      );
    }
  },
);

/** A 0-4 direct-relation matrix of order 2..9 with a zero diagonal and at least one influence per row. */
const relation = fc.integer({ min: 2, max: 9 }).chain((n) =>
  fc.record({
    a: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }), {
      minLength: n,
      maxLength: n,
    }),
    perm: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
  }),
);

test.prop([relation], { seed: 1721, numRuns: 100 })(
  "dematel (max-row-column, row): weights finite, non-negative, sum 1; relabelling relabels them",
  ({ a, perm }) => {
    const A = a.map((row, i) => row.map((v, j) => (i === j ? 0 : v)));
    fc.pre(A.some((row) => row.some((v) => v > 0)));
    const rows = A.map((row) => row.reduce((s, v) => s + v, 0));
    const cols = A.map((_, j) => A.reduce((s, row) => s + row[j]!, 0));
    const same = (v: number[]) => v.every((s) => s === v[0]);
    for (const normalization of ["max-row-column", "row"] as const) {
      // I - N is singular (refused with invalid_matrix) when N's row sums (or, under max-row-column,
      // its column sums) are all 1: every row, or column, sums to the scale s
      const s = normalization === "row" ? Math.max(...rows) : Math.max(...rows, ...cols);
      if (
        (same(rows) && rows[0] === s) ||
        (normalization === "max-row-column" && same(cols) && cols[0] === s)
      )
        continue;
      const w = dematel(A, { normalization }).weights;
      expectSimplex(w);
      expectClose(
        dematel(relabel(A, perm), { normalization }).weights,
        perm.map((i) => w[i]!),
        1e-12,
      );
    }
  },
);

/** Best-worst judgments: best = criterion 0, worst = the last, a_BW the largest judgment. */
const judgments = fc.integer({ min: 3, max: 7 }).chain((n) =>
  fc.record({
    aB: fc.array(fc.integer({ min: 2, max: 9 }), { minLength: n, maxLength: n }),
    aW: fc.array(fc.integer({ min: 2, max: 9 }), { minLength: n, maxLength: n }),
  }),
);

test.prop([judgments], { seed: 1722, numRuns: 40 })(
  "bwm (nonlinear): weights finite, non-negative, sum 1; the ratio bounds hold at xi*",
  ({ aB, aW }) => {
    const w = aB.length - 1;
    aB[0] = 1;
    aW[w] = 1;
    aB[w] = Math.max(...aB);
    aW[0] = aB[w]!;
    const r = bwm({ best: 0, worst: w, bestToOthers: aB, othersToWorst: aW }, { model: "nonlinear" });
    expectSimplex(r.weights);
    expect(r.xi).toBeGreaterThanOrEqual(0);
    // the ratio bounds |w_B / w_j - a_Bj| <= xi* hold at the returned weights
    aB.forEach((a, j) => {
      expect(Math.abs(r.weights[0]! / r.weights[j]! - a)).toBeLessThanOrEqual(r.xi + 1e-7);
    });
  },
);
