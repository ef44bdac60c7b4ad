/**
 * The model format as data: the zod 4 schemas a model file is checked against, and the constants
 * of the format (the JSON Schema's URL, the id pattern, the fields only indicators carry, the
 * functions formulas may call). `parseModel` and `validateModel` (from `indicatrix`) already apply
 * these schemas; import them to compose your own (`ModelSchema.extend(...)`, a form validator) or
 * to check a part of a model. The JSON Schema of the whole file is `modelJsonSchema()` (from
 * `indicatrix`), also shipped as `indicatrix/schema/model.schema.json`.
 *
 * @example
 * ```ts
 * import { NormalizeSpecSchema } from "indicatrix/schema";
 * NormalizeSpecSchema.safeParse("minmax").success; // => true
 * NormalizeSpecSchema.safeParse("min-max").success; // => false
 * ```
 * @module
 */

export { ID_PATTERN } from "./indicators/check/ids.js";
export { FORMULA_FUNCTIONS } from "./indicators/formula.js";
export { MODEL_SCHEMA_URL } from "./indicators/json-schema.js";
export {
  AggregateSpecSchema,
  AhpWeightSpecSchema,
  BaseWeightSpecSchema,
  DefaultsSchema,
  DirectionSchema,
  GradeSpecSchema,
  InputSchema,
  LocalizedTextSchema,
  MissingPolicySchema,
  ModelSchema,
  NodeRulesSchema,
  NodeSchema,
  NormalizeSpecSchema,
  ProfileSchema,
  TreatSpecSchema,
  WeightSpecSchema,
} from "./indicators/schema.js";
export { INDICATOR_FIELDS } from "./indicators/tree.js";
