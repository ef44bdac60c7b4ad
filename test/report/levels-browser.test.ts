// The levels drill-down (issue 14 item 7) in a real browser, on the sample city under the
// normal_levels profile (normal plus the streets' and districts' own indicators): every unit of the
// four levels is in the drill-down, nested under its parent, and the numbers it shows equal
// scoreLevels'; opening a street shows its communities; no console errors, no requests.
// Skipped when Debian's chromium or playwright-core is missing (see test/report/playwright.ts).
import { describe, expect, it } from "vitest";
import { report } from "../../src/report/index.js";
import { scoreLevels } from "../../src/score/score-levels.js";
import { sampleCity } from "./inputs.js";
import { ARTIFACTS, open, playwright, useChromium } from "./playwright.js";

interface Row {
  unit: string;
  level: string;
  parent: string | null;
  score: string;
  own: string;
  children: string;
  shown: string;
  ownShown: string | null;
  visible: boolean;
}

/** Every drill-down row of the visible profile: its data, its parent row, what it shows. Runs in the browser. */
const ROWS = `(() => {
  const profile = document.querySelector(".profile:not([hidden])");
  return [...profile.querySelectorAll(".lv-row")].map((r) => {
    const up = r.parentElement.closest(".lv-row");
    const own = r.querySelector(":scope > summary > .lv-own, :scope > .lv-own");
    return {
      unit: r.getAttribute("data-unit"),
      level: r.getAttribute("data-level"),
      parent: up ? up.getAttribute("data-unit") : null,
      score: r.getAttribute("data-score"),
      own: r.getAttribute("data-own"),
      children: r.getAttribute("data-children"),
      shown: r.querySelector(".lv-score").textContent,
      ownShown: own ? own.textContent : null,
      visible: r.checkVisibility(),
    };
  });
})()`;

describe.skipIf(!playwright)(
  "report levels drill-down in a real browser (Debian chromium, playwright-core)",
  () => {
    const browser = useChromium();

    it("sample city, normal_levels: 368 units nested city > district > street > community with scoreLevels' numbers; a street opens; no errors", async () => {
      const { model, data } = sampleCity();
      const lv = scoreLevels(model, data, { profile: "normal_levels" });
      const html = report(model, data, { profiles: ["normal_levels"], correlations: false });
      const { page, errors, requests } = await open(browser(), html, "report-levels");
      const rows = (await page.evaluate(ROWS)) as Row[];
      expect(rows).toHaveLength(1 + 5 + 31 + 331);
      const seen = new Set<string>();
      for (const level of lv.levels) {
        const t = lv.level(level);
        for (const [j, u] of t.units.entries()) {
          const r = rows.find((x) => x.unit === u);
          expect(r, u).toBeDefined();
          seen.add(u);
          expect(r!.level).toBe(level);
          expect(r!.parent ?? undefined).toBe(t.parents[j]);
          const s = t.scores.governance![j]!;
          expect(Number(r!.score)).toBe(s);
          expect(r!.shown).toBe((s * 100).toFixed(2));
          if (level !== "community") {
            const o = t.own.governance![j]!;
            const c = t.children.governance![j]!;
            expect(r!.own).toBe(Number.isNaN(o) ? "" : String(o));
            expect(Number(r!.children)).toBe(c);
            expect(r!.ownShown).toContain(Number.isNaN(o) ? "–" : (o * 100).toFixed(2));
          }
        }
      }
      expect(seen.size).toBe(368);
      // The city is open: its districts show, the streets and communities are folded.
      expect(
        rows
          .filter((r) => r.visible)
          .map((r) => r.level)
          .sort(),
      ).toEqual(["city", "district", "district", "district", "district", "district"]);
      // Opening the first district and its first street shows that street's communities.
      await page.click('.lv-row[data-level="district"] > summary');
      await page.click('.lv-row[data-level="district"][open] .lv-row[data-level="street"] > summary');
      const after = (await page.evaluate(ROWS)) as Row[];
      const street = after.find(
        (r) => r.level === "street" && r.visible && after.some((c) => c.parent === r.unit && c.visible),
      );
      expect(street).toBeDefined();
      const kids = lv.level("community").parents.filter((p) => p === street!.unit).length;
      expect(after.filter((r) => r.parent === street!.unit && r.visible)).toHaveLength(kids);
      await page.screenshot({ path: new URL("report-levels.png", ARTIFACTS).pathname, fullPage: false });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    }, 60_000);
  },
);
