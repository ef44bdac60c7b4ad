import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", node: "src/node.ts", duckdb: "src/duckdb.ts", cli: "src/cli/main.ts" },
  format: ["esm"],
  target: "node20",
  dts: { entry: { index: "src/index.ts", node: "src/node.ts", duckdb: "src/duckdb.ts" } },
  external: ["@duckdb/node-api"],
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
});
