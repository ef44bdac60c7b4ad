import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { generateSampleCity, SAMPLE_CITY_SEED } from "../../scripts/sample-city.js";
import { moran } from "../../src/analysis/spatial/moran.js";
import { grassrootsGovernance } from "../../src/indicators/templates/index.js";
import { score } from "../../src/score/score.js";

const committed = readFileSync(new URL("../../examples/governance/sample-city.csv", import.meta.url), "utf8");
const withGeo = generateSampleCity(SAMPLE_CITY_SEED, { coordinates: true });
const rows: Record<string, string>[] = parse(withGeo, { columns: true });

/** Great-circle distance in km (haversine, R = 6371.0088 km), written out for the test. */
function km(a: [number, number], b: [number, number]): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((b[1] - a[1]) * r) / 2) ** 2 +
    Math.cos(a[1] * r) * Math.cos(b[1] * r) * Math.sin(((b[0] - a[0]) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

describe("generateSampleCity(seed, { coordinates: true })", () => {
  it("adds lon and lat after population and changes nothing else (a second random stream)", () => {
    const lines = withGeo.trimEnd().split("\n");
    const header = lines[0]!.split(",");
    expect(header.slice(4, 7)).toEqual(["population", "lon", "lat"]);
    const dropped = lines.map((l) =>
      l
        .split(",")
        .filter((_, j) => j !== 5 && j !== 6)
        .join(","),
    );
    // The committed file is this one; without the option the same file minus the two columns.
    expect(withGeo).toBe(committed);
    expect(`${dropped.join("\n")}\n`).toBe(generateSampleCity(SAMPLE_CITY_SEED));
  });

  it("scoring the committed file does not report lon and lat as ignored columns (a stray column is)", () => {
    const ignored = (data: Record<string, string>[]) =>
      score(grassrootsGovernance, data, { profile: "normal" }).diagnostics.filter(
        (d) => d.code === "ignored_columns",
      );
    // state (read by scoreStates through the model's states) and coastal (the tag of the typhoon
    // profile's local indicators) are columns of issue 14 that the normal profile does not read.
    expect(ignored(rows).map((d) => d.message)).toEqual(["columns not used by the model: state, coastal"]);
    const stray = ignored(rows.map((r) => ({ ...r, remark: "" })));
    expect(stray.map((d) => d.message)).toEqual(["columns not used by the model: state, coastal, remark"]);
  });

  it("places communities within 0.7 km of their street and streets within 2.2 km of their district", () => {
    const at = new Map(rows.map((r) => [r.unit, [Number(r.lon), Number(r.lat)] as [number, number]]));
    for (const r of rows) {
      if (r.level !== "community" && r.level !== "street") continue;
      const d = km(at.get(r.unit)!, at.get(r.parent!)!);
      expect(d).toBeLessThanOrEqual(r.level === "community" ? 0.7 + 1e-6 : 2.2 + 1e-6);
    }
    expect(
      rows.every((r) => Math.abs(Number(r.lon) - 120.15) < 0.2 && Math.abs(Number(r.lat) - 30.25) < 0.2),
    ).toBe(true);
  });

  it("gives the normal score a positive, significant Moran's I under knn:6 (district and street effects cluster)", () => {
    const result = score(grassrootsGovernance, rows, { profile: "normal", keep: ["lon", "lat"] });
    const m = moran(result, { weights: { type: "knn", k: 6 }, permutations: 199 });
    expect(m.weights.kind).toBe("knn:6");
    expect(m.global.I).toBeGreaterThan(0);
    expect(m.global.randomization.p).toBeLessThan(0.01);
    expect(m.diagnostics.map((d) => d.code)).not.toContain("degree_coordinates");
  });
});
