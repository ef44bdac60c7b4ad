// The disparity and map sections in a real browser (Debian chromium, playwright-core): the curves, bars
// and dots are laid out with the numbers of disparity() and moran(), no console errors, no requests.
// Skipped when chromium or playwright-core is missing, as test/report/browser.test.ts.
import { describe, expect, it } from "vitest";
import { disparity } from "../../src/analysis/disparity/disparity.js";
import { moran } from "../../src/analysis/spatial/moran.js";
import { report } from "../../src/report/index.js";
import { score } from "../../src/score/score.js";
import { sampleCity } from "./inputs.js";
import { ARTIFACTS, open, playwright, useChromium } from "./playwright.js";
import { sampleCityWithCoordinates } from "./spatial-inputs.js";

/** What the page lays out in the two sections. Runs in the browser, kept as source text. */
const FACTS = `(() => {
  const d = document.querySelector("#disparity");
  const s = document.querySelector("#spatial");
  const visible = (el) => !!el && el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0;
  const curves = [...d.querySelectorAll("polyline.density")];
  const parts = [...d.querySelectorAll("rect.part")].map((r) => ({ value: Number(r.getAttribute("data-value")), width: r.getBoundingClientRect().width }));
  const dots = [...s.querySelectorAll("circle.unit")];
  return {
    gini: Number(d.querySelector(".disparity-kpis").getAttribute("data-gini")),
    curves: curves.length,
    curvesVisible: curves.every((c) => visible(c)),
    parts,
    dots: dots.length,
    dotsVisible: dots.filter((c) => visible(c)).length,
    clusters: dots.map((c) => c.getAttribute("data-cluster")),
    moranI: Number(s.querySelector(".moran").getAttribute("data-moran-i")),
    links: [...document.querySelectorAll("nav a")].map((a) => a.getAttribute("href")),
  };
})()`;

interface Facts {
  gini: number;
  curves: number;
  curvesVisible: boolean;
  parts: { value: number; width: number }[];
  dots: number;
  dotsVisible: number;
  clusters: string[];
  moranI: number;
  links: string[];
}

describe.skipIf(!playwright)("report disparity and map sections in a real browser", () => {
  const browser = useChromium();

  it("sample city with coordinates: curves per district, bars in proportion, one visible dot per unit, no errors", async () => {
    const { model } = sampleCity();
    const rows = sampleCityWithCoordinates();
    const html = report(model, rows, { profiles: ["normal"], correlations: false });
    const { page, errors, requests } = await open(browser(), html, "spatial-sections");
    const f = (await page.evaluate(FACTS)) as Facts;
    await page.screenshot({ path: new URL("spatial-sections.png", ARTIFACTS).pathname, fullPage: true });
    await page.close();
    const result = score(model, rows, { profile: "normal", keep: ["lon", "lat"] });
    const d = disparity(result, { by: "district" });
    const m = moran(result, { weights: { type: "knn", k: 6, coordinates: "lonlat" } });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(f.gini).toBe(d.gini);
    expect(f.curves).toBe(d.groupSummary.length + 1);
    expect(f.curvesVisible).toBe(true);
    // The Dagum bar: widths in proportion to the parts (within 1 px of 1000 px x share).
    const dagum = f.parts.slice(0, 3);
    const total = dagum.reduce((a, p) => a + p.width, 0);
    for (const p of dagum) expect(Math.abs(p.width - (total * p.value) / d.gini)).toBeLessThan(1);
    expect(f.dots).toBe(m.units.length);
    expect(f.dotsVisible).toBe(m.units.length);
    expect(f.clusters).toEqual(m.local.cluster);
    expect(f.moranI).toBe(m.global.I);
    expect(f.links).toEqual(expect.arrayContaining(["#disparity", "#spatial"]));
  }, 60_000);
});
