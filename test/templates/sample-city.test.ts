import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { sampleCorrelation } from "simple-statistics";
import { describe, expect, it } from "vitest";
import {
  ASSESSMENT_COLUMNS,
  CHAIN_COLUMNS,
  DISTRICT_STATES,
  generateSampleCity,
  SAMPLE_CITY_SEED,
  splitIndicators,
} from "../../scripts/sample-city.js";
import { parseModel } from "../../src/indicators/parse-model.js";
import type { ModelNode } from "../../src/indicators/schema.js";
import { grassrootsGovernance } from "../../src/indicators/templates/index.js";
import { listIndicators } from "../../src/indicators/tree.js";

const FILE = new URL("../../examples/governance/sample-city.csv", import.meta.url);
const committed = readFileSync(FILE, "utf8");
const model = parseModel(grassrootsGovernance);
// The 60 community indicators (the original columns) and the chain indicators of issue 14 (street and
// district rows' own, the coastal communities' local set), which come after them in the file.
const { community: ids, chain } = splitIndicators(model);
const leaves = listIndicators(model).filter((l) => ids.includes(l.id));
const chainLeaves = listIndicators(model).filter((l) => chain.includes(l.id));
const rows: Record<string, string>[] = parse(committed, { columns: true });
const header = committed.slice(0, committed.indexOf("\n")).split(",");
const byLevel = (level: string) => rows.filter((r) => r.level === level);
const communities = byLevel("community");
const column = (id: string): (number | undefined)[] =>
  communities.map((r) => (r[id] === "" ? undefined : Number(r[id])));
const pairs = (a: string, b: string): [number[], number[]] => {
  const x: number[] = [];
  const y: number[] = [];
  const ca = column(a);
  const cb = column(b);
  ca.forEach((v, i) => {
    const w = cb[i];
    if (v !== undefined && w !== undefined) {
      x.push(v);
      y.push(w);
    }
  });
  return [x, y];
};

/** Direction-aligned goalpost score in [0, 1] (the formulas of docs/methods.md, written out here for the test). */
function score(leaf: ModelNode, x: number): number {
  const [lo, hi] = leaf.goalposts as [number, number];
  const d = leaf.direction;
  if (d === "benefit") return (x - lo) / (hi - lo);
  if (d === "cost") return (hi - x) / (hi - lo);
  if (typeof d === "object" && "target" in d)
    return 1 - Math.abs(x - d.target) / Math.max(d.target - lo, hi - d.target);
  if (typeof d === "object" && "range" in d) {
    const [a, b] = d.range;
    return x < a ? 1 - (a - x) / (a - lo) : x > b ? 1 - (x - b) / (hi - b) : 1;
  }
  throw new Error(`no direction on ${leaf.id}`);
}

describe("examples/governance/sample-city.csv", () => {
  it("generateSampleCity(SAMPLE_CITY_SEED, { coordinates: true }) equals the committed CSV byte for byte", () => {
    expect(SAMPLE_CITY_SEED).toBe(20260111);
    expect(generateSampleCity(SAMPLE_CITY_SEED, { coordinates: true })).toBe(committed);
  });

  it("generateSampleCity(seed) is deterministic per seed and changes with the seed", () => {
    expect(generateSampleCity(7)).toBe(generateSampleCity(7));
    expect(generateSampleCity(7)).not.toBe(committed);
  });

  it("has columns unit,name,level,parent,population,lon,lat, the 60 indicator ids in tree order, the assessment columns, state, coastal and the 14 chain indicators", () => {
    expect(header).toEqual([
      "unit",
      "name",
      "level",
      "parent",
      "population",
      "lon",
      "lat",
      ...ids,
      ...ASSESSMENT_COLUMNS,
      ...CHAIN_COLUMNS,
      ...chain,
    ]);
    expect(ids).toHaveLength(60);
    // S5 (3) and P5 (4) street, P6 (3) district, P7 (4) coastal: the template's chain nodes.
    expect(chain).toHaveLength(14);
    expect(committed.endsWith("\n")).toBe(true);
    expect(committed.includes("\r")).toBe(false);
  });

  it("has 1 city, 4-5 districts, 30-36 streets and 300-400 communities with unique ids and names", () => {
    expect(byLevel("city")).toHaveLength(1);
    expect(byLevel("district").length).toBeGreaterThanOrEqual(4);
    expect(byLevel("district").length).toBeLessThanOrEqual(5);
    expect(byLevel("street").length).toBeGreaterThanOrEqual(30);
    expect(byLevel("street").length).toBeLessThanOrEqual(36);
    expect(communities.length).toBeGreaterThanOrEqual(300);
    expect(communities.length).toBeLessThanOrEqual(400);
    expect(rows).toHaveLength(1 + byLevel("district").length + byLevel("street").length + communities.length);
    expect(new Set(rows.map((r) => r.unit)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    expect(rows.every((r) => /^[A-Za-z][A-Za-z0-9_]*$/.test(r.unit as string))).toBe(true);
    const suffix = {
      city: /^\p{Script=Han}{2}市$/u,
      district: /^\p{Script=Han}{2}区$/u,
      street: /^\p{Script=Han}{2}街道$/u,
      community: /^\p{Script=Han}{2}社区$/u,
    };
    for (const r of rows) expect(r.name).toMatch(suffix[r.level as keyof typeof suffix]);
  });

  it("nests city > district > street > community, and each aggregate row's population is the sum of its children", () => {
    const unit = new Map(rows.map((r) => [r.unit, r]));
    const parentLevel = {
      city: undefined,
      district: "city",
      street: "district",
      community: "street",
    } as const;
    for (const r of rows) {
      const expected = parentLevel[r.level as keyof typeof parentLevel];
      if (expected === undefined) expect(r.parent).toBe("");
      else expect(unit.get(r.parent)?.level).toBe(expected);
    }
    for (const r of rows.filter((x) => x.level !== "community")) {
      const sum = rows.filter((x) => x.parent === r.unit).reduce((s, x) => s + Number(x.population), 0);
      expect(Number(r.population), r.unit).toBe(sum);
      expect(ids.every((id) => r[id] === "")).toBe(true); // the community indicators (the chain ones: below)
    }
  });

  it("community populations are integers in [2000, 15000]", () => {
    for (const r of communities) {
      const p = Number(r.population);
      expect(Number.isInteger(p) && p >= 2000 && p <= 15000, r.unit).toBe(true);
    }
  });

  it("every community value lies inside its indicator's goalposts; 0/1 items are 0 or 1; % have 1 decimal at most", () => {
    for (const leaf of leaves) {
      const [lo, hi] = leaf.goalposts as [number, number];
      for (const v of column(leaf.id)) {
        if (v === undefined) continue;
        expect(Number.isFinite(v) && v >= lo && v <= hi, `${leaf.id} = ${v}`).toBe(true);
        if (leaf.unit === "0/1") expect([0, 1]).toContain(v);
        if (leaf.unit === "%") expect(Math.round(v * 10) / 10).toBe(v);
      }
    }
    // The event was a typhoon: containment times also fit the natural-disaster overlay's goalposts.
    const disaster = model.profiles?.natural_disaster?.goalposts?.containment_hours;
    expect(disaster).toEqual([1, 168]);
    const [lo, hi] = disaster as [number, number];
    expect(column("containment_hours").every((v) => v === undefined || (v >= lo && v <= hi))).toBe(true);
  });

  it("about 1% of community cells are empty, spread over the indicators", () => {
    const cells = communities.length * ids.length;
    const empty = ids.reduce((s, id) => s + column(id).filter((v) => v === undefined).length, 0);
    expect(empty / cells).toBeGreaterThan(0.005);
    expect(empty / cells).toBeLessThan(0.015);
    for (const id of ids)
      expect(column(id).filter((v) => v !== undefined).length).toBeGreaterThan(communities.length * 0.95);
  });

  it("indicators of one dimension move with the latent capacity: benefit pairs correlate positively, benefit-cost negatively", () => {
    expect(sampleCorrelation(...pairs("party_org_coverage", "grid_party_coverage"))).toBeGreaterThan(0.2);
    expect(sampleCorrelation(...pairs("online_service_rate", "digital_household_coverage"))).toBeGreaterThan(
      0.2,
    );
    expect(sampleCorrelation(...pairs("request_closure_rate", "request_response_hours"))).toBeLessThan(-0.2);
    expect(sampleCorrelation(...pairs("warning_reach_1h", "dispatch_minutes"))).toBeLessThan(-0.2);
  });

  it("normal and emergency-only composites are positively but loosely related, so the rankings differ", () => {
    const composite = (set: ModelNode[]) =>
      communities.map((r) => {
        const s = set.filter((l) => r[l.id] !== "").map((l) => score(l, Number(r[l.id])));
        return s.reduce((a, b) => a + b, 0) / s.length;
      });
    const normal = composite(leaves.filter((l) => l.profiles === undefined));
    const emergency = composite(leaves.filter((l) => l.profiles !== undefined));
    const r = sampleCorrelation(normal, emergency);
    expect(r).toBeGreaterThan(0.2);
    expect(r).toBeLessThan(0.8);
  });

  it("chain columns (issue 14): street rows carry S5 and P5, district rows P6, coastal communities P7, inside the goalposts; states by district", () => {
    const levelOf = (id: string): string => {
      const code = chainLeaves.find((l) => l.id === id)?.code ?? "";
      return code.startsWith("P6") ? "district" : code.startsWith("P7") ? "coastal" : "street";
    };
    const unit = new Map(rows.map((r) => [r.unit, r]));
    const districtOf = (r: Record<string, string>): string =>
      r.level === "district" ? (r.unit as string) : districtOf(unit.get(r.parent) as Record<string, string>);
    for (const r of rows) {
      const coastal = r.level === "community" && r.coastal === "1";
      if (r.level === "community") expect(["0", "1"]).toContain(r.coastal);
      else expect(r.coastal).toBe("");
      for (const leaf of chainLeaves) {
        const k = levelOf(leaf.id);
        const expected = k === "coastal" ? coastal : r.level === k;
        expect(r[leaf.id] !== "", `${r.unit} ${leaf.id}`).toBe(expected);
        if (!expected) continue;
        const v = Number(r[leaf.id]);
        const [lo, hi] = leaf.goalposts as [number, number];
        expect(v >= lo && v <= hi, `${r.unit} ${leaf.id} = ${v}`).toBe(true);
      }
      if (r.level === "city") expect(r.state).toBe("");
      else expect(r.state).toBe(unit.get(districtOf(r))?.state);
    }
    // Each district has its own state, one of II, III, IV, recovery, normal (the five districts).
    expect(
      byLevel("district")
        .map((r) => r.state)
        .sort(),
    ).toEqual([...DISTRICT_STATES].sort());
    // Coastal communities lie in two districts (the two most exposed: II and III) and only there.
    const coastalDistricts = new Set(communities.filter((r) => r.coastal === "1").map(districtOf));
    expect([...coastalDistricts].map((d) => unit.get(d)?.state).sort()).toEqual(["II", "III"]);
  });
});
