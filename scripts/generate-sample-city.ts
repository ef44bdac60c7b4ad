// Writes examples/governance/sample-city.csv: a synthetic city (1 city, 5 districts, 30-35 streets,
// 300-400 communities) with values of the 60 community indicators of templates/grassroots-governance.json
// and, in the last columns, the state, coastal and four-level chain columns (issue 14; seed + 14).
// Deterministic: mulberry32 seeded with SAMPLE_CITY_SEED = 20260111 (see scripts/sample-city.ts for
// how the values are drawn). Run: npx tsx scripts/generate-sample-city.ts [seed] [--no-coordinates]
// The committed file has the seeded lon/lat columns (their own random stream, so every other cell is
// the same as without them); --no-coordinates leaves them out.
// A test (test/templates/sample-city.test.ts) checks that the committed file equals a fresh run.
import { mkdirSync, writeFileSync } from "node:fs";
import { generateSampleCity, SAMPLE_CITY_SEED } from "./sample-city.js";

const args = process.argv.slice(2).filter((a) => a !== "--no-coordinates");
const coordinates = !process.argv.includes("--no-coordinates");
const seed = args[0] === undefined ? SAMPLE_CITY_SEED : Number(args[0]);
if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${args[0]}`);
const dir = new URL("../examples/governance/", import.meta.url);
mkdirSync(dir, { recursive: true });
const csv = generateSampleCity(seed, { coordinates });
writeFileSync(new URL("sample-city.csv", dir), csv);
process.stdout.write(
  `wrote examples/governance/sample-city.csv (${csv.split("\n").length - 2} units, seed ${seed})\n`,
);
