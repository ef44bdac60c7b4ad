import { z } from "zod";
import { ModelSchema } from "./schema.js";

/** Where the published JSON Schema of the model file lives. */
export const MODEL_SCHEMA_URL = "https://unpkg.com/indicatrix/schema/model.schema.json";

/**
 * The JSON Schema (draft 2020-12) of the model file, generated from the zod schema so that the two
 * cannot disagree. Editors use it for completion (`"$schema"` in a model file) and other languages
 * validate model files with it (the package ships it as `indicatrix/schema/model.schema.json`).
 * Semantic rules (unique ids, AHP consistency, ...) are not in it: run `indicatrix validate` for those.
 *
 * @example
 * ```ts
 * const schema = modelJsonSchema();
 * schema.$schema; // => "https://json-schema.org/draft/2020-12/schema"
 * ```
 */
export function modelJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ModelSchema, { io: "input", target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
  return {
    $schema: schema.$schema,
    $id: MODEL_SCHEMA_URL,
    title: "indicatrix model",
    description:
      "An indicator tree with weighting profiles, for the indicatrix library (https://www.npmjs.com/package/indicatrix).",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}
