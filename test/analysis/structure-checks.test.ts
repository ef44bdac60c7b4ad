import { describe, expect, it } from "vitest";
import { cronbachAlpha } from "../../src/analysis/cronbach.js";
import { pearson, spearman } from "../../src/analysis/rank-correlation.js";
import { structureChecks } from "../../src/analysis/structure-checks.js";
import type { Model } from "../../src/indicators/schema.js";
import { score } from "../../src/score/score.js";
import { governance, sampleCity } from "./models.js";

describe("cronbachAlpha", () => {
  it("cronbachAlpha of identical columns is 1 (sum var = k v, var of the sum = k^2 v)", () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6];
    expect(cronbachAlpha([x, x, x])).toBeCloseTo(1, 14);
  });

  it("cronbachAlpha on a hand-computed example is 15/17", () => {
    // Item variances (ddof 1): 5/3, 4/3, 5/3 (sum 14/3); totals 4, 7, 9, 12 have variance 34/3.
    // alpha = 3/2 (1 - (14/3) / (34/3)) = 3/2 * 10/17 = 15/17.
    expect(cronbachAlpha([Object.freeze([1, 2, 3, 4]), [2, 2, 4, 4], [1, 3, 2, 4]])).toBeCloseTo(15 / 17, 14);
  });

  it("cronbachAlpha uses complete cases only", () => {
    expect(
      cronbachAlpha([
        [1, 2, 3, 4, 8],
        [2, 2, 4, 4, Number.NaN],
        [1, 3, 2, 4, 0],
      ]),
    ).toBeCloseTo(15 / 17, 14);
  });

  it("is negative when items move against each other (x and -x: var of the sum is 0 -> error; x, -x, x: alpha < 0)", () => {
    const x = [1, 2, 3, 4];
    const minus = x.map((v) => -v);
    expect(() => cronbachAlpha([x, minus])).toThrow(expect.objectContaining({ code: "constant_total" }));
    // k = 3: item variances 3 * 5/3 = 5, total = x, variance 5/3 -> alpha = 3/2 (1 - 3) = -3
    expect(cronbachAlpha([x, minus, x])).toBeCloseTo(-3, 12);
  });

  it.each([
    [[[1, 2, 3]], "too_few_items"],
    [[[1, 2], [1]], "length_mismatch"],
    [
      [
        [1, Number.NaN],
        [2, 3],
      ],
      "too_few_units",
    ],
  ])("cronbachAlpha(%j) throws %s", (cols, code) => {
    expect(() => cronbachAlpha(cols)).toThrow(expect.objectContaining({ code }));
  });
});

/** g: a, b = 2a + 1 (a duplicate), c = -a + noise (pulls against g); h: d, e. */
function checkModel(): { model: Model; rows: Record<string, number | string>[] } {
  const model = {
    id: "s",
    tree: {
      id: "root",
      children: [
        { id: "g", children: [{ id: "a" }, { id: "b" }, { id: "c" }] },
        { id: "h", children: [{ id: "d" }, { id: "e" }] },
      ],
    },
  } as Model;
  const a = [1, 2, 3, 4, 5, 6, 7, 8];
  const noise = [0.3, -0.2, 0.1, 0, -0.1, 0.2, -0.3, 0.1];
  const d = [5, 3, 8, 1, 7, 2, 6, 4];
  const e = [2, 6, 3, 5, 1, 8, 4, 7]; // r(d, e) = -0.714: no flag at 0.9
  const rows = a.map((x, i) =>
    Object.freeze({
      unit: `u${i}`,
      a: x,
      b: 2 * x + 1,
      c: 2 - 0.5 * x + (noise[i] as number),
      d: d[i] as number,
      e: e[i] as number,
    }),
  );
  return { model, rows };
}

describe("structureChecks", () => {
  it("flags the duplicate pair (r = 1) and the indicator negatively correlated with its group", () => {
    const { model, rows } = checkModel();
    const report = structureChecks(model, rows);
    const ab = report.within.find((e) => e.a === "a" && e.b === "b");
    expect(ab).toMatchObject({ group: "g", n: 8 });
    expect(ab?.pearson).toBeCloseTo(1, 12);
    expect(ab?.spearman).toBeCloseTo(1, 12);
    const codes = report.flags.map((f) => [f.code, f.a, f.b]);
    expect(codes).toContainEqual(["collinear", "a", "b"]);
    expect(codes).toContainEqual(["negative_with_parent", "c", "g"]);
    // a and c correlate near -1: a collinear flag fires on |r|
    expect(codes).toContainEqual(["collinear", "a", "c"]);
    expect(codes.filter(([, x]) => x === "d" || x === "e")).toEqual([]);
    expect(report.cronbach.map((c) => c.group)).toEqual(["root", "g", "h"]);
  });

  it("Cronbach's alpha per group equals cronbachAlpha on the children's normalized values", () => {
    const { model, rows } = checkModel();
    const result = score(model, rows);
    const report = structureChecks(result);
    const h = report.cronbach.find((c) => c.group === "h");
    expect(h?.alpha).toBeCloseTo(
      cronbachAlpha([result.scores.d as Float64Array, result.scores.e as Float64Array]),
      14,
    );
    expect(h).toMatchObject({ items: 2, n: 8 });
  });

  it("structureChecks(result) and structureChecks(model, data) give the same report", () => {
    const { model, rows } = checkModel();
    expect(structureChecks(score(model, rows), { threshold: 0.8 })).toEqual(
      structureChecks(model, rows, { threshold: 0.8 }),
    );
  });

  it("a constant indicator gets null correlations, not NaN", () => {
    const model = { id: "k", tree: { id: "root", children: [{ id: "a" }, { id: "b" }] } } as Model;
    const rows = [1, 2, 3].map((x, i) => ({ unit: `u${i}`, a: x, b: 5 }));
    const report = structureChecks(model, rows);
    expect(report.within[0]).toMatchObject({ pearson: null, spearman: null });
  });

  it("runs on the governance template with the sample city: no collinear flag at 0.99, alpha for every group", () => {
    const report = structureChecks(governance, sampleCity(), { profile: "normal", threshold: 0.99 });
    expect(report.flags.filter((f) => f.code === "collinear")).toEqual([]);
    expect(report.cronbach.every((c) => c.alpha === null || (c.alpha > -10 && c.alpha <= 1))).toBe(true);
  });

  it.each([
    [{ threshold: 1.5 }, /opts\.threshold/],
    [{ negativeThreshold: -2 }, /opts\.negativeThreshold/],
    [{ method: "kendall" }, /opts\.method/],
  ])("structureChecks(%j) throws invalid_option naming the argument", (opts, message) => {
    const { model, rows } = checkModel();
    expect(() => structureChecks(model, rows, opts as never)).toThrow(message);
  });
});

describe("structureChecks on many indicators (issue 20 item 17)", () => {
  /** A flat model of k indicators over m units, with sin-spread values; `gap` puts a NaN in every 3rd column. */
  function flat(k: number, m: number, gap: boolean): { model: Model; rows: Record<string, unknown>[] } {
    const children = Array.from({ length: k }, (_, j) => ({ id: `i${j}` }));
    const rows = Array.from({ length: m }, (_, u) => {
      const row: Record<string, unknown> = { unit: `u${u}` };
      for (let j = 0; j < k; j++)
        row[`i${j}`] =
          gap && j % 3 === 0 && u === j % m ? Number.NaN : Math.round(Math.sin(u * 7.1 + j * 3.3) * 20);
      return row;
    });
    return { model: { id: "flat", tree: { id: "root", children } } as Model, rows };
  }

  it.each([false, true])(
    "every within entry equals pearson and spearman of the pair computed alone (gaps: %s)",
    (gap) => {
      const { model, rows } = flat(12, 9, gap);
      const result = score(model, rows);
      const report = structureChecks(result);
      expect(report.within).toHaveLength((12 * 11) / 2);
      for (const e of report.within) {
        const x = result.scores[e.a] as Float64Array;
        const y = result.scores[e.b] as Float64Array;
        const p = pearson(x, y);
        const s = spearman(x, y);
        expect(e.pearson).toBe(Number.isNaN(p) ? null : p);
        expect(e.spearman).toBe(Number.isNaN(s) ? null : s);
      }
    },
  );

  it("2,000 indicators x 50 units: all 1,999,000 sibling pairs within 20 s", () => {
    const { model, rows } = flat(2000, 50, false);
    const t = performance.now();
    const report = structureChecks(model, rows);
    expect(report.within).toHaveLength(1_999_000);
    expect(performance.now() - t).toBeLessThan(20_000);
  }, 60_000);
});
