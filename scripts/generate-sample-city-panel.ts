// Writes examples/governance/sample-city-panel.csv: the sample city's 331 communities over 2021-2025
// (see scripts/sample-city-panel.ts for how the values move). Deterministic: mulberry32 seeded with
// SAMPLE_CITY_PANEL_SEED = 20261203. Run: npx tsx scripts/generate-sample-city-panel.ts [seed]
// A test (test/panel/sample-city-panel.test.ts) checks that the committed file equals a fresh run.
import { writeFileSync } from "node:fs";
import { generateSampleCityPanel, SAMPLE_CITY_PANEL_SEED } from "./sample-city-panel.js";

const seed = process.argv[2] === undefined ? SAMPLE_CITY_PANEL_SEED : Number(process.argv[2]);
if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${process.argv[2]}`);
const csv = generateSampleCityPanel(seed);
writeFileSync(new URL("../examples/governance/sample-city-panel.csv", import.meta.url), csv);
process.stdout.write(
  `wrote examples/governance/sample-city-panel.csv (${csv.split("\n").length - 2} rows, seed ${seed})\n`,
);
