import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { score } from "../../src/score/score.js";
import { runCli } from "./run-cli.js";

const MODEL = "templates/grassroots-governance.json";
const DATA = "examples/governance/sample-city.csv";
const rows = parse(readFileSync(DATA), { columns: true }) as Record<string, string>[];
const model = parseModel(readFileSync(MODEL, "utf8"));

describe("indicatrix assess", () => {
  it("prints the cut points, the grade counts, the vetoed units and the counts per district and street", async () => {
    const r = await runCli("assess", MODEL, DATA, "--profile", "assessment");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("fixed cut points 0.6, 0.7, 0.8 (lower-closed, 4 decimals)");
    const result = score(model, rows, { profile: "assessment" });
    const g = result.grades.governance!;
    // The text's grade table holds the counts of the result, best grade first.
    for (const [k, name] of g.names.entries()) {
      const n = [...g.grade].filter((x) => x === k).length;
      expect(r.stdout).toMatch(new RegExp(`\\n${name}\\s+${n}\\n`));
    }
    expect(r.stdout).toContain(`Vetoes (16; grade forced for 16)`);
    expect(r.stdout).toContain("major_accident: 发生重大安全事故，一票否决");
    // One row per district and street (5 districts; the streets of the file) plus the city.
    const parents = rows.filter((x) => x.level !== "community").length;
    const section = r.stdout.slice(r.stdout.indexOf("Grade counts per unit above"));
    expect(section.trim().split("\n").length).toBe(parents + 2);
    expect(section).toMatch(/\nd1\s+district/);
  });

  it("--format csv writes one row per unit with the grade before and after the veto; --grades jenks:3 regrades", async () => {
    const r = await runCli("assess", MODEL, DATA, "--profile", "assessment", "--format", "csv");
    const out = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(out.length).toBe(rows.filter((x) => x.level === "community").length);
    const vetoed = out.filter((x) => x.veto === "major_accident");
    expect(vetoed.length).toBe(16);
    for (const v of vetoed) expect(v.grade).toBe("差");
    const j = await runCli(
      "assess",
      MODEL,
      DATA,
      "--grades",
      "jenks:3",
      "--labels",
      "low,mid,high",
      "--format",
      "json",
    );
    expect(j.code).toBe(0);
    const doc = JSON.parse(j.stdout);
    expect(doc.nodes[0]).toMatchObject({
      node: "governance",
      method: "jenks",
      closed: "upper",
      labels: ["low", "mid", "high"],
    });
    expect(doc.nodes[0].cuts).toHaveLength(2);
    expect(doc.nodes[0].counts[0]).toMatchObject({ unit: "city" });
  });

  it("refuses --labels without --grades and a node that is not graded (exit 2)", async () => {
    expect((await runCli("assess", MODEL, DATA, "--labels", "a,b")).code).toBe(2);
    const r = await runCli("assess", MODEL, DATA, "--node", "process");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("not a graded node (graded: governance)");
  });

  it("score writes governance_grade (and governance_veto in the assessment profile) beside the ranks", async () => {
    const r = await runCli("score", MODEL, DATA, "--profile", "assessment");
    const out = parse(r.stdout, { columns: true }) as Record<string, string>[];
    const c = out.find((x) => x.level === "community" && x.governance_veto === "major_accident");
    expect(c?.governance_grade).toBe("差");
    expect(out.find((x) => x.level === "street")?.governance_grade).toBe("");
  });
});
