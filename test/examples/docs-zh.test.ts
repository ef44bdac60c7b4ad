// The Chinese documentation (README.zh-CN.md, docs/zh/) stays in step with the English pages: the same
// code samples where a page is a translation, samples that parse and score, links that resolve.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { runCli } from "../cli/run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "indicatrix-docs-zh-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Fenced blocks in page order: [language, body]. */
const blocksOf = (page: string): [string, string][] =>
  [...page.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => [m[1] as string, m[2] as string]);

const PAGES = ["README.zh-CN.md", "docs/zh/getting-started.md", "docs/zh/model.md", "docs/zh/cli.md"];

describe("docs/zh/getting-started.md", () => {
  it("carries exactly the code blocks of docs/getting-started.md, which docs.test.ts runs (python3 scripts/zh-getting-started.py rewrites it)", () => {
    const en = blocksOf(readFileSync("docs/getting-started.md", "utf8"));
    const zh = blocksOf(readFileSync("docs/zh/getting-started.md", "utf8"));
    expect(zh).toEqual(en);
    expect(zh.length).toBeGreaterThan(10);
  });
});

describe("docs/zh/model.md", () => {
  it("its full model example (the first jsonc block) is a valid model with Chinese names", () => {
    const [, body] = blocksOf(readFileSync("docs/zh/model.md", "utf8")).find(([lang]) => lang === "jsonc")!;
    const model = parseModel(JSON.parse(body));
    expect(model.language).toBe("zh");
    expect(model.tree.children?.map((c) => (c.name as Record<string, string>).zh)).toEqual([
      "服务可及性",
      "服务质量",
    ]);
  });

  it("the expert judgments example is a valid AHP spec of two named experts", () => {
    const block = blocksOf(readFileSync("docs/zh/model.md", "utf8"))
      .map(([, b]) => b)
      .find((b) => b.includes('"experts"'))!;
    const spec = JSON.parse(`{${block}}`).governance;
    const model = parseModel({
      id: "m",
      tree: {
        id: "governance",
        children: [{ id: "subjects" }, { id: "process" }, { id: "path" }],
      },
      profiles: { p: { weights: { governance: spec } } },
    });
    const spec2 = model.profiles?.p?.weights?.governance as { experts: { name: string }[] } | undefined;
    const experts = spec2?.experts ?? [];
    expect(experts.map((e) => e.name)).toEqual(["专家A", "专家B"]);
  });
});

describe("README.zh-CN.md", () => {
  it("the ten-line sample runs and gives the scores and ranks its comments state", async () => {
    const [, code] = blocksOf(readFileSync("README.zh-CN.md", "utf8")).find(([lang]) => lang === "ts")!;
    const src = pathToFileURL(resolve("src")).href;
    const file = join(tmp, "readme-zh.ts");
    writeFileSync(
      file,
      `${code.replaceAll('from "indicatrix"', `from "${src}/index.ts"`)}\nexport { result };\n`,
    );
    const { result } = (await import(pathToFileURL(file).href)) as {
      result: { scores: Record<string, Float64Array>; ranks: Record<string, Uint32Array> };
    };
    // The comment's values: min-max by direction with AHP weights 0.75 / 0.25 (one judgment, 3):
    // a = 0.75 * (30-25)/(42-25) + 0.25 * (50-50)/(50-20) = 0.2206; b = 1; c = 0.25 * (50-35)/30 = 0.125.
    expect(Array.from(result.scores.index!).map((v) => Number(v.toFixed(4)))).toEqual([0.2206, 1, 0.125]);
    expect(Array.from(result.ranks.index!)).toEqual([2, 1, 3]);
  });
});

/** The `## ` sections of a page, in order: [heading, body up to the next `## ` heading]. */
const sectionsOf = (page: string): [string, string][] =>
  page
    .split(/^## /m)
    .slice(1)
    .map((s) => [s.slice(0, s.indexOf("\n")).trim(), s.slice(s.indexOf("\n") + 1)]);

/** The `--name` tokens of a text (`--no-csv-safe` is one token, not also `--csv-safe`). */
const optionsOf = (text: string): string[] => [
  ...new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z0-9-]*/g)].map((m) => m[0])),
];

/** A page without its fenced code blocks. */
const prose = (text: string): string => text.replace(/```[\s\S]*?```/g, "");

/** The `indicatrix ...` lines of the fenced sh blocks of a page. */
const exampleLines = (page: string): string[] =>
  blocksOf(page)
    .filter(([lang]) => lang === "sh")
    .flatMap(([, body]) => body.split("\n"))
    .map((l) => l.trim())
    .filter((l) => l.startsWith("indicatrix "));

describe("docs/zh/cli.md", () => {
  const en = readFileSync("docs/cli.md", "utf8");
  const zh = readFileSync("docs/zh/cli.md", "utf8");
  // The top-level help block (the page's first text block) lists the commands; a test of docs.test.ts
  // keeps it identical to `indicatrix --help`, and each command's section starts with its own help.
  const topHelp = blocksOf(en).find(([lang]) => lang === "text")![1];
  const commands = [...topHelp.matchAll(/^ {2}([a-z]+) {2,}/gm)].map((m) => m[1] as string);
  const enSections = new Map(sectionsOf(en));
  const zhSections = new Map(sectionsOf(zh));

  it("docs/zh/cli.md covers every command and option of docs/cli.md", () => {
    expect(commands.length).toBeGreaterThanOrEqual(15);
    // Every command of the top-level help has a section, in the order of docs/cli.md.
    const missingSections = commands.filter((c) => !zhSections.has(c));
    expect(missingSections, "commands without a section in docs/zh/cli.md").toEqual([]);
    const enOrder = [...enSections.keys()].filter((h) => commands.includes(h));
    const zhOrder = [...zhSections.keys()].filter((h) => commands.includes(h));
    expect(zhOrder).toEqual(enOrder);
    // Every option of a command's help block is explained in the command's Chinese section, outside
    // the code blocks: it starts a row of a table or an item of a list there (`| \`--top N\` | ...`,
    // `- \`--top N\`: ...`), so a mere mention in another option's text does not count. The result
    // maps each command to the options that have no such entry.
    const missing: Record<string, string[]> = {};
    let checked = 0;
    for (const c of commands) {
      const help = blocksOf(enSections.get(c) ?? "").find(([lang]) => lang === "text");
      expect(help, `docs/cli.md: ## ${c} has no help block`).toBeDefined();
      const entries = prose(zhSections.get(c) ?? "")
        .split("\n")
        .filter((l) => /^\s*(\||- )/.test(l))
        .map((l) => l.replace(/^\s*\|?\s*-?\s*/, "").split(/\s*\|/)[0] ?? "");
      const absent = optionsOf(help![1]).filter(
        (o) => !entries.some((e) => new RegExp(`^\`${o}(?![\\w-])`).test(e)),
      );
      checked += optionsOf(help![1]).length;
      if (absent.length > 0) missing[`## ${c}`] = absent;
    }
    expect(
      missing,
      "options of docs/cli.md without a table row or list item in the same section of docs/zh/cli.md",
    ).toEqual({});
    expect(checked).toBeGreaterThan(150);
    // The top-level options and the sections beside the commands.
    for (const o of optionsOf(topHelp)) expect(prose(zh), o).toContain(o);
    const others = [...zhSections.keys()].filter((h) => !commands.includes(h));
    expect(others).toEqual(["通用约定", "数据文件", "退出码"]);
  });

  it("its example command lines are those of docs/cli.md, which cli-examples.test.ts runs", () => {
    const enLines = new Set(exampleLines(en));
    const zhLines = exampleLines(zh);
    expect(zhLines.length).toBeGreaterThan(30);
    // `indicatrix demo --top 5` is the one line docs/cli.md does not have; the next test runs it.
    expect(zhLines.filter((l) => !enLines.has(l))).toEqual(["indicatrix demo --top 5"]);
  });

  it("indicatrix demo --top 5 runs", { timeout: 120_000 }, async () => {
    const r = await runCli("demo", "--top", "5");
    expect({ code: r.code, stderr: r.stderr.slice(0, 400) }).toMatchObject({ code: 0 });
    // --top 5 (the option the Chinese page documents, default 10) sets the length of the rankings.
    expect(r.stdout).toContain("Top 5 under normal");
  });

  it("does not paste the English --help blocks (it links to them)", () => {
    expect(zh).toContain("[English](../cli.md)");
    expect(zh).not.toContain("Usage: indicatrix");
  });
});

describe("links of the Chinese pages", () => {
  it.each(PAGES)("every relative link of %s points to a file that exists", (page) => {
    const text = readFileSync(page, "utf8");
    const links = [...text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)]
      .map((m) => m[1] as string)
      .filter((l) => !/^[a-z]+:/.test(l));
    expect(links.length).toBeGreaterThan(0);
    const broken = links.filter((l) => !existsSync(join(dirname(page), l)));
    expect(broken).toEqual([]);
  });
});
