import { loadDuckDB } from "./src/duckdb.js";
import { readFileSync } from "node:fs";
const { DuckDBInstance } = await loadDuckDB();
const c = await (await DuckDBInstance.create(":memory:")).connect();
const r = await c.runAndReadAll(readFileSync(process.argv[2], "utf8"));
console.log(r.getRows());
