import { parseArgs } from "node:util";
import { compareProfiles } from "../../analysis/compare-profiles.js";
import { readCsvFile } from "../../node/read-csv-file.js";
import { scorePanel } from "../../panel/score-panel.js";
import type { Io } from "../context.js";
import { loadData, loadModel } from "../load.js";
import { sampleDataPath, samplePanelPath, templatePath } from "../paths.js";
import { compareText } from "./compare.js";
import { trendText } from "./demo-trends.js";

export const demoHelp = `Usage: indicatrix demo [--top N]

Runs the bundled example: the grassroots-governance model on the sample city (331 communities under
31 streets and 5 districts), scored under the normal and emergency profiles: the ranked communities,
the biggest rank shifts between normal and emergency, and the roll-up to streets and districts; then the
same city over 2021-2025 (a typhoon in 2023 puts some districts in the emergency state): the districts'
scores per year on pooled bounds, the communities that improved and declined most, and the rank
correlation between consecutive years.`;

export function demoCommand(argv: string[], io: Io): number {
  const { values } = parseArgs({
    args: argv,
    options: { top: { type: "string", default: "10" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.out(`${demoHelp}\n`);
    return 0;
  }
  const model = loadModel(templatePath());
  const data = loadData(sampleDataPath(), model, {}, io);
  const c = compareProfiles(model, data, ["normal", "emergency"]);
  const top = Number(values.top) || 10;
  compareText(model, c, top, io);
  const panel = scorePanel(model, readCsvFile(samplePanelPath()), {
    period: "year",
    profile: { column: "state", default: "normal" },
  });
  trendText(model, panel, Math.min(top, 10), io, "examples/governance/sample-city-panel.csv");
  io.out(`\nSame with your files: indicatrix compare <model> <data.csv> --profiles normal,emergency\n`);
  io.out(
    `As an HTML report (grades, disparity between districts, a map of the communities by their lon/lat):\n` +
      `  indicatrix report templates/grassroots-governance.json examples/governance/sample-city.csv -o report.html\n`,
  );
  io.out(`Over time: indicatrix trends <model> <panel.csv> --period year --state state\n`);
  return 0;
}
