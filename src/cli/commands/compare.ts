import { parseArgs } from "node:util";
import { type Comparison, compareProfiles } from "../../analysis/compare-profiles.js";
import type { Model } from "../../indicators/schema.js";
import { displayName } from "../../indicators/tree.js";
import { rollup } from "../../score/rollup.js";
import { type Io, UsageError } from "../context.js";
import { CSV_OPTIONS, csvHelp, csvOptions } from "../csv-options.js";
import { DATA_OPTIONS, dataHelp } from "../data-options.js";
import { printable, textTable, toCsv } from "../format.js";
import { loadData, loadModel } from "../load.js";
import { checkOut, writeOut } from "../output.js";
import { scaleName, scaleOption, scoreCell } from "../people.js";
import { rollupOption } from "./score.js";

export const compareHelp = `Usage: indicatrix compare <model> <data.csv> --profiles normal,emergency [--top N] [--format text|csv|json] [--out file]

Scores the data under several profiles and compares them: ranked units under each, the biggest rank
shifts between the first and the last profile, the dimension weights, Spearman's and Kendall's rank
correlations, and the roll-up to the units above (streets, districts).

  --profiles A,B,...      profiles to compare (at least two); shifts are from the first to the last
  --top N                 rows per table in the text output (default 10)
  --format text|csv|json  text (default); csv: one row per unit with score and rank per profile and the shift
  --out FILE              write to FILE (atomically) instead of stdout
  --rollup WHAT           roll-up weighting: mean, or a column such as population (default: population if present)
  --scale 1|100           scores on 0-100 (default in the text tables) or 0-1 (default in csv and json)
${csvHelp(26)}
${dataHelp(26)}`;

/** Writes the text report of a comparison (also used by the demo). */
export function compareText(
  model: Model,
  c: Comparison,
  top: number,
  io: Io,
  rollupBy?: string,
  scale: 1 | 100 = 100,
): void {
  const first = c.profiles[0];
  const last = c.profiles[c.profiles.length - 1];
  if (first === undefined || last === undefined) return;
  const res0 = c.results[first];
  if (!res0) return;
  const h = res0.hierarchy;
  const names = new Map(h.units.map((u, i) => [u, h.names[i]]));
  const name = (u: string) => names.get(u) ?? "";
  const pct = (v: number) => scoreCell(v, scale);
  io.out(
    `Model ${printable(model.id)}: ${c.units.length} units scored under ${printable(c.profiles.join(", "))}\n`,
  );
  for (const p of c.profiles) {
    const r = c.ranks[p] as Uint32Array;
    const score = c.scores[p] as Float64Array;
    const others = c.profiles.filter((q) => q !== p);
    const otherRanks = others.map((q) => c.ranks[q] as Uint32Array);
    const order = [...c.units.keys()].filter((i) => r[i]).sort((a, b) => r[a]! - r[b]!);
    io.out(`\nTop ${Math.min(top, order.length)} under ${p} (score ${scaleName(scale)}):\n`);
    io.out(
      textTable(
        ["rank", "unit", "name", "score", ...others.map((q) => `rank ${q}`)],
        order
          .slice(0, top)
          .map((i) => [
            r[i]!,
            c.units[i]!,
            name(c.units[i]!),
            pct(score[i]!),
            ...otherRanks.map((o) => o[i]!),
          ]),
      ),
    );
  }
  const shifts = [...c.units.keys()]
    .filter((i) => c.rankShift[i]! !== 0 && !Number.isNaN(c.rankShift[i]!))
    .sort((a, b) => Math.abs(c.rankShift[b]!) - Math.abs(c.rankShift[a]!));
  const firstRanks = c.ranks[first] as Uint32Array;
  const lastRanks = c.ranks[last] as Uint32Array;
  io.out(`\nBiggest rank shifts from ${first} to ${last} (positive = falls behind):\n`);
  io.out(
    textTable(
      ["unit", "name", `rank ${first}`, `rank ${last}`, "shift"],
      shifts
        .slice(0, top)
        .map((i) => [c.units[i]!, name(c.units[i]!), firstRanks[i]!, lastRanks[i]!, c.rankShift[i]!]),
    ),
  );
  const corr = c.correlations.map(
    (x) => `${x.a} vs ${x.b}: Spearman ${x.spearman.toFixed(3)}, Kendall ${x.kendall.toFixed(3)}`,
  );
  io.out(`\nRank correlation: ${corr.join("; ")}\n`);
  const nodes = res0.resolved.nodes;
  const dims = c.weights.filter(
    (w) => (c.results[last]?.resolved.nodes.get(w.node)?.depth ?? nodes.get(w.node)?.depth) === 1,
  );
  if (dims.length > 0) {
    io.out(`\nDimension weights:\n`);
    io.out(
      textTable(
        ["dimension", ...c.profiles, "change"],
        dims.map((w) => [
          displayName(
            (c.results[last]?.resolved.nodes.get(w.node) ?? nodes.get(w.node))?.node ?? { id: w.node },
            model.language,
          ),
          ...c.profiles.map((p) => w.weights[p] ?? Number.NaN),
          w.difference,
        ]),
      ),
    );
  }
  for (const p of c.profiles) {
    const res = c.results[p];
    if (!res) continue;
    const up = rollup(res, { by: rollupOption(rollupBy, res) });
    if (up.units.length === 0) continue;
    const root = res.resolved.root;
    const ranks = up.ranks[root] as Uint32Array;
    const scores = up.scores[root] as Float64Array;
    const levels = [...new Set(up.levels)];
    for (const level of levels) {
      const idx = [...up.units.keys()]
        .filter((i) => up.levels[i] === level)
        .sort((a, b) => ranks[a]! - ranks[b]!);
      if (idx.length > top && level !== levels[levels.length - 1]) continue;
      io.out(
        `\nRoll-up to ${printable(level ?? "parent units")} under ${p} (${typeof up.by === "object" ? `${up.by.weight}-weighted` : "mean"}):\n`,
      );
      io.out(
        textTable(
          ["rank", "unit", "name", "score", "units"],
          idx
            .slice(0, top)
            .map((i) => [ranks[i]!, up.units[i]!, up.names[i] ?? "", pct(scores[i]!), up.counts[i]!]),
        ),
      );
    }
  }
}

type Row = Record<string, string | number | null>;

/** One row per scored unit: its level (from the data), score and rank under each profile, the rank shift. */
function compareUnitRows(c: Comparison, profiles: readonly string[]): Row[] {
  const h = c.results[profiles[0] as string]?.hierarchy;
  const level = new Map(h?.units.map((u, k) => [u, h.levels[k] ?? null]));
  return c.units.map((u, i) => {
    const row: Row = { unit: u, level: level.get(u) ?? null, rolled_up: 0 };
    for (const p of profiles) {
      row[`${p}_score`] = c.scores[p]?.[i] ?? Number.NaN;
      row[`${p}_rank`] = c.ranks[p]?.[i] || null;
    }
    row.rank_shift = c.rankShift[i]!;
    return row;
  });
}

/**
 * One row per roll-up unit (street, district, city...): its root score and rank within its level under each
 * profile, and the rank shift from the first profile to the last (empty when either has no rank).
 */
function compareRollupRows(c: Comparison, profiles: readonly string[], rollupBy: string | undefined): Row[] {
  const ups = profiles.map((p) => {
    const res = c.results[p];
    return res ? rollup(res, { by: rollupOption(rollupBy, res) }) : undefined;
  });
  const first = ups[0];
  if (!first) return [];
  const index = ups.map((up) => new Map(up?.units.map((u, k) => [u, k])));
  return first.units.map((u, k) => {
    const row: Row = { unit: u, level: first.levels[k] ?? null, rolled_up: 1 };
    const ranks: (number | null)[] = [];
    profiles.forEach((p, j) => {
      const up = ups[j];
      const at = index[j]?.get(u);
      const root = c.results[p]?.resolved.root as string;
      const score = at === undefined ? Number.NaN : (up?.scores[root]?.[at] ?? Number.NaN);
      const rank = at === undefined ? null : up?.ranks[root]?.[at] || null;
      row[`${p}_score`] = score;
      row[`${p}_rank`] = rank;
      ranks.push(rank);
    });
    const a = ranks[0];
    const b = ranks[ranks.length - 1];
    row.rank_shift = a == null || b == null ? Number.NaN : b - a;
    return row;
  });
}

export function compareCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      profiles: { type: "string" },
      top: { type: "string", default: "10" },
      format: { type: "string", default: "text" },
      out: { type: "string" },
      rollup: { type: "string" },
      scale: { type: "string" },
      ...CSV_OPTIONS,
      ...DATA_OPTIONS,
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(`${compareHelp}\n`);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError("compare needs a model file and a data file");
  const profiles = (values.profiles ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (profiles.length < 2)
    throw new UsageError("--profiles needs at least two profile names, e.g. --profiles normal,emergency");
  const top = Number(values.top);
  if (!Number.isInteger(top) || top < 1)
    throw new UsageError(`--top must be a positive integer, got "${values.top}"`);
  const format = values.format as string;
  if (!["text", "csv", "json"].includes(format))
    throw new UsageError(`--format must be text, csv or json, got "${format}"`);
  const scale = scaleOption(values.scale, format === "text" ? 100 : 1);
  const csv = csvOptions(values);
  checkOut(values.out, positionals);
  const model = loadModel(positionals[0] as string);
  const c = compareProfiles(model, loadData(positionals[1] as string, model, values, io), profiles);
  let text = "";
  if (format === "text") {
    const buf: string[] = [];
    compareText(
      model,
      c,
      top,
      { out: (t) => buf.push(t), err: io.err, isTTY: io.isTTY },
      values.rollup,
      scale,
    );
    text = buf.join("");
  } else {
    const rows = [...compareUnitRows(c, profiles), ...compareRollupRows(c, profiles, values.rollup)];
    if (scale !== 1)
      for (const row of rows)
        for (const p of profiles) {
          const v = row[`${p}_score`];
          if (typeof v === "number" && Number.isFinite(v)) row[`${p}_score`] = v * scale;
        }
    if (format === "csv") text = csv.bom + toCsv(Object.keys(rows[0] ?? { unit: "" }), rows, csv.style);
    else
      text = `${JSON.stringify({ profiles, correlations: c.correlations, weights: c.weights, units: rows }, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2)}\n`;
  }
  writeOut(values.out, [text], positionals, io);
  return 0;
}
