import { IndicatrixError } from "../../internal/errors.js";
import { parseCondition } from "../condition.js";
import { appendKey } from "../parse-model.js";
import type { GradeSpec, LocalizedText, Model, NodeRules, PointsRule } from "../schema.js";
import { isIndicator, type VisitedNode } from "../tree.js";
import { type Diagnostic, error, warning } from "./diagnostic.js";

/** Number of grades a spec makes (one more than its cut points). @internal */
export function gradeClasses(spec: GradeSpec): number {
  switch (spec.method) {
    case "fixed":
      return spec.cuts.length + 1;
    case "mean-sd":
      return typeof spec.k === "number" ? 3 : spec.k.length + 1;
    case "quantile":
      return spec.probs ? spec.probs.length + 1 : (spec.classes ?? 0);
    case "jenks":
      return spec.classes;
  }
}

/** Every text of a localized label (the string, or each language's). @internal */
export function labelTexts(label: LocalizedText): string[] {
  return typeof label === "string" ? [label] : Object.values(label);
}

/**
 * The rules of `grades` and `rules`, in the model and in each profile: they name tree nodes
 * (`unknown_node`); a grade spec has ascending cuts, multiples or probabilities, exactly one of
 * `probs` and `classes`, and one label per grade (`invalid_grades`); step rules sit on indicators,
 * with one more point than thresholds, thresholds ascending (`invalid_rule`) and points that rise
 * with the indicator's direction (`non_monotone_steps`); bonus, penalty, caps and vetoes sit on groups
 * (`invalid_rule`); a bonus or penalty item has `from` or
 * `when` with `points` (`invalid_rule`); conditions parse and name an indicator or a declared input
 * (`invalid_condition`); a grade-ceiling veto names a label of the node's grades (`invalid_rule`);
 * a veto that forces a grade on a node without grades is a warning (`veto_without_grades`).
 * @internal
 */
export function checkGradesAndRules(model: Model, byId: ReadonlyMap<string, VisitedNode>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const inputs = new Set((model.inputs ?? []).map((i) => i.id));
  const scopes: { base: string; grades: Model["grades"]; rules: Model["rules"] }[] = [
    { base: "", grades: model.grades, rules: model.rules },
  ];
  for (const [name, p] of Object.entries(model.profiles ?? {}))
    scopes.push({ base: `${appendKey("profiles", name)}.`, grades: p.grades, rules: p.rules });
  for (const scope of scopes) {
    for (const [id, spec] of Object.entries(scope.grades ?? {})) {
      const path = appendKey(`${scope.base}grades`, id);
      if (!byId.has(id)) out.push(error("unknown_node", path, `"${id}" is not a node of the tree`));
      out.push(...gradeSpecIssues(spec, path));
    }
    for (const [id, rules] of Object.entries(scope.rules ?? {})) {
      const path = appendKey(`${scope.base}rules`, id);
      const v = byId.get(id);
      if (!v) {
        out.push(error("unknown_node", path, `"${id}" is not a node of the tree`));
        continue;
      }
      const spec = scope.grades?.[id] ?? model.grades?.[id];
      out.push(...checkNodeRules(rules, v, path, byId, inputs, spec));
    }
  }
  return out;
}

function ascending(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (!(xs[i]! > xs[i - 1]!)) return false;
  return true;
}

/** The problems of one grade spec (`invalid_grades`), at `path`. @internal */
export function gradeSpecIssues(spec: GradeSpec, path: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (spec.method === "fixed" && !ascending(spec.cuts))
    out.push(
      error(
        "invalid_grades",
        `${path}.cuts`,
        `cut points must be strictly ascending, got ${spec.cuts.join(", ")}`,
      ),
    );
  if (spec.method === "mean-sd" && typeof spec.k !== "number" && !ascending(spec.k))
    out.push(
      error(
        "invalid_grades",
        `${path}.k`,
        `the SD multiples must be strictly ascending, got ${spec.k.join(", ")}`,
      ),
    );
  if (spec.method === "quantile") {
    if ((spec.probs === undefined) === (spec.classes === undefined))
      out.push(error("invalid_grades", path, "give either probs or classes for quantile grades"));
    else if (spec.probs && !ascending(spec.probs))
      out.push(
        error(
          "invalid_grades",
          `${path}.probs`,
          `probabilities must be strictly ascending, got ${spec.probs.join(", ")}`,
        ),
      );
  }
  const k = gradeClasses(spec);
  if (spec.labels && spec.labels.length !== k)
    out.push(
      error(
        "invalid_grades",
        `${path}.labels`,
        `${spec.labels.length} labels for ${k} grades; give one label per grade, worst first`,
      ),
    );
  return out;
}

function checkNodeRules(
  rules: NodeRules,
  v: VisitedNode,
  path: string,
  byId: ReadonlyMap<string, VisitedNode>,
  inputs: ReadonlySet<string>,
  spec: GradeSpec | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const condition = (text: string, at: string): void => {
    try {
      const c = parseCondition(text);
      checkName(c.name, at);
    } catch (e) {
      if (!(e instanceof IndicatrixError)) throw e;
      out.push(error("invalid_condition", at, e.message));
    }
  };
  const checkName = (name: string, at: string): void => {
    const target = byId.get(name);
    if (!(target && isIndicator(target.node)) && !inputs.has(name))
      out.push(
        error(
          "invalid_condition",
          at,
          `"${name}" is neither an indicator id nor a declared input; declare event and flag columns in "inputs"`,
        ),
      );
  };
  if (rules.steps) {
    const s = rules.steps;
    const at = `${path}.steps`;
    if (!isIndicator(v.node))
      out.push(error("invalid_rule", at, `step scores apply to an indicator; "${v.node.id}" is a group`));
    if (!ascending(s.thresholds))
      out.push(
        error(
          "invalid_rule",
          `${at}.thresholds`,
          `thresholds must be strictly ascending, got ${s.thresholds.join(", ")}`,
        ),
      );
    if (s.points.length !== s.thresholds.length + 1)
      out.push(
        error(
          "invalid_rule",
          `${at}.points`,
          `${s.points.length} points for ${s.thresholds.length} thresholds; give one more point than thresholds (the points below the first come first)`,
        ),
      );
    else {
      const dir = v.node.direction ?? "benefit";
      const sign = dir === "cost" ? -1 : dir === "benefit" ? 1 : 0;
      for (let i = 1; sign !== 0 && i < s.points.length; i++)
        if (sign * (s.points[i]! - s.points[i - 1]!) < 0) {
          out.push(
            error(
              "non_monotone_steps",
              `${at}.points`,
              `points ${s.points.join(", ")} ${sign > 0 ? "fall" : "rise"} with the value of ${dir} indicator "${v.node.id}"; step scores must be monotone in its direction`,
            ),
          );
          break;
        }
    }
  }
  if (isIndicator(v.node)) {
    const groupOnly = (
      ["bonus", "penalty", "bonusCap", "penaltyCap", "capTotal", "floor", "veto"] as const
    ).filter((k) => rules[k] !== undefined);
    if (groupOnly.length > 0)
      out.push(
        error(
          "invalid_rule",
          path,
          `${groupOnly.join(", ")} apply to a group; "${v.node.id}" is an indicator (put them on its parent, with a condition on the indicator)`,
        ),
      );
  }
  for (const kind of ["bonus", "penalty"] as const)
    for (const [i, item] of (rules[kind] ?? []).entries()) {
      const at = `${path}.${kind}[${i}]`;
      checkItem(item, at, out);
      if (item.from !== undefined) checkName(item.from, `${at}.from`);
      if (item.when !== undefined) condition(item.when, `${at}.when`);
    }
  for (const [i, veto] of (rules.veto ?? []).entries()) {
    const at = `${path}.veto[${i}]`;
    condition(veto.when, `${at}.when`);
    const effect = veto.effect ?? "lowest-grade";
    if (effect === "grade-ceiling") {
      if (veto.grade === undefined)
        out.push(
          error("invalid_rule", at, `a grade-ceiling veto names the highest grade allowed in "grade"`),
        );
      else if (spec?.labels && !spec.labels.some((l) => labelTexts(l).includes(veto.grade!)))
        out.push(
          error(
            "invalid_rule",
            `${at}.grade`,
            `"${veto.grade}" is not a grade label of node "${v.node.id}" (${spec.labels.map((l) => labelTexts(l).join("/")).join(", ")})`,
          ),
        );
    } else if (veto.grade !== undefined)
      out.push(
        error("invalid_rule", `${at}.grade`, `"grade" goes with effect "grade-ceiling", not "${effect}"`),
      );
    if (effect !== "zero-score" && spec === undefined)
      out.push(
        warning(
          "veto_without_grades",
          at,
          `veto "${veto.id}" forces a grade, but node "${v.node.id}" has no grades here; it only flags the unit unless grades are given`,
        ),
      );
  }
  return out;
}

function checkItem(item: PointsRule, at: string, out: Diagnostic[]): void {
  const hasFrom = item.from !== undefined;
  const hasWhen = item.when !== undefined;
  if (hasFrom === hasWhen)
    out.push(
      error(
        "invalid_rule",
        at,
        `item "${item.id}" counts a column ("from") or gives points when a condition holds ("when" and "points"): give one`,
      ),
    );
  else if (hasWhen && item.points === undefined)
    out.push(error("invalid_rule", at, `item "${item.id}" has a condition but no "points"`));
  else if (hasFrom && item.points !== undefined)
    out.push(
      error(
        "invalid_rule",
        `${at}.points`,
        `item "${item.id}" counts "${item.from}": use "per", not "points"`,
      ),
    );
  if (hasWhen && item.per !== undefined)
    out.push(
      error("invalid_rule", `${at}.per`, `item "${item.id}" has a condition: use "points", not "per"`),
    );
}
