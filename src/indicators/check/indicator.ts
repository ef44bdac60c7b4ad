import type { NormalizeSpec, TreatSpec } from "../../internal/specs.js";
import { intervalProblem } from "../../normalize/scan.js";
import { winsorizeProblem } from "../../normalize/treat.js";
import type { Model, ModelNode } from "../schema.js";
import { type Diagnostic, error, warning } from "./diagnostic.js";

/**
 * The `range` and `goalposts` of a normalize spec written at `path` that normalization would refuse
 * ({@link intervalProblem}: not increasing, or a span beyond the double range), as `invalid_option`
 * diagnostics, so that `checkModel` agrees with `score`. @internal
 */
export function checkNormalizeSpec(spec: NormalizeSpec | undefined, path: string): Diagnostic[] {
  if (typeof spec !== "object" || spec === null) return [];
  const out: Diagnostic[] = [];
  for (const key of ["range", "goalposts"] as const) {
    const pair = (spec as Partial<Record<typeof key, unknown>>)[key];
    if (pair === undefined) continue;
    const problem = intervalProblem(pair, key);
    if (problem !== null) out.push(error("invalid_option", `${path}.${key}`, problem));
  }
  return out;
}

/** A treat spec that `treat` would refuse (winsorize quantiles out of order), as `invalid_option`. @internal */
export function checkTreatSpec(spec: TreatSpec | undefined, path: string): Diagnostic[] {
  const problem = spec?.winsorize ? winsorizeProblem(spec.winsorize) : null;
  return problem === null ? [] : [error("invalid_option", `${path}.winsorize`, problem)];
}

/**
 * The rules of one indicator (a leaf): goalposts `[low, high]` with low < high; a range direction `[a, b]` with
 * a <= b, and a target or range inside the goalposts; goalposts when it is normalized by goalposts, a target
 * when it is normalized to a target. Codes: `invalid_goalposts`, `invalid_range`, `target_outside_goalposts`,
 * `missing_goalposts`, `missing_target`.
 * @internal
 */
export function checkIndicator(model: Model, node: ModelNode, path: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const gp = node.goalposts;
  const gpOk = gp !== undefined && gp[0] < gp[1];
  if (gp && !gpOk)
    out.push(
      error(
        "invalid_goalposts",
        `${path}.goalposts`,
        `expected [low, high] with low < high, got [${gp[0]}, ${gp[1]}]`,
      ),
    );
  else if (gp && !Number.isFinite(gp[1] - gp[0]))
    out.push(
      error(
        "invalid_goalposts",
        `${path}.goalposts`,
        `goalposts [${gp[0]}, ${gp[1]}] span more than the largest double (high - low overflows); use narrower goalposts`,
      ),
    );
  out.push(...checkNormalizeSpec(node.normalize, `${path}.normalize`));
  out.push(...checkTreatSpec(node.treat, `${path}.treat`));
  const dir = node.direction;
  if (dir && typeof dir === "object" && "range" in dir) {
    const [a, b] = dir.range;
    if (!(a <= b))
      out.push(
        error("invalid_range", `${path}.direction.range`, `expected [a, b] with a <= b, got [${a}, ${b}]`),
      );
    if (gp && gpOk && (a < gp[0] || b > gp[1]))
      out.push(
        error(
          "target_outside_goalposts",
          `${path}.direction.range`,
          `range [${a}, ${b}] is not inside the goalposts [${gp[0]}, ${gp[1]}]`,
        ),
      );
  }
  if (
    dir &&
    typeof dir === "object" &&
    "target" in dir &&
    gp &&
    gpOk &&
    (dir.target < gp[0] || dir.target > gp[1])
  )
    out.push(
      error(
        "target_outside_goalposts",
        `${path}.direction.target`,
        `target ${dir.target} is outside the goalposts [${gp[0]}, ${gp[1]}]`,
      ),
    );

  const norm = node.normalize ?? model.defaults?.normalize;
  const method = typeof norm === "string" ? norm : norm?.method;
  const normPath = node.normalize !== undefined ? `${path}.normalize` : "defaults.normalize";
  const ownGoalposts = typeof norm === "object" && "goalposts" in norm && norm.goalposts;
  if (method === "goalposts" && !gp && !ownGoalposts)
    out.push(
      error(
        "missing_goalposts",
        normPath,
        `indicator "${node.id}" is normalized by goalposts but has none; add "goalposts": [low, high]`,
      ),
    );
  if (gp && gpOk && !goalpostsUsed(model, node)) {
    const name = method ?? "minmax";
    out.push(
      warning(
        "goalposts_ignored",
        `${path}.goalposts`,
        `indicator "${node.id}" sets goalposts, but its normalization "${name}" uses the sample's own bounds and ignores them; normalize it by "goalposts" (e.g. "defaults": { "normalize": "goalposts" }) or remove them`,
      ),
    );
  }
  const hasTarget =
    (typeof norm === "object" && "target" in norm && norm.target !== undefined) ||
    (dir && typeof dir === "object");
  if (method === "target" && !hasTarget)
    out.push(
      error(
        "missing_target",
        normPath,
        `indicator "${node.id}" is normalized to a target but names none; give "direction": { "target": x }`,
      ),
    );
  return out;
}

/** The method name of a normalize spec (a bare name or an object). */
const methodOf = (spec: NormalizeSpec | undefined): string | undefined =>
  typeof spec === "string" ? spec : spec?.method;

/**
 * Whether the goalposts of indicator `node` are used by some profile: its own normalize, else the model's
 * default or any profile's default normalization is `goalposts` (min-max and the others use the sample's
 * bounds; see docs/methods.md).
 */
function goalpostsUsed(model: Model, node: ModelNode): boolean {
  if (node.normalize !== undefined) return methodOf(node.normalize) === "goalposts";
  if (methodOf(model.defaults?.normalize) === "goalposts") return true;
  return Object.values(model.profiles ?? {}).some((p) => methodOf(p?.defaults?.normalize) === "goalposts");
}
