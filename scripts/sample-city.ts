/**
 * A seeded, synthetic sample city for the grassroots-governance template: 1 city, 5 districts,
 * 30-35 streets and 300-400 communities, with values of all 60 community indicators for every
 * community, and of the four-level chain's indicators on the street, district and coastal rows.
 * The data are invented (no real place or person): they exist to demonstrate and test scoring,
 * profiles and roll-ups, and are shaped to look like real ledgers.
 *
 * How the values are made (everything comes from one mulberry32 stream, so a seed fixes the file):
 * - Each community has a latent normal-governance capacity `L = (district + street + own) / sqrt(0.9)`,
 *   with district ~ N(0, 0.5²), street ~ N(0, 0.4²) and own ~ N(0, 0.7²), so L ~ N(0, 1) and about
 *   28% of its variance lies between districts and streets.
 * - A latent emergency capacity `Le = 0.6 L + 0.8 u` (u ~ N(0, 1)) drives the 14 emergency-only
 *   indicators, which describe the city's most recent emergency (a typhoon with flooding); each
 *   district had its own exposure (severity 0.6-1.4) that lengthens times and raises casualties.
 *   Because corr(L, Le) = 0.6, the normal and emergency rankings differ.
 * - Each indicator is `centre + slope * latent + noise * N(0, 1)` in its own unit (on the log scale
 *   for skewed times and rates), with the sign of `slope` following the direction (cost indicators
 *   fall as capacity rises), clipped to a plausible range inside the goalposts, then rounded:
 *   percentages to 0.1, counts to integers, 0/1 items drawn as Bernoulli with a logistic link.
 *   Households per grid worker (optimal interval [200, 400]) scatter around 300 with a spread that
 *   shrinks as capacity rises.
 * - About 1% of community cells are left empty (missing at random).
 * - Community population is log-normal (median 6,500) clipped to 2,000-15,000; rows for streets,
 *   districts and the city carry the summed population and no values of the 60 indicators.
 * - The four-level chain (issue 14) comes last, from its own stream (seed + 14; see `chainColumns`):
 *   `state` and `coastal`, the streets' and districts' own indicators on their rows, and the coastal
 *   communities' typhoon set.
 */

import type { ModelNode } from "../src/indicators/schema.js";
import { grassrootsGovernance } from "../src/indicators/templates/grassroots-governance.js";
import { isIndicator } from "../src/indicators/tree.js";
import { mulberry32 } from "../src/internal/random.js";

/** The seed of the committed `examples/governance/sample-city.csv` (the date of the seed article, 2026-01-11). */
export const SAMPLE_CITY_SEED = 20260111;

/** Share of community indicator cells left empty. */
const MISSING_RATE = 0.01;

interface Rng {
  uniform(): number;
  normal(): number;
  int(lo: number, hi: number): number;
  poisson(lambda: number): number;
  pick<T>(items: readonly T[]): T;
}

function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    uniform: next,
    // Box-Muller, one value per call (1 - u keeps the logarithm finite).
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    // Knuth's multiplication method; the rates used here are small (< 30).
    poisson: (lambda) => {
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
  };
  return rng;
}

/** How the values of one indicator are drawn. */
interface Spec {
  /** Which latent capacity drives it: normal (`n`) or emergency (`e`). */
  latent: "n" | "e";
  /** Shape: linear in the unit, log-normal, Bernoulli (0/1), or the interval special case. */
  kind: "linear" | "log" | "binary" | "interval" | "poisson";
  /** Value at latent 0 (the median for `log`, the logit for `binary`, the rate for `poisson`). */
  centre: number;
  /** Change per latent standard deviation (on the log or logit scale for those kinds). */
  slope: number;
  /** Standard deviation of the community-specific noise (same scale as `slope`). */
  noise: number;
  /** Plausible range; values are clipped into it (always inside the goalposts). */
  clip: [number, number];
  /** Decimal places kept. */
  digits: number;
  /** Multiply by the district's exposure to the emergency (times, casualties) or divide (continuity). */
  severity?: "times" | "divide";
}

const pct = (latent: "n" | "e", centre: number, slope: number, noise: number, lo = 0): Spec => ({
  latent,
  kind: "linear",
  centre,
  slope,
  noise,
  clip: [lo, 100],
  digits: 1,
});
const lin = (
  centre: number,
  slope: number,
  noise: number,
  clip: [number, number],
  digits: number,
  latent: "n" | "e" = "n",
): Spec => ({
  latent,
  kind: "linear",
  centre,
  slope,
  noise,
  clip,
  digits,
});
const logn = (
  median: number,
  slope: number,
  noise: number,
  clip: [number, number],
  digits: number,
  latent: "n" | "e" = "n",
): Spec => ({
  latent,
  kind: "log",
  centre: median,
  slope,
  noise,
  clip,
  digits,
});
const bin = (logit: number, slope: number, latent: "n" | "e" = "n"): Spec => ({
  latent,
  kind: "binary",
  centre: logit,
  slope,
  noise: 0,
  clip: [0, 1],
  digits: 0,
});

/** One spec per indicator id of the template (a test checks that none is missing). */
const SPECS: Record<string, Spec> = {
  // S subjects
  party_org_coverage: pct("n", 82, 7, 5, 40),
  grid_party_coverage: pct("n", 88, 6, 4, 50),
  member_registration_rate: pct("n", 85, 6, 5, 40),
  social_orgs_per_10k: lin(12, 3.5, 3, [0.5, 40], 1),
  owners_committee_coverage: pct("n", 65, 10, 10, 10),
  volunteer_share: lin(12, 3.5, 3, [1, 30], 1),
  volunteer_hours: lin(3.5, 1.1, 0.9, [0.2, 10], 1),
  volunteers_mobilized_24h: lin(8, 3, 2.5, [0, 20], 1, "e"),
  community_workers_per_10k: lin(15, 2.5, 2, [5, 25], 1),
  certified_social_workers: pct("n", 45, 10, 9, 5),
  cadre_training_hours: lin(40, 10, 9, [4, 80], 0),
  emergency_training_coverage: pct("n", 70, 10, 10, 10),
  // P process
  linkage_on_time_rate: pct("n", 90, 4, 3, 50),
  linkage_closing_days: logn(7, -0.2, 0.25, [1, 30], 1),
  command_activation_hours: logn(4, -0.35, 0.35, [0.5, 24], 1, "e"),
  sunk_cadres_embedded_48h: pct("e", 80, 9, 8, 20),
  households_per_grid_worker: {
    latent: "n",
    kind: "interval",
    centre: 300,
    slope: -0.35,
    noise: 130,
    clip: [80, 900],
    digits: 0,
  },
  grid_events_on_time: pct("n", 92, 3.5, 3, 50),
  consultation_meetings: lin(10, 3, 2.5, [0, 24], 0),
  consultative_decision_rate: pct("n", 75, 9, 8, 20),
  emergency_plan_completeness: lin(3, 0.6, 0.6, [0, 4], 0),
  emergency_drills: lin(2.5, 0.8, 0.8, [0, 6], 0),
  shelter_area_per_capita: lin(1.3, 0.35, 0.35, [0.1, 3], 2),
  priority_contact_24h: pct("e", 85, 7, 6, 30),
  // R path
  election_turnout: pct("n", 88, 4, 4, 50),
  residents_covenant: bin(1.8, 1),
  mediation_success_rate: pct("n", 95, 2, 2, 70),
  crime_rate_per_10k: logn(25, -0.2, 0.35, [2, 100], 1),
  civic_activities: lin(24, 7, 6, [2, 52], 0),
  virtue_campaign_coverage: pct("n", 55, 11, 10, 5),
  service_facility_area: lin(32, 7, 6, [8, 60], 1),
  supplies_on_time_rate: pct("e", 88, 6, 5, 40),
  psychosocial_support_coverage: pct("e", 55, 12, 10, 5),
  // T technology
  online_service_rate: pct("n", 70, 9, 8, 20),
  digital_household_coverage: pct("n", 62, 10, 9, 15),
  integrated_data_sources: lin(8, 2.5, 2, [0, 20], 0),
  duplicate_reporting_forms: lin(11, -3, 3, [0, 30], 0),
  smart_sensing_coverage: pct("n", 60, 12, 10, 5),
  warning_reach_1h: pct("e", 80, 8, 7, 30),
  dispatch_minutes: logn(15, -0.35, 0.35, [1, 120], 0, "e"),
  backup_comms_tested: bin(0.6, 1.1),
  registry_digitized_24h: pct("e", 75, 10, 9, 20),
  // F performance
  request_closure_rate: pct("n", 93, 3, 3, 60),
  request_response_hours: logn(6, -0.3, 0.35, [0.5, 72], 1),
  repeat_petitions_per_10k: logn(3, -0.3, 0.45, [0, 20], 2),
  safety_incidents: {
    latent: "n",
    kind: "poisson",
    centre: 3,
    slope: -0.3,
    noise: 0,
    clip: [0, 20],
    digits: 0,
  },
  containment_hours: { ...logn(36, -0.4, 0.4, [1, 168], 1, "e"), severity: "times" },
  casualties_per_10k: { ...logn(0.8, -0.5, 0, [0, 10], 2, "e"), kind: "poisson", severity: "times" },
  essential_service_continuity: { ...pct("e", 92, 4, 3.5, 40), severity: "divide" },
  recovery_days: { ...logn(10, -0.35, 0.35, [0, 90], 0, "e"), severity: "times" },
  resident_satisfaction: lin(85, 4, 3.5, [50, 100], 1),
  sense_of_security: lin(92, 2.5, 2.5, [50, 100], 1),
  // E evaluation
  disclosure_on_time_rate: pct("n", 93, 4, 4, 50),
  vulnerable_representation_ratio: lin(0.8, 0.1, 0.15, [0.1, 2], 2),
  resident_participation_rate: pct("n", 35, 8, 7, 5),
  suggestion_reply_rate: pct("n", 85, 6, 6, 40),
  rectification_rate: pct("n", 90, 5, 5, 40),
  third_party_assessment: bin(0.3, 1.2),
  self_assessment_gap: lin(8, -2, 3, [0, 30], 1),
  after_action_review: bin(0.5, 1.3, "e"),
};

const DISTRICT_HEADS = ["鼓", "台", "仓", "晋", "马", "长", "榕", "闽", "连", "永", "福", "清"] as const;
const DISTRICT_TAILS = ["楼", "江", "山", "安", "尾", "乐", "兴", "平", "阳", "源"] as const;
const STREET_HEADS = [
  "东",
  "西",
  "南",
  "北",
  "中",
  "新",
  "上",
  "下",
  "前",
  "后",
  "洪",
  "义",
  "茶",
  "鳌",
  "王",
  "盖",
  "建",
  "宁",
] as const;
const STREET_TAILS = ["街", "门", "湖", "峰", "亭", "洲", "埕", "岭", "浦", "桥", "塘", "店"] as const;
const COMMUNITY_HEADS = [
  "三",
  "东",
  "西",
  "南",
  "北",
  "新",
  "安",
  "和",
  "福",
  "兴",
  "华",
  "金",
  "银",
  "玉",
  "文",
  "桂",
  "梅",
  "竹",
  "松",
  "柳",
  "湖",
  "山",
  "水",
  "龙",
  "凤",
  "春",
  "秀",
  "锦",
  "瑞",
  "宏",
  "永",
  "清",
  "宁",
  "乐",
  "康",
  "泰",
  "盛",
  "祥",
  "嘉",
  "温",
] as const;
const COMMUNITY_TAILS = [
  "坊",
  "巷",
  "园",
  "苑",
  "里",
  "村",
  "庄",
  "湾",
  "桥",
  "塘",
  "亭",
  "峰",
  "湖",
  "河",
  "岭",
  "洲",
  "坡",
  "门",
  "城",
  "庭",
  "井",
  "溪",
  "林",
  "田",
] as const;

function uniqueName(
  rng: Rng,
  used: Set<string>,
  heads: readonly string[],
  tails: readonly string[],
  suffix: string,
): string {
  for (;;) {
    const name = `${rng.pick(heads)}${rng.pick(tails)}${suffix}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

const clamp = (x: number, [lo, hi]: [number, number]): number => (x < lo ? lo : x > hi ? hi : x);
const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Draws one community value of an indicator. */
function draw(rng: Rng, spec: Spec, latent: number, severity: number, population: number): number {
  const exposure = spec.severity === "times" ? severity : spec.severity === "divide" ? 1 / severity : 1;
  let x: number;
  switch (spec.kind) {
    case "linear":
      x = spec.centre + spec.slope * latent + spec.noise * rng.normal();
      if (spec.severity === "divide") x = 100 - (100 - x) / exposure;
      break;
    case "log":
      x = Math.exp(Math.log(spec.centre) + spec.slope * latent + spec.noise * rng.normal()) * exposure;
      break;
    case "binary":
      return rng.uniform() < 1 / (1 + Math.exp(-(spec.centre + spec.slope * latent))) ? 1 : 0;
    case "interval":
      x = spec.centre + spec.noise * Math.exp(spec.slope * latent) * rng.normal();
      break;
    case "poisson": {
      const rate = spec.centre * Math.exp(spec.slope * latent) * exposure;
      if (spec.severity === undefined) x = rng.poisson(rate);
      // A rate per 10,000 residents: draw the count for the community's population, then rescale.
      else x = (rng.poisson((rate * population) / 10_000) * 10_000) / population;
      break;
    }
  }
  return round(clamp(x, spec.clip), spec.digits);
}

/**
 * The template's indicators split in two, each in tree order: `community`, the 60 indicators measured
 * on every community's row (the columns of the original file), and `chain`, the indicators of the
 * four-level chain (issue 14): those measured on a street's or district's own row (a node with
 * `level`) and the coastal communities' local ones (`appliesTo`). The chain columns come last in the
 * file, from their own random stream, so that the community columns are the same as before.
 */
export function splitIndicators(model: { tree: ModelNode }): { community: string[]; chain: string[] } {
  const community: string[] = [];
  const chain: string[] = [];
  const visit = (node: ModelNode, inChain: boolean): void => {
    const here = inChain || node.level !== undefined || node.appliesTo !== undefined;
    if (isIndicator(node)) (here ? chain : community).push(node.id);
    for (const c of node.children ?? []) visit(c, here);
  };
  visit(model.tree, false);
  return { community, chain };
}

/** One spec per chain indicator (street, district and coastal rows; a test checks that none is missing). */
const CHAIN_SPECS: Record<string, Spec> = {
  // S5 street co-building and resource sharing (street rows)
  co_building_units_rate: pct("n", 70, 10, 8, 20),
  shared_resource_items: lin(10, 3.5, 3, [0, 30], 1),
  resource_request_match_rate: pct("n", 78, 8, 7, 30),
  // P5 street coordination of cadres sent down (street rows; the emergency latent)
  sunk_cadres_grid_assigned: pct("e", 82, 9, 7, 30),
  sunk_cadre_grid_mismatch: lin(22, -6, 5, [2, 70], 1, "e"),
  street_deployment_hours: { ...logn(10, -0.35, 0.3, [1, 72], 1, "e"), severity: "times" },
  street_joint_meetings: lin(10, 3, 2.5, [0, 24], 0),
  // P6 district coordination (district rows)
  district_supply_dispatch_hours: { ...logn(8, -0.35, 0.3, [1, 48], 1, "e"), severity: "times" },
  district_supervised_closure_rate: pct("n", 88, 5, 4, 50),
  district_reserve_per_10k: lin(18, 5, 4, [2, 50], 1),
  // P7 coastal communities' typhoon preparedness (coastal community rows; the emergency latent)
  typhoon_plan_drilled: bin(1.2, 1.1, "e"),
  danger_zone_transfer_hours: { ...logn(6, -0.35, 0.3, [1, 24], 1, "e"), severity: "times" },
  seawall_patrol_coverage: pct("e", 85, 7, 6, 30),
  fishing_boats_sheltered: pct("e", 93, 4, 3.5, 50),
};

/**
 * The emergency-response state of each district in the sample city (the `state` column; issue 14),
 * set by its exposure to the typhoon, most exposed first: II, III, IV, recovery, normal. Streets and
 * communities take their district's state; the city row has none. Invented, like the rest.
 */
export const DISTRICT_STATES = ["II", "III", "IV", "recovery", "normal"] as const;

/** The chain columns of the sample city, after the assessment columns. */
interface ChainCells {
  state: string;
  coastal: string;
  values: string[];
}

/**
 * The chain columns (issue 14), drawn from their own mulberry32 stream (seed + 14), so that the
 * other values do not change when they are added:
 * - `state`: the district's response level ({@link DISTRICT_STATES}, by exposure);
 * - `coastal`: 1 for a community on the coast: the communities of the two most exposed districts,
 *   each with probability 0.75; 0 for the others; empty on the street, district and city rows;
 * - the street rows' own indicators (S5, P5), from a street capacity `0.6 z_s + 0.8 N(0, 1)` (z_s the
 *   street's latent effect in standard units; the emergency one `0.6 x + 0.8 N(0, 1)` of it), the
 *   district rows' own (P6) likewise from the district's effect, and the coastal communities' P7
 *   values from their emergency capacity; times scale with the district's exposure.
 */
function chainColumns(
  seed: number,
  chainIds: readonly string[],
  city: Unit,
  districts: readonly Unit[],
  streets: readonly Unit[],
  communities: readonly Unit[],
): Map<Unit, ChainCells> {
  const rng = makeRng(seed + 14);
  const specs = chainIds.map((id) => {
    const spec = CHAIN_SPECS[id];
    if (!spec) throw new Error(`sample city: no generation spec for indicator "${id}"`);
    return spec;
  });
  const levelOf = new Map<string, string>();
  const visit = (node: ModelNode, level: string, coastal: boolean): void => {
    const l = node.level ?? level;
    const c = coastal || node.appliesTo !== undefined;
    if (isIndicator(node)) levelOf.set(node.id, c ? "coastal" : l);
    for (const k of node.children ?? []) visit(k, l, c);
  };
  visit((grassrootsGovernance as { tree: ModelNode }).tree, "community", false);
  const byExposure = districts
    .map((_, d) => d)
    .sort((a, b) => (districts[b]!.severity ?? 0) - (districts[a]!.severity ?? 0));
  const stateOf = new Map<Unit, string>();
  for (const [k, d] of byExposure.entries())
    stateOf.set(districts[d]!, DISTRICT_STATES[Math.min(k, DISTRICT_STATES.length - 1)]!);
  const coastalDistricts = new Set(byExposure.slice(0, 2).map((d) => districts[d]!.unit));
  const byId = new Map([...districts, ...streets].map((u) => [u.unit, u]));
  const districtOf = (u: Unit): Unit => (u.level === "district" ? u : districtOf(byId.get(u.parent) as Unit));
  const out = new Map<Unit, ChainCells>();
  const cells = (u: Unit, kind: string, normal: number, emergency: number, coastal: boolean): string[] =>
    specs.map((spec, j) => {
      if (levelOf.get(chainIds[j]!) !== kind || (kind === "coastal" && !coastal)) return "";
      const sev = districtOf(u).severity ?? 1;
      return String(draw(rng, spec, spec.latent === "n" ? normal : emergency, sev, u.population));
    });
  out.set(city, { state: "", coastal: "", values: chainIds.map(() => "") });
  for (const u of [...districts, ...streets]) {
    const normal = 0.6 * (u.latent ?? 0) + 0.8 * rng.normal();
    const emergency = 0.6 * normal + 0.8 * rng.normal();
    out.set(u, {
      state: stateOf.get(districtOf(u)) ?? "",
      coastal: "",
      values: cells(u, u.level, normal, emergency, false),
    });
  }
  for (const u of communities) {
    const d = districtOf(u);
    const coastal = coastalDistricts.has(d.unit) && rng.uniform() < 0.75;
    out.set(u, {
      state: stateOf.get(d) ?? "",
      coastal: coastal ? "1" : "0",
      values: cells(u, "coastal", u.latent ?? 0, u.emergency ?? 0, coastal),
    });
  }
  return out;
}

interface Unit {
  /** Longitude and latitude in degrees (only with the `coordinates` option). */
  at?: [number, number];
  unit: string;
  name: string;
  level: "city" | "district" | "street" | "community";
  parent: string;
  population: number;
  values?: (number | undefined)[];
  /** Latent normal-governance capacity (communities), for the assessment columns; the street's or district's effect in standard units. */
  latent?: number;
  /** Latent emergency capacity (communities), for the coastal columns. */
  emergency?: number;
  /** The district's exposure to the emergency (districts). */
  severity?: number;
}

/**
 * The assessment columns of the sample city (issue 16), drawn after everything else from their own
 * mulberry32 stream (seed + 16), so the indicator values do not change when they are added:
 * - `major_accident`: 1 when the community had a major safety accident in the year (the veto of the
 *   template's `assessment` profile), Bernoulli with logit -3.5 - 0.7 L (about 3%, rarer where capacity
 *   is high);
 * - `recognised_innovations`: governance innovations recognised by the city or province in the year
 *   (the bonus), Poisson with rate 0.35 exp(0.5 L), at most 4.
 * Invented, like the rest of the file.
 */
export const ASSESSMENT_COLUMNS = ["major_accident", "recognised_innovations"] as const;

function assessmentColumns(seed: number, communities: readonly Unit[]): Map<Unit, number[]> {
  const rng = makeRng(seed + 16);
  const out = new Map<Unit, number[]>();
  for (const u of communities) {
    const l = u.latent ?? 0;
    const accident = rng.uniform() < 1 / (1 + Math.exp(3.5 + 0.7 * l)) ? 1 : 0;
    out.set(u, [accident, Math.min(4, rng.poisson(0.35 * Math.exp(0.5 * l)))]);
  }
  return out;
}

/** The state and coastal columns (issue 14), after the assessment columns and before the chain indicators. */
export const CHAIN_COLUMNS = ["state", "coastal"] as const;

const csvCell = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * The sample city as CSV text: header `unit,name,level,parent,population` followed by the 60
 * community indicator ids of {@link grassrootsGovernance} in tree order, the {@link ASSESSMENT_COLUMNS}
 * (communities only), the {@link CHAIN_COLUMNS} and the chain indicator ids ({@link splitIndicators});
 * rows for the city, its districts,
 * streets and communities (in that order, each level in id order); only community rows carry
 * values of the 60 indicators, and about 1% of those cells are empty; street and district rows carry
 * their own level's chain indicators, coastal communities the typhoon set. The same seed always gives the same
 * text, byte for byte (`\n` line ends, a final newline).
 *
 * With `coordinates: true`, columns `lon` and `lat` (degrees) follow `population`: a made-up layout
 * around (120.15 E, 30.25 N): the first district at the centre, the others on a ring 7 km out, each
 * street within 2.2 km of its district's centre, each community within 0.7 km of its street's; they
 * come from a second mulberry32 stream (seed + 1), so the other values are the same with or without.
 *
 * @param seed - Seed of the mulberry32 stream; {@link SAMPLE_CITY_SEED} gives the committed file.
 * @param opts - `coordinates`: add the lon/lat columns (default false; the committed file has them).
 * @throws Error when the template has an indicator without a generation spec (a programming error).
 * @example
 * ```ts
 * const csv = generateSampleCity(SAMPLE_CITY_SEED);
 * csv.split("\n")[1]; // => "city,<city name>,city,,<total population>,,,..."
 * ```
 */
export function generateSampleCity(
  seed: number = SAMPLE_CITY_SEED,
  opts: { coordinates?: boolean } = {},
): string {
  const { community: indicators, chain } = splitIndicators(grassrootsGovernance as { tree: ModelNode });
  const specs = indicators.map((id) => {
    const spec = SPECS[id];
    if (!spec) throw new Error(`sample city: no generation spec for indicator "${id}"`);
    return spec;
  });
  const rng = makeRng(seed);
  const names = new Set<string>();
  const city: Unit = {
    unit: "city",
    name: uniqueName(rng, names, DISTRICT_HEADS, DISTRICT_TAILS, "市"),
    level: "city",
    parent: "",
    population: 0,
  };
  const districts: Unit[] = [];
  const streets: Unit[] = [];
  const communities: Unit[] = [];

  // Structure: 5 districts of 6-7 streets; 9-12 communities per street, nudged into 300-400 in total.
  const streetDistrict: number[] = [];
  for (let d = 0; d < 5; d++) {
    districts.push({
      unit: `d${d + 1}`,
      name: uniqueName(rng, names, DISTRICT_HEADS, DISTRICT_TAILS, "区"),
      level: "district",
      parent: "city",
      population: 0,
    });
    const n = rng.int(6, 7);
    for (let s = 0; s < n; s++) streetDistrict.push(d);
  }
  const perStreet = streetDistrict.map(() => rng.int(9, 12));
  let total = perStreet.reduce((a, b) => a + b, 0);
  while (total < 300 || total > 400) {
    const i = rng.int(0, perStreet.length - 1);
    const v = perStreet[i] as number;
    if (total < 300 && v < 12) perStreet[i] = v + 1;
    else if (total > 400 && v > 9) perStreet[i] = v - 1;
    total = perStreet.reduce((a, b) => a + b, 0);
  }

  // Latent effects and the emergency's exposure by district.
  const districtEffect = districts.map(() => 0.5 * rng.normal());
  const severity = districts.map(() => 0.6 + 0.8 * rng.uniform());
  districts.forEach((d, k) => {
    d.latent = (districtEffect[k] as number) / 0.5;
    d.severity = severity[k] as number;
  });
  const pad = (n: number, width: number): string => String(n).padStart(width, "0");
  const streetWidth = streetDistrict.length >= 100 ? 3 : 2;
  const communityWidth = total >= 1000 ? 4 : 3;
  let c = 0;
  streetDistrict.forEach((d, s) => {
    const district = districts[d] as Unit;
    const street: Unit = {
      unit: `s${pad(s + 1, streetWidth)}`,
      name: uniqueName(rng, names, STREET_HEADS, STREET_TAILS, "街道"),
      level: "street",
      parent: district.unit,
      population: 0,
    };
    streets.push(street);
    const streetEffect = 0.4 * rng.normal();
    street.latent = streetEffect / 0.4;
    for (let k = 0; k < (perStreet[s] as number); k++) {
      c++;
      const population =
        Math.round(clamp(Math.exp(Math.log(6500) + 0.45 * rng.normal()), [2000, 15000]) / 10) * 10;
      const normal = ((districtEffect[d] as number) + streetEffect + 0.7 * rng.normal()) / Math.sqrt(0.9);
      const emergency = 0.6 * normal + 0.8 * rng.normal();
      const values = specs.map((spec) => {
        const v = draw(
          rng,
          spec,
          spec.latent === "n" ? normal : emergency,
          severity[d] as number,
          population,
        );
        return rng.uniform() < MISSING_RATE ? undefined : v;
      });
      communities.push({
        unit: `c${pad(c, communityWidth)}`,
        name: uniqueName(rng, names, COMMUNITY_HEADS, COMMUNITY_TAILS, "社区"),
        level: "community",
        parent: street.unit,
        population,
        values,
        latent: normal,
        emergency,
      });
      street.population += population;
      district.population += population;
      city.population += population;
    }
  });

  if (opts.coordinates) placeUnits(makeRng(seed + 1), city, districts, streets, communities);
  const geo = opts.coordinates ? ["lon", "lat"] : [];
  const assessment = assessmentColumns(seed, communities);
  const levels = chainColumns(seed, chain, city, districts, streets, communities);
  const header = [
    "unit",
    "name",
    "level",
    "parent",
    "population",
    ...geo,
    ...indicators,
    ...ASSESSMENT_COLUMNS,
    ...CHAIN_COLUMNS,
    ...chain,
  ].join(",");
  const lines = [city, ...districts, ...streets, ...communities].map((u) =>
    [
      u.unit,
      csvCell(u.name),
      u.level,
      u.parent,
      String(u.population),
      ...(opts.coordinates ? (u.at ?? ["", ""]).map((v) => (v === "" ? "" : (v as number).toFixed(5))) : []),
      ...(u.values ?? indicators.map(() => undefined)).map((v) => (v === undefined ? "" : String(v))),
      ...(assessment.get(u) ?? ASSESSMENT_COLUMNS.map(() => "")).map(String),
      levels.get(u)?.state ?? "",
      levels.get(u)?.coastal ?? "",
      ...(levels.get(u)?.values ?? chain.map(() => "")),
    ].join(","),
  );
  return `${[header, ...lines].join("\n")}\n`;
}

/** Degrees of latitude per km (sphere of radius 6371.0088 km). */
const DEG_PER_KM = 180 / (Math.PI * 6371.0088);

/** Seeded coordinates: districts around the centre, streets around their district, communities around their street. */
function placeUnits(rng: Rng, city: Unit, districts: Unit[], streets: Unit[], communities: Unit[]): void {
  const [lon0, lat0] = [120.15, 30.25];
  const offset = (from: [number, number], km: number, angle: number): [number, number] => [
    from[0] + (km * Math.cos(angle) * DEG_PER_KM) / Math.cos((from[1] * Math.PI) / 180),
    from[1] + km * Math.sin(angle) * DEG_PER_KM,
  ];
  const around = (from: [number, number], radius: number): [number, number] =>
    offset(from, radius * Math.sqrt(rng.uniform()), 2 * Math.PI * rng.uniform());
  city.at = [lon0, lat0];
  const turn = 2 * Math.PI * rng.uniform();
  districts.forEach((d, k) => {
    d.at =
      k === 0
        ? [lon0, lat0]
        : offset([lon0, lat0], 7, turn + (2 * Math.PI * (k - 1)) / (districts.length - 1));
  });
  const byId = new Map([...districts, ...streets].map((u) => [u.unit, u]));
  for (const s of streets) s.at = around(byId.get(s.parent)?.at as [number, number], 2.2);
  for (const c of communities) c.at = around(byId.get(c.parent)?.at as [number, number], 0.7);
}
