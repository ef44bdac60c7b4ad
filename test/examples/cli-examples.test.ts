// Every example command of docs/cli.md runs: each `indicatrix ...` line of a fenced sh block is run
// in-process (as the other CLI tests do) against the bundled files, and must exit 0. The generic file
// names of the page are mapped to bundled ones (FILES below); outputs (`--out`, `> file`) go to a
// temporary folder. Two files the repository does not have are made here: a copy of the sample city
// with x/y coordinates (the spatial examples need coordinates; the sample city has none) and the
// neighbours.json adjacency of that grid.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { runCli } from "../cli/run-cli.js";

const TEMPLATE = "templates/grassroots-governance.json";
const CITY = "examples/governance/sample-city.csv";
const PANEL = "examples/governance/sample-city-panel.csv";

const tmp = mkdtempSync(join(tmpdir(), "indicatrix-cli-examples-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// models/: the template as JSON and as YAML (the validate examples read a folder of model files).
const models = join(tmp, "models");
mkdirSync(models);
copyFileSync(TEMPLATE, join(models, "governance.json"));
writeFileSync(join(models, "governance.yaml"), stringify(JSON.parse(readFileSync(TEMPLATE, "utf8"))));
mkdirSync(join(tmp, "out"));
// The sample city's communities on a grid of 19 columns, in data order (x, y = column, row); the other
// units (streets, districts, the city) without coordinates. neighbours.json: rook neighbours on it.
const cityLines = readFileSync(CITY, "utf8").trimEnd().split("\n");
const cityXy = join(tmp, "city-xy.csv");
const neighbours = join(tmp, "neighbours.json");
{
  const cells = cityLines.map((l) => l.split(","));
  const communities = cells.filter((c) => c[2] === "community").map((c) => c[0] as string);
  const at = new Map(communities.map((u, k) => [u, k]));
  const xy = (u: string) => {
    const k = at.get(u);
    return k === undefined ? ["", ""] : [String(k % 19), String(Math.floor(k / 19))];
  };
  writeFileSync(
    cityXy,
    `${cityLines.map((l, r) => `${l},${r === 0 ? "x,y" : xy(cells[r]![0] as string).join(",")}`).join("\n")}\n`,
  );
  const adjacency: Record<string, string[]> = {};
  communities.forEach((u, k) => {
    const near = [k - 19, k + 19, ...(k % 19 > 0 ? [k - 1] : []), ...(k % 19 < 18 ? [k + 1] : [])];
    adjacency[u] = near.filter((j) => j >= 0 && j < communities.length).map((j) => communities[j] as string);
  });
  writeFileSync(neighbours, JSON.stringify(adjacency));
}

/** The page's generic file names, mapped to bundled files (per command where it differs). */
const FILES: Record<string, string> = {
  "model.json": TEMPLATE,
  "data.csv": CITY,
  "sample.csv": CITY,
  "panel.csv": PANEL,
};
/** delphi reads a draft model and rating rounds: the Delphi fixture (test/fixtures/delphi). */
const DELPHI: Record<string, string> = {
  "model.json": "test/fixtures/delphi/draft-model.json",
  "round1.csv": "test/fixtures/delphi/round1.csv",
  "round2.csv": "test/fixtures/delphi/round2.csv",
};

/** judgments reads filled questionnaires: the three experts' workbooks of examples/construction. */
const JUDGMENTS: Record<string, string> = { ...FILES, "model.json": "examples/construction/pruned.json" };
const EXPERTS = "examples/construction/experts";

/** spatial reads coordinates and an adjacency: the grid made above. */
const SPATIAL: Record<string, string> = { ...FILES, "data.csv": cityXy, "neighbours.json": neighbours };

/** The `indicatrix ...` lines of the fenced sh blocks of a Markdown page. */
function exampleLines(page: string): string[] {
  const lines: string[] = [];
  for (const m of page.matchAll(/^(`{3,})(?:sh|bash|shell)\n([\s\S]*?)^\1$/gm))
    for (const line of (m[2] as string).split("\n"))
      if (line.startsWith("indicatrix ")) lines.push(line.trim());
  return lines;
}

/** The argv of an example line: files mapped, globs expanded, outputs into the temporary folder. */
function argvOf(line: string): string[] {
  const words = line
    .replace(/\s+>\s*\S+$/, "")
    .split(/\s+/)
    .slice(1);
  const command = words[0];
  const files =
    command === "delphi"
      ? DELPHI
      : command === "spatial"
        ? SPATIAL
        : command === "judgments"
          ? JUDGMENTS
          : FILES;
  const argv: string[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as string;
    const previous = words[k - 1];
    if (previous === "--out") argv.push(join(tmp, w));
    else if (command === "init" && k === 1) argv.push(join(tmp, w === "." ? "here" : w));
    else if (w.startsWith("models/*")) {
      const ext = w.slice("models/*".length);
      argv.push(
        ...readdirSync(models)
          .filter((f) => f.endsWith(ext))
          .map((f) => join(models, f)),
      );
    } else if (w.startsWith("experts/*")) {
      const ext = w.slice("experts/*".length);
      argv.push(
        ...readdirSync(EXPERTS)
          .filter((f) => f.endsWith(ext))
          .map((f) => join(EXPERTS, f)),
      );
    } else argv.push(files[w] ?? w);
  }
  return argv;
}

const page = readFileSync("docs/cli.md", "utf8");
const lines = exampleLines(page);

describe("docs/cli.md examples", () => {
  it("finds the examples of every command section (more than 30 lines)", () => {
    expect(lines.length).toBeGreaterThan(30);
    for (const c of [
      "validate",
      "score",
      "compare",
      "evaluate",
      "analyze",
      "assess",
      "report",
      "sql",
      "delphi",
    ])
      expect(lines.some((l) => l.startsWith(`indicatrix ${c} `))).toBe(true);
  });

  it.each(lines)("%s", { timeout: 120_000 }, async (line) => {
    const r = await runCli(...argvOf(line));
    expect({ line, code: r.code, stderr: r.stderr.slice(0, 400) }).toMatchObject({ code: 0 });
  });
});
