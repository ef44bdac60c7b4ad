import { describe, expect, it } from "vitest";
import { toPanel } from "../../src/panel/panel-data.js";
import { thrown } from "../helpers/errors.js";

describe("toPanel", () => {
  it("finds the period column in the order period, year, Time, and stacks rows period by period", () => {
    const p = toPanel([
      { unit: "a", Time: 1, year: 2021, x: 1 },
      { unit: "a", Time: 2, year: 2020, x: 2 },
    ]);
    expect(p.periodColumn).toBe("year");
    expect(p.periods).toEqual(["2020", "2021"]);
    expect([...(p.dataset.columns.get("x") as Float64Array)]).toEqual([2, 1]);
    expect([...p.inputRows]).toEqual([2, 1]);
    expect(p.dataset.columns.has("Time")).toBe(true);
    expect(toPanel([{ uCode: "a", Time: "2019", x: 1 }]).periodColumn).toBe("Time");
  });

  it("orders numeric periods numerically (10 after 9), other periods by first appearance, or as opts.periods lists them", () => {
    const rows = (ps: (string | number)[]) => ps.map((period, i) => ({ unit: `u${i}`, period, x: i }));
    expect(toPanel(rows([10, 9, "2.5"])).periods).toEqual(["2.5", "9", "10"]);
    expect(toPanel(rows(["2021Q2", "2021Q1", "2021Q2"])).periods).toEqual(["2021Q2", "2021Q1"]);
    expect(toPanel(rows(["b", "a"]), { periods: ["a", "b", "c"] }).periods).toEqual(["a", "b"]);
    expect(thrown(() => toPanel(rows(["b", "z"]), { periods: ["a", "b"] })).code).toBe("unknown_period");
    expect(toPanel(rows([1]), { period: "period" }).times).toEqual([1]);
  });

  it("takes any period column by option and says when there is none", () => {
    expect(toPanel([{ unit: "a", wave: "w1", x: 1 }], { period: "wave" }).periods).toEqual(["w1"]);
    const e = thrown(() => toPanel([{ unit: "a", x: 1 }]));
    expect(e.code).toBe("missing_column");
    expect(e.message).toMatch(/period, year, Time/);
    expect(thrown(() => toPanel([{ unit: "a", year: "", x: 1 }])).code).toBe("missing_period");
  });

  it("refuses a unit twice in one period, naming both input rows and the period", () => {
    const e = thrown(() =>
      toPanel([
        { unit: "a", year: 2020, x: 1 },
        { unit: "b", year: 2021, x: 1 },
        { unit: "a", year: 2020, x: 2 },
      ]),
    );
    expect(e.code).toBe("duplicate_unit_period");
    expect(e.message).toBe('row 3: unit "a" in period "2020" repeats row 1');
    expect(e.path).toEqual(["data", 3]);
  });

  it("reports units absent from some periods, without filling them", () => {
    const p = toPanel([
      { unit: "a", year: 2020, x: 1 },
      { unit: "b", year: 2020, x: 1 },
      { unit: "a", year: 2021, x: 2 },
    ]);
    expect(p.units).toEqual(["a", "b"]);
    expect(p.absent).toEqual({ "2021": ["b"] });
    expect(p.dataset.units).toEqual(["a", "b", "a"]);
    expect(p.diagnostics[0]?.code).toBe("unbalanced_panel");
  });

  it("names the input row in a data error of any period", () => {
    const e = thrown(() =>
      toPanel([
        { unit: "a", year: 2021, x: 1 },
        { unit: "a", year: 2020, x: "oops" },
      ]),
    );
    expect(e.code).toBe("invalid_data");
    expect(e.message).toMatch(/^row 2, unit "a", column "x"/);
    expect(e.issues[0]?.path).toEqual(["data", 2, "x"]);
  });

  it("reads columns with periods, using in-order Float64Array columns without a copy", () => {
    const x = new Float64Array([1, 2, 3, 4]);
    const p = toPanel({ units: ["a", "b", "a", "b"], periods: [1, 1, 2, 2], values: { x } });
    expect(p.dataset.columns.get("x")).toBe(x);
    expect(p.blocks).toEqual([
      { period: "1", start: 0, end: 2 },
      { period: "2", start: 2, end: 4 },
    ]);
    const q = toPanel({ units: ["a", "a"], periods: [2, 1], values: { x: [5, 6] } });
    expect([...(q.dataset.columns.get("x") as Float64Array)]).toEqual([6, 5]);
  });
});
