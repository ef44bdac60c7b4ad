import { z } from "zod";
import { ModelSchema } from "./schema.js";
import { DEFINITION_DESCRIPTIONS, FIELD_DESCRIPTIONS } from "./schema-descriptions.js";

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
  describe(schema.$defs as Record<string, JsonObject> | undefined);
  return {
    $schema: schema.$schema,
    $id: MODEL_SCHEMA_URL,
    title: "indicatrix model",
    description:
      "An indicator tree with weighting profiles, for the indicatrix library (https://www.npmjs.com/package/indicatrix).",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}

type JsonObject = Record<string, unknown> & { description?: string; properties?: Record<string, JsonObject> };

/** Adds the descriptions of schema-descriptions.ts where the zod schema gives none. */
function describe(defs: Record<string, JsonObject> | undefined): void {
  for (const [name, def] of Object.entries(defs ?? {})) {
    const intro = Object.hasOwn(DEFINITION_DESCRIPTIONS, name) ? DEFINITION_DESCRIPTIONS[name] : undefined;
    if (def.description === undefined && intro) def.description = intro;
    for (const [field, prop] of Object.entries(def.properties ?? {})) {
      const key = `${name}.${field}`;
      if (prop.description === undefined && Object.hasOwn(FIELD_DESCRIPTIONS, key))
        prop.description = FIELD_DESCRIPTIONS[key];
    }
  }
}
