import { describe, expect, it } from "vitest";
import { disparityCommand } from "../../src/cli/commands/disparity.js";
import { UsageError } from "../../src/cli/context.js";
import { loadModel } from "../../src/cli/load.js";
import { readCsvFile } from "../../src/node/read-csv-file.js";
import { scorePanel } from "../../src/panel/score-panel.js";
import { capture, oneIndicatorFiles, runOk } from "./cli-fixtures.js";

const TEMPLATE = "templates/grassroots-governance.json";
const PANEL = "examples/governance/sample-city-panel.csv";

/** Gini by its definition, sum_i sum_j |y_i - y_j| / (2 n^2 mean), as a plain double loop (independent of gini()). */
function giniByHand(y: number[]): number {
  const n = y.length;
  const mean = y.reduce((s, v) => s + v, 0) / n;
  let sum = 0;
  for (const a of y) for (const b of y) sum += Math.abs(a - b);
  return sum / (2 * n * n * mean);
}

/** Dagum's within-group Gini, G_w = sum_g G_gg p_g s_g, with each G_gg by giniByHand (Dagum 1997, eq. 3-5). */
function withinByHand(y: number[], group: string[]): number {
  const n = y.length;
  const total = y.reduce((s, v) => s + v, 0);
  let gw = 0;
  for (const g of new Set(group)) {
    const v = y.filter((_, i) => group[i] === g);
    const share = v.reduce((s, x) => s + x, 0) / total;
    gw += giniByHand(v) * (v.length / n) * share;
  }
  return gw;
}

/** The one-indicator model and a panel of 4 communities in 2 streets over 2021 and 2022. */
function tinyPanel(): { model: string; data: string } {
  const lines = ["unit,level,parent,year,a"];
  for (const [year, v] of [
    ["2021", [1, 2, 3, 4]],
    ["2022", [2, 2, 4, 8]],
  ] as const) {
    lines.push(`s1,street,,${year},`, `s2,street,,${year},`);
    for (const [i, a] of v.entries()) lines.push(`c${i + 1},community,${i < 2 ? "s1" : "s2"},${year},${a}`);
  }
  return oneIndicatorFiles({ data: `${lines.join("\n")}\n` });
}

describe("indicatrix disparity --period", () => {
  it("gives one decomposition per period: the tiny panel's Gini 0.25 and 0.3125 worked by hand", () => {
    // 2021: y = 1, 2, 3, 4: ordered |differences| sum 20, G = 20 / (2 * 16 * 2.5) = 0.25; by street
    //   G_w = 0.05, G_nb = 0.2 (every s2 value above every s1 value: no transvariation).
    // 2022: y = 2, 2, 4, 8: ordered sum 40, G = 40 / (2 * 16 * 4) = 0.3125; G_w = 0.0625, G_nb = 0.25.
    // (Worked out in full in test/analysis/disparity/disparity-panel.test.ts.)
    const f = tinyPanel();
    const io = runOk(disparityCommand, [
      f.model,
      f.data,
      "--by",
      "street",
      "--period",
      "year",
      "--format",
      "json",
    ]);
    const doc = JSON.parse(io.stdout);
    expect(doc.periods.map((p: { period: string }) => p.period)).toEqual(["2021", "2022"]);
    expect(doc.periods[0].gini).toBeCloseTo(0.25, 14);
    expect(doc.periods[1].gini).toBeCloseTo(0.3125, 14);
    expect(doc.periods[0].dagum.within).toBeCloseTo(0.05, 14);
    expect(doc.periods[1].dagum.netBetween).toBeCloseTo(0.25, 14);
    expect(doc.density.curves).toHaveLength(2);
    expect(doc.density.x).toHaveLength(512);
    const text = runOk(disparityCommand, [f.model, f.data, "--by", "street", "--period", "year"]);
    expect(text.stdout).toContain('Disparity of "root" over 2 periods (year), groups by street');
    expect(text.stdout).toMatch(/2021\s+4\s+2\.5000\s+0\.2500\s+0\.0500\s+0\.2000\s+0\.0000/);
    expect(text.stdout).toMatch(/2022\s+4\s+4\.0000\s+0\.3125\s+0\.0625\s+0\.2500\s+0\.0000/);
  });

  it("on the sample city panel, each year's Gini and within-district part equal the hand formulas on that year's scores", () => {
    const args = [
      TEMPLATE,
      PANEL,
      "--by",
      "district",
      "--period",
      "year",
      "--state",
      "state",
      "--format",
      "json",
    ];
    const doc = JSON.parse(runOk(disparityCommand, [...args, "--points", "64"]).stdout);
    expect(doc.periods.map((p: { period: string }) => p.period)).toEqual([
      "2021",
      "2022",
      "2023",
      "2024",
      "2025",
    ]);
    expect(doc.density.x).toHaveLength(64);
    // The district of each community, read from the CSV's parent column (community -> street -> district).
    const rows = readCsvFile(PANEL);
    const parent = new Map(rows.map((r) => [String(r.unit), String(r.parent ?? "")]));
    const district = (u: string) => parent.get(parent.get(u) as string) as string;
    const panel = scorePanel(loadModel(TEMPLATE), rows, { period: "year", profile: { column: "state" } });
    for (const p of doc.periods) {
      const r = panel.at(p.period);
      const root = r.scores[doc.node] as Float64Array;
      const units = r.units.filter((_, i) => Number.isFinite(root[i]!));
      const y = r.units.map((_, i) => root[i]!).filter((v) => Number.isFinite(v));
      expect(p.units).toBe(331);
      expect(units).toHaveLength(331);
      expect(p.gini).toBeCloseTo(giniByHand(y), 12);
      expect(p.dagum.within).toBeCloseTo(withinByHand(y, units.map(district)), 12);
      // The three Dagum parts add up to the Gini.
      expect(p.dagum.within + p.dagum.netBetween + p.dagum.transvariation).toBeCloseTo(p.gini, 12);
    }
  });

  it("refuses --state, --basis or --points without --period, and a text --by column with it", () => {
    const f = tinyPanel();
    expect(() => disparityCommand([f.model, f.data, "--state", "s"], capture())).toThrow(
      /--state needs --period/,
    );
    expect(() => disparityCommand([f.model, f.data, "--period", "year", "--points", "1"], capture())).toThrow(
      UsageError,
    );
    expect(() => disparityCommand([TEMPLATE, PANEL, "--period", "year", "--by", "name"], capture())).toThrow(
      /text column/,
    );
  });
});
