/**
 * A seeded, synthetic sample city for the grassroots-governance template: 1 city, 5 districts,
 * 30-35 streets and 300-400 communities, with values of all 60 indicators for every community.
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
 *   districts and the city carry the summed population and no indicator values.
 */
import { grassrootsGovernance } from "../src/indicators/templates/grassroots-governance.js";
import { listIndicators } from "../src/indicators/tree.js";
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

interface Unit {
  /** Longitude and latitude in degrees (only with the `coordinates` option). */
  at?: [number, number];
  unit: string;
  name: string;
  level: "city" | "district" | "street" | "community";
  parent: string;
  population: number;
  values?: (number | undefined)[];
  /** Latent normal-governance capacity (communities), for the assessment columns. */
  latent?: number;
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

const csvCell = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/**
 * The sample city as CSV text: header `unit,name,level,parent,population` followed by the 60
 * indicator ids of {@link grassrootsGovernance} in tree order and the {@link ASSESSMENT_COLUMNS}
 * (communities only); rows for the city, its districts,
 * streets and communities (in that order, each level in id order); only community rows carry
 * indicator values, and about 1% of those cells are empty. The same seed always gives the same
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
  const indicators = listIndicators(grassrootsGovernance as Parameters<typeof listIndicators>[0]).map(
    (n) => n.id,
  );
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
      });
      street.population += population;
      district.population += population;
      city.population += population;
    }
  });

  if (opts.coordinates) placeUnits(makeRng(seed + 1), city, districts, streets, communities);
  const geo = opts.coordinates ? ["lon", "lat"] : [];
  const assessment = assessmentColumns(seed, communities);
  const header = [
    "unit",
    "name",
    "level",
    "parent",
    "population",
    ...geo,
    ...indicators,
    ...ASSESSMENT_COLUMNS,
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
