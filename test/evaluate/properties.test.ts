// Cross-method invariants (fast-check, seeded): a unit that dominates every other unit on every
// indicator ranks first in TOPSIS, grey relational analysis and RSR.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { greyRelational } from "../../src/evaluate/grey-relational.js";
import { rankSumRatio } from "../../src/evaluate/rank-sum-ratio.js";
import { topsis } from "../../src/evaluate/topsis.js";
import type { Direction } from "../../src/internal/types.js";

const caseArb = fc
  .record({ m: fc.integer({ min: 2, max: 10 }), n: fc.integer({ min: 1, max: 5 }) })
  .chain(({ m, n }) =>
    fc.record({
      rows: fc.array(fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: n, maxLength: n }), {
        minLength: m - 1,
        maxLength: m - 1,
      }),
      w: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
      costs: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      at: fc.nat({ max: m - 1 }),
    }),
  );

test.prop([caseArb], { seed: 42, numRuns: 300 })(
  "a dominating unit ranks first in topsis, greyRelational and rankSumRatio",
  ({ rows, w, costs, at }) => {
    const n = w.length;
    const directions: Direction[] = costs.map((c) => (c ? "cost" : "benefit"));
    // strictly better than every other unit on every indicator: above the max (benefit) or below the min (cost)
    const best = Array.from({ length: n }, (_, j) => {
      const col = rows.map((r) => r[j] as number);
      return costs[j] ? Math.min(...col) - 1 : Math.max(...col) + 1;
    });
    const all = [...rows.slice(0, at), best, ...rows.slice(at)];
    for (const normalization of ["vector", "minmax", "none"] as const)
      expect(topsis(all, w, { directions, normalization }).ranks[at]).toBe(1);
    expect(greyRelational(all, { directions, preprocess: "minmax", weights: w }).ranks[at]).toBe(1);
    expect(rankSumRatio(all, { directions }).ranks[at]).toBe(1);
    expect(rankSumRatio(all, { directions, weights: w, method: "non-integer" }).ranks[at]).toBe(1);
  },
);
