// The report's time view (issue 13): a panel report has a time section with a line chart per node for
// the unit and the district averages, and the biggest improvers and decliners, in both languages; in a
// real browser (Debian chromium, playwright-core) the section renders with its lines and no console
// errors. The browser part is skipped when chromium or playwright-core is missing, as browser.test.ts.
import { describe, expect, it } from "vitest";
import type { Model } from "../../src/indicators/schema.js";
import { report } from "../../src/report/index.js";
import { sampleCity } from "./inputs.js";
import { ARTIFACTS, open, playwright, useChromium } from "./playwright.js";

/**
 * A tiny panel, hand-computed: goalposts [0, 100] on both indicators, equal weights, so the root on the
 * report's 0-100 scale is the mean of x1 and x2.
 *   2021: a (40, 60) -> 50, b (70, 90) -> 80, c (20, 40) -> 30
 *   2022: a (60, 80) -> 70, b (70, 68) -> 69, c (20, 20) -> 20
 * Districts (plain means, no population): d1 = {a, b}: 65 then 69.5; d2 = {c}: 30 then 20.
 * x1 for a: 40 then 60; d1: (40 + 70) / 2 = 55 then (60 + 70) / 2 = 65; d2: 20 then 20.
 * Change of the root, 2021 -> 2022: a +20, b -11, c -10. Ranks 2021: b 1, a 2, c 3; 2022: a 1, b 2, c 3.
 */
const model: Model = {
  id: "tiny",
  tree: {
    id: "root",
    children: [
      { id: "x1", goalposts: [0, 100] },
      { id: "x2", goalposts: [0, 100] },
    ],
  },
  defaults: { normalize: "goalposts" },
};
const values: Record<string, Record<string, [number, number]>> = {
  "2021": { a: [40, 60], b: [70, 90], c: [20, 40] },
  "2022": { a: [60, 80], b: [70, 68], c: [20, 20] },
};
const rows = Object.entries(values).flatMap(([year, v]) => [
  { unit: "d1", level: "district", parent: "", year, x1: "", x2: "" },
  { unit: "d2", level: "district", parent: "", year, x1: "", x2: "" },
  ...Object.entries(v).map(([unit, [x1, x2]]) => ({
    unit,
    level: "community",
    parent: unit === "c" ? "d2" : "d1",
    year,
    x1,
    x2,
  })),
]);

/** The dots of one series of one chart: their data-value, in period order. */
function dots(html: string, node: string, series: string): number[] {
  const start = html.indexOf(`<svg class="chart lines" data-node="${node}"`);
  const svg = html.slice(start, html.indexOf("</svg>", start));
  const g = svg.slice(svg.indexOf(`data-series="${series}"`));
  return [...g.slice(0, g.indexOf("</g>")).matchAll(/data-value="([^"]+)"/g)].map((m) => Number(m[1]));
}

/** Expected numbers to 1e-10 (the scores pass through the normalization in floating point). */
const near = (...xs: number[]) => xs.map((x) => expect.closeTo(x, 10));

/** The rows of a movers table: unit id, change (data-value), ranks text. */
function movers(html: string, cls: string): [string, number, string][] {
  const start = html.indexOf(`<table class="movers ${cls}"`);
  const t = html.slice(start, html.indexOf("</table>", start));
  return [
    ...t.matchAll(/<tr><td data-sort="([^"]+)">.*?data-value="([^"]+)".*?<td>([^<]*)<\/td><\/tr>/g),
  ].map((m) => [m[1] as string, Number(m[2]), (m[3] as string).replace("&gt;", ">")]);
}

describe("report() time section", () => {
  it("draws the unit and each district per node, and lists improvers and decliners (hand-computed)", () => {
    const html = report(model, rows, { period: "year", unit: "a", language: "en" });
    expect(html).toContain('<section class="card" id="time"><h2>Over time</h2>');
    expect(html).toContain('<a href="#time">Over time</a>');
    expect((html.match(/<svg class="chart lines"/g) ?? []).length).toBe(3); // root, x1, x2
    expect(dots(html, "root", "a")).toEqual(near(50, 70));
    expect(dots(html, "root", "d1")).toEqual(near(65, 69.5));
    expect(dots(html, "root", "d2")).toEqual(near(30, 20));
    expect(dots(html, "x1", "a")).toEqual(near(40, 60));
    expect(dots(html, "x1", "d1")).toEqual(near(55, 65));
    expect(dots(html, "x1", "d2")).toEqual(near(20, 20));
    expect(movers(html, "improvers")).toEqual([
      ["a", expect.closeTo(20, 10), "2 → 1"],
      ["c", expect.closeTo(-10, 10), "3 → 3"],
      ["b", expect.closeTo(-11, 10), "1 → 2"],
    ]);
    expect(movers(html, "decliners").map((r) => r[0])).toEqual(["b", "c", "a"]);
    // The cross-section sections show the last period (2022): a ranks first.
    expect(html).toMatch(/data-id="a" data-value="[^"]*" data-rank="1"/);
    expect(html).toMatch(/data-id="b" data-value="[^"]*" data-rank="2"/);
  });

  it("speaks Chinese with language zh", () => {
    const html = report(model, rows, { period: "year", unit: "a", language: "zh" });
    expect(html).toContain("<h2>时间变化</h2>");
    expect(html).toContain("进步最大");
    expect(html).toContain("退步最大");
  });

  it("has no time section without a period, and refuses a state column without one", () => {
    const last = rows.filter((r) => r.year === "2022").map(({ year: _, ...r }) => r);
    expect(report(model, last, { unit: "a" })).not.toContain('id="time"');
    expect(() => report(model, last, { state: "state" })).toThrow(/opts.state/);
  });
});

describe.skipIf(!playwright)("report time section in a real browser", () => {
  const browser = useChromium();

  it("the sample city over 2021-2025: a visible line per district and for the unit in every chart, no errors", async () => {
    const { model: city } = sampleCity();
    const { readCsvFile } = await import("../../src/node.js");
    const panel = readCsvFile(
      new URL("../../examples/governance/sample-city-panel.csv", import.meta.url).pathname,
    );
    const html = report(city, panel, {
      period: "year",
      state: "state",
      profiles: ["normal"],
      correlations: false,
    });
    const { page, errors, requests } = await open(browser(), html, "time-section");
    const f = (await page.evaluate(`(() => {
      const t = document.querySelector("#time");
      const box = (el) => el.getBoundingClientRect();
      const charts = [...t.querySelectorAll("svg.chart.lines")];
      return {
        visible: box(t).height > 0,
        charts: charts.map((c) => ({
          node: c.getAttribute("data-node"),
          lines: [...c.querySelectorAll("polyline.line")].filter((l) => box(l).width > 0).length,
          unitDots: c.querySelectorAll("g.series.main circle.obs").length,
        })),
        improvers: t.querySelectorAll("table.improvers tbody tr").length,
        decliners: t.querySelectorAll("table.decliners tbody tr").length,
      };
    })()`)) as {
      visible: boolean;
      charts: { node: string; lines: number; unitDots: number }[];
      improvers: number;
      decliners: number;
    };
    await page.screenshot({ path: new URL("time-section.png", ARTIFACTS).pathname, fullPage: true });
    await page.close();
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(f.visible).toBe(true);
    // The root and its 6 dimensions; 5 districts + the unit per chart; the unit is in all 5 periods.
    expect(f.charts.map((c) => c.node)).toEqual([
      "governance",
      ...(city.tree.children ?? []).map((c) => c.id),
    ]);
    for (const c of f.charts) {
      expect(c.lines, c.node).toBe(6);
      expect(c.unitDots, c.node).toBe(5);
    }
    expect(f.improvers).toBe(10);
    expect(f.decliners).toBe(10);
  }, 120_000);
});
