import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { grassrootsGovernance } from "../../src/indicators/templates/index.js";
import { checkModel } from "../../src/score/check-model.js";
import { score } from "../../src/score/score.js";

const model = parseModel(grassrootsGovernance);
const rows: Record<string, string>[] = parse(readFileSync("examples/governance/sample-city.csv"), {
  columns: true,
});
const communities = rows.filter((r) => r.level === "community");

describe("the governance template's grades and assessment profile (issue 16, illustrative)", () => {
  it("grades the goal 差/中/良/优 at 0.6, 0.7, 0.8, and its assessment profile has one veto and a capped bonus", () => {
    expect(checkModel(model)).toEqual([]);
    expect(model.grades?.governance).toMatchObject({ method: "fixed", cuts: [0.6, 0.7, 0.8] });
    expect(model.grades?.governance?.labels?.map((l) => (l as Record<string, string>).zh)).toEqual([
      "差",
      "中",
      "良",
      "优",
    ]);
    const rules = model.profiles?.assessment?.rules?.governance;
    expect(rules?.veto?.map((v) => [v.id, v.when, v.effect])).toEqual([
      ["major_accident", "major_accident == true", "lowest-grade"],
    ]);
    expect(rules?.bonus?.map((b) => [b.from, b.per])).toEqual([["recognised_innovations", 0.01]]);
    expect(rules?.bonusCap).toBe(0.03);
    expect(JSON.stringify(model.profiles?.assessment?.description)).toMatch(/illustrative/i);
  });

  it("on the sample city, every community with major_accident = 1 is graded 差 and keeps its score (normal + bonus)", () => {
    const normal = score(model, rows, { profile: "normal" });
    const assessed = score(model, rows, { profile: "assessment" });
    const g = assessed.grades.governance!;
    const byUnit = new Map(communities.map((r) => [r.unit, r]));
    let vetoed = 0;
    assessed.units.forEach((u, i) => {
      const r = byUnit.get(u)!;
      const innovations = Number(r.recognised_innovations);
      // The score: normal score + min(0.01 x innovations, 0.03), capped at 1 (rules of the profile, by hand).
      const expected = Math.min(normal.scores.governance![i]! + Math.min(0.01 * innovations, 0.03), 1);
      expect(assessed.scores.governance![i]).toBeCloseTo(expected, 12);
      if (r.major_accident === "1") {
        vetoed++;
        expect(g.names[g.grade[i]!]).toBe("差");
      } else expect(g.grade[i]).toBe(g.unforced[i]);
    });
    // The committed sample city has 16 communities with a major accident (count of the column).
    expect(vetoed).toBe(communities.filter((r) => r.major_accident === "1").length);
    expect(Object.keys(g.forced).length).toBe(vetoed);
    expect(vetoed).toBe(16);
  });
});
