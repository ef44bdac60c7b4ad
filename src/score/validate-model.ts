import type { Diagnostic } from "../indicators/check/diagnostic.js";
import { parseModel } from "../indicators/parse-model.js";
import type { Model } from "../indicators/schema.js";
import { IndicatrixError } from "../internal/errors.js";
import { checkModel } from "./check-model.js";

/**
 * Schema and semantic validation in one call, for CI and editors: never throws for any input.
 * `ok` is true when there is no error (warnings allowed).
 *
 * @example
 * ```ts
 * validateModel({ id: "m", tree: { id: "root", children: [{ id: "a" }] } });
 * // => { ok: true, issues: [], model: {...} }
 * validateModel({ id: "m" }).issues[0].where; // => "tree" (its path is ["tree"])
 * ```
 */
export function validateModel(input: unknown): { ok: boolean; issues: Diagnostic[]; model?: Model } {
  let model: Model;
  try {
    model = parseModel(input);
  } catch (e) {
    if (e instanceof IndicatrixError) return { ok: false, issues: e.issues };
    throw e;
  }
  const issues = checkModel(model);
  return { ok: !issues.some((i) => i.severity === "error"), issues, model };
}
