import { defineConfig } from "tsup";

/** The library's entry points (package.json `exports`), each with its declaration file. */
const library = {
  index: "src/index.ts",
  node: "src/node.ts",
  duckdb: "src/duckdb.ts",
  schema: "src/schema.ts",
  templates: "src/templates.ts",
};

export default defineConfig({
  entry: { ...library, cli: "src/cli/main.ts" },
  format: ["esm"],
  target: "node20",
  dts: { entry: library },
  external: ["@duckdb/node-api"],
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
});
