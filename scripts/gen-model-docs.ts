// Writes docs/model-schema.md, the field-by-field reference of the model file, from the JSON Schema
// that modelJsonSchema() generates from the zod schema. A test (test/examples/docs.test.ts) fails
// when the file is not current: run `npx tsx scripts/gen-model-docs.ts` after changing the schema.
//
// Descriptions come from the schema (`.meta({ description })` in src/indicators/schema.ts); fields
// the schema does not describe take the short note of NOTES below.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { modelJsonSchema } from "../src/indicators/json-schema.js";

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

/** Introductions of the definitions that the schema does not describe. */
const DEF_NOTES: Record<string, string> = {
  Model: "The model file: an indicator tree, defaults and profiles.",
  Input: "A raw data column that formulas may use (not itself scored).",
  Node: "A node of the indicator tree: a group (with `children`) or an indicator (a leaf, without `children`). The indicator fields (`unit`, `direction`, `goalposts`, `normalize`, `treat`, `formula`) are refused on groups.",
  AggregateSpec:
    "How a group's children are combined into its score (methods: docs/methods.md, aggregation).",
  NormalizeSpec:
    "How an indicator is put on a common scale on which higher is better (methods: docs/methods.md, normalization).",
  TreatSpec: "Outlier treatment applied to an indicator before normalization.",
  Defaults: "Model-wide settings; a profile's `defaults` override them.",
  Profile: "A named weighting of the tree (`normal`, `emergency`, ...), optionally extending another.",
  WeightSpec: "How a group's children are weighted in a profile (methods: docs/methods.md, weighting).",
  AhpWeightSpec: "AHP weights from pairwise judgments, a matrix, or several experts.",
  BaseWeightSpec:
    'A weight spec that `combine` can combine: every WeightSpec except `combine` itself and the bare string `"equal"`.',
  "AhpWeightSpec.experts[]": "One expert of a group AHP: judgments or a matrix, and a weight.",
};

/** Notes for the fields (`Definition.field`) and variants (`Definition#method`) the schema does not describe. */
const NOTES: Record<string, string> = {
  "Model.$schema": "URL of this JSON Schema, for editor completion and validation.",
  "Model.id": "Identifier of the model.",
  "Model.name": "Display name.",
  "Model.description": "What the model measures.",
  "Model.version": "Version of the model itself (free text, e.g. `1.0.0`).",
  "Model.inputs": "Raw data columns that formulas may read without being scored themselves.",
  "Model.tree": "The indicator tree: its root is a group.",
  "Model.defaults": "Model-wide normalization, aggregation, missing-value policy, coverage and treatment.",
  "Model.profiles":
    'Named weightings of the tree (e.g. `normal`, `emergency`); the first is the default. Without profiles the model has one implicit profile, `"default"`, with equal weights.',
  "Input.id": "Identifier (same rules as node ids); must not be the id of a tree node.",
  "Input.name": "Display name.",
  "Input.unit": "Unit of measurement (display only).",
  "Input.description": "What the column holds.",
  "Node.id": "Identifier, `^[A-Za-z][A-Za-z0-9_]*$`, unique in the model; formulas and profiles refer to it.",
  "Node.code": 'Free display code, e.g. `"S1.1"`.',
  "Node.name": "Display name.",
  "Node.description": "What the node measures.",
  "Node.children": "Child nodes. A node with children is a group; a node without is an indicator (a leaf).",
  "Node.aggregate": "Group: how its children are combined (overrides `defaults.aggregate`).",
  "Node.unit": "Indicator: unit of measurement (display only).",
  "Node.direction": "Indicator: which values are better; default `benefit`.",
  "Node.goalposts":
    "Indicator: fixed bounds [low, high] (low < high) for `goalposts` normalization; also the bounds of the `target` method.",
  "Node.normalize": "Indicator: its normalization (overrides `defaults.normalize`).",
  "Node.treat": "Indicator: its outlier treatment (overrides `defaults.treat`).",
  "Node.formula":
    "Indicator: derive its value from other indicators and `inputs` (arithmetic, see docs/model.md).",
  "Node.profiles":
    "Active only in these profiles and in the profiles that extend them (e.g. emergency-only indicators).",
  "Node.source": "Where the data come from (display only).",
  "Node.tags": "Free labels.",
  "Defaults.normalize": 'Normalization of every indicator without its own; default `"minmax"`.',
  "Defaults.aggregate": 'Aggregation of every group without its own; default `"arithmetic"`.',
  "Defaults.missing": 'Missing-value policy; default `"skip"`.',
  "Defaults.minCoverage":
    "Minimum share of a group's children (counted) that must be present for the group to get a score; default 0.",
  "Defaults.treat": "Outlier treatment of every indicator without its own; default none.",
  "Profile.extends": "Name of the profile this one builds on: it inherits everything it does not set.",
  "Profile.name": "Display name.",
  "Profile.description": "When to use the profile.",
  "Profile.weights": "Group id -> how its children are weighted. Groups without a spec get equal weights.",
  "Profile.aggregate": "Group id -> aggregation in this profile (overrides the node's own).",
  "Profile.defaults": "Defaults for this profile (override the model's).",
  "TreatSpec.winsorize": "Winsorization before normalization.",
  "TreatSpec.log": "Log transform: `ln`, `log10` (positive values), or COINr's `log-ct`.",
  "AhpWeightSpec.method": "",
  "AhpWeightSpec.judgments":
    "Pairwise judgments of the children (need not be complete: Harker's method fills gaps).",
  "AhpWeightSpec.matrix": "A full (or partial, with `null`) reciprocal matrix instead of judgments.",
  "AhpWeightSpec.experts": "Several experts' judgments or matrices, aggregated by `aggregation`.",
  "AhpWeightSpec.aggregation":
    "Group AHP: `aij` (default; geometric mean of the judgments) or `aip` (mean of each expert's priorities).",
  "AhpWeightSpec.priority": "Priority method; default `eigenvector`.",
  "AhpWeightSpec.ri": "Random-index table: `saaty` (default), `cn1000`, or your own values for n = 1, 2, ...",
  "AhpWeightSpec.threshold": "Consistency threshold: consistent iff CR < threshold; default 0.10.",
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

/** A Markdown table with padded columns, as Biome's Markdown formatter writes it. */
function table(header: string[], rows: string[][]): string[] {
  const width = (s: string) => [...s].length;
  const widths = header.map((h, j) => Math.max(width(h), 3, ...rows.map((r) => width(r[j] ?? ""))));
  const line = (cells: string[]) =>
    `| ${cells.map((c, j) => c + " ".repeat((widths[j] as number) - width(c))).join(" | ")} |`;
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
    const intro = s.description ?? DEF_NOTES[name];
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
