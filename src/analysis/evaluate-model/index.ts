import type { Model } from "../../indicators/schema.js";
import { fail } from "../../internal/errors.js";
import type { DatasetInput } from "../../score/dataset.js";
import { score } from "../../score/score.js";
import { arasOnModel } from "./aras.js";
import { cocosoOnModel } from "./cocoso.js";
import { codasOnModel } from "./codas.js";
import { coprasOnModel } from "./copras.js";
import { couplingOfDimensions, couplingOfProfiles } from "./coupling.js";
import { edasOnModel } from "./edas.js";
import { electre1OnModel } from "./electre1.js";
import { fuzzyOnModel } from "./fuzzy.js";
import { greyOnModel } from "./grey.js";
import { mabacOnModel } from "./mabac.js";
import { marcosOnModel } from "./marcos.js";
import { mooraOnModel } from "./moora.js";
import { multimooraOnModel } from "./multimoora.js";
import { obstacleOnModel } from "./obstacle.js";
import { prometheeOnModel } from "./promethee.js";
import { rsrOnModel } from "./rsr.js";
import { topsisOnModel } from "./topsis.js";
import { type EvaluateModelOptions, MODEL_EVALUATION_METHODS, type ModelEvaluation } from "./types.js";
import { vikorOnModel } from "./vikor.js";
import { waspasOnModel } from "./waspas.js";

export {
  type EvaluateModelCommon,
  type EvaluateModelOptions,
  type EvaluationRow,
  MODEL_EVALUATION_METHODS,
  type ModelEvaluation,
  type ModelEvaluationMethod,
} from "./types.js";

/**
 * Runs one of the evaluation methods of `src/evaluate` over a scored model: the profile is scored,
 * and the method reads the active indicators' normalized values (higher = better, so every column
 * is a benefit column) with their global leaf weights. `topsis`, `grey` (weighted grade), `fuzzy`
 * (memberships over grade breakpoints on the normalized scale), `rsr` (weighted RSR) rank the
 * units; `obstacle` gives each unit's obstacle degree per indicator and per top-level dimension
 * (the root's children); `coupling` measures the coupling coordination of the root's children as
 * subsystems, or of several profiles' root scores (`profiles: ["normal", "emergency"]`, the
 * 平急结合 measure); `vikor` (Q, lower is better, with the compromise set), `promethee` (net flow
 * φ; thresholds on the normalized scale), `edas`, `waspas`, `copras`, `mabac`, `marcos`, `moora`,
 * `multimoora`, `aras`, `cocoso`, `codas` and `electre1` (net outranking and kernel) rank the units
 * with the global weights. Use it to report a model-based TOPSIS or obstacle table; use the functions of
 * `src/evaluate` directly on a plain matrix.
 *
 * Row keys: `unit`, then the method's values (`score` and `rank` for the ranking methods; per
 * dimension and per indicator obstacle degrees in percent and `top`; `U_<subsystem>`, `C`, `T`, `D`,
 * `grade`, `band`, `band_zh` for coupling), listed in `columns`.
 *
 * Units with a missing criterion value are left out of the method (listed in `excluded`, their row
 * values null): the matrix methods need complete rows.
 *
 * References: see each method (Hwang & Yoon 1981; Deng 1982; Zadeh 1965; Tian 1988; Wang et al. 2021;
 * Opricovic & Tzeng 2004; Brans & Vincke 1985; Keshavarz Ghorabaee et al. 2015; Zavadskas et al.
 * 2012, 1994; Pamučar & Ćirović 2015).
 *
 * @throws IndicatrixError `invalid_option` (unknown method, fewer than 2 profiles for coupling,
 *   fuzzy breakpoints that cannot be defaulted), `no_complete_units`, the errors of `score()`, and
 *   the method's own errors (e.g. `value_out_of_range` when obstacle or coupling values are not in [0, 1]).
 * @example
 * ```ts
 * const ev = evaluateModel(model, rows, { profile: "normal", method: "topsis" });
 * ev.rows[0]; // => { unit: "c001", score: 0.61, rank: 12, dPlus: 0.04, dMinus: 0.07 }
 * evaluateModel(model, rows, { method: "coupling", profiles: ["normal", "emergency"] }).rows[0];
 * // => { unit: "c001", U_normal: 0.80, U_emergency: 0.85, C: 0.99, T: 0.83, D: 0.91, grade: 10, band: "high-quality coordination", band_zh: "优质协调" }
 * ```
 */
export function evaluateModel(model: Model, data: DatasetInput, opts: EvaluateModelOptions): ModelEvaluation {
  const method: unknown = (opts as { method?: unknown } | null)?.method;
  if (typeof opts !== "object" || !MODEL_EVALUATION_METHODS.some((m) => m === method))
    fail(
      "invalid_option",
      "opts.method",
      `expected one of ${MODEL_EVALUATION_METHODS.join(", ")}, got ${JSON.stringify(method)}`,
    );
  if (opts.method === "coupling" && opts.profiles !== undefined) return couplingOfProfiles(model, data, opts);
  const result = score(model, data, opts.profile !== undefined ? { profile: opts.profile } : {});
  const head = { method: opts.method, profile: result.profile, units: result.units };
  switch (opts.method) {
    case "topsis":
      return topsisOnModel(head, result, opts);
    case "grey":
      return greyOnModel(head, result, opts);
    case "fuzzy":
      return fuzzyOnModel(head, result, opts);
    case "rsr":
      return rsrOnModel(head, result, opts);
    case "obstacle":
      return obstacleOnModel(head, result, opts);
    case "coupling":
      return couplingOfDimensions(head, result, opts);
    // issue 17, group B
    case "marcos":
      return marcosOnModel(head, result, opts);
    case "moora":
      return mooraOnModel(head, result, opts);
    case "multimoora":
      return multimooraOnModel(head, result, opts);
    case "aras":
      return arasOnModel(head, result, opts);
    case "cocoso":
      return cocosoOnModel(head, result, opts);
    case "codas":
      return codasOnModel(head, result, opts);
    case "electre1":
      return electre1OnModel(head, result, opts);
    case "vikor":
      return vikorOnModel(head, result, opts);
    case "promethee":
      return prometheeOnModel(head, result, opts);
    case "edas":
      return edasOnModel(head, result, opts);
    case "waspas":
      return waspasOnModel(head, result, opts);
    case "copras":
      return coprasOnModel(head, result, opts);
    case "mabac":
      return mabacOnModel(head, result, opts);
  }
}

/**
 * `evaluate(model, data, { profile, method })`: the evaluation methods (TOPSIS, grey relational, fuzzy,
 * RSR, obstacle degree, coupling) run over a scored model; the same function as {@link evaluateModel}.
 * @deprecated An alias kept for 0.1 code: call {@link evaluateModel}, the one name for it.
 */
export const evaluate: typeof evaluateModel = evaluateModel;
