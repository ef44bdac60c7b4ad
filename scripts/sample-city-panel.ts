/**
 * The sample city over time: the 331 communities of `examples/governance/sample-city.csv` observed
 * every year from 2021 to 2025, for panel scoring (`scorePanel`, `indicatrix score --period year`,
 * `indicatrix trends`). Synthetic like the cross-section (no real place, person or statistic).
 *
 * How the values are made (one mulberry32 stream seeded with SAMPLE_CITY_PANEL_SEED; the same seed
 * always gives the same text):
 * - 2021 is the cross-section itself (`generateSampleCity(SAMPLE_CITY_SEED)`), cell for cell.
 * - Each later year moves every community value by a random walk step N(0, (0.03 w)²), w = the
 *   indicator's goalpost width, then clips it into the goalposts and rounds it to the decimals of the
 *   indicator's cross-section values; a 0/1 item flips with probability 0.05.
 * - District `d3` improves slowly: each year its communities' values move by 0.02 w towards better
 *   (up for benefit indicators, down for cost indicators, towards the target or interval for the
 *   others), before the random step.
 * - A typhoon hits districts `d2` and `d5` in 2023: their community-years are in the `emergency`
 *   state (column `state`; every other community-year is `normal`), and in 2023 their values are
 *   set back by 0.10 w (towards worse), recovering in 2024 (the shock is not carried forward).
 * - The cells empty in 2021 stay empty in every year, and about 1% more are emptied each year at
 *   random. Street, district and city rows repeat every year with their population and no values of
 *   the 60 community indicators; the chain columns (coastal, the street and district rows' own
 *   indicators, the coastal set: issue 14) repeat the cross-section's cells every year.
 */
import { parse } from "csv-parse/sync";
import type { ModelNode } from "../src/indicators/schema.js";
import { grassrootsGovernance } from "../src/indicators/templates/grassroots-governance.js";
import { listIndicators } from "../src/indicators/tree.js";
import { mulberry32 } from "../src/internal/random.js";
import type { Direction } from "../src/internal/types.js";
import { generateSampleCity, SAMPLE_CITY_SEED, splitIndicators } from "./sample-city.js";

/** The seed of the committed `examples/governance/sample-city-panel.csv`. */
export const SAMPLE_CITY_PANEL_SEED = 20261203;

/** The years of the panel. */
export const PANEL_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

/** The district that improves slowly, the districts and year of the typhoon. */
export const IMPROVING_DISTRICT = "d3";
export const TYPHOON = { year: 2023, districts: ["d2", "d5"] } as const;

const csvCell = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** The sign of a move towards better: up (benefit), down (cost), towards a target or interval. */
function better(direction: Direction | undefined, x: number): number {
  if (direction === undefined || direction === "benefit") return 1;
  if (direction === "cost") return -1;
  const [a, b] = "target" in direction ? [direction.target, direction.target] : direction.range;
  return x < a ? 1 : x > b ? -1 : 0;
}

/**
 * The panel as CSV text: header `unit,name,level,parent,year,state,population`, the 60 community indicator
 * ids and the chain columns (`coastal` and the chain indicators), rows year by year (each year: city,
 * districts, streets, communities, as the cross-section).
 *
 * @param seed - Seed of the mulberry32 stream; {@link SAMPLE_CITY_PANEL_SEED} gives the committed file.
 * @example
 * ```ts
 * generateSampleCityPanel().split("\n")[0]; // => "unit,name,level,parent,year,state,population,party_org_coverage,..."
 * ```
 */
export function generateSampleCityPanel(seed: number = SAMPLE_CITY_PANEL_SEED): string {
  const base = parse(generateSampleCity(SAMPLE_CITY_SEED), { columns: true }) as Record<string, string>[];
  // The random walk moves the 60 community indicators; the chain columns (issue 14: coastal, the street
  // and district rows' own indicators, the coastal set) repeat the cross-section's cells every year.
  const split = splitIndicators(grassrootsGovernance as { tree: ModelNode });
  const community = new Set(split.community);
  const fixed = ["coastal", ...split.chain];
  const leaves = listIndicators(grassrootsGovernance as Parameters<typeof listIndicators>[0]).filter((l) =>
    community.has(l.id),
  );
  const ids = leaves.map((l) => l.id);
  const rnd = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const districtOf = new Map<string, string>();
  for (const r of base) if (r.level === "street") districtOf.set(r.unit as string, r.parent as string);
  const digits = ids.map((id) => {
    let d = 0;
    for (const r of base) {
      const v = r[id] ?? "";
      const dot = v.indexOf(".");
      if (dot >= 0) d = Math.max(d, v.length - dot - 1);
    }
    return d;
  });
  const binary = ids.map((id) => base.every((r) => r[id] === "" || r[id] === "0" || r[id] === "1"));
  // The state of each community's values, carried year to year (the shock is applied on top).
  const current = new Map<string, (number | undefined)[]>();
  for (const r of base)
    if (r.level === "community")
      current.set(
        r.unit as string,
        ids.map((id) => (r[id] === "" ? undefined : Number(r[id]))),
      );
  const header = ["unit", "name", "level", "parent", "year", "state", "population", ...ids, ...fixed].join(
    ",",
  );
  const lines: string[] = [header];
  for (const year of PANEL_YEARS) {
    for (const r of base) {
      const community = r.level === "community";
      const district = community ? districtOf.get(r.parent as string) : undefined;
      const hit =
        community &&
        year === TYPHOON.year &&
        (TYPHOON.districts as readonly string[]).includes(district ?? "");
      let cells: string[];
      if (!community) cells = ids.map(() => "");
      else {
        const values = current.get(r.unit as string) as (number | undefined)[];
        if (year !== PANEL_YEARS[0])
          values.forEach((v, j) => {
            if (v === undefined) return;
            const leaf = leaves[j]!;
            const [lo, hi] = leaf.goalposts as [number, number];
            const w = hi - lo;
            let x = v;
            if (binary[j]) x = rnd() < 0.05 ? 1 - v : v;
            else {
              if (district === IMPROVING_DISTRICT) x += 0.02 * w * better(leaf.direction, x);
              x += 0.03 * w * normal();
              x = Math.min(hi, Math.max(lo, x));
            }
            values[j] = rnd() < 0.01 ? undefined : x;
          });
        cells = values.map((v, j) => {
          if (v === undefined) return "";
          let x = v;
          if (hit && !binary[j]) {
            const leaf = leaves[j]!;
            const [lo, hi] = leaf.goalposts as [number, number];
            x = Math.min(hi, Math.max(lo, x - 0.1 * (hi - lo) * better(leaf.direction, x)));
          }
          const f = 10 ** (digits[j] as number);
          return String(Math.round(x * f) / f);
        });
      }
      lines.push(
        [
          r.unit,
          csvCell(r.name ?? ""),
          r.level,
          r.parent,
          String(year),
          community ? (hit ? "emergency" : "normal") : "",
          r.population,
          ...cells,
          ...fixed.map((id) => r[id] ?? ""),
        ].join(","),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
