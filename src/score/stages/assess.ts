import { applyNodeRules, type NodeRulesOutcome } from "../../grades/apply-node-rules.js";
import { assignGrades } from "../../grades/assign-grades.js";
import { cutPoints } from "../../grades/cut-points.js";
import { nearCuts } from "../../grades/near-cuts.js";
import { scoreScale } from "../../grades/score-scale.js";
import { stepPoints } from "../../grades/step-points.js";
import { gradeClasses, labelTexts } from "../../indicators/check/grades.js";
import { parseCondition } from "../../indicators/condition.js";
import type { GradeSpec, LocalizedText } from "../../indicators/schema.js";
import { IndicatrixError, type Issue, parsePath } from "../../internal/errors.js";
import type { NormalizeParams } from "../../normalize/types.js";
import type { ResolvedNode, ResolvedProfile } from "../resolve-profile.js";
import type { NodeGrades } from "../result.js";
import { locateError } from "./locate-error.js";
import type { NormalizedIndicators } from "./normalize-indicators.js";

/** The columns the profile's assessment rules read (bonus and penalty `from`, conditions), in order of first use. @internal */
export function ruleNames(profile: ResolvedProfile): string[] {
  const names = new Set<string>();
  for (const node of profile.nodes.values()) {
    const r = node.rules;
    if (!r) continue;
    for (const item of [...(r.bonus ?? []), ...(r.penalty ?? [])]) {
      if (item.from !== undefined) names.add(item.from);
      if (item.when !== undefined) names.add(parseCondition(item.when).name);
    }
    for (const v of r.veto ?? []) names.add(parseCondition(v.when).name);
  }
  return [...names];
}

/**
 * The step-score stage of `score()`: each indicator with a `steps` rule gets the points of its raw
 * value's step in place of its normalized value (and leaves the fused path). Returns the
 * raw-to-points record per indicator, for the contributions. @internal
 */
export function applyStepScores(
  profile: ResolvedProfile,
  raw: Readonly<Record<string, Float64Array>>,
  normalized: NormalizedIndicators,
): Set<string> {
  const stepped = new Set<string>();
  for (const id of profile.indicators) {
    const steps = profile.nodes.get(id)?.rules?.steps;
    if (!steps) continue;
    normalized.affine.delete(id);
    normalized.scores[id] = stepPoints(raw[id] as Float64Array, steps);
    stepped.add(id);
  }
  return stepped;
}

/**
 * The node-rule hook of the aggregation stage: applies a group's bonus, penalty, limits and vetoes
 * to its scores as soon as they are computed (so its parent aggregates the assessed scores) and
 * records what each rule did. @internal
 */
export function nodeRuleHook(
  raw: Readonly<Record<string, Float64Array>>,
  ruleColumns: ReadonlyMap<string, Float64Array>,
  units: readonly string[],
  outcomes: Record<string, NodeRulesOutcome>,
): (node: ResolvedNode, values: Float64Array) => Float64Array {
  const column = (name: string): Float64Array => {
    const c = Object.hasOwn(raw, name) ? raw[name] : ruleColumns.get(name);
    if (!c) throw new IndicatrixError("missing_column", `column "${name}": the assessment rules read it`);
    return c;
  };
  return (node, values) => {
    const rules = node.rules;
    if (!rules) return values;
    try {
      const out = applyNodeRules(node.id, values, rules, column);
      outcomes[node.id] = out;
      return out.score;
    } catch (e) {
      throw locateError(e, node.id, units, node.path);
    }
  };
}

/** The display text of a label in a language (its first text otherwise). */
function labelText(label: LocalizedText, language: string | undefined): string {
  if (typeof label === "string") return label;
  return (language !== undefined && label[language]) || Object.values(label)[0] || "";
}

/**
 * The grading stage of `score()`: each graded node's cut points on the scores (after the rules),
 * each unit's grade, the grades the vetoes forced (lowest grade, or a ceiling), and the units near
 * a cut point. `extra` (the `grades` option) adds or replaces specs by node id. Fixed cut points
 * beyond the node's nominal score scale ({@link scoreScale}) give a `cuts_outside_scale` warning in
 * `diagnostics`. @internal
 */
export function gradeNodes(
  profile: ResolvedProfile,
  scores: Readonly<Record<string, Float64Array>>,
  units: readonly string[],
  outcomes: Readonly<Record<string, NodeRulesOutcome>>,
  extra: Readonly<Record<string, GradeSpec>>,
  language: string | undefined,
  normalization: Readonly<Record<string, NormalizeParams>> = {},
  diagnostics: Issue[] = [],
): Record<string, NodeGrades> {
  const out: Record<string, NodeGrades> = {};
  for (const node of profile.nodes.values()) {
    const spec = Object.hasOwn(extra, node.id) ? extra[node.id] : node.grades;
    if (!spec) continue;
    if (spec.method === "fixed") {
      const issue = cutsOutsideScale(profile, node, spec.cuts, normalization);
      if (issue) diagnostics.push(issue);
    }
    const values = scores[node.id] as Float64Array;
    let cuts: ReturnType<typeof cutPoints>;
    try {
      cuts = cutPoints(values, spec);
    } catch (e) {
      throw locateError(e, node.id, units, node.path);
    }
    const k = gradeClasses(spec);
    const labels: LocalizedText[] = spec.labels ?? Array.from({ length: k }, (_, j) => String(j + 1));
    const unforced = assignGrades(values, cuts.cuts, { closed: cuts.closed, precision: cuts.precision });
    const grade = Int32Array.from(unforced);
    const forced: Record<string, string[]> = {};
    const outcome = outcomes[node.id];
    if (outcome)
      for (let i = 0; i < units.length; i++)
        for (const veto of outcome.vetoes[i]!) {
          const effect = veto.effect ?? "lowest-grade";
          if (effect === "zero-score") continue;
          let to = 0;
          if (effect === "grade-ceiling") {
            to = labels.findIndex((l) => labelTexts(l).includes(veto.grade ?? ""));
            if (to < 0)
              throw new IndicatrixError(
                "invalid_rule",
                `node "${node.id}", veto "${veto.id}": "${veto.grade}" is not one of its grade labels`,
                { path: node.path },
              );
            if (grade[i]! < 0) continue;
          }
          if (grade[i]! < 0 || grade[i]! > to) grade[i] = to;
          Object.defineProperty(forced, units[i]!, {
            value: [...(forced[units[i]!] ?? []), veto.id],
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
    const near =
      spec.margin === undefined
        ? []
        : nearCuts(values, cuts.cuts, spec.margin).map((c) => ({
            unit: units[c.index]!,
            score: values[c.index]!,
            cut: c.cut,
            distance: c.distance,
          }));
    out[node.id] = {
      node: node.id,
      ...cuts,
      labels,
      names: labels.map((l) => labelText(l, language)),
      grade,
      unforced,
      forced,
      margin: spec.margin,
      near,
    };
  }
  return out;
}

/** The `cuts_outside_scale` warning of a node's fixed cut points, when some lie beyond its score scale. */
function cutsOutsideScale(
  profile: ResolvedProfile,
  node: ResolvedNode,
  cuts: readonly number[],
  normalization: Readonly<Record<string, NormalizeParams>>,
): Issue | undefined {
  const scale = scoreScale(
    node.id,
    (id) => profile.nodes.get(id),
    (id) => normalization[id]?.range,
  );
  if (!scale) return undefined;
  const [lo, hi] = scale;
  const above = cuts.filter((c) => c > hi);
  const below = cuts.filter((c) => c < lo);
  if (above.length === 0 && below.length === 0) return undefined;
  const parts = [
    ...(above.length > 0 ? [`${above.join(", ")} above`] : []),
    ...(below.length > 0 ? [`${below.join(", ")} below`] : []),
  ];
  const span = `[${lo}, ${Number.isFinite(hi) ? hi : "∞"}]`;
  const hint =
    above.length > 0 && hi <= 1 && above.every((c) => c <= 100)
      ? ` (cut points on a 0-100 scale? give them as ${above.map((c) => c / 100).join(", ")}, or normalize to range [0, 100])`
      : "";
  return {
    code: "cuts_outside_scale",
    severity: "warning",
    path: parsePath(node.path),
    where: node.path,
    node: node.id,
    message: `node "${node.id}": grade cut point(s) ${parts.join(" and ")} its score scale ${span}, so ${above.length > 0 ? "no unit can reach the grades above them" : "every unit gets at least the grade above them"}${hint}`,
  };
}
