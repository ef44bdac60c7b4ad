// The documentation stays true: the generated schema reference is current, and every code sample of
// docs/getting-started.md runs and prints what the page says it prints.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { modelSchemaMarkdown } from "../../scripts/gen-model-docs.js";
import { runCli } from "../cli/run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "indicatrix-docs-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("docs/model-schema.md", () => {
  it("is what scripts/gen-model-docs.ts generates from modelJsonSchema() (run it after a schema change)", () => {
    expect(readFileSync("docs/model-schema.md", "utf8")).toBe(modelSchemaMarkdown());
  });

  it("documents every field of every definition of the JSON Schema", () => {
    const doc = readFileSync("docs/model-schema.md", "utf8");
    for (const field of [
      "minCoverage",
      "multipliers",
      "experts",
      "aggregation",
      "threshold",
      "formula",
      "goalposts",
    ])
      expect(doc).toContain(`\`${field}\``);
    // no field of an object definition is left without a description
    const empty = doc
      .split("\n")
      .filter((l) => /^\| `[^`]+` +\|.*\|\s*\|$/.test(l) && !l.includes("`method`"));
    expect(empty).toEqual([]);
  });
});

describe("docs/getting-started.md", () => {
  const page = readFileSync("docs/getting-started.md", "utf8");
  /** Fenced blocks in page order: [language, body]. */
  const blocks = [...page.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => [m[1] as string, m[2] as string]);
  const project = join(tmp, "my-project");
  const rewrite = (text: string) => text.replaceAll("my-project/", `${project}/`);

  let printed: string[] = [];
  beforeEach(() => {
    printed = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      printed.push(
        args
          .map((a) =>
            typeof a === "string"
              ? a
              : (JSON.stringify(a) ?? "").replace(/^\[(.*)\]$/, "[ $1 ]").replace(/,/g, ", "),
          )
          .join(" "),
      );
    });
  });

  beforeAll(async () => {
    const init = await runCli("init", project);
    expect(init.code).toBe(0);
  });

  it("indicatrix init writes the template and the sample city (as the page shows)", () => {
    expect(readFileSync(join(project, "model.json"), "utf8")).toBe(
      readFileSync("templates/grassroots-governance.json", "utf8"),
    );
    expect(page).toContain("wrote my-project/model.json, my-project/data.csv and my-project/README.md");
  });

  it("indicatrix validate prints '<file>: valid'", async () => {
    const r = await runCli("validate", `${project}/model.json`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${project}/model.json: valid\n`);
    expect(page).toContain("my-project/model.json: valid");
  });

  it("indicatrix weights prints the lines the page shows", async () => {
    const r = await runCli("weights", `${project}/model.json`, "--profile", "emergency");
    expect(r.code).toBe(0);
    const shown = page.slice(page.indexOf("Model grassroots-governance, profile emergency"));
    const lines = shown.slice(0, shown.indexOf("...")).trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(4);
    expect(r.stdout.startsWith(`${lines.join("\n")}\n`)).toBe(true);
  });

  it("indicatrix score --out writes one row per unit of the data", async () => {
    const out = join(tmp, "scores.csv");
    const r = await runCli(
      "score",
      `${project}/model.json`,
      `${project}/data.csv`,
      "--profile",
      "emergency",
      "--out",
      out,
    );
    expect(r.code).toBe(0);
    const lines = readFileSync(out, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(1 + 1 + 5 + 31 + 331);
    expect(lines[0]).toMatch(/^unit,name,level,parent,status,reason,coverage,governance,/);
    expect(lines[0]).toContain("governance_rank");
  });

  it("indicatrix compare prints every line the page shows (up to the elisions)", async () => {
    const r = await runCli(
      "compare",
      `${project}/model.json`,
      `${project}/data.csv`,
      "--profiles",
      "normal,emergency",
      "--top",
      "5",
    );
    expect(r.code).toBe(0);
    const start = page.indexOf("Model grassroots-governance: 331 units");
    const shown = page.slice(start, page.indexOf("```", start));
    for (const line of shown.split("\n").filter((l) => l.trim() && l !== "..."))
      expect(r.stdout.split("\n"), line).toContain(line);
  });

  it("every TypeScript sample runs and prints the text block that follows it", async () => {
    const samples = blocks.flatMap(([lang, body], k) =>
      lang === "ts" && blocks[k + 1]?.[0] === "text" ? [[body, blocks[k + 1]?.[1] as string]] : [],
    );
    expect(samples.length).toBe(2);
    const src = pathToFileURL(resolve("src")).href;
    for (const [k, [code, expected]] of samples.entries()) {
      const file = join(tmp, `sample-${k}.ts`);
      mkdirSync(tmp, { recursive: true });
      writeFileSync(
        file,
        rewrite(code as string)
          .replaceAll('from "indicatrix/node"', `from "${src}/node.ts"`)
          .replaceAll('from "indicatrix"', `from "${src}/index.ts"`),
      );
      printed = [];
      await import(pathToFileURL(file).href);
      expect(printed.join("\n"), `sample ${k}`).toBe((expected as string).trimEnd());
    }
  });
});

describe("docs/cli.md", () => {
  const page = readFileSync("docs/cli.md", "utf8");

  it("quotes the --help text of every registered command verbatim", async () => {
    const top = await runCli("--help");
    const commands = [...top.stdout.matchAll(/^ {2}([a-z]+) {2,}/gm)].map((m) => m[1] as string);
    expect(commands.length).toBeGreaterThanOrEqual(10);
    for (const c of commands) {
      const r = await runCli(c, "--help");
      expect(r.code, c).toBe(0);
      expect(page, `indicatrix ${c} --help`).toContain(`## ${c}\n\n\`\`\`text\n${r.stdout}\`\`\``);
    }
    expect(page).toContain(top.stdout.trimEnd());
  });

  it("quotes the help of the sql command", async () => {
    const { sqlHelp } = await import("../../src/cli/commands/sql.js");
    expect(page).toContain(`\`\`\`text\n${sqlHelp}\n\`\`\``);
  });
});
