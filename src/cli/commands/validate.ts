import { parseArgs } from "node:util";
import { IndicatrixError, type Issue } from "../../internal/errors.js";
import { readModelFile } from "../../node/read-model-file.js";
import { validateModel } from "../../weighting/validate-model.js";
import { type Io, UsageError } from "../context.js";
import { printable } from "../format.js";

export const validateHelp = `Usage: indicatrix validate <model...> [--format text|json|github] [--strict]

Checks model files (JSON, YAML, or a CSV indicator table) against the schema and the semantic rules.
Exit 0 when every model is valid (warnings allowed), 1 when one has errors (or warnings with --strict),
2 for usage errors and unreadable files.

  --format text|json|github   text (default); one JSON document; GitHub Actions annotations
  --strict                    treat warnings as errors`;

interface FileResult {
  file: string;
  ok: boolean;
  readable: boolean;
  issues: Issue[];
}

export function validateCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "text" },
      strict: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(`${validateHelp}\n`);
    return 0;
  }
  const format = values.format as string;
  if (!["text", "json", "github"].includes(format))
    throw new UsageError(`--format must be text, json or github, got "${format}"`);
  if (positionals.length === 0) throw new UsageError("validate needs at least one model file");
  const results: FileResult[] = positionals.map((file) => {
    try {
      const { ok, issues } = validateModel(readModelFile(file));
      const strictOk = ok && !(values.strict && issues.length > 0);
      return { file, ok: strictOk, readable: true, issues };
    } catch (e) {
      if (!(e instanceof IndicatrixError)) throw e;
      const unreadable = e.code === "unreadable_file" || e.code === "file_too_large";
      return {
        file,
        ok: false,
        readable: !unreadable,
        issues: unreadable
          ? [{ code: e.code, severity: "error", path: [], where: "", message: e.message }]
          : e.issues,
      };
    }
  });
  if (format === "json")
    io.out(`${JSON.stringify({ ok: results.every((r) => r.ok), files: results }, null, 2)}\n`);
  for (const r of results) {
    if (format === "text") {
      if (!r.readable) io.err(`${printable(r.issues[0]?.message ?? "")}\n`);
      else if (r.issues.length === 0) io.out(`${printable(r.file)}: valid\n`);
      else {
        const errors = r.issues.filter((i) => i.severity === "error").length;
        io.out(`${printable(r.file)}: ${errors} error(s), ${r.issues.length - errors} warning(s)\n`);
        for (const i of r.issues)
          io.out(`  ${i.severity} ${i.code} at ${printable(i.where)}: ${printable(i.message)}\n`);
      }
    } else if (format === "github") {
      if (!r.readable) io.err(`${printable(r.issues[0]?.message ?? "")}\n`);
      for (const i of r.issues) {
        const level = i.severity === "error" || values.strict ? "error" : "warning";
        io.out(
          `::${level} file=${escapeProperty(r.file)},title=${escapeProperty(`indicatrix ${i.code}`)}::${escapeData(`${i.where}: ${i.message}`)}\n`,
        );
      }
    }
  }
  if (results.some((r) => !r.readable)) return 2;
  return results.every((r) => r.ok) ? 0 : 1;
}

function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
