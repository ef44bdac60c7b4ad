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
  // The analyses' worker thread is its own file: src/analysis/threads.ts starts dist/analysis-worker.js.
  entry: { ...library, cli: "src/cli/main.ts", "analysis-worker": "src/node/analysis-worker.ts" },
  format: ["esm"],
  target: "node20",
  dts: { entry: library },
  external: ["@duckdb/node-api"],
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
});
