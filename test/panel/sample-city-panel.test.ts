import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  generateSampleCityPanel,
  IMPROVING_DISTRICT,
  PANEL_YEARS,
  TYPHOON,
} from "../../scripts/sample-city-panel.js";
import { grassrootsGovernance } from "../../src/indicators/templates/index.js";
import { scorePanel } from "../../src/panel/score-panel.js";
import { rollup } from "../../src/score/rollup.js";

const committed = readFileSync("examples/governance/sample-city-panel.csv", "utf8");
const rows = parse(committed, { columns: true }) as Record<string, string>[];
const cross = parse(readFileSync("examples/governance/sample-city.csv"), { columns: true }) as Record<
  string,
  string
>[];

describe("examples/governance/sample-city-panel.csv", () => {
  it("is what scripts/sample-city-panel.ts writes (seeded, byte for byte)", () => {
    expect(generateSampleCityPanel()).toBe(committed);
  });

  it("has the 368 units of the sample city in each of 2021-2025; 2021 is the cross-section", () => {
    expect(rows).toHaveLength(368 * PANEL_YEARS.length);
    const y2021 = rows.filter((r) => r.year === "2021");
    expect(y2021.map((r) => r.unit)).toEqual(cross.map((r) => r.unit));
    for (const [k, r] of y2021.entries()) {
      const { year, state, ...rest } = r;
      // The panel carries the indicator columns; the coordinates (lon, lat) and the assessment columns
      // of the cross-section (major_accident, recognised_innovations: issue 16) are not part of it.
      const c = cross[k] as Record<string, string>;
      expect(rest).toEqual(Object.fromEntries(Object.keys(rest).map((key) => [key, c[key]])));
      // Nor is the cross-section's `state` (a response level, issue 14): the panel's own `state` names a profile.
      expect(Object.keys(c).filter((key) => !(key in rest))).toEqual([
        "lon",
        "lat",
        "major_accident",
        "recognised_innovations",
        "state",
      ]);
    }
  });

  it("puts the communities of the typhoon districts in the emergency state in 2023, and only them", () => {
    const district = new Map(cross.filter((r) => r.level === "street").map((r) => [r.unit, r.parent]));
    for (const r of rows.filter((x) => x.level === "community")) {
      const hit =
        r.year === String(TYPHOON.year) &&
        (TYPHOON.districts as readonly string[]).includes(district.get(r.parent as string) as string);
      expect(r.state, `${r.unit} ${r.year}`).toBe(hit ? "emergency" : "normal");
    }
  });

  it("scored with the state column: the improving district rises every year, the typhoon districts dip in 2023", () => {
    const panel = scorePanel(grassrootsGovernance, rows, { profile: { column: "state" } });
    expect(panel.provenance.profiles["2023"]).toBe("normal+emergency");
    const series = (unit: string) =>
      panel.periods.map((p) => {
        const up = rollup(panel.at(p), { by: { weight: "population" } });
        return up.scores.governance?.[up.units.indexOf(unit)] as number;
      });
    const d3 = series(IMPROVING_DISTRICT);
    for (let k = 1; k < d3.length; k++) expect(d3[k]).toBeGreaterThan(d3[k - 1] as number);
    for (const d of TYPHOON.districts) {
      const s = series(d);
      expect(s[2]).toBeLessThan(Math.min(s[1] as number, s[3] as number));
    }
  });
});
