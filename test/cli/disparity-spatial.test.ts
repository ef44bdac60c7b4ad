import { describe, expect, it } from "vitest";
import { disparityCommand } from "../../src/cli/commands/disparity.js";
import { spatialCommand } from "../../src/cli/commands/spatial.js";
import { UsageError } from "../../src/cli/context.js";
import DISPARITY from "../fixtures/disparity/expected.json" with { type: "json" };
import SPDEP from "../fixtures/spatial/spdep.json" with { type: "json" };
import { capture, oneIndicatorFiles, runOk } from "./cli-fixtures.js";

/**
 * The one-indicator model (root score = value) with DOMAIN C5's 12 values as communities of three
 * streets in two districts (`data`); and for the spatial tests (`located`) the same units with DOMAIN
 * C6's values and coordinates (x, y) for the first 8, and its contiguity list (`adjacency`).
 */
function files(): { model: string; data: string; located: string; adjacency: string } {
  const d = DISPARITY.domain;
  const s = SPDEP.domain;
  const street: Record<string, string> = { A: "s1", B: "s2", C: "s3" };
  const head = [
    "unit,name,level,parent,a,x,y",
    "d1,North,district,,,,",
    "d2,South,district,,,,",
    "s1,,street,d1,,,",
    "s2,,street,d1,,,",
    "s3,,street,d2,,,",
  ];
  const csv = (lines: string[]) => `${[...head, ...lines].join("\n")}\n`;
  return oneIndicatorFiles({
    data: csv(d.values.map((v, i) => `c${i},,community,${street[d.groups[i]!]},${v},,`)),
    located: csv(
      d.values.map(
        (v, i) =>
          `c${i},,community,${street[d.groups[i]!]},${i < 8 ? s.values[i] : v},${s.x[i] ?? ""},${s.y[i] ?? ""}`,
      ),
    ),
    adjacency: Object.fromEntries(s.adjacency.map((nb, i) => [`c${i}`, nb.map((j) => `c${j}`)])),
  });
}

describe("indicatrix disparity", () => {
  it("--by street prints DOMAIN C5's Gini and Dagum parts; --format json carries them exactly", () => {
    const f = files();
    const io = runOk(disparityCommand, [f.model, f.data, "--by", "street"]);
    expect(io.stdout).toContain("12 units, 3 groups by street");
    // DOMAIN C5.1: G = 0.106175972927, Gw 0.014065 (13.2%), Gnb 0.091688 (86.4%), Gt 0.000423 (0.4%)
    expect(io.stdout).toMatch(/Gini 0\.1062/);
    expect(io.stdout).toMatch(/within groups\s+0\.0141\s+13\.2%/);
    expect(io.stdout).toMatch(/net between groups\s+0\.0917\s+86\.4%/);
    const doc = JSON.parse(
      runOk(disparityCommand, [f.model, f.data, "--by", "street", "--format", "json"]).stdout,
    );
    expect(doc.gini).toBeCloseTo(DISPARITY.domain.dagum.gini, 14);
    expect(doc.theilT.between).toBeCloseTo(DISPARITY.domain.theilT.between, 14);
    expect(doc.groups.map((g: { group: string }) => g.group)).toEqual(["s1", "s2", "s3"]);
  });

  it("--by district names the districts; a bad --by or --ddof is an error", () => {
    const f = files();
    const io = runOk(disparityCommand, [f.model, f.data, "--by", "district"]);
    expect(io.stdout).toMatch(/d2\s+South\s+5/);
    expect(() => disparityCommand([f.model, f.data, "--ddof", "2"], capture())).toThrow(UsageError);
    expect(() => disparityCommand([f.model, f.data, "--by", "province"], capture())).toThrow(
      /neither a level/,
    );
  });
});

describe("indicatrix disparity --by a text column", () => {
  it("groups by the column's labels: 0.5, 0.6 (north) and 0.9, 0.8 (south) give G = 0.125 (hand: 2.8 / (2 x 16 x 0.7))", () => {
    const f = oneIndicatorFiles({
      data: "unit,region,a\nc1,north,0.5\nc2,north,0.6\nc3,south,0.9\nc4,south,0.8\n",
    });
    const io = runOk(disparityCommand, [f.model, f.data, "--by", "region", "--format", "json"]);
    const doc = JSON.parse(io.stdout);
    expect(doc.gini).toBeCloseTo(0.125, 15);
    expect(doc.groups.map((g: { group: string }) => g.group)).toEqual(["north", "south"]);
    expect(doc.dagum.transvariation).toBe(0);
  });
});

describe("indicatrix spatial", () => {
  it("--weights contiguity --adjacency reads the list (units not in it are islands, with a warning); knn:2 prints tables", () => {
    const f = files();
    // Units c8..c11 have no coordinates but take part in contiguity; give them no neighbours: islands.
    const io = runOk(spatialCommand, [
      f.model,
      f.located,
      "--weights",
      "contiguity",
      "--adjacency",
      f.adjacency,
      "--format",
      "json",
      "--permutations",
      "0",
    ]);
    const doc = JSON.parse(io.stdout);
    expect(doc.weights).toEqual({ kind: "contiguity", style: "r" });
    expect(io.stderr).toMatch(/warning island/);
    const text = runOk(spatialCommand, [
      f.model,
      f.located,
      "--weights",
      "knn:2",
      "--seed",
      "5",
      "--permutations",
      "99",
    ]);
    expect(text.stdout).toContain("weights knn:2 (row-standardized)");
    expect(text.stdout).toMatch(/LISA clusters at alpha 0\.05: HH \d+/);
    expect(text.stderr).toMatch(/units_left_out|degree_coordinates/);
  });

  it("reproduces spdep's I when only the 8 located units are scored", () => {
    const f = files();
    const io = runOk(spatialCommand, [
      f.model,
      f.located,
      "--weights",
      "knn:2",
      "--format",
      "json",
      "--permutations",
      "0",
    ]);
    const doc = JSON.parse(io.stdout);
    // c8..c11 have no coordinates: left out; c0..c7 are DOMAIN C6's 8 communities (spdep knn k = 2).
    expect(doc.leftOut.map((l: { unit: string }) => l.unit)).toEqual(["c8", "c9", "c10", "c11"]);
    expect(doc.global.I).toBeCloseTo(SPDEP.domain.knn.I, 12);
    const short: Record<string, string> = {
      "High-High": "HH",
      "Low-Low": "LL",
      "High-Low": "HL",
      "Low-High": "LH",
    };
    expect(doc.local.map((u: { quadrant: string }) => u.quadrant)).toEqual(
      SPDEP.domain.knn.local.quadrant.map((q) => short[q]),
    );
    expect(doc.local[0].I).toBeCloseTo(SPDEP.domain.knn.local.Ii[0]!, 12);
  });

  it("rejects a bad --weights, contiguity without --adjacency, and a bad --alpha", () => {
    const f = files();
    expect(() => spatialCommand([f.model, f.data, "--weights", "rook"], capture())).toThrow(UsageError);
    expect(() => spatialCommand([f.model, f.data, "--weights", "contiguity"], capture())).toThrow(
      /needs --adjacency/,
    );
    expect(() => spatialCommand([f.model, f.data, "--alpha", "2"], capture())).toThrow(UsageError);
  });
});
