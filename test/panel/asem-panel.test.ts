import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { modelFromTable } from "../../src/indicators/from-table.js";
import { scorePanel } from "../../src/panel/score-panel.js";

/** COINr's real run on its ASEM panel example (test/fixtures/asem-panel/README.md): the reference. */
const csv = (path: string) => parse(readFileSync(path), { columns: true }) as Record<string, string>[];
const model = modelFromTable(csv("test/fixtures/asem/ASEM_iMeta.csv"), {
  id: "asem",
  defaults: { normalize: { method: "minmax", range: [0, 100] }, aggregate: "arithmetic", missing: "skip" },
});
const data = csv("test/fixtures/asem-panel/ASEM_iData_p.csv");
const panel = scorePanel(model, data, { period: "Time" });

describe("scorePanel() on COINr's ASEM panel (51 countries x 2018-2022, pooled basis = COINr global = TRUE)", () => {
  it("reads the panel: 5 periods in numeric order, 51 units, balanced", () => {
    expect(panel.periods).toEqual(["2018", "2019", "2020", "2021", "2022"]);
    expect(panel.units).toHaveLength(51);
    expect(panel.absent).toEqual({});
    expect(panel.provenance.basis).toBe("pooled");
  });

  it("reproduces COINr's aggregated_global.csv (pooled min-max, then year-by-year arithmetic means) to 1e-9", () => {
    let checked = 0;
    for (const row of csv("test/fixtures/asem-panel/aggregated_global.csv")) {
      const r = panel.at(row.Time as string);
      const i = r.units.indexOf(row.uCode as string);
      expect(i, `${row.uCode} ${row.Time}`).toBeGreaterThanOrEqual(0);
      for (const [col, text] of Object.entries(row)) {
        if (col === "uCode" || col === "Time") continue;
        const got = r.scores[col]?.[i] as number;
        if (text === "" || text === "NA") expect(got, `${row.uCode} ${row.Time} ${col}`).toBeNaN();
        else expect(Math.abs(got - Number(text)), `${row.uCode} ${row.Time} ${col}`).toBeLessThan(1e-9);
        checked++;
      }
    }
    expect(checked).toBe(255 * 60);
  });

  it("reproduces COINr's Index ranks within each year (1 = best, ties min)", () => {
    const ref = csv("test/fixtures/asem-panel/ranks_global.csv");
    for (const row of ref) {
      const r = panel.at(row.Time as string);
      const i = r.units.indexOf(row.uCode as string);
      expect(r.ranks.Index?.[i], `${row.uCode} ${row.Time}`).toBe(Number(row.Rank));
    }
    expect(ref).toHaveLength(255);
  });

  it("reproduces COINr's get_trends(f_trend = 'CAGR') with Avail, t_first, t_latest; Inf (first value 0) is NaN with zero_base", () => {
    const ref = csv("test/fixtures/asem-panel/trends_CAGR.csv");
    const nodes = [...new Set(ref.map((r) => r.iCode as string))];
    const t = panel.trends({ nodes, method: "cagr" });
    const byKey = new Map(t.rows.map((r) => [`${r.unit} ${r.node}`, r]));
    let inf = 0;
    for (const row of ref) {
      const key = `${row.uCode} ${row.iCode}`;
      const got = byKey.get(key);
      expect(got, key).toBeDefined();
      expect(got?.available, key).toBe(Number(row.Avail));
      expect(got?.first ?? "", key).toBe(row.t_first);
      expect(got?.last ?? "", key).toBe(row.t_latest);
      if (row.CAGR === "") expect(got?.value, key).toBeNaN();
      else if (row.CAGR === "Inf") {
        inf++;
        expect(got?.value, key).toBeNaN();
        expect(
          t.diagnostics.some(
            (d) => d.code === "zero_base" && d.where === `unit "${row.uCode}", node "${row.iCode}"`,
          ),
        ).toBe(true);
      } else expect(Math.abs((got?.value as number) - Number(row.CAGR)), key).toBeLessThan(1e-9);
    }
    expect(inf).toBe(5);
    expect(t.diagnostics.filter((d) => d.code === "zero_base")).toHaveLength(5);
  });

  it("toRows() gives one row per unit-year with the period and ranks within the year", () => {
    const rows = panel.toRows();
    expect(rows).toHaveLength(255);
    const aus = rows.find((r) => r.unit === "AUS" && r.period === "2018");
    expect(aus?.Index_rank).toBe(30);
  });
});
