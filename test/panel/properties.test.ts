import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { Model } from "../../src/indicators/schema.js";
import { scorePanel } from "../../src/panel/score-panel.js";
import { score } from "../../src/score/score.js";

/** root = weighted mean of g (x1, x2 cost) and x3; weights equal or entropy at the root. */
const model = (root: "equal" | "entropy", gWeights: [number, number] = [1, 1]): Model => ({
  id: "p",
  tree: {
    id: "root",
    children: [{ id: "g", children: [{ id: "x1" }, { id: "x2", direction: "cost" }] }, { id: "x3" }],
  },
  profiles: {
    normal: {
      weights: {
        root: root === "entropy" ? { method: "entropy" } : "equal",
        g: { method: "fixed", weights: { x1: gWeights[0], x2: gWeights[1] } },
      },
    },
  },
});

const value = fc.oneof(
  { weight: 9, arbitrary: fc.integer({ min: 0, max: 1000 }).map((v) => v / 10) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const unitsArb = fc.integer({ min: 2, max: 8 });
/** A panel: r periods x m units, each (x1, x2, x3) with some missing values. */
const panelArb = fc
  .tuple(fc.integer({ min: 1, max: 4 }), unitsArb)
  .chain(([r, m]) =>
    fc.tuple(
      fc.constant(r),
      fc.constant(m),
      fc.array(fc.tuple(value, value, value), { minLength: r * m, maxLength: r * m }),
    ),
  );
const rowsOf = (
  r: number,
  m: number,
  cells: [number | null, number | null, number | null][],
  label = (t: number) => 2020 + t,
) =>
  cells
    .map(([x1, x2, x3], k) => ({ unit: `u${k % m}`, year: label(Math.floor(k / m)), x1, x2, x3 }))
    .slice(0, r * m);

describe("scorePanel() properties", () => {
  test.prop(
    [
      unitsArb.chain((m) =>
        fc.tuple(fc.constant(m), fc.array(fc.tuple(value, value, value), { minLength: m, maxLength: m })),
      ),
      fc.constantFrom<"equal" | "entropy">("equal", "entropy"),
    ],
    { seed: 7, numRuns: 100 },
  )("a one-period panel equals score() exactly (scores, ranks, weights, normalization)", ([m, cells], w) => {
    const rows = rowsOf(1, m, cells);
    let one: ReturnType<typeof score>;
    try {
      one = score(model(w), rows);
    } catch (e) {
      expect(() => scorePanel(model(w), rows)).toThrow((e as Error).message);
      return;
    }
    const p = scorePanel(model(w), rows).at(2020);
    expect(p.units).toEqual(one.units);
    for (const id of Object.keys(one.scores)) {
      expect([...(p.scores[id] as Float64Array)], id).toEqual([...(one.scores[id] as Float64Array)]);
      expect([...(p.ranks[id] as Uint32Array)], id).toEqual([...(one.ranks[id] as Uint32Array)]);
    }
    expect(p.weights).toEqual(one.weights);
    expect(p.normalization).toEqual(one.normalization);
  });

  test.prop([panelArb, fc.integer({ min: 0, max: 1000 })], { seed: 11, numRuns: 100 })(
    'with basis "pooled", scores do not change when periods are relabelled or the rows reordered',
    ([r, m, cells], seed) => {
      const rows = rowsOf(r, m, cells);
      const base = scorePanel(model("equal"), rows);
      // Relabel 2020.. as "w<k>" with a shuffled explicit order, and shuffle the rows.
      const perm = [...Array(r).keys()].sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13));
      const label = (year: number) => `w${perm[year - 2020]}`;
      const shuffled = rows
        .map((row, k) => ({
          row: { ...row, year: label(row.year) },
          key: (k * 2654435761 + seed) % 4294967296,
        }))
        .sort((a, b) => a.key - b.key)
        .map((x) => x.row);
      const order = [...Array(r).keys()].map((t) => `w${t}`).reverse();
      const other = scorePanel(model("equal"), shuffled, { periods: order });
      for (let t = 0; t < r; t++) {
        const a = base.at(2020 + t);
        const b = other.at(label(2020 + t));
        for (const [i, u] of a.units.entries()) {
          const j = b.units.indexOf(u);
          for (const id of ["root", "g", "x1", "x2", "x3"]) {
            expect(b.scores[id]?.[j], `${u} ${t} ${id}`).toEqual(a.scores[id]?.[i]);
            expect(b.ranks[id]?.[j]).toBe(a.ranks[id]?.[i]);
          }
        }
      }
    },
  );

  test.prop(
    [
      panelArb.filter(([r]) => r >= 2),
      fc.array(fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50)), { minLength: 4, maxLength: 4 }),
      fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })),
    ],
    { seed: 13, numRuns: 100 },
  )(
    "a unit whose raw values all improve never gets a lower pooled score (arithmetic, positive weights)",
    ([r, m, cells], steps, gw) => {
      const rows = rowsOf(r, m, cells);
      // Unit u0 improves every period: x1 and x3 rise, x2 (cost) falls.
      let [a, b, c] = [10, 90, 10];
      for (let t = 0; t < r; t++) {
        const row = rows[t * m] as (typeof rows)[number];
        const [d1, d2, d3] = steps[t] as [number, number, number];
        [a, b, c] = [a + d1 / 10, b - d2 / 10, c + d3 / 10];
        Object.assign(row, { x1: a, x2: b, x3: c });
      }
      const p = scorePanel(model("equal", gw), rows);
      let prev = Number.NEGATIVE_INFINITY;
      for (let t = 0; t < r; t++) {
        const res = p.at(2020 + t);
        const s = res.scores.root?.[res.units.indexOf("u0")] as number;
        expect(s).toBeGreaterThanOrEqual(prev);
        prev = s;
      }
    },
  );
});
