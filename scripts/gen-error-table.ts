// Writes the "Every code" table of docs/model.md from ERROR_CODES (src/internal/error-codes.ts), in its
// order, so that the two stay equal (test/internal/error-codes.test.ts checks it). Run after adding a code:
// npx tsx scripts/gen-error-table.ts
import { readFileSync, writeFileSync } from "node:fs";
import { ERROR_CODES } from "../src/internal/error-codes.js";

const FILE = "docs/model.md";
const rows = Object.entries(ERROR_CODES).map(([code, e]) => [
  `\`${code}\``,
  e.severity,
  e.text.replace(/\|/g, "\\|"),
]);
const head = ["code", "severity", "meaning"];
const width = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, k) => c.padEnd(width[k]!)).join(" | ")} |`;
const table = [line(head), `| ${width.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)];

const doc = readFileSync(FILE, "utf8").split("\n");
const section = doc.findIndex((l) => l.startsWith("### Every code"));
const start = doc.findIndex((l, i) => i > section && l.startsWith("| code"));
let end = start;
while (end < doc.length && doc[end]!.startsWith("|")) end++;
if (section < 0 || start < 0) throw new Error(`${FILE}: no "### Every code" table`);
doc.splice(start, end - start, ...table);
writeFileSync(FILE, doc.join("\n"));
console.log(`${FILE}: ${rows.length} codes`);
