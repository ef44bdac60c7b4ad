// Writes docs/model-schema.md, the field-by-field reference of the model file, from the JSON Schema
// that modelJsonSchema() generates from the zod schema. A test (test/examples/docs.test.ts) fails
// when the file is not current: run `npx tsx scripts/gen-model-docs.ts` after changing the schema.
//
// Descriptions come from the schema (`.meta({ description })` in src/indicators/schema.ts); fields
// the schema does not describe take the short note of NOTES below.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { modelJsonSchema } from "../src/indicators/json-schema.js";
import { DEFINITION_DESCRIPTIONS } from "../src/indicators/schema-descriptions.js";
import { displayWidth, padDisplay } from "../src/internal/display-width.js";

type Schema = Record<string, unknown> & {
  type?: string;
  $ref?: string;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  items?: Schema | false;
  prefixItems?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | false;
  description?: string;
};

/** Notes for the variants (`Definition#method`) and array items the schema does not describe. */
const NOTES: Record<string, string> = {
  "AhpWeightSpec.experts[].name": "Who judged (display only).",
  "AhpWeightSpec.experts[].weight": "Relative weight of this expert; default 1.",
  "AhpWeightSpec.experts[].judgments": "This expert's judgments.",
  "AhpWeightSpec.experts[].matrix": "This expert's matrix (rows in `order`, or in child order).",
  "NormalizeSpec#string": "A method by name, with its default options.",
  "NormalizeSpec#minmax":
    "(x - min)/(max - min) onto `range`; `cost` picks the cost transform (default `reflect`).",
  "NormalizeSpec#goalposts":
    "(x - L)/(U - L) with fixed goalposts, clipped unless `clip: false`, onto `range`.",
  "NormalizeSpec#zscore": "(x - mean)/sd; `ddof` 1 (default, sample sd) or 0.",
  "NormalizeSpec#target": "Moderate indicator: distance to a target point or interval, onto `range`.",
  "NormalizeSpec#rank": "Rank (1 = lowest); `ties` `min` (default) or `average`.",
  "NormalizeSpec#percentile": "The other methods, without options.",
  "AggregateSpec#string": "A method by name, with its default options.",
  "AggregateSpec#arithmetic": "The methods without options, as objects.",
  "AggregateSpec#geometric":
    "Weighted geometric mean; `zero: error` (default) refuses a 0, `floor` raises values below `floor` (default 0.001) to it.",
  "AggregateSpec#power": "Weighted power mean with exponent `p` (1 arithmetic, 0 geometric, -1 harmonic).",
  "AggregateSpec#mazziotta-pareto": "Mazziotta-Pareto index; `penalty` `negative` (default) or `positive`.",
  'Direction#"benefit"': "Higher is better.",
  'Direction#"cost"': "Lower is better.",
  "Direction#target": "Best at a target point.",
  "Direction#range": "Best anywhere inside an interval [a, b].",
  "LocalizedText#string": "Text in one language.",
  "LocalizedText#object": "Text by language code.",
  'WeightSpec#"equal"': "Equal weights (also the default of a group without a spec).",
  "WeightSpec#equal": "Equal weights, as an object.",
  "WeightSpec#fixed": "Given weights, relative; re-normalized over the active children.",
  "WeightSpec#entropy":
    "Entropy weights of the children's normalized values; `shift` A adds A first (default 0).",
  "WeightSpec#critic": "CRITIC weights; `correlation` `1-r` (default) or `1-|r|`.",
  "WeightSpec#stddev": "Standard-deviation or coefficient-of-variation weights of the normalized values.",
  "WeightSpec#combine":
    "Combination of two or more specs by `rule`; `alpha` for linear (default 0.5), `subjective` = how many of `of` are subjective, for moment (default 1).",
  "WeightSpec#ahp": "AHP, see AhpWeightSpec.",
  "TreatSpec.winsorize#quantile":
    "Values beyond the `lower` (default 0.05) and `upper` (default 0.95) quantiles are set to them.",
  "TreatSpec.winsorize#skew-kurtosis":
    "COINr's rule: while |skew| >= `skew` (2) and kurtosis >= `kurtosis` (3.5), replace the most extreme value, at most `maxPoints` (5) times.",
};

const anchor = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
const code = (s: string) => `\`${s}\``;
const escapeCell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** A Markdown table with padded columns, as Biome's Markdown formatter writes it (wide characters count 2). */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, j) =>
    Math.max(displayWidth(h), 3, ...rows.map((r) => displayWidth(r[j] ?? ""))),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, j) => padDisplay(c, widths[j] as number)).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

function literal(v: unknown): string {
  return JSON.stringify(v);
}

function constraints(s: Schema): string {
  const parts: string[] = [];
  if (typeof s.minimum === "number") parts.push(`>= ${s.minimum}`);
  if (typeof s.exclusiveMinimum === "number") parts.push(`> ${s.exclusiveMinimum}`);
  if (typeof s.maximum === "number" && s.maximum < Number.MAX_SAFE_INTEGER) parts.push(`<= ${s.maximum}`);
  if (typeof s.minItems === "number" && !s.prefixItems) parts.push(`at least ${s.minItems}`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

/** A short TypeScript-like rendering of a schema; inline objects are queued as sub-definitions. */
function typeOf(s: Schema, name: string, queue: [string, Schema][]): string {
  if (s.$ref) {
    const ref = s.$ref.replace("#/$defs/", "");
    return `[${ref}](#${anchor(ref)})`;
  }
  if (s.anyOf) {
    if (s.anyOf.some((v) => v.type === "object" && v.properties)) {
      queue.push([name, s]);
      return `[${name}](#${anchor(name)})`;
    }
    return s.anyOf.map((v) => typeOf(v, name, queue)).join(" | ");
  }
  if (s.const !== undefined) return code(literal(s.const));
  if (s.enum) return s.enum.map((v) => code(literal(v))).join(" | ");
  if (s.type === "array") {
    if (s.prefixItems)
      return `[${s.prefixItems.map((p) => typeOf(p, name, queue).replace(/`/g, "")).join(", ")}]`;
    const items = s.items as Schema;
    const inner = typeOf(items, `${name}[]`, queue);
    if (items.type === "object" && items.properties) return `${inner}${constraints(s)}`;
    return items.anyOf && !inner.startsWith("[") ? `(${inner})[]` : `${inner}[]${constraints(s)}`;
  }
  if (s.type === "object") {
    if (s.properties) {
      queue.push([name, s]);
      return `[${name}](#${anchor(name)})`;
    }
    const value = s.additionalProperties ? typeOf(s.additionalProperties, `${name}{}`, queue) : "unknown";
    return `{ [key]: ${value} }`;
  }
  if (
    s.type === "integer" ||
    s.type === "number" ||
    s.type === "string" ||
    s.type === "boolean" ||
    s.type === "null"
  )
    return `${s.type}${constraints(s)}`;
  return "unknown";
}

function objectTable(name: string, s: Schema, queue: [string, Schema][]): string[] {
  const required = new Set(s.required ?? []);
  const rows: string[][] = [];
  for (const [field, f] of Object.entries(s.properties ?? {})) {
    const description = f.description ?? NOTES[`${name}.${field}`] ?? "";
    rows.push([
      code(field),
      escapeCell(typeOf(f, `${name}.${field}`, queue)),
      required.has(field) ? "yes" : "",
      escapeCell(description),
    ]);
  }
  const lines = table(["field", "type", "required", "description"], rows);
  if (s.additionalProperties === false) lines.push("", "No other field is allowed.");
  return lines;
}

function variantKey(v: Schema): string {
  if (v.$ref) return v.$ref.replace("#/$defs/", "");
  if (v.type === "string" && v.const !== undefined) return JSON.stringify(v.const);
  if (v.type === "string") return "string";
  if (v.type === "object" && !v.properties) return "object";
  const method = v.properties?.method ?? v.properties?.target ?? v.properties?.range;
  if (method?.const !== undefined) return String(method.const);
  if (method?.enum) return String(method.enum[0]);
  if (v.properties?.target) return "target";
  if (v.properties?.range) return "range";
  return "object";
}

function unionTable(name: string, s: Schema, queue: [string, Schema][]): string[] {
  const rows: string[][] = [];
  for (const v of s.anyOf ?? []) {
    const key = variantKey(v);
    const note = v.description ?? NOTES[`${name}#${key}`] ?? "";
    let form: string;
    let fields = "";
    if (v.type === "object" && v.properties) {
      const required = new Set(v.required ?? []);
      const entries = Object.entries(v.properties);
      form = `{ ${entries
        .filter(([f]) => f === "method")
        .map(([f, p]) => `${f}: ${typeOf(p, `${name}.${f}`, queue)}`)
        .join(
          ", ",
        )}${entries.some(([f]) => f !== "method") ? (entries.some(([f]) => f === "method") ? ", ... }" : "... }") : " }"}`;
      fields = entries
        .filter(([f]) => f !== "method")
        .map(
          ([f, p]) =>
            `${code(f)}${required.has(f) ? "" : "?"}: ${typeOf(p, `${name}.${f}`, queue)}${p.description ? ` (${p.description})` : ""}`,
        )
        .join("; ");
    } else form = typeOf(v, name, queue);
    rows.push([escapeCell(form), escapeCell(fields), escapeCell(note)]);
  }
  return ["One of:", "", ...table(["form", "fields", "description"], rows)];
}

/** The Markdown reference of the model file, one section per definition of the JSON Schema. */
export function modelSchemaMarkdown(): string {
  const schema = modelJsonSchema() as Schema & { $defs: Record<string, Schema> };
  const out: string[] = [
    "# Model file: schema reference",
    "",
    "<!-- Generated by scripts/gen-model-docs.ts from modelJsonSchema(); do not edit by hand. -->",
    "",
    "Every definition of the JSON Schema of the model file (`indicatrix schema`, or",
    `\`${String(schema.$id)}\`), field by field. The concepts, with examples, are in`,
    "[model.md](model.md); the semantic rules that the schema cannot express (unique ids, AHP",
    "consistency, profiles...) are checked by `checkModel` and listed there too. Every object is",
    'strict: a field not listed here (a typo such as `"wieght"`) is an error.',
    "",
    `Definitions: ${Object.keys(schema.$defs)
      .map((k) => `[${k}](#${anchor(k)})`)
      .join(", ")}.`,
  ];
  const queue: [string, Schema][] = [];
  const render = (name: string, s: Schema, level: string) => {
    out.push("", `${level} ${name}`, "");
    const intro = s.description ?? DEFINITION_DESCRIPTIONS[name];
    if (intro) out.push(intro, "");
    if (s.anyOf) out.push(...unionTable(name, s, queue));
    else if (s.type === "object" && s.properties) out.push(...objectTable(name, s, queue));
    else out.push(`Type: ${typeOf(s, name, queue)}`);
    while (queue.length > 0) {
      const [sub, subSchema] = queue.shift() as [string, Schema];
      render(sub, subSchema, "###");
    }
  };
  for (const [name, s] of Object.entries(schema.$defs)) render(name, s, "##");
  return `${out.join("\n")}\n`;
}

/** Where the reference is written. */
export const MODEL_SCHEMA_DOC = fileURLToPath(new URL("../docs/model-schema.md", import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(MODEL_SCHEMA_DOC, modelSchemaMarkdown());
}
