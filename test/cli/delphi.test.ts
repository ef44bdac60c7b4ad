import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

// round1.csv is the DOMAIN C2 example (expected values: test/fixtures/delphi/delphi_c2.json, numpy, and
// kendall_w.json, scipy); round2.csv is a made-up second round of the same six experts.
const F = "test/fixtures/delphi";
const args = [`${F}/draft-model.json`, `${F}/round1.csv`];

describe("indicatrix delphi", () => {
  it("delphi model round1.csv prints the round in the model's language (zh): W, authority, verdicts", async () => {
    const r = await runCli("delphi", ...args, "--sent", "8");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("第 1 轮：回收 6 份，发放 8 份（专家积极系数 75.0%）");
    expect(r.stdout).toContain("权威系数 Ca 0.8833, Cs 0.8333, Cr 0.8583");
    expect(r.stdout).toContain("肯德尔协调系数 W 0.7242, χ² 17.3818, df 4, p 0.0016");
    expect(r.stdout).toMatch(
      /x5 +2\.1667 +0\.7528 +0\.3474 +0 +6 +删除 +cutoff: mean 2\.1667 < 2\.6032; cv 0\.3474 > 0\.2921/,
    );
    expect(r.stdout).toMatch(/指标一 \(x1\) +4\.6667/);
  });

  it("delphi --lang en --rule fixed --format json gives every statistic; fixed keeps x1, x2, x4", async () => {
    const r = await runCli("delphi", ...args, "--rule", "fixed", "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.rounds[0].verdicts.map((v: { verdict: string }) => v.verdict)).toEqual([
      "keep",
      "keep",
      "drop",
      "keep",
      "drop",
    ]);
    expect(j.rounds[0].positiveCoefficient).toBeNull(); // no --sent
    const t = await runCli("delphi", ...args, "--lang", "en");
    expect(t.stdout).toContain("Kendall's W 0.7242");
    expect(t.stdout).toMatch(/one \(x1\)/);
  });

  it("delphi with two rounds and --out --weights writes the pruned model with one history entry per round", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "delphi-")), "pruned.json");
    const r = await runCli("delphi", ...args, `${F}/round2.csv`, "--sent", "8,6", "--out", out, "--weights");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("较上轮 -0.1042");
    const m = JSON.parse(readFileSync(out, "utf8"));
    expect(m.history.map((h: { removed?: { id: string }[] }) => h.removed?.map((x) => x.id))).toEqual([
      ["x5"],
      ["x3"],
    ]);
    const b = m.tree.children[1].children.map((c: { id: string }) => c.id);
    expect(b).toEqual(["x4"]);
    expect(m.profiles.normal.weights.B).toEqual({ method: "fixed", weights: { x4: 1 } });
    // round 2 means of x1, x2: 29/6 and 25/6
    expect(m.profiles.normal.weights.A.weights.x1).toBeCloseTo(29 / 54, 14);
  });

  it("delphi rejects a bad --rule (exit 2) and a column that is not a node id (exit 1, naming the column)", async () => {
    expect((await runCli("delphi", ...args, "--rule", "median")).code).toBe(2);
    expect((await runCli("delphi", args[0]!)).code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), "delphi-"));
    const bad = join(dir, "bad.csv");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(bad, "expert,x1,zz\nA,5,4\nB,4,4\n");
    const r = await runCli("delphi", args[0]!, bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/column "zz"/);
  });
});
