import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { guardSignals, writeFileAtomic } from "../../node/write-file-atomic.js";
import { type Io, UsageError } from "../context.js";
import { sampleDataPath, templatePath } from "../paths.js";

export const initHelp = `Usage: indicatrix init [dir] [--force]

Writes the grassroots-governance template (model.json) and the sample city data (data.csv) into dir
(default: indicatrix-project), ready to edit. Refuses to overwrite files unless --force.`;

export function initCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { force: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.out(`${initHelp}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError("init takes at most one directory");
  const dir = positionals[0] ?? "indicatrix-project";
  const files = {
    model: join(dir, "model.json"),
    data: join(dir, "data.csv"),
    readme: join(dir, "README.md"),
  };
  if (!values.force)
    for (const f of Object.values(files))
      if (existsSync(f)) throw new UsageError(`${f} exists; use --force to overwrite`);
  // Atomic writes: an unwritable place is `unwritable_file` naming the file (exit 2), never a stack trace.
  guardSignals();
  writeFileAtomic(files.model, readFileSync(templatePath(), "utf8"));
  writeFileAtomic(files.data, readFileSync(sampleDataPath(), "utf8"));
  writeFileAtomic(
    files.readme,
    `# My indicator system

Made with \`indicatrix init\`: \`model.json\` is the grassroots-governance indicator system (six dimensions,
25 criteria, 60 indicators; profiles normal, emergency and three emergency scenarios) and \`data.csv\` a
generated sample city. Edit both, then:

    npx indicatrix validate model.json
    npx indicatrix weights model.json --profile emergency
    npx indicatrix score model.json data.csv --profile normal --out scores.csv
    npx indicatrix compare model.json data.csv --profiles normal,emergency
`,
  );
  io.out(
    `wrote ${files.model}, ${files.data} and ${files.readme}\nnext: npx indicatrix validate ${files.model}\n`,
  );
  return 0;
}
