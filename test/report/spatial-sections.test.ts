import { describe, expect, it } from "vitest";
import { disparity } from "../../src/analysis/disparity/disparity.js";
import { moran } from "../../src/analysis/spatial/moran.js";
import { report } from "../../src/report/index.js";
import { score } from "../../src/score/score.js";
import { sampleCity } from "./inputs.js";
import { sampleCityWithCoordinates } from "./spatial-inputs.js";

const attr = (html: string, name: string): number => Number(new RegExp(`${name}="([^"]*)"`).exec(html)?.[1]);
const section = (html: string, id: string): string => {
  const start = html.indexOf(`<section class="card" id="${id}">`);
  return start < 0 ? "" : html.slice(start, html.indexOf("</section>", start));
};

describe("report: disparity and map sections", () => {
  const { model, data } = sampleCity();

  it("the disparity section shows disparity(result, { by: 'district' }): Gini, bars that sum to it, one curve per district", () => {
    const html = report(model, data, { profiles: ["normal"], correlations: false });
    const s = section(html, "disparity");
    expect(s).not.toBe("");
    const d = disparity(score(model, data, { profile: "normal" }), { by: "district" });
    expect(attr(s, "data-gini")).toBe(d.gini);
    expect(attr(s, "data-theil-t")).toBe(d.theilT.value);
    const parts = [...s.matchAll(/class="part" data-part="[^"]*" data-value="([^"]*)"/g)].map((m) =>
      Number(m[1]),
    );
    // Dagum: within, net between, transvariation; then Theil T: within, between.
    expect(parts).toHaveLength(5);
    expect(parts.slice(0, 3).reduce((a, b) => a + b, 0)).toBeCloseTo(d.gini, 14);
    expect(parts.slice(3).reduce((a, b) => a + b, 0)).toBeCloseTo(d.theilT.value, 14);
    expect([...s.matchAll(/<polyline class="density"/g)]).toHaveLength(d.groupSummary.length + 1);
    expect(html).toContain('<a href="#disparity">区域差异</a>');
    // The committed sample city has lon/lat columns: the map is there; without them there is none.
    expect(section(html, "spatial")).toContain('<svg class="chart map"');
    const bare = data.map(({ lon: _lon, lat: _lat, ...rest }) => rest);
    expect(section(report(model, bare, { profiles: ["normal"], correlations: false }), "spatial")).toBe("");
  });

  it("with lon/lat columns (the seeded layout of scripts/sample-city.ts) the map draws every unit coloured by moran()'s LISA cluster, with Moran's I", () => {
    const rows = sampleCityWithCoordinates();
    const html = report(model, rows, { profiles: ["normal"], correlations: false, language: "zh" });
    const s = section(html, "spatial");
    expect(s).toContain("<h2>空间格局</h2>");
    const m = moran(score(model, rows, { profile: "normal", keep: ["lon", "lat"] }), {
      weights: { type: "knn", k: 6, coordinates: "lonlat" },
    });
    expect(attr(s, "data-moran-i")).toBe(m.global.I);
    const dots = [...s.matchAll(/<circle class="unit [^"]*" data-id="([^"]*)" data-cluster="([^"]*)"/g)];
    expect(dots.map((d) => d[1])).toEqual(m.units);
    expect(dots.map((d) => d[2])).toEqual(m.local.cluster);
  });
});
