import type { NodeRulesOutcome } from "../../grades/apply-node-rules.js";
import { gradeColumn, vetoColumn } from "../../indicators/check/output-columns.js";
import { IndicatrixError, type Issue } from "../../internal/errors.js";
import { rankDescendingUint32 } from "../../internal/rank.js";
import type { NormalizeParams } from "../../normalize/normalize.js";
import type { TreatReport } from "../../normalize/treat.js";
import type { ResolvedProfile } from "../resolve-profile.js";
import type { Contribution, NodeGrades, Provenance, Result, UnitHierarchy } from "../result.js";
import { toArrow } from "../to-arrow.js";
import { contributionsAt } from "./contributions.js";
import type { TreeWeights, WeightLedger } from "./weigh-groups.js";

/** What the earlier stages computed, for {@link buildResult}. @internal */
export interface ResultParts {
  /** The resolved profile. */
  profile: ResolvedProfile;
  /** Ids of the scored units. */
  units: string[];
  /** Score of every active node. */
  scores: Record<string, Float64Array>;
  /** Local and global weights and consistency. */
  weights: TreeWeights;
  /** Each group's weight provenance, in the order the groups were weighed. */
  weightProvenance: WeightLedger["provenance"];
  /** Per-unit local weights of the children of groups whose weights vary by unit. */
  unitWeights?: WeightLedger["unit"] | undefined;
  /** Share of the active indicators present, per unit. */
  coverage: Float64Array;
  /** Raw values after formulas and treatment. */
  raw: Record<string, Float64Array>;
  /** What normalization ran per indicator. */
  normalization: Record<string, NormalizeParams>;
  /** Outlier treatment per treated indicator. */
  treatment: Record<string, TreatReport>;
  /** Warnings found on the way. */
  diagnostics: Issue[];
  /** The unit hierarchy of the data. */
  hierarchy: UnitHierarchy;
  /** Grades of the graded nodes. */
  grades: Record<string, NodeGrades>;
  /** What the assessment rules did, per node with rules. */
  rules: Record<string, NodeRulesOutcome>;
  /** Indicators scored by step points. */
  stepped: string[];
}

/**
 * The last stage of `score()`: the Result, with why each unit without an overall score has none,
 * the provenance of every option that ran, ranks computed per node on first access, and the
 * `contributions` and `toRows` accessors.
 * @internal
 */
export function buildResult(p: ResultParts): Result {
  const { profile, units, scores, coverage } = p;
  const { local, global, consistency } = p.weights;
  const ranks = lazyRanks(scores);
  const nodeOrder = [...profile.nodes.keys()];
  let unitIndex: Map<string, number> | undefined;
  const graded = nodeOrder
    .filter((id) => Object.hasOwn(p.grades, id))
    .map((id) => [id, p.grades[id]!] as const);
  const vetoed = nodeOrder.filter((id) => (profile.nodes.get(id)?.rules?.veto?.length ?? 0) > 0);
  const result: Result = {
    profile: profile.name,
    units,
    scores,
    ranks,
    weights: { local, global },
    unitWeights: p.unitWeights ?? {},
    consistency,
    coverage,
    missing: missingReasons(profile, units, scores, coverage),
    raw: p.raw,
    normalization: p.normalization,
    treatment: p.treatment,
    provenance: provenance(profile, p.weightProvenance, p.normalization),
    diagnostics: p.diagnostics,
    hierarchy: p.hierarchy,
    grades: p.grades,
    rules: p.rules,
    stepped: p.stepped,
    resolved: profile,
    contributions(unit) {
      unitIndex ??= new Map(units.map((u, k) => [u, k]));
      const i = unitIndex.get(unit);
      if (i === undefined)
        throw new IndicatrixError("unknown_unit", `unit "${unit}" is not a scored unit of this result`);
      const nodeWeights = new Map<string, number>();
      const out = contributionsAt(profile, scores, local, i, p.unitWeights, nodeWeights);
      return withRules(out, p, i, nodeWeights);
    },
    toRows() {
      return units.map((u, i) => {
        const row: Record<string, string | number | null> = { unit: u };
        for (const id of nodeOrder) {
          const v = scores[id]![i]!;
          row[id] = Number.isNaN(v) ? null : v;
        }
        for (const id of nodeOrder) {
          const r = ranks[id]![i]!;
          row[`${id}_rank`] = r === 0 ? null : r;
        }
        row.coverage = coverage[i]!;
        for (const [id, g] of graded) {
          const k = g.grade[i]!;
          row[gradeColumn(id)] = k < 0 ? null : g.names[k]!;
        }
        for (const id of vetoed) {
          const hits = p.rules[id]?.vetoes[i] ?? [];
          row[vetoColumn(id)] = hits.length === 0 ? null : hits.map((v) => v.id).join(";");
        }
        return row;
      });
    },
    toArrow: () => toArrow(result),
  };
  return result;
}

/** Why each unit without an overall score has none, by unit id. */
function missingReasons(
  profile: ResolvedProfile,
  units: readonly string[],
  scores: Readonly<Record<string, Float64Array>>,
  coverage: Float64Array,
): Record<string, string> {
  const root = scores[profile.root]!;
  const missing: Record<string, string> = {};
  for (let i = 0; i < units.length; i++) {
    if (!Number.isNaN(root[i]!)) continue;
    const unit = units[i]!;
    const share = coverage[i]!;
    // defineProperty: a unit id such as "__proto__" becomes an own key, never a prototype.
    Object.defineProperty(missing, unit, {
      value:
        share === 0
          ? "no indicator value present"
          : `coverage ${(share * 100).toFixed(0)}% of indicators is below the minimum coverage (${profile.minCoverage}) at some node`,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return missing;
}

function provenance(
  profile: ResolvedProfile,
  weights: WeightLedger["provenance"],
  normalization: Readonly<Record<string, NormalizeParams>>,
): Provenance {
  const nodes: Provenance["nodes"] = {};
  for (const [id, w] of Object.entries(weights))
    nodes[id] = { weights: w, aggregate: profile.nodes.get(id)!.aggregate };
  return {
    profile: profile.name,
    chain: profile.chain,
    missing: profile.missing,
    minCoverage: profile.minCoverage,
    ranks: { order: "descending", ties: "min", missingRank: 0 },
    nodes,
    ...(profile.blend
      ? {
          blend: {
            coefficients: profile.blend.coefficients,
            ...(profile.blend.column ? { column: profile.blend.column } : {}),
          },
        }
      : {}),
    normalization: Object.fromEntries(Object.entries(normalization).map(([id, n]) => [id, n.method])),
  };
}

/** Ranks of every node, each computed on first access. */
function lazyRanks(scores: Readonly<Record<string, Float64Array>>): Record<string, Uint32Array> {
  const ranks: Record<string, Uint32Array> = {};
  for (const id of Object.keys(scores)) {
    let cached: Uint32Array | undefined;
    Object.defineProperty(ranks, id, {
      enumerable: true,
      get: () => (cached ??= rankDescendingUint32(scores[id]!)),
    });
  }
  return ranks;
}

/** The contributions with what the rules did: step scores on the indicators' entries, an entry per bonus, penalty, cap and veto. */
function withRules(
  out: Contribution[],
  p: ResultParts,
  i: number,
  nodeWeights: ReadonlyMap<string, number>,
): Contribution[] {
  if (p.stepped.length === 0 && Object.keys(p.rules).length === 0) return out;
  for (const c of out)
    if (p.stepped.includes(c.indicator)) {
      const raw = p.raw[c.indicator]![i]!;
      c.rule = {
        node: c.indicator,
        kind: "steps",
        id: "steps",
        points: c.value,
        detail: Number.isNaN(raw) ? "no value" : `value ${raw} -> ${c.value} points`,
      };
    }
  for (const [node, outcome] of Object.entries(p.rules)) {
    const weight = nodeWeights.get(node) ?? 0;
    for (const e of outcome.effects[i]!)
      out.push({ indicator: node, weight, value: e.points, contribution: weight * e.points, rule: e });
  }
  return out.sort((a, b) => b.contribution - a.contribution);
}
