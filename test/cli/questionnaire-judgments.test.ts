import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { resolveWeights } from "../../src/score/resolve-weights.js";
import { type AhpAnswer, fillAhpCsv, fillAhpWorkbook } from "../helpers/fill-ahp-workbook.js";
import { runCli } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "ix-cli-ahpq-"));
const modelPath = join(dir, "model.json");
writeFileSync(
  modelPath,
  JSON.stringify({
    id: "gov",
    language: "zh",
    tree: {
      id: "root",
      name: { zh: "治理指数", en: "Governance" },
      children: [
        { id: "A", name: { zh: "服务", en: "Service" }, children: [{ id: "x1" }, { id: "x2" }] },
        {
          id: "B",
          children: [{ id: "x3" }, { id: "x4" }, { id: "x5" }, { id: "x6", profiles: ["emergency"] }],
        },
      ],
    },
    profiles: { normal: {}, emergency: { extends: "normal" } },
  }),
);

// Hand-made answers [group, more important, less important, intensity]. Li: consistent, B = 4 : 2 : 1
// (CR 0 by construction). Zhao: B goes round in a circle (x3 > x4 > x5 > x3, each 9), so CR >> 0.1.
const answers: Record<string, AhpAnswer[]> = {
  Li: [
    ["root", "A", "B", 3],
    ["A", "x1", "x2", 2],
    ["B", "x3", "x4", 2],
    ["B", "x3", "x5", 4],
    ["B", "x4", "x5", 2],
  ],
  Zhao: [
    ["root", "B", "A", 3],
    ["A", "x1", "x2", 2],
    ["B", "x3", "x4", 9],
    ["B", "x4", "x5", 9],
    ["B", "x5", "x3", 9],
  ],
};

describe("indicatrix questionnaire and judgments", () => {
  it("questionnaire writes .xlsx, .csv and .html; the profile decides which children are asked about", async () => {
    const x = await runCli(
      "questionnaire",
      modelPath,
      "--profile",
      "normal",
      "--out",
      join(dir, "survey.xlsx"),
    );
    expect(x.code).toBe(0);
    // root: 1 pair, A: 1 pair, B (x3, x4, x5 in normal): 3 pairs
    expect(x.stderr).toContain("3 groups, 5 pairs, profile normal, zh");
    expect(readFileSync(join(dir, "survey.xlsx")).subarray(0, 2).toString()).toBe("PK");
    const c = await runCli("questionnaire", modelPath, "--profile", "emergency", "--language", "en");
    expect(c.code).toBe(0);
    expect(c.stdout.split("\n")[0]).toBe("expert,group,a,a_name,b,b_name,more_important,intensity");
    expect(c.stdout.trim().split("\n")).toHaveLength(1 + 1 + 1 + 6); // B has 4 children in emergency: 6 pairs
    const h = await runCli("questionnaire", modelPath, "--out", join(dir, "survey.html"));
    expect(readFileSync(join(dir, "survey.html"), "utf8")).toContain("层次分析法专家调查问卷");
    expect(h.code).toBe(0);
    const bad = await runCli("questionnaire", modelPath, "--out", join(dir, "survey.pdf"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--out must end in .xlsx, .csv or .html");
  });

  it("judgments reads the filled workbooks: each expert's CR with advice, the weights, the model written", async () => {
    const blank = readFileSync(join(dir, "survey.xlsx"));
    const files = Object.entries(answers).map(([name, list]) => {
      const path = join(dir, `${name.toLowerCase()}.xlsx`);
      writeFileSync(path, fillAhpWorkbook(blank, name, list, name === "Li"));
      return path;
    });
    const out = join(dir, "final.json");
    const r = await runCli("judgments", modelPath, ...files, "--profile", "normal", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 experts (Li, Zhao), aggregation aij");
    expect(r.stdout).toMatch(/Li +3 +0 +通过/);
    // Zhao's B matrix is circulant (rows 1 9 1/9, 1/9 1 9, 9 1/9 1), so lambda max = 1 + 9 + 1/9 = 10.1111,
    // CI = (10.1111 - 3) / 2 = 3.5556 and CR = CI / 0.58 (Saaty's RI for n = 3) = 6.1303 (hand computation)
    expect(r.stdout).toMatch(/Zhao +3 +6\.1303 +未通过 +x3 over x5: 1\/9 -> 9 \(CR 0\.\d+\)/);
    // root: geometric mean of 3 and 1/3 = 1, so A and B weigh 0.5 each (hand computation)
    expect(r.stdout).toContain("综合权重: A 0.5000, B 0.5000");
    expect(r.stderr).toContain("warning: 1 expert matrices with CR >= 0.1");
    const model = JSON.parse(readFileSync(out, "utf8"));
    expect(model.profiles.normal.weights.A).toEqual({
      method: "ahp",
      aggregation: "aij",
      experts: [
        { name: "Li", judgments: [["x1", "x2", 2]] },
        { name: "Zhao", judgments: [["x1", "x2", 2]] },
      ],
    });
    expect(model.history.at(-1).step).toBe("ahp-questionnaires");
    // A: both experts say x1 = 2 x2, so w = 2/3, 1/3 after scoring the written model
    const w = resolveWeights(parseModel(model), { profile: "normal" });
    expect(w.local.x1).toBeCloseTo(2 / 3, 12);
    // json output and --method aip
    const j = await runCli("judgments", modelPath, ...files, "--method", "aip", "--format", "json");
    const groups = JSON.parse(j.stdout).groups as { group: string; cr: number | null }[];
    expect(groups.map((g) => g.group)).toEqual(["root", "A", "B"]);
    expect(groups[0]?.cr).toBeNull(); // AIP has no group matrix
  });

  it("judgments reads CSV questionnaires too (the expert column names the expert), mixed with workbooks", async () => {
    const blank = (await runCli("questionnaire", modelPath, "--profile", "normal", "--groups", "root,B"))
      .stdout;
    const lines = blank.trim().split("\n");
    expect(lines).toHaveLength(1 + 1 + 3); // root: 1 pair, B: 3 pairs (A left out by --groups)
    const csv = join(dir, "li-form.csv");
    writeFileSync(csv, fillAhpCsv(blank, "Li", answers.Li ?? []));
    const r = await runCli("judgments", modelPath, csv, join(dir, "zhao.xlsx"), "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      experts: string[];
      groups: { group: string; experts: { expert: string; cr: number }[] }[];
    };
    expect(j.experts).toEqual(["Li", "Zhao"]);
    // Li's B: 4 : 2 : 1, consistent by construction (CR 0)
    expect(j.groups.find((g) => g.group === "B")?.experts[0]?.cr).toBeCloseTo(0, 12);
    // A: only Zhao answered it (his workbook), so only he is listed there
    expect(j.groups.find((g) => g.group === "A")?.experts.map((e) => e.expert)).toEqual(["Zhao"]);
  });

  it("usage errors: --method, --expert-weights, --out onto an input, no questionnaire", async () => {
    const f = join(dir, "li.xlsx");
    expect((await runCli("judgments", modelPath, f, "--method", "mean")).code).toBe(2);
    expect((await runCli("judgments", modelPath, f, "--expert-weights", "Li")).stderr).toContain(
      "name=weight pairs",
    );
    expect((await runCli("judgments", modelPath, f, "--out", modelPath)).code).toBe(2);
    const stranger = await runCli("judgments", modelPath, f, "--expert-weights", "Li=2,Sun=1");
    expect(stranger.code).toBe(2);
    expect(stranger.stderr).toContain(
      '--expert-weights names "Sun", not an expert of the questionnaires (Li)',
    );
    expect((await runCli("judgments", modelPath)).code).toBe(2);
    const weighted = await runCli(
      "judgments",
      modelPath,
      f,
      join(dir, "zhao.xlsx"),
      "--expert-weights",
      "Li=3,Zhao=1",
    );
    expect(weighted.code).toBe(0);
    // root: (3^3 (1/3))^(1/4) = 9^(1/4) = sqrt(3) = 1.7321, w_A = 1.7321 / 2.7321 = 0.6340 (hand computation)
    expect(weighted.stdout).toContain("综合权重: A 0.6340, B 0.3660");
  });
});
