import { describe, expect, it } from "vitest";
import { IndicatrixError } from "../../src/internal/errors.js";
import { report } from "../../src/report/index.js";
import { type Result, score } from "../../src/score/score.js";
import { asem, barRows, chart, profileBlock, sampleCity } from "./inputs.js";

const city = sampleCity();
const cityHtml = report(city.model, city.data);
const normal = score(city.model, city.data, { profile: "normal" });
const emergency = score(city.model, city.data, { profile: "emergency" });

/** Index of the best unit (rank 1, first in data order on ties). */
function topIndex(r: Result): number {
  const ranks = r.ranks[r.resolved.root] as Uint32Array;
  return ranks.indexOf(1);
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object") {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** A hand-checkable model: two dimensions of one indicator each, equal weights, min-max on [0, 1]. */
const tiny = {
  id: "tiny",
  name: "Tiny",
  tree: {
    id: "root",
    children: [
      { id: "A", children: [{ id: "a" }] },
      { id: "B", children: [{ id: "b" }] },
    ],
  },
};
const tinyData = [
  { unit: "u1", a: 10, b: 0 },
  { unit: "u2", a: 0, b: 10 },
  { unit: "u3", a: 5, b: 10 },
];

describe("report(model, data) on a hand-checkable model", () => {
  const html = report(tiny, tinyData);
  const rows = barRows(chart(html, "ranking"));

  it("draws u3 first with 75.0 (0.5 x 0.5 + 0.5 x 1 by hand, on 0-100) and ties u1, u2 at rank 2", () => {
    expect(rows.map((r) => [r.id, r.rank, r.label])).toEqual([
      ["u3", 1, "75.0"],
      ["u1", 2, "50.0"],
      ["u2", 2, "50.0"],
    ]);
    expect(rows[0]?.value).toBeCloseTo(75, 12);
  });

  it("splits u3's bar into the dimensions' contributions 25 (A: 0.5 x 50) and 50 (B: 0.5 x 100)", () => {
    expect(rows[0]?.segments).toEqual([25, 50]);
  });

  it("lists every unit in the sortable table and names the sections in English (model without language)", () => {
    const body =
      /<table class="sortable ranking-table">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
    expect(body.match(/<tr>/g)).toHaveLength(3);
    expect(html).toContain("<h2>Ranking</h2>");
    expect(html).toContain('<html lang="en">');
  });

  it("leaves out the comparison (one profile) and the roll-up (no hierarchy)", () => {
    expect(html).not.toContain('id="compare"');
    expect(html).not.toContain("-rollup");
  });

  it("computes the unit's obstacle degrees by hand: u1 lacks only b, so b carries 100%", () => {
    const u1 = report(tiny, tinyData, { unit: "u1" });
    const obstacles = barRows(chart(u1, "obstacles"));
    expect(obstacles).toEqual([{ id: "b", value: 100, label: "100.0%", segments: [] }]);
  });

  it("does not mutate a frozen model or frozen rows", () => {
    expect(() =>
      report(deepFreeze(structuredClone(tiny)), deepFreeze(structuredClone(tinyData))),
    ).not.toThrow();
  });
});

describe("report(governance template, sample city)", () => {
  it("is one self-contained HTML page: no external scripts, styles, fonts, images or links", () => {
    expect(cityHtml.startsWith("<!doctype html>")).toBe(true);
    expect(cityHtml).not.toMatch(
      /<script[^>]+src=|<link\b|<img\b|<iframe\b|@import|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i,
    );
    expect(cityHtml).toContain("@media print");
    expect(cityHtml).toContain('"Noto Sans CJK SC"');
  });

  it("shows every profile of the template by default, in order, as tabs", () => {
    const tabs = [...cityHtml.matchAll(/data-show-profile="(\d+)"[^>]*>([^<]*)</g)].map((m) => m[2]);
    expect(tabs).toEqual([
      "常态治理",
      "应急治理",
      "公共卫生事件",
      "自然灾害",
      "社会安全事件",
      "年度考核（示意）",
      // The profiles of the four-level chain (issue 14), after the others.
      "台风应急（沿海）",
      "平急转换",
      "常态治理（四级联动）",
      "应急治理（四级联动）",
    ]);
  });

  it("labels the top bar with score()'s top unit and its score x 100 to one decimal", () => {
    const i = topIndex(normal);
    const top = barRows(chart(profileBlock(cityHtml, 0), "ranking"))[0];
    const expected = ((normal.scores.governance as Float64Array)[i] as number) * 100;
    expect(top?.id).toBe(normal.units[i]);
    expect(top?.value).toBeCloseTo(expected, 10);
    expect(top?.label).toBe(expected.toFixed(1));
  });

  it("draws the 30 best units in rank order under each profile (emergency: its own top unit)", () => {
    const rows = barRows(chart(profileBlock(cityHtml, 1), "ranking"));
    expect(rows).toHaveLength(30);
    expect(rows[0]?.id).toBe(emergency.units[topIndex(emergency)]);
    const ranks = rows.map((r) => r.rank as number);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it("stacks dimension contributions that equal the sum of result.contributions() per dimension (second method)", () => {
    const rows = barRows(chart(profileBlock(cityHtml, 0), "ranking")).slice(0, 10);
    const dims = normal.resolved.nodes.get("governance")?.children as string[];
    const dimOf = (id: string): string => {
      let cur = normal.resolved.nodes.get(id);
      while (cur?.parent !== "governance") cur = normal.resolved.nodes.get(cur?.parent as string);
      return cur.id;
    };
    for (const row of rows) {
      const byDim = new Map(dims.map((d) => [d, 0]));
      for (const c of normal.contributions(row.id))
        byDim.set(dimOf(c.indicator), (byDim.get(dimOf(c.indicator)) as number) + c.contribution * 100);
      const expected = dims.map((d) => byDim.get(d) as number).filter((v) => v > 0);
      expect(row.segments).toHaveLength(expected.length);
      row.segments.forEach((s, k) => {
        expect(s).toBeCloseTo(expected[k] as number, 9);
      });
      expect(row.segments.reduce((a, b) => a + b, 0)).toBeCloseTo(row.value, 9);
    }
  });

  it("lists all 331 communities in each profile's sortable table", () => {
    const body =
      /<table class="sortable ranking-table">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(
        profileBlock(cityHtml, 0),
      )?.[1] ?? "";
    expect(body.match(/<tr>/g)).toHaveLength(331);
  });

  it("rolls up to districts weighted by population: d1 = Σ pop x score / Σ pop over its communities (by hand)", () => {
    const pop = new Map(city.data.map((r) => [r.unit, Number(r.population)]));
    const parent = new Map(city.data.map((r) => [r.unit, r.parent]));
    let num = 0;
    let den = 0;
    normal.units.forEach((u, i) => {
      const street = parent.get(u) as string;
      if (parent.get(street) !== "d1") return;
      const s = (normal.scores.governance as Float64Array)[i] as number;
      if (Number.isNaN(s)) return;
      num += (pop.get(u) as number) * s;
      den += pop.get(u) as number;
    });
    const districts = barRows(chart(profileBlock(cityHtml, 0), "rollup"));
    const d1 = districts.find((r) => r.id === "d1");
    expect(districts).toHaveLength(5);
    expect(d1?.value).toBeCloseTo((num / den) * 100, 9);
    // The weight column is named in Chinese (issue 18 item 7: every term translated).
    expect(profileBlock(cityHtml, 0)).toContain("按人口加权平均");
  });

  it("shows the top unit's obstacle degrees: F_j (1 - z_j) / Σ F (1 - z) x 100, recomputed by hand", () => {
    const i = topIndex(normal);
    const g = normal.weights.global;
    const terms = normal.resolved.indicators
      .filter((id) => !Number.isNaN((normal.scores[id] as Float64Array)[i] as number))
      .map((id) => ({ id, t: (g[id] as number) * (1 - ((normal.scores[id] as Float64Array)[i] as number)) }));
    const total = terms.reduce((s, x) => s + x.t, 0);
    const best = [...terms].sort((a, b) => b.t - a.t)[0] as { id: string; t: number };
    const rows = barRows(chart(profileBlock(cityHtml, 0), "obstacles"));
    expect(rows).toHaveLength(10);
    expect(rows[0]?.id).toBe(best.id);
    expect(rows[0]?.value).toBeCloseTo((100 * best.t) / total, 9);
    const byDim = barRows(chart(profileBlock(cityHtml, 0), "obstacles-dim"));
    expect(byDim.reduce((s, r) => s + r.value, 0)).toBeCloseTo(100, 9);
  });

  it("reports the AHP consistency of the root with its CR from score()", () => {
    const cr = (normal.consistency.governance as { cr: number }).cr.toFixed(3);
    expect(profileBlock(cityHtml, 0)).toContain(`CR ${cr}`);
  });

  it("compares normal with emergency: one point per unit with both scores x 100", () => {
    const points = [
      ...cityHtml.matchAll(/<circle class="pt[^"]*" data-id="([^"]*)" data-x="([^"]*)" data-y="([^"]*)"/g),
    ];
    expect(points).toHaveLength(331);
    const p = points.find((m) => m[1] === normal.units[5]);
    expect(Number(p?.[2])).toBeCloseTo(((normal.scores.governance as Float64Array)[5] as number) * 100, 10);
    expect(Number(p?.[3])).toBeCloseTo(
      ((emergency.scores.governance as Float64Array)[5] as number) * 100,
      10,
    );
  });

  it("draws the correlation heatmap with Pearson's r computed by hand for a pair", () => {
    const a = normal.scores.party_org_coverage as Float64Array;
    const b = normal.scores.grid_party_coverage as Float64Array;
    const idx = [...a.keys()].filter((k) => !Number.isNaN(a[k] as number) && !Number.isNaN(b[k] as number));
    const ma = idx.reduce((s, k) => s + (a[k] as number), 0) / idx.length;
    const mb = idx.reduce((s, k) => s + (b[k] as number), 0) / idx.length;
    let sab = 0;
    let saa = 0;
    let sbb = 0;
    for (const k of idx) {
      sab += ((a[k] as number) - ma) * ((b[k] as number) - mb);
      saa += ((a[k] as number) - ma) ** 2;
      sbb += ((b[k] as number) - mb) ** 2;
    }
    const cell = /<rect data-i="1" data-j="0" data-value="([^"]*)"/.exec(cityHtml);
    expect(Number(cell?.[1])).toBeCloseTo(sab / Math.sqrt(saa * sbb), 12);
  });

  it("uses English names and labels with language: 'en'", () => {
    const html = report(city.model, city.data, { profiles: ["normal"], language: "en", correlations: false });
    expect(html).toContain("Governance subjects");
    expect(html).toContain("<h2>Indicator framework and weights</h2>");
    expect(html).not.toContain('id="correlations"');
    expect(html).not.toContain('id="compare"');
  });
});

describe("report() options", () => {
  it("profiles a chosen unit and shows it with its street and district", () => {
    const html = report(city.model, city.data, { profiles: ["normal"], unit: "c100", correlations: false });
    const i = normal.units.indexOf("c100");
    const head = /class="big" data-value="([^"]*)">([^<]*)</.exec(html);
    expect(Number(head?.[1])).toBeCloseTo(
      ((normal.scores.governance as Float64Array)[i] as number) * 100,
      10,
    );
    expect(head?.[2]).toBe((((normal.scores.governance as Float64Array)[i] as number) * 100).toFixed(1));
  });

  it("draws rank intervals from analysis results, best median first", () => {
    const html = report(tiny, tinyData, {
      analysis: {
        ranks: {
          u1: { median: 2, lo: 1, hi: 3 },
          u3: { median: 1, lo: 1, hi: 2 },
          nope: { median: 1, lo: 1, hi: 1 },
        },
      },
    });
    const rows = [
      ...html.matchAll(
        /<g class="interval-row" data-id="([^"]*)" data-value="([^"]*)" data-lo="([^"]*)" data-hi="([^"]*)"/g,
      ),
    ].map((m) => m.slice(1).join(" "));
    expect(rows).toEqual(["u3 1 1 2", "u1 2 1 3"]);
  });

  it("escapes names from the model and the data: a <script> name shows as text", () => {
    const evil = {
      id: "evil",
      name: '<script>alert("m")</script>',
      tree: {
        id: "root",
        name: "<b>root</b>",
        children: [
          { id: "A", name: "A & <i>", children: [{ id: "a", name: '"><img src=x onerror=alert(1)>' }] },
          { id: "b", name: "</svg><script>x()</script>" },
        ],
      },
    };
    const data = [
      { unit: "u1", name: "<script>alert('unit')</script>", a: 1, b: 2 },
      { unit: "u2", name: "O'Brien & <Co>", a: 3, b: 1 },
    ];
    const html = report(evil, data);
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html).not.toMatch(/<img|<b>root|<i>|onerror=alert\(1\)>/);
    expect(html).toContain("&lt;script&gt;alert(&#39;unit&#39;)&lt;/script&gt;");
    expect(html).toContain("O&#39;Brien &amp; &lt;Co&gt;");
    expect(html).toContain("<title>&lt;script&gt;alert(&quot;m&quot;)&lt;/script&gt;</title>");
  });

  it("skips profiles that cannot score by default but fails on a named one", () => {
    const model = {
      id: "m",
      tree: { id: "root", children: [{ id: "a" }, { id: "b", profiles: ["extra"] }] },
      profiles: { base: {}, extra: { include: ["b"] } },
    };
    const data = [
      { unit: "u1", a: 1 },
      { unit: "u2", a: 2 },
    ];
    const html = report(model, data);
    expect(html).toContain('data-profile="base"');
    expect(html).not.toContain('data-profile="extra"');
    expect(() => report(model, data, { profiles: ["base", "extra"] })).toThrow(
      expect.objectContaining({ code: "missing_column" }),
    );
  });

  it.each([
    [{ language: "fr" }, "invalid_option"],
    [{ profiles: [] }, "invalid_option"],
    [{ profiles: ["normal", "normal"] }, "invalid_option"],
    [{ top: 0 }, "invalid_option"],
    [{ correlations: "yes" }, "invalid_option"],
    [{ analysis: { ranks: { c001: { median: 3, lo: 4, hi: 5 } } } }, "invalid_option"],
    [
      {
        analysis: { ranks: { c001: { median: 1, lo: 1, hi: 2 } }, profile: "emergency" },
        profiles: ["normal"],
      },
      "unknown_profile",
    ],
    [{ profiles: ["wartime"] }, "unknown_profile"],
    [{ unit: "nowhere" }, "unknown_unit"],
    [{ unit: "d1" }, "unknown_unit"],
  ])("report(sample city, %j) throws IndicatrixError %s", (opts, code) => {
    let error: unknown;
    try {
      report(city.model, city.data, { correlations: false, ...(opts as object) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IndicatrixError);
    expect((error as IndicatrixError).code).toBe(code);
  });

  it("tells that a group unit is scored by roll-up", () => {
    expect(() => report(city.model, city.data, { profiles: ["normal"], unit: "s01" })).toThrow(/roll-up/);
  });
});

describe("report(COINr ASEM)", () => {
  const { model, data } = asem();
  const html = report(model, data);
  const result = score(model, data);

  it("labels the top bar with score()'s top unit and its score, already on 0-100 (min-max range [0, 100])", () => {
    const i = topIndex(result);
    const top = barRows(chart(html, "ranking"))[0];
    expect(top?.id).toBe(result.units[i]);
    expect(top?.label).toBe(((result.scores[result.resolved.root] as Float64Array)[i] as number).toFixed(1));
  });

  it("lists the 51 countries with their names (uName) and 49 indicators in the heatmap", () => {
    const body =
      /<table class="sortable ranking-table">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
    expect(body.match(/<tr>/g)).toHaveLength(51);
    expect(body).toContain("<td>Germany</td>");
    expect(html.match(/<rect data-i="48" data-j="\d+"/g)).toHaveLength(49);
  });
});
