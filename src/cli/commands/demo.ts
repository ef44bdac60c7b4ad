import { parseArgs } from "node:util";
import { compareProfiles } from "../../analysis/compare-profiles.js";
import type { Io } from "../context.js";
import { loadData, loadModel } from "../load.js";
import { sampleDataPath, templatePath } from "../paths.js";
import { compareText } from "./compare.js";

export const demoHelp = `Usage: indicatrix demo [--top N]

Runs the bundled example: the grassroots-governance model on the sample city (331 communities under
31 streets and 5 districts), scored under the normal and emergency profiles: the ranked communities,
the biggest rank shifts between normal and emergency, and the roll-up to streets and districts.`;

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
  compareText(model, c, Number(values.top) || 10, io);
  io.out(`\nSame with your files: indicatrix compare <model> <data.csv> --profiles normal,emergency\n`);
  io.out(
    `As an HTML report (grades, disparity between districts, a map of the communities by their lon/lat):\n` +
      `  indicatrix report templates/grassroots-governance.json examples/governance/sample-city.csv -o report.html\n`,
  );
  return 0;
}
