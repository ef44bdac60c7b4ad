import { describe, expect, it } from "vitest";
import type { Model } from "../../src/indicators/schema.js";
import { toDataset } from "../../src/score/dataset.js";
import { score } from "../../src/score/score.js";

// A two-indicator model whose indicators name their data columns (Chinese headers); expected values by hand.
const model: Model = {
  id: "m",
  tree: {
    id: "root",
    children: [
      { id: "green", column: "绿地率", unit: "%", goalposts: [0, 100], normalize: { method: "goalposts" } },
      { id: "income", column: "人均收入", goalposts: [0, 2000], normalize: { method: "goalposts" } },
    ],
  },
};
const rows = Object.freeze([
  Object.freeze({ 社区编号: "c1", " 绿地率 ": "35%", 人均收入: "1,000" }),
  Object.freeze({ 社区编号: "c2", " 绿地率 ": "—", 人均收入: "２０００" }),
]);

describe("toDataset and score with column mapping and people's numbers", () => {
  it("score(model, rows, { dataset: { unitKey } }): column '绿地率' feeds indicator green, 35% read as points by unit %", () => {
    const r = score(model, rows, { dataset: { unitKey: "社区编号" } });
    expect(r.units).toEqual(["c1", "c2"]);
    // green: 35 points on goalposts [0, 100] = 0.35; income: 1000 / 2000 = 0.5 and 2000 / 2000 = 1.
    expect(r.scores.green?.[0]).toBeCloseTo(0.35, 15);
    expect(r.scores.green?.[1]).toBeNaN();
    expect(r.scores.income?.[0]).toBeCloseTo(0.5, 15);
    expect(r.scores.income?.[1]).toBeCloseTo(1, 15);
    const notes = r.diagnostics.filter((d) => d.code === "converted_cells");
    expect(notes.map((d) => d.where)).toEqual(['column " 绿地率 "', 'column "人均收入"']);
    expect(notes[0]?.message).toMatch(/1 percent cell\(s\) read as points \(85% = 85\), 1 missing marker/);
    expect(r.diagnostics.filter((d) => d.code === "ignored_columns")).toEqual([]);
  });

  it("score(..., { dataset: { numbers: { percent: 'fraction' } } }) reads 35% as 0.35 despite unit %", () => {
    const r = score(model, rows, { dataset: { unitKey: "社区编号", numbers: { percent: "fraction" } } });
    // 0.35 on goalposts [0, 100] = 0.0035.
    expect(r.scores.green?.[0]).toBeCloseTo(0.0035, 15);
  });

  it("toDataset(rows) without a unit column: one missing_column issue naming the columns found", () => {
    let err: Error & { issues?: { code: string; message: string }[] } = new Error();
    try {
      toDataset([
        { 编号: "c1", a: 1 },
        { 编号: "c2", a: 2 },
      ]);
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.issues).toHaveLength(1);
    expect(err.issues?.[0]?.code).toBe("missing_column");
    expect(err.message).toBe(
      'data: no unit id column: expected one of "unit", "id", "uCode" (name it with unitKey); the columns are "编号", "a"',
    );
  });

  it("toDataset({ units: all empty, values }) gives one issue, not one per unit", () => {
    expect(() => toDataset({ units: ["", "", ""], values: { a: [1, 2, 3] } })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ code: "missing_column" })] }),
    );
  });

  it("toDataset(rows, { populationKey: '人口' }) reads the column as population", () => {
    const ds = toDataset([{ unit: "c1", 人口: "1,200" }], {
      columns: [],
      optional: ["population"],
      populationKey: "人口",
    });
    expect(Array.from(ds.columns.get("population") as Float64Array)).toEqual([1200]);
  });
});

describe("unit ids are kept exactly: spaces around an id are refused, naming the row (issue 20 item 21)", () => {
  function issues(f: () => unknown): { code: string; where: string; message: string; path: unknown[] }[] {
    try {
      f();
    } catch (e) {
      return (e as { issues: { code: string; where: string; message: string; path: unknown[] }[] }).issues;
    }
    throw new Error("expected a refusal");
  }

  it('rows: "  u4  " (a quoted CSV cell keeps its spaces) is invalid_data at row 2, column "unit"', () => {
    const found = issues(() =>
      toDataset([
        { unit: "u1", a: 1 },
        { unit: "  u4  ", a: 2 },
      ]),
    );
    expect(found.map((i) => [i.code, i.where])).toEqual([["invalid_data", 'row 2, column "unit"']]);
    expect(found[0]?.message).toMatch(/unit id " {2}u4 {2}" begins or ends with white space/);
  });

  it('rows: a parent "s1 " is invalid_data at row 2, column "parent"; an empty parent is no parent', () => {
    const found = issues(() =>
      toDataset([
        { unit: "s1", parent: "", a: null },
        { unit: "c1", parent: "s1 ", a: 2 },
      ]),
    );
    expect(found.map((i) => [i.code, i.where])).toEqual([["invalid_data", 'row 2, column "parent"']]);
    expect(found[0]?.message).toMatch(/parent id "s1 " begins or ends with white space/);
  });

  it("columns: an empty id and a tab-ended id each name their 1-based row, not units[k]", () => {
    const found = issues(() => toDataset({ units: ["u1", "", "u3\t"], values: { a: [1, 2, 3] } }));
    expect(found.map((i) => [i.code, i.where, i.path])).toEqual([
      ["missing_unit_id", "row 2", ["data", 2]],
      ["invalid_data", "row 3", ["data", 3]],
    ]);
  });

  it("ids with inner spaces are kept as they are", () => {
    expect(toDataset([{ unit: "u 1", a: 1 }]).units).toEqual(["u 1"]);
    expect(toDataset({ units: ["社区 1"], values: { a: [1] } }).units).toEqual(["社区 1"]);
  });
});
