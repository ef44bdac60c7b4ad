import { resolveAggregate } from "../aggregate/resolve-aggregate.js";
import type { LevelRule, Model } from "../indicators/model-types.js";
import { parseModel } from "../indicators/parse-model.js";
import { profileNames } from "../indicators/profiles.js";
import { walkTree } from "../indicators/tree.js";
import { fail } from "../internal/errors.js";
import { rankDescendingUint32 } from "../internal/rank.js";
import { tagColumns } from "./applicability.js";
import { type Dataset, type DatasetInput, toDataset } from "./dataset.js";
import { activeIndicatorLevels, levelsOfIndicators } from "./indicator-levels.js";
import { evaluateAtLevel, normalizeAtLevel, recomputedIndicators } from "./level-inputs.js";
import { levelProfile } from "./level-profile.js";
import { resolveProfile } from "./resolve-profile.js";
import type { Result } from "./result.js";
import { score } from "./score.js";
import { ranksWithin } from "./score-by-profile.js";
import { ruleNames } from "./stages/assess.js";

/** One level's table in a {@link LevelsResult}. */
export interface LevelTable {
  /** The level id. */
  level: string;
  /** Units of the level, in data order. */
  units: string[];
  /** Parent of each unit. */
  parents: (string | undefined)[];
  /** Score of every node per unit (NaN = none). */
  scores: Record<string, Float64Array>;
  /** The own part per node (the unit's own level indicators; NaN where it has none): absent at the lowest level. */
  own: Record<string, Float64Array>;
  /** The children part per node (the roll-up of the child units): absent at the lowest level. */
  children: Record<string, Float64Array>;
  /** Rank within the level, per node (1 = best, 0 = no score). */
  ranks: Record<string, Uint32Array>;
  /** Rank among the units of the same parent, per node. */
  ranksInParent: Record<string, Uint32Array>;
  /**
   * Each input declared with `rollup: "sum"`, per unit: the data at the lowest level, above it the sum
   * over the child units (NaN when a child unit's value is missing, or the unit has none).
   */
  inputs: Record<string, Float64Array>;
  /** Each recomputed indicator's raw value per unit: its formula on the unit's (summed) inputs. */
  raw: Record<string, Float64Array>;
}

/** How the indicators and groups reach the levels above the lowest ({@link LevelsResult.rollup}). */
export interface LevelsRollup {
  /** The inputs summed over child units (`rollup: "sum"`). */
  summed: string[];
  /**
   * Formula indicators recomputed at each level from the summed inputs (a rate per 10,000 residents of
   * the street), normalized with the lowest level's bounds: their children part is that value.
   */
  recomputed: string[];
  /**
   * Groups above a recomputed indicator: their children part is re-aggregated at the level from their
   * children's parts, with the lowest level's local weights (arithmetic mean over the children present).
   */
  reaggregated: string[];
  /** Every other node of the lowest level: its children part is the roll-up of the child units' scores. */
  rolledUp: string[];
}

/** One indicator's share of a unit's score in {@link LevelContributions}. */
export interface LevelContribution {
  /** Indicator id (or a rule's node id, as in `Result.contributions`). */
  indicator: string;
  /** The indicator's level. */
  level: string;
  /** Through the unit's own part: own x (the indicator's contribution to the unit's own score). */
  own: number;
  /** Through the children part: children x the roll-up weights x the child units' contributions. */
  children: number;
}

/** How a unit's root score splits (arithmetic aggregation): own part + children part = score. */
export interface LevelContributions {
  unit: string;
  level: string;
  /** The unit's root score. */
  score: number;
  /** own x O (0 when the unit has no own score; the own weight goes to the children part). */
  own: number;
  /** children x C (0 at the lowest level). */
  children: number;
  /** Per indicator, its own and children shares: their sum over the entries is the score. */
  contributions: LevelContribution[];
}

/** What {@link scoreLevels} returns. */
export interface LevelsResult {
  /** The profile that ran. */
  profile: string;
  /** The level ids, lowest first. */
  levels: string[];
  /** The level of each indicator active in the profile (its own `level`, inherited, or the lowest). */
  indicatorLevels: Record<string, string>;
  /** Per level: its rule (own / children / roll-up), for the levels above the lowest. */
  rules: Record<string, Required<LevelRule>>;
  /** Which nodes are recomputed from summed inputs at the levels above the lowest, and which rolled up. */
  rollup: LevelsRollup;
  /**
   * The score of the lowest level's units on its indicators (as `score`: coverage, missing reasons,
   * weights, provenance, diagnostics); undefined when the data have no unit at that level.
   */
  lowest: Result | undefined;
  /** The table of one level. */
  level(id: string): LevelTable;
  /**
   * How a unit's root score splits into its own part and its children part, and both by indicator
   * (the children part through the roll-up weights of the child units, down to the lowest level). Under
   * the arithmetic mean throughout, with missing values skipped, the entries sum to the score.
   * @throws IndicatrixError `invalid_levels` for a unit not in the data or without a root score, or when
   *   the root is re-aggregated from recomputed indicators (not split by unit).
   */
  contributions(unit: string): LevelContributions;
}

/**
 * Scores a unit hierarchy level by level (市—区—街道—社区): units of the lowest level are scored from
 * their own rows on the indicators of that level (as `score`); only the indicators active in the
 * profile count, at every level (a street indicator limited to other `profiles` is measured nowhere,
 * and a profile without any indicator above the lowest level is a pure roll-up); a unit of a higher level L scores, at
 * every node of the tree, `own x O + children x C`, where O is the node's score from the unit's own
 * level-L indicators (a node with `level: "street"` is measured on the street's own row, normalized
 * over the streets) and C the roll-up of its child units' scores at the same node: their mean weighted
 * by the number of scored lowest-level units below each (so that `own: 0` everywhere gives exactly
 * `rollup`'s flat mean), or by the sum of a column (`rollup: { weight: "population" }`) over them. A
 * node with no own indicator at L is pure roll-up; when one part is missing the other stands alone.
 * Units get their level from the data's `level` column or, without it, from their depth in the parent
 * hierarchy (the top is the highest level). Ranks are given within each level and within each parent.
 *
 * Rates that do not average: an input declared with `rollup: "sum"` is summed over the child units (a
 * missing child value leaves the sum missing), and a formula indicator reading only summed inputs is
 * recomputed at each level from the sums (cases per 10,000 residents of the street, not the mean of
 * its communities' rates), normalized with the lowest level's bounds (min-max, goalposts or none); its
 * children part is that value, and the groups above it re-aggregate their children's parts at the
 * level (arithmetic mean, the lowest level's local weights). `result.rollup` names the summed inputs,
 * the recomputed indicators, the re-aggregated groups and the nodes rolled up.
 *
 * @param model - the model, with `levels` (lowest first).
 * @param data - every unit, with `parent` (and optionally `level`) columns.
 * @param opts - the profile (default: the first); its `levels` rules.
 * @throws IndicatrixError `invalid_levels` (no levels, a unit's level not among them, a rule missing for a
 *   level with own indicators, or own + children not 1; a group above a recomputed indicator that is not
 *   an arithmetic mean with the same weights for every unit; a recomputed indicator normalized by a
 *   sample method other than min-max), and the errors of `score`.
 * @example
 * ```ts
 * const model = {
 *   id: "m",
 *   levels: [{ id: "community" }, { id: "street" }],
 *   tree: { id: "root", children: [{ id: "a" }, { id: "s", level: "street" }] },
 *   defaults: { normalize: "none" as const },
 *   profiles: { p: { levels: { street: { own: 0.4, children: 0.6 } } } },
 * };
 * const r = scoreLevels(model, [
 *   { unit: "s1", s: 0.5 },
 *   { unit: "c1", parent: "s1", a: 0.2 },
 *   { unit: "c2", parent: "s1", a: 0.6 },
 * ]);
 * r.level("street").scores.root; // => Float64Array [0.44]   0.4 * 0.5 + 0.6 * (0.2 + 0.6) / 2
 * ```
 */
export function scoreLevels(model: Model, data: DatasetInput, opts: { profile?: string } = {}): LevelsResult {
  const parsed = parseModel(model);
  const levels = (parsed.levels ?? []).map((l) => l.id);
  if (levels.length === 0) fail("invalid_levels", "levels", "the model declares no levels (lowest first)");
  const profile = opts.profile ?? (profileNames(parsed)[0] as string);
  const resolved = resolveProfile(parsed, profile);
  const lowest = levels[0]!;
  // Only the profile's active indicators are measured, at any level.
  const indicatorLevels = activeIndicatorLevels(parsed, resolved);
  const allLevels = levelsOfIndicators(parsed.tree, lowest, levels);
  // The profile's rules, each level inherited along `extends` (a blend's: its own, or its components' where they agree).
  const ruleOf = resolved.levels ?? {};
  const weightCols = Object.values(ruleOf).flatMap((r) =>
    typeof r.rollup === "object" ? [r.rollup.weight] : [],
  );
  const ids = [...resolved.nodes.keys()];
  const ds = toDataset(data, {
    columns: [],
    optional: [
      ...new Set([
        ...walkTree(parsed.tree).map((v) => v.node.id),
        ...(parsed.inputs ?? []).map((i) => i.id),
        ...weightCols,
        "population",
        // What the profile's `score` reads beside the indicators: tags of local indicators, a per-unit
        // blend's factor, the columns of assessment rules.
        ...tagColumns(resolved),
        ...(resolved.blend?.column ? [resolved.blend.column.name] : []),
        ...ruleNames(resolved),
      ]),
    ],
  });
  const unitLevel = levelsOfUnits(ds, levels);
  const rowsAt = rowsByLevel(unitLevel);
  const rowOf = new Map(ds.units.map((u, i) => [u, i]));
  const rules: Record<string, Required<LevelRule>> = {};
  for (const [k, l] of levels.entries()) {
    if (k === 0) continue;
    const hasOwn = Object.values(indicatorLevels).includes(l);
    const r = Object.hasOwn(ruleOf, l) ? ruleOf[l] : undefined;
    if (hasOwn && !r)
      fail(
        "invalid_levels",
        `profiles.${profile}.levels`,
        `level "${l}" has its own indicators; give its rule, e.g. levels: { ${l}: { own: 0.4, children: 0.6 } }`,
      );
    const rule = r ?? { own: 0, children: 1 };
    if (Math.abs(rule.own + rule.children - 1) > 1e-9)
      fail(
        "invalid_levels",
        `profiles.${profile}.levels.${l}`,
        `own + children must be 1, got ${rule.own} + ${rule.children}`,
      );
    rules[l] = { own: rule.own, children: rule.children, rollup: rule.rollup ?? "mean" };
  }
  // Each level's own scores: the model with the other levels' indicators switched off, on that level's rows alone.
  const ownScores = (l: string): Result | undefined => {
    if (!Object.values(indicatorLevels).includes(l)) return undefined;
    const rows = rowsAt.get(l) ?? [];
    if (rows.length === 0) return undefined;
    const at = levelProfile(parsed, profile, allLevels, l);
    if (!at) return undefined;
    // The units' ancestors come along without values, so that a local indicator limited to the units
    // below some parents (`appliesTo: { parents }`) finds them at any depth; having child units, they
    // are not scored.
    const all = [...rows];
    const seen = new Set(rows);
    for (const i of rows)
      for (let p = ds.parents[i]; p !== undefined; ) {
        const r = rowOf.get(p);
        if (r === undefined || seen.has(r)) break;
        seen.add(r);
        all.push(r);
        p = ds.parents[r];
      }
    const values: Record<string, Float64Array> = {};
    for (const [c, col] of ds.columns)
      values[c] = Float64Array.from(all, (i, k) => (k < rows.length ? col[i]! : Number.NaN));
    const own = { ...parsed, profiles: { ...(parsed.profiles ?? {}), ...at.profiles } };
    const units = all.map((i) => ds.units[i]!);
    const parents = all.map((i) => ds.parents[i]);
    return score(own, { units, parents, values }, { profile: at.name });
  };
  const tables = new Map<string, LevelTable>();
  // What each unit carries up, per node: the number of scored lowest-level units below it with a score there,
  // and the sum of each roll-up weight column over them.
  const count = new Map<string, Record<string, number>>();
  const wsum = new Map<string, Record<string, Record<string, number>>>();
  const columns = [...new Set(weightCols)];
  // Rates that do not average: the summed inputs each unit carries up, and the indicators recomputed from them.
  const summed = (parsed.inputs ?? []).filter((i) => i.rollup === "sum").map((i) => i.id);
  const sums = new Map<string, Map<string, number>>();
  // Every formula of the tree, so that one reads another the profile leaves out; only the active ones run.
  const formulas = recomputedIndicators(parsed, allLevels, lowest);
  let lowestResult: Result | undefined;
  let recomputed: string[] = [];
  let reaggregated = new Set<string>();
  let below: LevelTable | undefined;
  const ownResults = new Map<string, Result>();
  // The child units and roll-up weights behind each unit's children part at the root.
  const rootKids = new Map<string, { unit: string; w: number }[]>();
  const root = resolved.root;
  for (const [k, l] of levels.entries()) {
    const rows = rowsAt.get(l) ?? [];
    const units = rows.map((i) => ds.units[i]!);
    const parents = rows.map((i) => ds.parents[i]);
    const own = ownScores(l);
    if (own) ownResults.set(l, own);
    if (k === 0 && own) {
      lowestResult = own;
      ({ recomputed, reaggregated } = recomputedNodes(own, formulas, profile));
    }
    const ownRow = new Map((own?.units ?? []).map((u, j) => [u, j]));
    const table: LevelTable = {
      level: l,
      units,
      parents,
      scores: {},
      own: {},
      children: {},
      ranks: {},
      ranksInParent: {},
      inputs: {},
      raw: {},
    };
    const nodes = ids.filter((id) => k > 0 || Object.hasOwn(own?.scores ?? {}, id));
    const rule = rules[l];
    const byColumn = rule && typeof rule.rollup === "object" ? rule.rollup.weight : undefined;
    const kids = new Map<string, number[]>();
    if (below)
      for (const [j, p] of below.parents.entries())
        if (p !== undefined) kids.set(p, [...(kids.get(p) ?? []), j]);
    for (const [j, u] of units.entries()) {
      count.set(u, {});
      wsum.set(u, Object.fromEntries(columns.map((c) => [c, {}])));
      // The lowest level reads its inputs from the data; a unit above sums its child units' (all present).
      const mine = new Map<string, number>();
      for (const x of summed) {
        let v = Number.NaN;
        if (k === 0) v = ds.columns.get(x)?.[rows[j]!] ?? Number.NaN;
        else
          for (const [n, kj] of (kids.get(u) ?? []).entries()) {
            const cv = sums.get(below!.units[kj]!)?.get(x) ?? Number.NaN;
            v = n === 0 ? cv : v + cv;
          }
        mine.set(x, v);
      }
      sums.set(u, mine);
    }
    for (const x of summed) table.inputs[x] = Float64Array.from(units, (u) => sums.get(u)!.get(x)!);
    const parts = new Map<string, Float64Array>();
    for (const id of recomputed) {
      const raw =
        k === 0
          ? Float64Array.from(units, (u) => {
              const r = ownRow.get(u);
              return r === undefined ? Number.NaN : (lowestResult!.raw[id]?.[r] ?? Number.NaN);
            })
          : Float64Array.from(units, (u) => evaluateAtLevel(formulas.get(id)!, sums.get(u)!, formulas));
      table.raw[id] = raw;
      if (k > 0)
        parts.set(
          id,
          normalizeAtLevel(raw, lowestResult!.resolved.nodes.get(id)!, lowestResult!.normalization[id]!, l),
        );
    }
    // Children first, so that a re-aggregated group reads its children's parts at this level.
    const out = new Map<string, { s: Float64Array; o: Float64Array; c: Float64Array }>();
    for (const id of [...nodes].reverse()) {
      const s = new Float64Array(units.length).fill(Number.NaN);
      const o = new Float64Array(units.length).fill(Number.NaN);
      const c = new Float64Array(units.length).fill(Number.NaN);
      const has = Object.hasOwn(own?.scores ?? {}, id);
      const fixed = parts.get(id);
      const group = k > 0 && reaggregated.has(id) ? lowestResult!.resolved.nodes.get(id)! : undefined;
      for (const [j, u] of units.entries()) {
        const r = ownRow.get(u);
        const ov = has && r !== undefined ? own!.scores[id]![r]! : Number.NaN;
        o[j] = ov;
        const n = count.get(u)!;
        const ws = wsum.get(u)!;
        if (k === 0) {
          s[j] = ov;
          n[id] = Number.isNaN(ov) ? 0 : 1;
          for (const col of columns) {
            const w = ds.columns.get(col)?.[rows[j]!] ?? Number.NaN;
            ws[col]![id] = Number.isNaN(ov) || Number.isNaN(w) ? 0 : w;
          }
          continue;
        }
        let num = 0;
        let den = 0;
        n[id] = 0;
        for (const col of columns) ws[col]![id] = 0;
        for (const kj of kids.get(u) ?? []) {
          const child = below!.units[kj]!;
          const cn = count.get(child)?.[id] ?? 0;
          n[id] = n[id]! + cn;
          for (const col of columns) ws[col]![id] = ws[col]![id]! + (wsum.get(child)?.[col]?.[id] ?? 0);
          const v = below!.scores[id]?.[kj] ?? Number.NaN;
          const w = byColumn === undefined ? cn : (wsum.get(child)?.[byColumn]?.[id] ?? 0);
          if (Number.isNaN(v) || !(w > 0)) continue;
          num += w * v;
          den += w;
          if (id === root) rootKids.set(u, [...(rootKids.get(u) ?? []), { unit: child, w }]);
        }
        let cv = den > 0 ? num / den : Number.NaN;
        if (fixed) cv = fixed[j]!;
        else if (group) cv = reaggregate(group, lowestResult!.weights.local, out, j);
        c[j] = cv;
        s[j] = Number.isNaN(ov) ? cv : Number.isNaN(cv) ? ov : rule!.own * ov + rule!.children * cv;
      }
      out.set(id, { s, o, c });
    }
    for (const id of nodes) {
      const { s, o, c } = out.get(id)!;
      table.scores[id] = s;
      if (k > 0) {
        table.own[id] = o;
        table.children[id] = c;
      }
      table.ranks[id] = rankDescendingUint32(s);
      table.ranksInParent[id] = ranksWithin(s, parents);
    }
    tables.set(l, table);
    below = table;
  }
  const lowestNodes = lowestResult ? [...lowestResult.resolved.nodes.keys()] : [];
  return {
    profile,
    levels,
    indicatorLevels,
    rules,
    lowest: lowestResult,
    rollup: {
      summed,
      recomputed,
      reaggregated: lowestNodes.filter((id) => reaggregated.has(id)),
      rolledUp: lowestNodes.filter((id) => !reaggregated.has(id) && !recomputed.includes(id)),
    },
    contributions(unit) {
      return splitScore(unit, {
        levels,
        tables,
        ownResults,
        rootKids,
        rules,
        indicatorLevels,
        root,
        reaggregated,
      });
    },
    level(id) {
      const t = tables.get(id);
      if (!t) fail("invalid_levels", ["level"], `no level "${id}"; the model has ${levels.join(", ")}`);
      return t;
    },
  };
}

/** The data rows of each level's units, in data order (`unitLevel` as {@link levelsOfUnits} gives it). @internal */
export function rowsByLevel(unitLevel: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [i, l] of unitLevel.entries()) {
    const rows = out.get(l);
    if (rows) rows.push(i);
    else out.set(l, [i]);
  }
  return out;
}

/** Each unit's level: its `level` cell, else its height in the hierarchy (a unit without child units is the lowest). @internal */
export function levelsOfUnits(ds: Dataset, levels: readonly string[]): string[] {
  const index = new Map(ds.units.map((u, i) => [u, i]));
  const height = new Int32Array(ds.units.length);
  // Each unit raises its ancestors' heights; the walk stops at the levels' count (and so on a cycle).
  for (let i = 0; i < ds.units.length; i++) {
    let h = 0;
    for (let p = ds.parents[i]; p !== undefined && h < levels.length; ) {
      h++;
      const r = index.get(p);
      if (r === undefined) break;
      height[r] = Math.max(height[r]!, h);
      p = ds.parents[r];
    }
  }
  return ds.units.map((u, i) => {
    const given = ds.levels[i];
    if (given !== undefined) {
      if (!levels.includes(given))
        fail(
          "invalid_levels",
          ["data", i + 1, "level"],
          `unit "${u}": level "${given}" is not a level of the model (${levels.join(", ")})`,
        );
      return given;
    }
    const k = height[i]!;
    if (k >= levels.length)
      fail(
        "invalid_levels",
        ["data", i + 1],
        `unit "${u}" has ${k} levels of units below it; the model has ${levels.length} levels`,
      );
    return levels[k]!;
  });
}

/**
 * The recomputed indicators active at the lowest level, in tree order, and the groups above them, which
 * re-aggregate their children's parts at each level: these must aggregate by the arithmetic mean with
 * weights that are the same for every unit (the lowest level's local weights are used at every level).
 */
function recomputedNodes(
  lowest: Result,
  formulas: ReadonlyMap<string, unknown>,
  profile: string,
): { recomputed: string[]; reaggregated: Set<string> } {
  const nodes = lowest.resolved.nodes;
  const recomputed = [...nodes.keys()].filter((id) => formulas.has(id));
  const reaggregated = new Set<string>();
  for (const id of recomputed)
    for (let p = nodes.get(id)?.parent; p !== undefined; p = nodes.get(p)?.parent) reaggregated.add(p);
  for (const id of reaggregated) {
    const node = nodes.get(id)!;
    if (resolveAggregate(node.aggregate).method !== "arithmetic")
      fail(
        "invalid_levels",
        node.path,
        `group "${id}" is above "${recomputed.find((r) => isBelow(nodes, r, id))}", recomputed at each level from summed inputs, and so is re-aggregated at each level: it needs the arithmetic mean, not ${JSON.stringify(node.aggregate)} (profile "${profile}")`,
      );
    if (node.children.some((c) => Object.hasOwn(lowest.unitWeights, c)))
      fail(
        "invalid_levels",
        node.path,
        `group "${id}" is re-aggregated at each level (it is above an indicator recomputed from summed inputs), but its weights vary by unit in profile "${profile}" (variable weights, a per-unit blend or local indicators); give it the same weights for every unit or drop rollup: "sum"`,
      );
  }
  return { recomputed, reaggregated };
}

function isBelow(nodes: Result["resolved"]["nodes"], id: string, group: string): boolean {
  for (let p = nodes.get(id)?.parent; p !== undefined; p = nodes.get(p)?.parent) if (p === group) return true;
  return false;
}

/** A re-aggregated group's children part for one unit: the weighted mean of its children's parts present. */
function reaggregate(
  group: { children: readonly string[] },
  local: Readonly<Record<string, number>>,
  parts: ReadonlyMap<string, { c: Float64Array }>,
  j: number,
): number {
  let num = 0;
  let den = 0;
  for (const child of group.children) {
    const v = parts.get(child)?.c[j] ?? Number.NaN;
    const w = local[child] ?? 0;
    if (Number.isNaN(v) || !(w > 0)) continue;
    num += w * v;
    den += w;
  }
  return den > 0 ? num / den : Number.NaN;
}

/** What {@link splitScore} reads of a {@link scoreLevels} run. */
interface LevelsRun {
  levels: readonly string[];
  tables: ReadonlyMap<string, LevelTable>;
  ownResults: ReadonlyMap<string, Result>;
  rootKids: ReadonlyMap<string, readonly { unit: string; w: number }[]>;
  rules: Readonly<Record<string, Required<LevelRule>>>;
  indicatorLevels: Readonly<Record<string, string>>;
  root: string;
  reaggregated: ReadonlySet<string>;
}

/**
 * A unit's root score split into its own part (own x O, O split by the own score's contributions) and
 * its children part (children x C, C = sum_k w_k s_k / sum_k w_k split through each child unit's own
 * split), per indicator; where one part is missing the other has factor 1, as in scoring.
 */
function splitScore(unit: string, run: LevelsRun): LevelContributions {
  let t = -1;
  let j = -1;
  for (const [k, l] of run.levels.entries()) {
    const at = run.tables.get(l)?.units.indexOf(unit) ?? -1;
    if (at >= 0) {
      t = k;
      j = at;
      break;
    }
  }
  if (t < 0) fail("invalid_levels", ["unit"], `no unit "${unit}" in the data`);
  const level = run.levels[t] as string;
  const table = run.tables.get(level) as LevelTable;
  const score = table.scores[run.root]?.[j] ?? Number.NaN;
  if (Number.isNaN(score)) fail("invalid_levels", ["unit"], `unit "${unit}" has no score at "${run.root}"`);
  if (t > 0 && run.reaggregated.has(run.root))
    fail(
      "invalid_levels",
      ["unit"],
      `the root "${run.root}" of the levels above the lowest is re-aggregated from indicators recomputed from summed inputs; its children part is not a roll-up of child units and is not split by indicator`,
    );
  const entries = new Map<string, { own: number; children: number }>();
  const add = (id: string, own: number, children: number): void => {
    const e = entries.get(id) ?? { own: 0, children: 0 };
    e.own += own;
    e.children += children;
    entries.set(id, e);
  };
  const ownOf = (u: string, l: string): { id: string; c: number }[] =>
    (run.ownResults.get(l)?.contributions(u) ?? [])
      .filter((c) => !Number.isNaN(c.contribution))
      .map((c) => ({ id: c.indicator, c: c.contribution }));
  // Every indicator's total share of unit u's root score, u at level index k.
  const total = (u: string, k: number, scale: number, own: boolean): void => {
    const l = run.levels[k] as string;
    if (k === 0) {
      for (const { id, c } of ownOf(u, l)) own ? add(id, scale * c, 0) : add(id, 0, scale * c);
      return;
    }
    const tb = run.tables.get(l) as LevelTable;
    const r = tb.units.indexOf(u);
    const ov = tb.own[run.root]?.[r] ?? Number.NaN;
    const cv = tb.children[run.root]?.[r] ?? Number.NaN;
    const rule = run.rules[l] as Required<LevelRule>;
    const fo = Number.isNaN(ov) ? 0 : Number.isNaN(cv) ? 1 : rule.own;
    const fc = Number.isNaN(cv) ? 0 : Number.isNaN(ov) ? 1 : rule.children;
    if (fo > 0)
      for (const { id, c } of ownOf(u, l)) own ? add(id, scale * fo * c, 0) : add(id, 0, scale * fo * c);
    if (fc > 0) {
      const kids = run.rootKids.get(u) ?? [];
      const sum = kids.reduce((a, x) => a + x.w, 0);
      for (const x of kids) total(x.unit, k - 1, (scale * fc * x.w) / sum, own);
    }
  };
  let ownPart = 0;
  let childrenPart = 0;
  if (t === 0) {
    total(unit, 0, 1, true);
    ownPart = score;
  } else {
    const ov = table.own[run.root]?.[j] ?? Number.NaN;
    const cv = table.children[run.root]?.[j] ?? Number.NaN;
    const rule = run.rules[level] as Required<LevelRule>;
    const fo = Number.isNaN(ov) ? 0 : Number.isNaN(cv) ? 1 : rule.own;
    const fc = Number.isNaN(cv) ? 0 : Number.isNaN(ov) ? 1 : rule.children;
    ownPart = fo > 0 ? fo * ov : 0;
    childrenPart = fc > 0 ? fc * cv : 0;
    if (fo > 0) for (const { id, c } of ownOf(unit, level)) add(id, fo * c, 0);
    if (fc > 0) {
      const kids = run.rootKids.get(unit) ?? [];
      const sum = kids.reduce((a, x) => a + x.w, 0);
      for (const x of kids) total(x.unit, t - 1, (fc * x.w) / sum, false);
    }
  }
  return {
    unit,
    level,
    score,
    own: ownPart,
    children: childrenPart,
    contributions: [...entries].map(([indicator, e]) => ({
      indicator,
      level: run.indicatorLevels[indicator] ?? level,
      ...e,
    })),
  };
}
