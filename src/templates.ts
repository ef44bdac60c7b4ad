/**
 * Bundled models, ready to score or to start from: today the grassroots-governance indicator
 * system (60 indicators; normal and emergency profiles and three emergency scenarios), the model
 * `indicatrix init` writes.
 * Each template is a deeply frozen model input: pass it to `parseModel`, or copy it to edit.
 *
 * @example
 * ```ts
 * import { parseModel, profileNames } from "indicatrix";
 * import { grassrootsGovernance } from "indicatrix/templates";
 * profileNames(parseModel(grassrootsGovernance));
 * // => ["normal", "emergency", "public_health", "natural_disaster", "social_security"]
 * ```
 * @module
 */

export { grassrootsGovernance } from "./indicators/templates/index.js";
