import { IndicatrixError } from "../../internal/errors.js";
import { didYouMean } from "../../internal/nearest.js";
import { appendKey } from "../parse-model.js";
import { profileActivity, profileChain, profileNames } from "../profiles.js";
import type { Model, Profile } from "../schema.js";
import { isIndicator, type VisitedNode } from "../tree.js";
import { type Diagnostic, error, warning } from "./diagnostic.js";
import { isReserved } from "./ids.js";
import { checkNormalizeSpec, checkTreatSpec } from "./indicator.js";
import { type AhpSpecCheck, checkWeightSpec } from "./weight-spec.js";

/**
 * The rules of profiles: a node's `profiles` names profiles of the model (`unknown_profile`, a warning: the
 * node is never active); each profile has a name that is not reserved (`reserved_id`), an `extends` chain that
 * ends (`unknown_profile`, `profile_cycle`), no group left without an active child (`no_active_child`), and
 * overrides that name existing nodes (`unknown_indicator`, `unknown_node`, `weights_on_indicator`), goalposts
 * in order (`invalid_goalposts`) and weight specs that follow `checkWeightSpec`.
 * @internal
 */
export function checkProfiles(
  model: Model,
  byId: ReadonlyMap<string, VisitedNode>,
  ahp: AhpSpecCheck | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const profiles = model.profiles ?? {};
  const names = profileNames(model);
  for (const [id, v] of byId)
    for (const [i, p] of (v.node.profiles ?? []).entries())
      if (!Object.hasOwn(profiles, p))
        out.push(
          warning(
            "unknown_profile",
            `${v.path}.profiles[${i}]`,
            `"${p}" is not a profile of the model (${names.join(", ")}); node "${id}" is never active`,
          ),
        );

  const broken = brokenChains(model, names, out);
  for (const name of names) {
    const base = appendKey("profiles", name);
    if (isReserved(name))
      out.push(error("reserved_id", base, `"${name}" is reserved; choose another profile name`));
    const nameProblem = profileNameProblem(name);
    if (nameProblem !== null) out.push(error("invalid_id", base, nameProblem));
    if (broken.has(name)) continue;
    const { active, empty } = profileActivity(model, name);
    for (const id of empty) {
      const v = byId.get(id);
      if (v)
        out.push(
          error(
            "no_active_child",
            `${v.path}.children`,
            `in profile "${name}", group "${id}" has no active child; give it "profiles" or activate a child`,
          ),
        );
    }
    const profile = Object.hasOwn(profiles, name) ? profiles[name] : undefined;
    if (profile) {
      out.push(...checkNormalizeSpec(profile.defaults?.normalize, `${base}.defaults.normalize`));
      out.push(...checkTreatSpec(profile.defaults?.treat, `${base}.defaults.treat`));
      out.push(...checkOverrides(profile, base, name, byId, active, ahp));
    }
  }
  return out;
}

/**
 * Why a profile name cannot be selected, or null: it must be non-empty, without leading or trailing
 * spaces (the CLI trims what it reads) and without a comma (`--profile a,b` names two profiles).
 */
function profileNameProblem(name: string): string | null {
  const shown = JSON.stringify(name);
  if (name.length === 0) return "a profile name is empty; name it";
  if (name.trim() !== name)
    return `profile name ${shown} begins or ends with a space, so it cannot be selected; remove the spaces`;
  if (name.includes(","))
    return `profile name ${shown} contains a comma, which separates profile names on the command line; rename it`;
  return null;
}

/**
 * The profiles whose `extends` chain does not end, found in one pass over all chains (each profile is
 * followed once, so a chain of thousands stays linear). Each cycle and each `extends` of a missing
 * profile is reported once (`profile_cycle` at the member where the walk entered the cycle,
 * `unknown_profile` at the `extends` that names nothing), not once per profile that leads into it.
 */
function brokenChains(model: Model, names: readonly string[], out: Diagnostic[]): Set<string> {
  const profiles = model.profiles ?? {};
  const state = new Map<string, "walking" | "ends" | "broken">();
  const broken = new Set<string>();
  for (const name of names) {
    const path: string[] = [];
    let current: string | undefined = name;
    while (current !== undefined && !state.has(current) && Object.hasOwn(profiles, current)) {
      state.set(current, "walking");
      path.push(current);
      current = profiles[current]?.extends;
    }
    if (current === undefined || state.get(current) === "ends") {
      for (const p of path) state.set(p, "ends");
      continue;
    }
    // The walk closed a cycle, met an `extends` that names nothing, or ran into a chain already reported.
    let from: string | undefined;
    if (state.get(current) === "walking") from = current;
    else if (!Object.hasOwn(profiles, current)) from = path.at(-1);
    const diagnostic = from === undefined ? undefined : chainError(model, from);
    if (diagnostic) out.push(diagnostic);
    for (const p of path) {
      state.set(p, "broken");
      broken.add(p);
    }
  }
  return broken;
}

/** The diagnostic of {@link profileChain} for a profile whose chain does not end (none when it ends). */
function chainError(model: Model, name: string): Diagnostic | undefined {
  try {
    profileChain(model, name);
    return undefined;
  } catch (e) {
    if (!(e instanceof IndicatrixError)) throw e;
    return error(e.code, e.where, e.message);
  }
}

/** The rules of what one profile overrides: include/exclude, multipliers, aggregation, goalposts and weights. */
function checkOverrides(
  profile: Profile,
  base: string,
  name: string,
  byId: ReadonlyMap<string, VisitedNode>,
  active: ReadonlySet<string>,
  ahp: AhpSpecCheck | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = [...byId.keys()];
  for (const key of ["include", "exclude"] as const)
    for (const [i, id] of (profile[key] ?? []).entries())
      if (!byId.has(id))
        out.push(
          error("unknown_indicator", `${base}.${key}[${i}]`, `no node has id "${id}"${didYouMean(id, ids)}`),
        );
  for (const key of ["multipliers", "aggregate"] as const)
    for (const id of Object.keys(profile[key] ?? {}))
      if (!byId.has(id))
        out.push(
          error(
            "unknown_node",
            appendKey(`${base}.${key}`, id),
            `no node has id "${id}"${didYouMean(id, ids)}`,
          ),
        );
  for (const [id, gp] of Object.entries(profile.goalposts ?? {})) {
    const path = appendKey(`${base}.goalposts`, id);
    const v = byId.get(id);
    if (!v || !isIndicator(v.node))
      out.push(error("unknown_indicator", path, `no indicator has id "${id}"${didYouMean(id, ids)}`));
    if (!(gp[0] < gp[1]))
      out.push(
        error("invalid_goalposts", path, `expected [low, high] with low < high, got [${gp[0]}, ${gp[1]}]`),
      );
  }
  for (const [id, spec] of Object.entries(profile.weights ?? {})) {
    const path = appendKey(`${base}.weights`, id);
    const v = byId.get(id);
    if (!v) out.push(error("unknown_node", path, `no node has id "${id}"${didYouMean(id, ids)}`));
    else if (isIndicator(v.node))
      out.push(
        error("weights_on_indicator", path, `"${id}" is an indicator; weights belong to the group above it`),
      );
    else out.push(...checkWeightSpec(spec, v.node, active, path, name, ahp));
  }
  return out;
}
