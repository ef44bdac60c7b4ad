// A real browser opens the report: charts present with the right numbers, no console errors, no
// network requests, load time, and a screenshot. Skipped when Debian's chromium or playwright-core is
// missing (set PLAYWRIGHT_CORE_PATH to a playwright-core installed outside the repository).
import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { report } from "../../src/report/index.js";
import { type Result, score } from "../../src/score/score.js";
import { asem, sampleCity } from "./inputs.js";
import { ARTIFACTS, open, playwright, useChromium } from "./playwright.js";

interface PageFacts {
  tabs: number;
  top: { id: string | null; value: number; label: string | null };
  rows: number;
  charts: number;
  visibleProfiles: number;
  heatmapCells: number;
  sunburst: number;
  bodyWidth: number;
}

/** Reads what the visible page shows. Runs in the browser: kept as source text (the project compiles without DOM types). */
const FACTS = `(() => {
  const profile = document.querySelector(".profile:not([hidden])");
  const bar = profile.querySelector("svg.ranking .bar-row");
  const heatmap = document.querySelector("svg.heatmap");
  return {
    tabs: document.querySelectorAll("[data-show-profile]").length,
    top: { id: bar.getAttribute("data-id"), value: Number(bar.getAttribute("data-value")), label: bar.querySelector(".val").textContent },
    rows: profile.querySelectorAll("table.ranking-table tbody tr").length,
    charts: profile.querySelectorAll("svg.chart").length,
    visibleProfiles: [...document.querySelectorAll(".profile")].filter((p) => p.offsetHeight > 0).length,
    heatmapCells: heatmap ? heatmap.querySelectorAll("rect[data-i]").length : 0,
    sunburst: profile.querySelectorAll("svg.sunburst path.sun").length,
    bodyWidth: document.body.scrollWidth,
  };
})()`;

/** Clicks the score column's header of the visible ranking table and returns the first row's score. */
const SORT_BY_SCORE = `(() => {
  const table = document.querySelector(".profile:not([hidden]) table.ranking-table");
  const col = [...table.tHead.rows[0].cells].findIndex((c) => c.textContent === "得分");
  table.tHead.rows[0].cells[col].querySelector("button").click();
  return Number(table.tBodies[0].rows[0].cells[col].getAttribute("data-sort"));
})()`;

function top(result: Result): { unit: string; score: number } {
  const i = (result.ranks[result.resolved.root] as Uint32Array).indexOf(1);
  return {
    unit: result.units[i] as string,
    score: (result.scores[result.resolved.root] as Float64Array)[i] as number,
  };
}

describe.skipIf(!playwright)("report in a real browser (Debian chromium, playwright-core)", () => {
  const browser = useChromium();

  it("sample city: the top bar shows score()'s top unit, 331 table rows, no errors, no requests, loads in < 5 s", async () => {
    const { model, data } = sampleCity();
    const normal = score(model, data, { profile: "normal" });
    const emergency = score(model, data, { profile: "emergency" });
    const { page, errors, requests, loadMs } = await open(
      browser(),
      report(model, data),
      "report-sample-city",
    );
    const f = (await page.evaluate(FACTS)) as PageFacts;
    const best = top(normal);
    expect(f.tabs).toBe(10); // the 6 design profiles and the 4 of the four-level chain (issue 14)
    expect(f.visibleProfiles).toBe(1);
    expect(f.top.id).toBe(best.unit);
    expect(f.top.value).toBeCloseTo(best.score * 100, 10);
    expect(f.top.label).toBe((best.score * 100).toFixed(1));
    expect(f.rows).toBe(331);
    expect(f.sunburst).toBe(normal.resolved.nodes.size - 1);
    // The 60 community indicators and the 4 coastal ones of the typhoon profile (issue 14); the streets'
    // and districts' own indicators have no community values and are left out.
    expect(f.heatmapCells).toBe((64 * 65) / 2);
    expect(f.charts).toBeGreaterThanOrEqual(6);
    expect(f.bodyWidth).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: new URL("report-sample-city.png", ARTIFACTS).pathname, fullPage: true });

    // The emergency tab shows emergency's own ranking.
    await page.click('[data-show-profile="1"]');
    const g = (await page.evaluate(FACTS)) as PageFacts;
    const bestE = top(emergency);
    expect(g.visibleProfiles).toBe(1);
    expect(g.top.id).toBe(bestE.unit);
    expect(g.top.label).toBe((bestE.score * 100).toFixed(1));

    // Sorting the table by score ascending puts the lowest score first.
    const lowest = (await page.evaluate(SORT_BY_SCORE)) as number;
    const e = emergency.scores.governance as Float64Array;
    expect(lowest).toBeCloseTo(Math.min(...[...e].filter((x) => !Number.isNaN(x))) * 100, 10);

    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(loadMs).toBeLessThan(5000);
    writeFileSync(new URL("report-sample-city-load.txt", ARTIFACTS), `${loadMs.toFixed(0)} ms\n`);
    await page.close();
  });

  it("sample city, assessment profile: the grades section counts per district match score(), the vetoed unit shows 差 and its veto", async () => {
    const { model, data } = sampleCity();
    const result = score(model, data, { profile: "assessment" });
    const g = result.grades.governance!;
    const vetoed = Object.keys(g.forced)[0]!;
    const html = report(model, data, { profiles: ["assessment"], unit: vetoed });
    const { page, errors, requests } = await open(browser(), html, "report-assessment");
    const facts = (await page.evaluate(`(() => {
      const section = document.querySelector("#p0-grades");
      const tables = [...section.querySelectorAll("table.grades-table")];
      const district = tables[0];
      const rows = [...district.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent));
      const head = [...district.tHead.rows[0].cells].map((c) => c.textContent);
      const seg = section.querySelector(".grade-bar .grade-seg");
      const unitGrade = document.querySelector("#p0-unit table.unit-grades strong").textContent;
      const rules = [...document.querySelectorAll("#p0-unit table.unit-rules tbody tr")].map((r) => r.cells[1].textContent);
      return { head, rows, visible: section.getBoundingClientRect().height > 0, segWidth: seg.getBoundingClientRect().width, unitGrade, rules };
    })()`)) as {
      head: string[];
      rows: string[][];
      visible: boolean;
      segWidth: number;
      unitGrade: string;
      rules: string[];
    };
    expect(facts.visible).toBe(true);
    expect(facts.segWidth).toBeGreaterThan(0);
    // The first table is the districts' (the levels in data order; the city alone has no table): 5 rows, columns name, parent, 优 良 中 差, no grade, bar.
    expect(facts.head.slice(2, 6)).toEqual(["优", "良", "中", "差"]);
    expect(facts.rows.length).toBe(5);
    const h = result.hierarchy;
    const districtOf = (u: string): string => {
      let p = h.parents[h.units.indexOf(u)];
      while (p !== undefined && h.levels[h.units.indexOf(p)] !== "district")
        p = h.parents[h.units.indexOf(p)];
      return p as string;
    };
    for (const row of facts.rows) {
      const d = row[0]!.split(" ").pop()!;
      const expected = [3, 2, 1, 0].map(
        (k) => result.units.filter((u, i) => districtOf(u) === d && g.grade[i] === k).length,
      );
      expect(row.slice(2, 6).map(Number), d).toEqual(expected);
    }
    expect(facts.unitGrade).toBe("差");
    expect(facts.rules).toContain("veto: major_accident");
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it.each(["en", "zh"] as const)(
    "sample city in %s at 1280 px: no horizontal overflow (scrollWidth), sunburst labels uncut, the outer rings labelled by code",
    async (language) => {
      const { model, data } = sampleCity();
      const normal = score(model, data, { profile: "normal" });
      const { page, errors } = await open(
        browser(),
        report(model, data, { language }),
        `report-${language}-width`,
      );
      const f = (await page.evaluate(`(() => {
        const sun = document.querySelector(".profile:not([hidden]) svg.sunburst");
        return {
          width: document.documentElement.scrollWidth,
          arcLabels: [...sun.querySelectorAll("text.sun-label:not(.val)")].map((t) => t.textContent),
          codes: [...sun.querySelectorAll("text.sun-code")].map((t) => t.textContent),
          titles: [...sun.querySelectorAll("path.sun > title")].map((t) => t.textContent),
        };
      })()`)) as { width: number; arcLabels: string[]; codes: string[]; titles: string[] };
      // Before the fix the English page was 1478 px wide (the roll-up and weights tables) and its
      // first-ring labels read "Governanc…".
      expect(f.width).toBeLessThanOrEqual(1280);
      expect(f.arcLabels.filter((l) => l.endsWith("…"))).toEqual([]);
      // Every label is the node's name or its code (model codes such as "S1.1"), never a cut name.
      const nodes = [...normal.resolved.nodes.values()];
      const codes = new Set(nodes.map((n) => n.node.code).filter((c): c is string => !!c));
      expect(f.codes.length).toBeGreaterThan(30);
      expect(f.codes.filter((c) => !codes.has(c))).toEqual([]);
      // The outer rings (criteria and indicators, depth >= 2) have labels: codes of depth-2 and deeper nodes.
      const deep = new Set(nodes.filter((n) => n.depth >= 2).map((n) => n.node.code));
      expect(f.codes.filter((c) => deep.has(c)).length).toBe(f.codes.length);
      // The full name is on hover: one title per arc.
      expect(f.titles.length).toBe(nodes.length - 1);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it("COINr ASEM: the top bar shows score()'s top country, 51 rows, 49 x 49 heatmap, no errors, no requests", async () => {
    const { model, data } = asem();
    const result = score(model, data);
    const { page, errors, requests, loadMs } = await open(browser(), report(model, data), "report-asem");
    const f = (await page.evaluate(FACTS)) as PageFacts;
    const best = top(result);
    expect(f.tabs).toBe(0);
    expect(f.top.id).toBe(best.unit);
    expect(f.top.label).toBe(best.score.toFixed(1));
    expect(f.rows).toBe(51);
    expect(f.heatmapCells).toBe((49 * 50) / 2);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(loadMs).toBeLessThan(5000);
    await page.screenshot({ path: new URL("report-asem.png", ARTIFACTS).pathname, fullPage: true });
    writeFileSync(new URL("report-asem-load.txt", ARTIFACTS), `${loadMs.toFixed(0)} ms\n`);
    await page.close();
  });
});
