import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate } from "../../src/aggregate/aggregate.js";
import { compareProfiles } from "../../src/analysis/compare-profiles.js";
import { topsis } from "../../src/evaluate/topsis.js";
import { parseModel } from "../../src/indicators/parse-model.js";
import { MAX_ABS_VALUE } from "../../src/internal/limits.js";
import type { AggregateSpec, NormalizeSpec } from "../../src/internal/specs.js";
import type { Direction } from "../../src/internal/types.js";
import { normalizeDetailed } from "../../src/normalize/normalize.js";
import { toDataset } from "../../src/score/dataset.js";
import { rollup } from "../../src/score/rollup.js";
import { score } from "../../src/score/score.js";
import { ahp } from "../../src/weighting/ahp.js";
import { criticWeights } from "../../src/weighting/critic.js";
import { entropyWeights } from "../../src/weighting/entropy.js";
import {
  deepFreeze,
  expectAllFinite,
  expectNoInfinity,
  expectNoPollution,
  expectSoundResult,
  NASTY_NUMBERS,
  outcome,
  SEED,
} from "./invariants.js";

/** A model exercising every scoring path: fused min-max, goalposts, target, z-score, entropy, AHP, geometric. */
const MODEL = deepFreeze(
  parseModel({
    id: "fuzz",
    inputs: [{ id: "pop" }],
    tree: {
      id: "root",
      children: [
        {
          id: "g1",
          children: [{ id: "a" }, { id: "b", direction: "cost" }, { id: "c", goalposts: [0, 10] }],
        },
        {
          id: "g2",
          aggregate: { method: "geometric", zero: "floor" },
          children: [
            { id: "d", direction: { target: 5 }, normalize: "target" },
            { id: "e", normalize: "percentile" },
          ],
        },
        {
          id: "g3",
          children: [
            { id: "f", formula: "a / pop * 1000" },
            { id: "h", normalize: "zscore" },
          ],
        },
      ],
    },
    profiles: {
      normal: {
        weights: {
          root: {
            method: "ahp",
            judgments: [
              ["g1", "g2", 3],
              ["g1", "g3", 2],
              ["g2", "g3", 1],
            ],
          },
          g3: { method: "critic" },
        },
      },
      emergency: {
        extends: "normal",
        weights: { g1: { method: "entropy" } },
        defaults: { missing: "skip", minCoverage: 0.5 },
      },
    },
  }),
);
const COLUMNS = ["a", "b", "c", "d", "e", "h", "pop"];

/** A cell: ordinary numbers and missing values (clean data), or edge doubles, text and absent keys. */
const cleanCellArb = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, "", "NA", -0, 5e-324, 1e-300, 1e150) },
);
const hostileCellArb = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", "NA", "x", "1e308", "-1e308", "4.9e-324", " 7 ", "0x1F", "1,5"),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, "absent") },
);
const cellsArb = fc.oneof(
  fc.array(cleanCellArb, { minLength: 1, maxLength: 100 }),
  fc.array(hostileCellArb, { minLength: 1, maxLength: 100 }),
);

/** How a column is shaped: free cells, constant, all missing, all extreme or denormal. */
const shapeArb = fc.oneof(
  { weight: 12, arbitrary: fc.constant("free") },
  { weight: 1, arbitrary: fc.constantFrom("constant", "missing", "huge", "denormal") },
);

const dataArb = fc.record({
  units: fc.integer({ min: 1, max: 12 }),
  cells: cellsArb,
  shapes: fc.array(shapeArb, { minLength: COLUMNS.length, maxLength: COLUMNS.length }),
  hierarchy: fc.boolean(),
  ragged: fc.boolean(),
  unitNames: fc.constantFrom("plain", "hostile"),
});

type DataCase = typeof dataArb extends fc.Arbitrary<infer T> ? T : never;

const HOSTILE_UNITS = ["__proto__", "constructor", "toString", "hasOwnProperty", "prototype", "社区", "u 1"];

function rowsOf(c: DataCase): Record<string, unknown>[] {
  let k = 0;
  const rows: Record<string, unknown>[] = [];
  if (c.hierarchy) rows.push({ unit: "city" });
  for (let i = 0; i < c.units; i++) {
    const unit = c.unitNames === "hostile" ? (HOSTILE_UNITS[i] ?? `u${i}`) : `u${i}`;
    const row: Record<string, unknown> = { unit };
    if (c.hierarchy) row.parent = "city";
    COLUMNS.forEach((col, j) => {
      const shape = c.shapes[j];
      const cell = c.cells[k++ % c.cells.length];
      const v =
        shape === "constant"
          ? 4
          : shape === "missing"
            ? ""
            : shape === "huge"
              ? i % 2
                ? 1e308
                : -1e308
              : shape === "denormal"
                ? i * 5e-324
                : cell;
      if (v !== "absent" && !(c.ragged && (i + j) % 5 === 0)) row[col] = v;
    });
    // JSON.parse makes "__proto__" an own key, as a parsed payload would.
    rows.push(JSON.parse(JSON.stringify(row)));
  }
  return rows;
}

describe("random datasets through toDataset, score, rollup and compareProfiles", () => {
  it("end in a sound result or an IndicatrixError, never mutate the rows, never pollute prototypes (2,500 cases)", () => {
    const outcomes = new Map<string, number>();
    fc.assert(
      fc.property(dataArb, fc.constantFrom("normal", "emergency"), (c, profile) => {
        const rows = deepFreeze(rowsOf(c));
        const what = () => `${profile} ${JSON.stringify(rows).slice(0, 600)}`;
        const ds = outcome(() => toDataset(rows), what);
        if (ds.ok) expect(ds.value.units.length).toBe(rows.length);
        const r = outcome(() => score(MODEL, rows, { profile }), what);
        const key = r.ok ? "ok" : r.error.code;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        if (!r.ok) return;
        expectSoundResult(r.value, what());
        // Every data unit is scored or is a parent above the scored units.
        expect(r.value.units.length + (c.hierarchy ? 1 : 0)).toBe(rows.length);
        const up = outcome(() => rollup(r.value, { by: "mean" }), what);
        if (up.ok) {
          expectNoInfinity(up.value.scores, what());
          expect(up.value.units).toEqual(c.hierarchy ? ["city"] : []);
        }
        const cmp = outcome(() => compareProfiles(MODEL, rows, ["normal", "emergency"]), what);
        if (cmp.ok) expectNoInfinity(cmp.value.weights, what());
      }),
      { seed: SEED, numRuns: 2500 },
    );
    expectNoPollution();
    // The generator must produce both scored and refused datasets.
    expect(outcomes.get("ok") ?? 0).toBeGreaterThan(200);
    expect(outcomes.get("invalid_data") ?? 0).toBeGreaterThan(100);
    expect(outcomes.get("value_out_of_range") ?? 0).toBeGreaterThan(10);
  });

  it("columnar input with Float64Array columns holding NaN, Infinity and ragged lengths (500 cases)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8 }),
        fc.array(fc.constantFrom(...NASTY_NUMBERS, 1, 2, 3), { minLength: 0, maxLength: 80 }),
        fc.integer({ min: -1, max: 1 }),
        (m, pool, skew) => {
          const units = Array.from({ length: m }, (_, i) => `u${i}`);
          const values: Record<string, Float64Array> = {};
          COLUMNS.forEach((col, j) => {
            const len = j === 2 ? Math.max(0, m + skew) : m;
            values[col] = Float64Array.from(
              { length: len },
              (_, i) => pool[(i * 7 + j) % Math.max(1, pool.length)] ?? 1,
            );
          });
          const r = outcome(
            () => score(MODEL, { units, values }, { profile: "normal" }),
            () => `${m} ${skew} ${pool}`,
          );
          if (r.ok) expectSoundResult(r.value, `${m} ${pool}`);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });
});

const finiteish = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
);
const matrixArb = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }))
  .chain(([m, n]) =>
    fc.array(fc.array(finiteish, { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
  );
const normalizeSpecArb: fc.Arbitrary<NormalizeSpec> = fc.constantFrom<NormalizeSpec>(
  "minmax",
  "zscore",
  "target",
  "rank",
  "percentile",
  "borda",
  "distance-to-max",
  "fraction-of-max",
  "vector",
  "sum",
  "none",
  { method: "minmax", cost: "reciprocal" },
  { method: "goalposts", goalposts: [0, 10] },
  { method: "zscore", ddof: 0 },
  { method: "target", target: [2, 4] },
);
const directionArb: fc.Arbitrary<Direction> = fc.constantFrom<Direction>(
  "benefit",
  "cost",
  { target: 0.5 },
  { range: [-1, 1] },
);
const aggregateSpecArb: fc.Arbitrary<AggregateSpec> = fc.constantFrom<AggregateSpec>(
  "arithmetic",
  "geometric",
  "harmonic",
  "minimum",
  "mazziotta-pareto",
  { method: "geometric", zero: "floor" },
  { method: "power", p: 3 },
  { method: "power", p: -2 },
  { method: "mazziotta-pareto", penalty: "positive" },
);

describe("matrix primitives on random matrices with edge doubles", () => {
  it("ahp, entropyWeights, criticWeights and topsis return finite weights and scores or an IndicatrixError (2,000 cases)", () => {
    fc.assert(
      fc.property(matrixArb, fc.array(finiteish, { minLength: 1, maxLength: 5 }), (matrix, weights) => {
        const rows = deepFreeze(matrix.map((r) => [...r]));
        const what = () => JSON.stringify(rows);
        const ent = outcome(() => entropyWeights(rows), what);
        if (ent.ok) expectAllFinite(ent.value, `entropy ${what()}`);
        const cri = outcome(() => criticWeights(rows), what);
        if (cri.ok) expectAllFinite(cri.value, `critic ${what()}`);
        const t = outcome(() => topsis(rows, weights), what);
        if (t.ok) {
          expectAllFinite(t.value.scores, `topsis ${what()}`);
          expectNoInfinity(t.value, `topsis ${what()}`);
        }
        // A square matrix of positive entries as AHP judgments (often not reciprocal: refused).
        const n = Math.min(rows.length, (rows[0] as number[]).length);
        const square = rows.slice(0, n).map((r) => r.slice(0, n).map((x) => Math.abs(x)));
        const a = outcome(
          () => ahp(square),
          () => JSON.stringify(square),
        );
        if (a.ok) {
          expectAllFinite(a.value.weights, `ahp ${JSON.stringify(square)}`);
          expectNoInfinity(a.value, `ahp ${JSON.stringify(square)}`);
        }
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it("ahp on random reciprocal matrices of order 1 to 20 on Saaty's scale: finite weights summing to 1 or an error for order > 15 without an RI table (500 cases)", () => {
    const scale = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9];
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 20 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.nat({ max: 8 }), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }),
            ),
          ),
        ([n, picks]) => {
          const a = Array.from({ length: n }, () => new Array<number>(n).fill(1));
          let k = 0;
          for (let i = 0; i < n; i++)
            for (let j = i + 1; j < n; j++) {
              const v = scale[picks[k++] as number] as number;
              (a[i] as number[])[j] = v;
              (a[j] as number[])[i] = 1 / v;
            }
          const r = outcome(
            () => ahp(a),
            () => `order ${n}`,
          );
          if (n > 15) {
            expect(r.ok).toBe(false);
            return;
          }
          if (!r.ok) throw new Error(`order ${n}: ${r.error.message}`);
          expectAllFinite(r.value.weights, `order ${n}`);
          expect(r.value.weights.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
          expect(r.value.weights.every((w) => w > 0)).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("normalize (every method and direction) and aggregate (every spec) never return Infinity, and NaN only where the input was missing (2,000 cases)", () => {
    fc.assert(
      fc.property(
        fc.array(finiteish, { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        normalizeSpecArb,
        directionArb,
        aggregateSpecArb,
        (xs, holes, spec, direction, agg) => {
          const values = Float64Array.from(xs, (x, i) => (holes[i] ? Number.NaN : x));
          const what = () => `${JSON.stringify(spec)} ${JSON.stringify(direction)} [${[...values]}]`;
          const r = outcome(() => normalizeDetailed(values, spec, { direction }), what);
          if (r.ok) {
            values.forEach((x, i) => {
              const z = r.value.values[i] as number;
              if (Number.isNaN(x)) expect(Number.isNaN(z)).toBe(true);
              else if (!Number.isFinite(z)) throw new Error(`${what()}: value ${i} normalized to ${z}`);
            });
          }
          // aggregate combines normalized values; raw values beyond MAX_ABS_VALUE overflow the
          // Mazziotta-Pareto penalty (reported), so they are clamped here.
          const clamp = (x: number) => Math.max(-MAX_ABS_VALUE, Math.min(MAX_ABS_VALUE, x));
          const cols = [
            Float64Array.from(values, clamp),
            Float64Array.from(values, (x) => (Number.isNaN(x) ? x : Math.abs(x) % 1)),
          ];
          const a = outcome(() => aggregate(cols, [1, 2], agg), what);
          if (a.ok) expectNoInfinity(a.value.values, `${JSON.stringify(agg)} ${what()}`);
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe("unit ids are kept exactly or refused naming the row (issue 20 item 21)", () => {
  // Ids drawn from letters, digits, inner and outer spaces, tabs, the ideographic space and CJK.
  const idChar = fc.constantFrom("u", "4", "社", " ", "\t", "\u3000", "-");
  const id = fc.array(idChar, { minLength: 0, maxLength: 6 }).map((cs) => cs.join(""));

  it("toDataset (rows and columns) keeps each id as written or refuses it at its 1-based row; never trims", () => {
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 1, maxLength: 5 }), (ids) => {
        const bad = ids.findIndex((u) => u.trim() === "" || u.trim() !== u);
        for (const input of [
          ids.map((unit, i) => ({ unit, a: i })),
          { units: ids, values: { a: ids.map((_, i) => i) } },
        ]) {
          const r = outcome(
            () => toDataset(input),
            () => "ids",
          );
          if (bad < 0) {
            expect(r.ok).toBe(true);
            if (r.ok) expect(r.value.units).toEqual(ids);
          } else {
            expect(r.ok).toBe(false);
            if (!r.ok && ids.every((u) => u.trim() === "") && r.error.code === "missing_column")
              // Columns without a single id: one issue naming the data, not one per unit.
              expect(r.error.where).toBe("data");
            else if (!r.ok) {
              expect(["missing_unit_id", "invalid_data"]).toContain(r.error.code);
              expect(r.error.where).toMatch(new RegExp(`^row ${bad + 1}\\b`));
            }
          }
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
