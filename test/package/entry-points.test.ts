// The public surface is reviewable (STYLE.md practices 2 and 9, issue 12 item 6): every entry point
// of package.json is built by tsup and documented by typedoc, each name has one home, the root
// holds the functions and their types, and the zod schemas, templates and limits live where the
// docs say.
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import tsup from "../../tsup.config.js";

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  exports: Record<string, string | Record<string, string>>;
};
const typedoc = JSON.parse(readFileSync("typedoc.json", "utf8")) as { entryPoints: string[] };

/** The code entry points of package.json (JSON files aside): subpath -> source file. */
const ENTRIES: Record<string, string> = {
  ".": "src/index.ts",
  "./node": "src/node.ts",
  "./duckdb": "src/duckdb.ts",
  "./schema": "src/schema.ts",
  "./templates": "src/templates.ts",
};

/** Names exported by each entry file, values and types, as the TypeScript checker sees them. */
function exportedNames(): Record<string, { values: string[]; types: string[] }> {
  const files = Object.values(ENTRIES);
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const out: Record<string, { values: string[]; types: string[] }> = {};
  for (const file of files) {
    const source = program.getSourceFile(file);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`no module symbol for ${file}`);
    const names = { values: [] as string[], types: [] as string[] };
    for (const e of checker.getExportsOfModule(module)) {
      const target = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
      (target.flags & ts.SymbolFlags.Value ? names.values : names.types).push(e.name);
    }
    out[file] = names;
  }
  return out;
}

const names = exportedNames();

describe("package.json exports", () => {
  it("lists exactly the five code entry points plus the JSON Schema and package.json", () => {
    expect(Object.keys(pkg.exports).sort()).toEqual(
      [...Object.keys(ENTRIES), "./schema/model.schema.json", "./package.json"].sort(),
    );
    expect(pkg.exports["./schema/model.schema.json"]).toBe("./schema/model.schema.json");
  });

  it("gives every entry point `types` first, then `default`, pointing at dist/<name>.d.ts and .js", () => {
    for (const [subpath, file] of Object.entries(ENTRIES)) {
      const name = file.replace(/^src\//, "").replace(/\.ts$/, "");
      expect(pkg.exports[subpath], subpath).toEqual({
        types: `./dist/${name}.d.ts`,
        default: `./dist/${name}.js`,
      });
      expect(Object.keys(pkg.exports[subpath] as object), subpath).toEqual(["types", "default"]);
    }
  });

  it("every entry point is built with its declarations by tsup and documented by typedoc", () => {
    const config = tsup as { entry: Record<string, string>; dts: { entry: Record<string, string> } };
    for (const file of Object.values(ENTRIES)) {
      const name = file.replace(/^src\//, "").replace(/\.ts$/, "");
      expect(config.entry[name], file).toBe(file);
      expect(config.dts.entry[name], file).toBe(file);
      expect(typedoc.entryPoints, file).toContain(file);
    }
  });
});

describe("the public names", () => {
  it("each name has one home: no value or type is exported by two entry points", () => {
    const home = new Map<string, string>();
    const twice: string[] = [];
    for (const [file, { values, types }] of Object.entries(names))
      for (const n of [...values, ...types]) {
        const first = home.get(n);
        if (first) twice.push(`${n}: ${first} and ${file}`);
        else home.set(n, file);
      }
    expect(twice).toEqual([]);
  });

  it("the root exports no zod schema, no MAX_* constant and no template (they moved in 0.2.0)", async () => {
    const root = await import("../../src/index.js");
    const misplaced = Object.entries(root).filter(
      ([n, v]) => v instanceof z.ZodType || /^MAX_/.test(n) || n === "grassrootsGovernance",
    );
    expect(misplaced.map(([n]) => n)).toEqual([]);
    expect(names["src/index.ts"]?.values).toEqual(
      expect.arrayContaining(["LIMITS", "modelJsonSchema", "parseModel", "score"]),
    );
  });

  it("indicatrix/schema exports the 16 zod schemas and the 4 constants of the format, nothing else", async () => {
    const schema = await import("../../src/schema.js");
    const zod = Object.entries(schema).filter(([, v]) => v instanceof z.ZodType);
    expect(zod.map(([n]) => n).sort()).toEqual([
      "AggregateSpecSchema",
      "AhpWeightSpecSchema",
      "BaseWeightSpecSchema",
      "DefaultsSchema",
      "DirectionSchema",
      "GradeSpecSchema",
      "InputSchema",
      "LocalizedTextSchema",
      "MissingPolicySchema",
      "ModelSchema",
      "NodeRulesSchema",
      "NodeSchema",
      "NormalizeSpecSchema",
      "ProfileSchema",
      "TreatSpecSchema",
      "WeightSpecSchema",
    ]);
    expect(
      Object.keys(schema)
        .filter((n) => !n.endsWith("Schema"))
        .sort(),
    ).toEqual(["FORMULA_FUNCTIONS", "ID_PATTERN", "INDICATOR_FIELDS", "MODEL_SCHEMA_URL"]);
    expect(names["src/schema.ts"]?.types).toEqual([]);
  });

  it("indicatrix/schema's ModelSchema is the schema parseModel applies (a typo'd field fails both)", async () => {
    const { ModelSchema } = await import("../../src/schema.js");
    const { parseModel } = await import("../../src/index.js");
    const model = { id: "m", tree: { id: "r", children: [{ id: "a", wieght: 1 }] } };
    expect(ModelSchema.safeParse(model).success).toBe(false);
    expect(() => parseModel(model)).toThrow(expect.objectContaining({ code: "invalid_model" }));
  });

  it("indicatrix/templates exports grassrootsGovernance, which parseModel accepts (74 indicators: 60 community ones and the 14 of the four-level chain)", async () => {
    const { grassrootsGovernance } = await import("../../src/templates.js");
    const { listIndicators, parseModel } = await import("../../src/index.js");
    expect(names["src/templates.ts"]).toEqual({ values: ["grassrootsGovernance"], types: [] });
    expect(listIndicators(parseModel(grassrootsGovernance))).toHaveLength(74);
  });

  it("indicatrix/node exports the file helpers and the signal guard of the atomic writer only (size limits are in LIMITS)", () => {
    expect(names["src/node.ts"]?.values.sort()).toEqual([
      "ahpQuestionnaireXlsx",
      "guardSignals",
      "readCsvColumns",
      "readCsvFile",
      "readCsvText",
      "readFilledQuestionnaire",
      "readModelFile",
      "readXlsxColumns",
      "readXlsxRows",
      "readXlsxSheetNames",
      "writeChunksAtomic",
      "writeFileAtomic",
      "xlsxBytes",
    ]);
  });

  it("evaluate is kept at the root as an alias of evaluateModel (the same function), to be removed later", async () => {
    const root = await import("../../src/index.js");
    expect(root.evaluate).toBe(root.evaluateModel);
  });
});
