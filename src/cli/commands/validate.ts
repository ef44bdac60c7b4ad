import { extname } from "node:path";
import { parseArgs } from "node:util";
import { locateIssues } from "../../indicators/locate-issues.js";
import { IndicatrixError, type Issue } from "../../internal/errors.js";
import { MAX_MODEL_FILE_BYTES } from "../../internal/limits.js";
import { readTextFile } from "../../node/read-file.js";
import { readModelFile } from "../../node/read-model-file.js";
import { validateModel } from "../../score/validate-model.js";
import { type Io, UsageError } from "../context.js";
import { printable } from "../format.js";

export const validateHelp = `Usage: indicatrix validate <model...> [--format text|json|github] [--strict]

Checks model files (JSON, YAML, or an indicator table: CSV, or a workbook's first sheet) against the schema and the semantic rules.
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
      const value = readModelFile(file);
      const { ok, issues: found } = validateModel(value);
      // Line, column and node of each issue, from the text (a CSV table has no such positions).
      const issues =
        found.length > 0 && extname(file).toLowerCase() !== ".csv"
          ? locateIssues(readTextFile(file, MAX_MODEL_FILE_BYTES), value, found)
          : found;
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
          io.out(
            `  ${i.severity} ${i.code} at ${printable(i.where)}${printable(placeText(i))}: ${printable(i.message)}\n`,
          );
      }
    } else if (format === "github") {
      if (!r.readable) io.err(`${printable(r.issues[0]?.message ?? "")}\n`);
      for (const i of r.issues) {
        const level = i.severity === "error" || values.strict ? "error" : "warning";
        const pos =
          i.line === undefined ? "" : `,line=${i.line}${i.column === undefined ? "" : `,col=${i.column}`}`;
        const node = i.node === undefined ? "" : ` (node "${i.node}")`;
        // Never an empty "where" before the message: "::error ...::: text" reads as a broken annotation.
        const text = i.where ? `${i.where}${node}: ${i.message}` : i.message;
        io.out(
          `::${level} file=${escapeProperty(r.file)}${pos},title=${escapeProperty(`indicatrix ${i.code}`)}::${escapeData(text)}\n`,
        );
      }
    }
  }
  if (results.some((r) => !r.readable)) return 2;
  return results.every((r) => r.ok) ? 0 : 1;
}

/** ` (node "a", line 6, column 7)`: what of the node and the file position an issue knows. */
function placeText(i: Issue): string {
  const parts: string[] = [];
  if (i.node !== undefined && i.where !== "" && !i.where.startsWith("line ")) parts.push(`node "${i.node}"`);
  if (i.line !== undefined && !i.where.startsWith("line "))
    parts.push(`line ${i.line}${i.column === undefined ? "" : `, column ${i.column}`}`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
