import type { Diagnostic } from "../indicators/check/diagnostic.js";
import { error } from "../indicators/check/diagnostic.js";
import type { LevelRule } from "../indicators/model-types.js";
import { appendKey } from "../indicators/parse-model.js";
import { blendComponents, type LevelRuleConflict, levelRules, profileChain } from "../indicators/profiles.js";
import type { Model, Profile } from "../indicators/schema.js";
import { isIndicator, walkTree } from "../indicators/tree.js";
import { IndicatrixError } from "../internal/errors.js";
import { specNeedsData } from "./spec-weights.js";
import { resolveVariableWeights } from "./variable-weights.js";

/** How far the coefficients of a blend may be from summing to 1. */
const BLEND_TOLERANCE = 1e-9;

/** The keys a blended profile may set beside `blend`. */
const BLEND_KEYS: ReadonlySet<string> = new Set([
  "blend",
  "name",
  "description",
  "variableWeights",
  "localCap",
  "levels",
]);

/**
 * The checks of blended profiles, state variable weights and the state map (DOMAIN C7), in profile
 * order, then the states: a blend names existing profiles (`unknown_profile`) that are not blends
 * themselves, its coefficients sum to 1, it sets nothing but its name, description, variable
 * weights, local cap and level rules, no profile extends it, and its components' weights do not depend on the data
 * (`invalid_blend`); variable weights give their exponent (`alpha_required`) and name groups
 * (`unknown_node`); every state maps to a profile (`unknown_profile`); node levels and profile level
 * rules name levels of the model, each rule's own + children is 1, and a blend that sets no rule for
 * a level has components that agree on it (`invalid_levels`).
 * @internal
 */
export function checkSpace(model: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  const profiles = model.profiles ?? {};
  const has = (n: string): boolean => Object.hasOwn(profiles, n);
  const groups = new Map(walkTree(model.tree).map((v) => [v.node.id, v.node]));
  for (const [name, profile] of Object.entries(profiles)) {
    const base = appendKey("profiles", name);
    if (
      profile.extends !== undefined &&
      has(profile.extends) &&
      profiles[profile.extends]?.blend !== undefined
    )
      out.push(
        error(
          "invalid_blend",
          `${base}.extends`,
          `"${profile.extends}" is a blended profile, which cannot be extended; blend "${name}" into it instead`,
        ),
      );
    const components = blendComponents(profile);
    if (components !== undefined) {
      out.push(...checkBlend(model, name, profile, components));
      out.push(...checkBlendLevels(model, name));
    }
    if (profile.variableWeights !== undefined) {
      const path = `${base}.variableWeights`;
      try {
        resolveVariableWeights(profile.variableWeights, path);
      } catch (e) {
        if (!(e instanceof IndicatrixError)) throw e;
        out.push(error(e.code, e.where ?? path, e.message.replace(`${e.where}: `, "")));
      }
      for (const [i, id] of (profile.variableWeights.nodes ?? []).entries()) {
        const node = groups.get(id);
        if (!node || isIndicator(node))
          out.push(error("unknown_node", `${path}.nodes[${i}]`, `no group has id "${id}"`));
      }
    }
  }
  out.push(...checkLevels(model));
  for (const [state, target] of Object.entries(model.states ?? {}))
    if (!has(target))
      out.push(
        error(
          "unknown_profile",
          appendKey("states", state),
          `state "${state}" maps to "${target}", which is not a profile of the model (${Object.keys(profiles).join(", ") || "none"})`,
        ),
      );
  return out;
}

function checkBlend(model: Model, name: string, profile: Profile, components: string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const profiles = model.profiles ?? {};
  const base = appendKey("profiles", name);
  const path = `${base}.blend`;
  for (const key of Object.keys(profile))
    if (!BLEND_KEYS.has(key))
      out.push(
        error(
          "invalid_blend",
          `${base}.${key}`,
          `a blended profile takes its weights from its blend and its other settings from its first profile; remove "${key}" or set it in "${components[0]}"`,
        ),
      );
  const column = !Array.isArray(profile.blend) && "column" in (profile.blend as object);
  for (const [i, c] of components.entries()) {
    const at = column ? `${path}.between[${i}]` : appendKey(path, c);
    if (!Object.hasOwn(profiles, c)) {
      out.push(
        error(
          "unknown_profile",
          at,
          `no profile named "${c}"; the model has ${Object.keys(profiles).join(", ")}`,
        ),
      );
      continue;
    }
    if (profiles[c]?.blend !== undefined) {
      out.push(error("invalid_blend", at, `"${c}" is itself a blend; blend its profiles directly`));
      continue;
    }
    const chain = safeChain(model, c);
    for (const p of chain)
      for (const [id, spec] of Object.entries(profiles[p]?.weights ?? {}))
        if (specNeedsData(spec))
          out.push(
            error(
              "invalid_blend",
              at,
              `profile "${p}" weighs "${id}" from the data (${typeof spec === "string" ? spec : spec.method}); a blend needs weights that do not depend on the data`,
            ),
          );
  }
  if (!column) {
    const total = Object.values(profile.blend as Record<string, number>).reduce((a, b) => a + b, 0);
    if (!(Math.abs(total - 1) <= BLEND_TOLERANCE))
      out.push(
        error(
          "invalid_blend",
          path,
          `the coefficients sum to ${total}; expected 1 (e.g. { ${components.map((c) => `${c}: ...`).join(", ")} } summing to 1)`,
        ),
      );
    if (components.length === 0) out.push(error("invalid_blend", path, "the blend names no profile"));
  }
  return out;
}

/**
 * A blend's level rules: where its components give a level different rules (or some none) and the blend
 * sets none for it, `scoreLevels` would not know which to apply (`invalid_levels`, at the rule to write).
 */
function checkBlendLevels(model: Model, name: string): Diagnostic[] {
  if ((model.levels ?? []).length === 0) return [];
  // A component that is missing or itself a blend is reported by checkBlend: one mistake, one diagnostic.
  const profiles = model.profiles ?? {};
  const parts = blendComponents(profiles[name]) ?? [];
  if (parts.some((c) => !Object.hasOwn(profiles, c) || profiles[c]?.blend !== undefined)) return [];
  let conflicts: LevelRuleConflict[];
  try {
    conflicts = levelRules(model, name).conflicts;
  } catch {
    return []; // a broken `extends` chain of a component, reported elsewhere
  }
  const blend = model.profiles?.[name]?.blend as Record<string, unknown> | undefined;
  return conflicts.map((c) => {
    // A suggestion: the blend's coefficients applied to the components' own shares, when each gives one.
    let own = 0.5;
    const rules = Object.entries(c.rules);
    if (blend && !("column" in blend) && rules.every(([, r]) => r !== undefined)) {
      own = rules.reduce((a, [p, r]) => a + (Number(blend[p]) || 0) * (r as LevelRule).own, 0);
      own = Math.round(own * 1e4) / 1e4;
    }
    return error(
      "invalid_levels",
      appendKey(`${appendKey("profiles", name)}.levels`, c.level),
      `the profiles blended in "${name}" give level "${c.level}" different rules (${rules
        .map(([p, r]) => `${p}: ${r === undefined ? "none" : describeRule(r)}`)
        .join(
          "; ",
        )}); give the blend its own rule for the level, e.g. levels: { ${c.level}: { own: ${own}, children: ${Math.round((1 - own) * 1e4) / 1e4} } }`,
    );
  });
}

function describeRule(rule: LevelRule): string {
  const by = typeof rule.rollup === "object" ? `by ${rule.rollup.weight}` : "by the mean";
  return `own ${rule.own}, children ${rule.children}, rolled up ${by}`;
}

/** The `extends` chain of a profile, or just the profile when its chain is broken (reported elsewhere). */
function safeChain(model: Model, name: string): string[] {
  try {
    return profileChain(model, name);
  } catch {
    return [name];
  }
}

/** Node `level`s and profile `levels` rules name levels of the model; each rule's own + children is 1. */
function checkLevels(model: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = (model.levels ?? []).map((l) => l.id);
  const known = (l: string): boolean => ids.includes(l);
  const list = ids.length > 0 ? ids.join(", ") : "none declared";
  for (const { node, path } of walkTree(model.tree))
    if (node.level !== undefined && !known(node.level))
      out.push(
        error("invalid_levels", `${path}.level`, `"${node.level}" is not a level of the model (${list})`),
      );
  for (const [name, profile] of Object.entries(model.profiles ?? {}))
    for (const [l, rule] of Object.entries(profile.levels ?? {})) {
      const path = appendKey(`${appendKey("profiles", name)}.levels`, l);
      if (!known(l)) out.push(error("invalid_levels", path, `"${l}" is not a level of the model (${list})`));
      if (Math.abs(rule.own + rule.children - 1) > BLEND_TOLERANCE)
        out.push(
          error("invalid_levels", path, `own + children must be 1, got ${rule.own} + ${rule.children}`),
        );
    }
  return out;
}
