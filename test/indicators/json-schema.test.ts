import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { modelJsonSchema } from "../../src/indicators/json-schema.js";
import { ModelSchema } from "../../src/indicators/schema.js";
import { loadFixtures } from "./fixtures.js";

const schema = modelJsonSchema();
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

const corpus = [
  ...loadFixtures("valid"),
  ...loadFixtures("schema-invalid"),
  ...loadFixtures("semantic-invalid"),
];

describe("modelJsonSchema", () => {
  it("is draft 2020-12 with the published $id", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe("https://unpkg.com/indicatrix/schema/model.schema.json");
  });

  it(`agrees with zod on all ${corpus.length} committed model fixtures (at least 30)`, () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    const disagreements = corpus
      .map(([name, input]) => ({ name, ajv: validate(input), zod: ModelSchema.safeParse(input).success }))
      .filter((r) => r.ajv !== r.zod);
    expect(disagreements).toEqual([]);
  });

  it("accepts the valid fixtures and rejects the schema-invalid ones (both validators)", () => {
    for (const [, input] of loadFixtures("valid")) expect(validate(input)).toBe(true);
    for (const [, input] of loadFixtures("schema-invalid")) expect(validate(input)).toBe(false);
  });

  it("rejects a typo such as wieght through additionalProperties: false", () => {
    const ok = validate({ id: "m", tree: { id: "r", wieght: 1, children: [{ id: "a" }] } });
    expect(ok).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === "additionalProperties")).toBe(true);
  });

  it("matches the committed schema/model.schema.json (regenerate with npm run build)", () => {
    const committed = JSON.parse(
      readFileSync(join(import.meta.dirname, "..", "..", "schema", "model.schema.json"), "utf8"),
    );
    expect(committed).toEqual(schema);
  });
});
