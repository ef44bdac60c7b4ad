// The draft governance indicator system (test/fixtures/governance/design.json: the design the template
// implements) and the weights its compute.py derives (expected.json), in the shapes the template tests use.
// Each row of TABLE is one line of the design table, in its own notation (B, C, T(x), I[a,b]; goalposts
// "lo–hi"); the tests convert it and compare it with templates/grassroots-governance.json.
import { DESIGN, EXPECTED, fraction } from "../fixtures/governance/index.js";

export { fraction };

/** [code, unit, dir, goalposts, profile, source, global weight normal, global weight emergency]. */
export type DomainRow = [string, string, string, string, "N+E" | "E", string, number, number];

type Code = keyof typeof EXPECTED.global.normal;

/** All 60 indicators in design order, with the global weights of compute.py (full precision). */
export const TABLE: DomainRow[] = DESIGN.indicators.map((r) => {
  const code = r[0] as Code;
  return [
    ...(r as DomainRow).slice(0, 6),
    EXPECTED.global.normal[code],
    EXPECTED.global.emergency[code],
  ] as DomainRow;
});

const eigen = (profile: "normal" | "emergency") => EXPECTED.level1[profile].eigenvector.weights;

/** Level-1 eigenvector weights by dimension code (compute.py, full precision). */
export const LEVEL1 = Object.fromEntries(
  DESIGN.dimensions.map(([code], k) => [
    code,
    { normal: eigen("normal")[k], emergency: eigen("emergency")[k] },
  ]),
) as Record<"S" | "P" | "R" | "T" | "F" | "E", { normal: number; emergency: number }>;

/** Level-2 local weights per profile (F3 is 0 in normal: all its leaves are emergency-only). */
export const CRITERIA: Record<string, { normal: number; emergency: number }> = DESIGN.criteria;

/** Level-1 pairwise judgments as the design writes them ("S:P=2" = S is twice as important as P). */
export const JUDGMENTS = {
  normal: DESIGN.judgments.normal.map(([a, b, v]) => `${a}:${b}=${v}`).join(", "),
  emergency: DESIGN.judgments.emergency.map(([a, b, v]) => `${a}:${b}=${v}`).join(", "),
};

/** The indicators each scenario overlay emphasizes. */
export const OVERLAYS: Record<string, string[]> = DESIGN.overlays;

/** The dimension codes in order, and the ids the template gives them. */
export const DIMENSIONS = DESIGN.dimensions as [string, string][];

/** Parses goalposts as the design writes them, such as "0–100", "50–1,000" or "1–720 (scenario-specific)". */
export function goalposts(text: string): [number, number] {
  const m = /^([\d.]+)–([\d.]+)/.exec(text.replaceAll(",", ""));
  if (!m) throw new Error(`bad goalposts "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

/** Converts a design direction code (B, C, T(x), I[a,b]) to an indicatrix direction. */
export function direction(code: string): unknown {
  if (code === "B") return "benefit";
  if (code === "C") return "cost";
  const t = /^T\(([\d.]+)\)$/.exec(code);
  if (t) return { target: Number(t[1]) };
  const i = /^I\[([\d.]+),([\d.]+)\]$/.exec(code);
  if (i) return { range: [Number(i[1]), Number(i[2])] };
  throw new Error(`bad direction "${code}"`);
}

/**
 * The nodes the four-level chain (issue 14) added to the design: the street's own criteria S5 and P5
 * (`level: "street"`), the district's P6 (`level: "district"`) and the coastal communities' local P7
 * (`appliesTo: { tag: "coastal" }`, typhoon profile only).
 */
export const CHAIN_GROUPS = [
  "street_co_building",
  "street_coordination",
  "district_command",
  "typhoon_preparedness",
];

/** The profiles the chain added after the design's (and the assessment profile of issue 16), in order. */
export const CHAIN_PROFILES = ["typhoon", "transition", "normal_levels", "emergency_levels"];

/**
 * The design's community system inside the template: the template without the chain groups (and
 * their entries in the fixed weights), the chain profiles, `levels` and `states`. The design tests
 * compare this with test/fixtures/governance; the chain is tested on its own.
 */
export function communitySystem<
  T extends { tree: { children?: unknown[] }; profiles?: Record<string, unknown> },
>(template: T): T {
  const m = structuredClone(template) as unknown as {
    tree: { children: { children: { id: string }[] }[] };
    profiles: Record<
      string,
      { weights?: Record<string, { weights?: Record<string, number> }>; levels?: unknown }
    >;
    levels?: unknown;
    states?: unknown;
  };
  for (const d of m.tree.children) d.children = d.children.filter((c) => !CHAIN_GROUPS.includes(c.id));
  for (const name of CHAIN_PROFILES) delete m.profiles[name];
  for (const p of Object.values(m.profiles)) {
    delete p.levels;
    for (const spec of Object.values(p.weights ?? {}))
      for (const id of CHAIN_GROUPS) if (spec.weights) delete spec.weights[id];
  }
  delete m.levels;
  delete m.states;
  return m as unknown as T;
}
