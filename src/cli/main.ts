#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { IndicatrixError } from "../internal/errors.js";
import { analyzeCommand } from "./commands/analyze.js";
import { assessCommand } from "./commands/assess.js";
import { compareCommand } from "./commands/compare.js";
import { delphiCommand } from "./commands/delphi.js";
import { demoCommand } from "./commands/demo.js";
import { disparityCommand } from "./commands/disparity.js";
import { evaluateCommand } from "./commands/evaluate.js";
import { initCommand } from "./commands/init.js";
import { judgmentsCommand } from "./commands/judgments.js";
import { questionnaireCommand } from "./commands/questionnaire.js";
import { reportCommand } from "./commands/report.js";
import { schemaCommand } from "./commands/schema.js";
import { scoreCommand } from "./commands/score.js";
import { spatialCommand } from "./commands/spatial.js";
import { sqlCommand } from "./commands/sql.js";
import { trendsCommand } from "./commands/trends.js";
import { validateCommand } from "./commands/validate.js";
import { weightsCommand } from "./commands/weights.js";
import { type Io, packageVersion, UsageError } from "./context.js";
import { printable } from "./format.js";

type Command = (argv: string[], io: Io) => number | Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  validate: { run: validateCommand, summary: "check model files (JSON, YAML or a CSV table); for CI" },
  weights: {
    run: weightsCommand,
    summary: "print the tree with local and global weights and AHP consistency",
  },
  score: {
    run: scoreCommand,
    summary: "score a CSV of units; every unit out, with scores, ranks and roll-up",
  },
  trends: {
    run: trendsCommand,
    summary: "score a panel (units over periods) and write each unit's trends: CAGR, change, slope",
  },
  compare: {
    run: compareCommand,
    summary: "compare profiles (e.g. normal vs emergency): ranks, shifts, roll-up",
  },
  evaluate: {
    run: evaluateCommand,
    summary: "run TOPSIS, VIKOR, PROMETHEE or 11 more MCDM methods, grey, fuzzy, RSR over a model",
  },
  analyze: {
    run: analyzeCommand,
    summary: "uncertainty and sensitivity analysis of the ranking, with structure checks",
  },
  assess: {
    run: assessCommand,
    summary:
      "grade units (grades, step scores, bonus and penalty points, vetoes); counts per district and street",
  },
  disparity: {
    run: disparityCommand,
    summary: "Gini (Dagum decomposition), Theil, CV between districts or streets",
  },
  spatial: {
    run: spatialCommand,
    summary: "global and local Moran's I of the scores (knn, distance, contiguity weights)",
  },
  report: {
    run: reportCommand,
    summary: "write a self-contained HTML report (framework, ranking, roll-up, unit profile)",
  },
  sql: {
    run: sqlCommand,
    summary: "print the SQL query that scores a model in DuckDB, PostgreSQL, Spark or Trino",
  },
  delphi: {
    run: delphiCommand,
    summary: "Delphi rounds: expert agreement (Kendall's W), authority, screening, pruned model",
  },
  questionnaire: {
    run: questionnaireCommand,
    summary: "write the AHP expert questionnaire (.xlsx with drop-downs, .csv or printable .html)",
  },
  judgments: {
    run: judgmentsCommand,
    summary: "read filled AHP questionnaires: each expert's CR with repair advice, judgments into a profile",
  },
  init: { run: initCommand, summary: "write the governance template and sample data to start from" },
  demo: { run: demoCommand, summary: "run the bundled example (governance model on the sample city)" },
  schema: { run: schemaCommand, summary: "print the JSON Schema of the model file" },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return `indicatrix ${packageVersion()}: build, weight and score hierarchical indicator systems

Usage: indicatrix <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  .join("\n")}

Options:
  --version   print the version
  --help      print this help; "indicatrix <command> --help" for a command

Exit codes: 0 success, 1 invalid input (a model or data with errors), 2 usage error, unreadable file or unwritable output.
`;
}

/** Runs the CLI with arguments (without node and the script) and returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.out(help());
      return name === undefined ? 2 : 0;
    }
    if (name === "--version" || name === "-v") {
      io.out(`${packageVersion()}\n`);
      return 0;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`unknown command "${name}"; run "indicatrix --help" for the list`);
    return await command.run(rest, io);
  } catch (e) {
    if (
      e instanceof UsageError ||
      (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS"))
    ) {
      io.err(`indicatrix: ${printable(e.message)}\n`);
      return 2;
    }
    if (e instanceof IndicatrixError) {
      io.err(`indicatrix: ${printable(e.message)}\n`);
      for (const i of e.issues.slice(1, 20)) io.err(`  ${printable(i.where)}: ${printable(i.message)}\n`);
      if (e.issues.length > 20) io.err(`  ... and ${e.issues.length - 20} more\n`);
      return e.code === "unreadable_file" || e.code === "unwritable_file" || e.code === "file_too_large"
        ? 2
        : 1;
    }
    io.err(
      `indicatrix: internal error: ${printable((e as Error).message)}\nPlease report this with the command you ran.\n`,
    );
    return 70;
  }
}

const isEntry = (() => {
  try {
    return (
      process.argv[1] !== undefined &&
      realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))
    );
  } catch {
    return false;
  }
})();

if (isEntry) {
  // A closed pipe (indicatrix score ... | head) ends the output quietly, without a stack trace.
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(0);
      throw e;
    });
  const io: Io = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    outIsTTY: Boolean(process.stdout.isTTY),
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
