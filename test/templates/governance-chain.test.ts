// The four-level chain of the grassroots-governance template (issue 14 item 8): the street's and the
// district's own indicators (active in the profiles normal_levels and emergency_levels), the coastal
// communities' local set, the typhoon and transition profiles, the response levels mapped to profiles;
// and the additive design: the design's profiles score every community exactly as the design's
// 60-indicator system does, with the same weights.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { activeNodes } from "../../src/indicators/profiles.js";
import { grassrootsGovernance } from "../../src/indicators/templates/index.js";
import { isIndicator, walkTree } from "../../src/indicators/tree.js";
import { resolveProfile } from "../../src/score/resolve-profile.js";
import { resolveWeights } from "../../src/score/resolve-weights.js";
import { rollup } from "../../src/score/rollup.js";
import { score } from "../../src/score/score.js";
import { scoreLevels } from "../../src/score/score-levels.js";
import { scoreStates } from "../../src/score/score-states.js";
import { CHAIN_GROUPS, communitySystem } from "./domain-table.js";

const model = parseModel(grassrootsGovernance);
const design = parseModel(communitySystem(grassrootsGovernance as { tree: { children?: unknown[] } }));
const rows: Record<string, string>[] = parse(
  readFileSync(new URL("../../examples/governance/sample-city.csv", import.meta.url), "utf8"),
  { columns: true },
);
const node = (id: string) => walkTree(model.tree).find((v) => v.node.id === id)?.node;
const leavesOf = (id: string) =>
  walkTree(node(id)!)
    .filter((v) => isIndicator(v.node))
    .map((v) => v.node);
const DESIGN_PROFILES = [
  "normal",
  "emergency",
  "public_health",
  "natural_disaster",
  "social_security",
  "assessment",
];

describe("grassroots-governance: the four-level chain", () => {
  it("declares the levels community < street < district < city and maps the response levels to profiles", () => {
    expect(model.levels?.map((l) => l.id)).toEqual(["community", "street", "district", "city"]);
    expect(model.states).toEqual({
      normal: "normal",
      IV: "transition",
      III: "emergency",
      II: "typhoon",
      I: "typhoon",
      recovery: "transition",
    });
  });

  it("S5 and P5 are street duties, P6 a district duty (the two level profiles only), P7 the coastal local set of the typhoon profile; all illustrative", () => {
    expect(CHAIN_GROUPS.map((id) => [node(id)?.code, node(id)?.level, leavesOf(id).length])).toEqual([
      ["S5", "street", 3],
      ["P5", "street", 4],
      ["P6", "district", 3],
      ["P7", undefined, 4],
    ]);
    expect(node("typhoon_preparedness")?.appliesTo).toEqual({ tag: "coastal" });
    expect(node("typhoon_preparedness")?.profiles).toEqual(["typhoon"]);
    for (const id of CHAIN_GROUPS) for (const l of leavesOf(id)) expect(l.tags).toContain("illustrative");
    const chainIds = ["street_co_building", "street_coordination", "district_command"];
    for (const p of [...DESIGN_PROFILES, "typhoon", "transition"])
      for (const id of chainIds) expect(activeNodes(model, p).has(id), `${p} ${id}`).toBe(false);
    for (const p of ["normal_levels", "emergency_levels"])
      for (const id of chainIds) expect(activeNodes(model, p).has(id), `${p} ${id}`).toBe(true);
    for (const p of [...DESIGN_PROFILES, "normal_levels", "emergency_levels"])
      expect(activeNodes(model, p).has("typhoon_preparedness")).toBe(false);
    expect(activeNodes(model, "typhoon").has("typhoon_preparedness")).toBe(true);
  });

  it("transition blends normal and emergency 0.5 / 0.5; typhoon extends natural_disaster with a local cap of 0.25", () => {
    expect(model.profiles?.transition?.blend).toEqual({ normal: 0.5, emergency: 0.5 });
    expect(model.profiles?.typhoon?.extends).toBe("natural_disaster");
    expect(model.profiles?.typhoon?.localCap).toBe(0.25);
  });

  it("level rules: the overlays inherit theirs (emergency's for typhoon), transition sets the street and district halfway and takes the city from both", () => {
    const pop = { weight: "population" };
    expect(resolveProfile(model, "typhoon").levels).toEqual(resolveProfile(model, "emergency").levels);
    expect(resolveProfile(model, "normal_levels").levels).toEqual({
      street: { own: 0.3, children: 0.7, rollup: pop },
      district: { own: 0.2, children: 0.8, rollup: pop },
      city: { own: 0, children: 1, rollup: pop },
    });
    // 0.5 x normal's + 0.5 x emergency's own shares: street (0.3 + 0.4) / 2, district (0.2 + 0.3) / 2.
    expect(resolveProfile(model, "transition").levels).toEqual({
      street: { own: 0.35, children: 0.65, rollup: pop },
      district: { own: 0.25, children: 0.75, rollup: pop },
      city: { own: 0, children: 1, rollup: pop },
    });
    const r = scoreLevels(model, rows, { profile: "transition" });
    // No street or district indicator is active in transition: the levels above are the population roll-up.
    const flat = rollup(score(model, rows, { profile: "transition", keep: ["population"] }), {
      by: { weight: "population" },
    });
    const t = r.level("district");
    for (const [j, u] of t.units.entries())
      expect(t.scores.governance![j], u).toBeCloseTo(flat.scores.governance![flat.units.indexOf(u)]!, 12);
  });

  it("every design profile scores each community of the sample city exactly as the design system does, with its coverage and weights", () => {
    for (const profile of DESIGN_PROFILES) {
      const ref = score(design, rows, { profile });
      const got = score(model, rows, { profile });
      expect(got.units).toEqual(ref.units);
      expect(Object.keys(got.scores)).toEqual(Object.keys(ref.scores));
      for (const id of Object.keys(ref.scores))
        expect(got.scores[id], `${profile} ${id}`).toEqual(ref.scores[id]);
      expect(got.coverage).toEqual(ref.coverage);
      expect(resolveWeights(model, { profile }).global).toEqual(resolveWeights(design, { profile }).global);
    }
  });

  it("the level profiles score each community as their base profile does (scoreLevels, community level)", () => {
    for (const [profile, base] of [
      ["normal_levels", "normal"],
      ["emergency_levels", "emergency"],
    ] as const) {
      const ref = score(design, rows, { profile: base });
      const got = scoreLevels(model, rows, { profile }).level("community");
      expect(got.units).toEqual(ref.units);
      for (const id of Object.keys(ref.scores))
        expect(got.scores[id], `${profile} ${id}`).toEqual(ref.scores[id]);
    }
  });

  it("scoreLevels on a design profile (normal, emergency): no street or district indicator is active, so every level above the communities equals the population-weighted roll-up", () => {
    for (const profile of ["normal", "emergency"]) {
      const r = scoreLevels(model, rows, { profile });
      const levelsOf = new Set(Object.values(r.indicatorLevels));
      expect([...levelsOf]).toEqual(["community"]);
      // The second method: score the communities, then rollup() by population (the rule of normal and emergency).
      const flat = rollup(score(model, rows, { profile, keep: ["population"] }), {
        by: { weight: "population" },
      });
      for (const level of ["street", "district", "city"]) {
        const t = r.level(level);
        expect(t.units.length, level).toBeGreaterThan(0);
        for (const [j, u] of t.units.entries()) {
          const k = flat.units.indexOf(u);
          expect(t.scores.governance![j], `${profile} ${u}`).toBeCloseTo(flat.scores.governance![k]!, 12);
        }
      }
    }
  });

  it("scoreLevels reads what typhoon and assessment score with beside the indicators (the coastal tag, the rules' columns): each community as score gives it", () => {
    for (const profile of ["typhoon", "assessment"]) {
      const ref = score(model, rows, { profile });
      const got = scoreLevels(model, rows, { profile }).level("community");
      expect(got.units).toEqual(ref.units);
      expect(got.scores.governance, profile).toEqual(ref.scores.governance);
    }
  });

  it("a street's score at the root is 0.3 x its own part + 0.7 x the population-weighted mean of its communities (normal_levels' rule)", () => {
    const r = scoreLevels(model, rows, { profile: "normal_levels" });
    expect(r.rules.street).toEqual({ own: 0.3, children: 0.7, rollup: { weight: "population" } });
    const street = r.level("street");
    const community = r.level("community");
    const pop = new Map(rows.map((x) => [x.unit, Number(x.population)]));
    // The children part, recomputed from the community table: sum(pop x score) / sum(pop) per street.
    for (const [j, s] of street.units.entries()) {
      let num = 0;
      let den = 0;
      for (const [k, c] of community.units.entries())
        if (community.parents[k] === s) {
          num += pop.get(c)! * community.scores.governance![k]!;
          den += pop.get(c)!;
        }
      expect(street.children.governance![j]).toBeCloseTo(num / den, 12);
      expect(street.scores.governance![j]).toBeCloseTo(
        0.3 * street.own.governance![j]! + 0.7 * street.children.governance![j]!,
        12,
      );
      expect(Number.isNaN(street.own.governance![j]!)).toBe(false);
    }
  });

  it("typhoon leaves a non-coastal community as natural_disaster scores it (P7 absent by design, its weight to its siblings only where it applies)", () => {
    const t = score(model, rows, { profile: "typhoon" });
    const n = score(model, rows, { profile: "natural_disaster" });
    const coastal = new Map(rows.map((x) => [x.unit, x.coastal]));
    let inland = 0;
    let changed = 0;
    for (const [i, u] of t.units.entries()) {
      if (coastal.get(u) === "0") {
        inland++;
        expect(t.scores.governance![i]).toBeCloseTo(n.scores.governance![i]!, 12);
      } else if (Math.abs(t.scores.governance![i]! - n.scores.governance![i]!) > 1e-9) changed++;
    }
    expect(inland).toBeGreaterThan(100);
    expect(changed).toBeGreaterThan(50);
  });

  it("scoreStates on the sample city: each community takes its district's response level's profile and that profile's score", () => {
    const r = scoreStates(model, rows);
    const state = new Map(rows.map((x) => [x.unit, x.state]));
    const used = new Set<string>();
    const byProfile = new Map<string, ReturnType<typeof score>>();
    for (const [i, u] of r.units.entries()) {
      const expected = model.states?.[state.get(u) as string] as string;
      expect(r.profiles[i], u).toBe(expected);
      used.add(expected);
      if (!byProfile.has(expected)) byProfile.set(expected, score(model, rows, { profile: expected }));
      const own = byProfile.get(expected)!;
      expect(r.scores.governance![i]).toBe(own.scores.governance![own.units.indexOf(u)]);
    }
    // The five districts are in II, III, IV, recovery and normal: typhoon, emergency, transition, normal.
    expect([...used].sort()).toEqual(["emergency", "normal", "transition", "typhoon"]);
  });
});
