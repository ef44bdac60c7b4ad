import data from "../../../templates/grassroots-governance.json" with { type: "json" };
import type { ModelInput } from "../schema.js";

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The built-in grassroots social-governance model (党建引领下常态与应急双重目标的基层治理指标体系):
 * goal `governance` > 6 dimensions (`subjects`, `process`, `path`, `technology`, `performance`,
 * `evaluation`) > 25 criteria > 60 community indicators, 14 of them active only in emergencies, plus
 * the four-level chain (市—区—街道—社区): criteria S5 and P5 measured on the streets' own rows and P6 on
 * the districts' (`level`, active in the profiles `normal_levels` and `emergency_levels`, scored by
 * `scoreLevels`), and P7, a local typhoon set for coastal
 * communities (`appliesTo: { tag: "coastal" }`, profile `typhoon` only). It is the
 * project's draft system (its design is committed as test/fixtures/governance/design.json), itself
 * built on the Fujian CNDCA proposal for a Party-led
 * grassroots governance system with normal and emergency goals (China News Service Fujian,
 * 11 January); an illustration, not an official standard.
 *
 * Profiles: `normal` (level-1 AHP judgments, fixed criterion weights, equal weights among the
 * active indicators of a criterion), `emergency` (extends `normal`: its own AHP judgments and
 * criterion weights, and the 14 emergency-only indicators become active), and three scenario
 * overlays that extend `emergency`: `public_health`, `natural_disaster` and `social_security`
 * (five emphasized indicators each, local weight x 2 then re-normalized, plus illustrative
 * goalposts for the time to contain the event), then `typhoon` (natural_disaster with the coastal
 * set), `transition` (a 0.5 / 0.5 blend of normal and emergency, with level rules halfway between
 * theirs), and `normal_levels` and
 * `emergency_levels` (normal and emergency with the streets' and districts' own indicators and
 * their own / children rules; the other profiles score communities as before); the model's `states` map the
 * response levels I-IV and recovery to profiles (illustrative). Defaults: fixed goalposts with clipping,
 * weighted arithmetic mean, missing values skipped.
 *
 * The same model is shipped as `templates/grassroots-governance.json` (for the CLI and editors);
 * this object is that file, deeply frozen: copy it (`structuredClone`) before editing. Use it as a
 * starting point for a local system, or as a realistic fixture; build your own model from a
 * spreadsheet with `modelFromTable` instead.
 *
 * @example
 * ```ts
 * import { activeNodes, listIndicators, parseModel } from "indicatrix";
 * import { grassrootsGovernance } from "indicatrix/templates";
 * const model = parseModel(grassrootsGovernance);
 * listIndicators(model).length; // => 74 (60 community indicators, 14 of the four-level chain)
 * activeNodes(model, "normal").has("containment_hours"); // => false
 * activeNodes(model, "emergency").has("containment_hours"); // => true
 * ```
 */
export const grassrootsGovernance: ModelInput = deepFreeze(data as unknown as ModelInput);
