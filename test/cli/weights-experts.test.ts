// Issue 18: experts had no names in `weights` or in the report; per-expert CR and weights were not shown.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { report } from "../../src/report/index.js";
import { resolveWeights } from "../../src/score/resolve-weights.js";
import { runCli } from "./run-cli.js";

// Expected values: test/fixtures/ahp-experts/README.md (hand computation and numpy).
const FILE = "test/fixtures/ahp-experts/panel.yaml";

describe("named AHP experts (test/fixtures/ahp-experts)", () => {
  it("resolveWeights gives each expert by name with weight, CR, priorities and advice", () => {
    const w = resolveWeights(parseModel(readFileSync(FILE, "utf8")), { profile: "p" });
    const c = w.consistency.root;
    expect(c?.cr).toBeCloseTo(0.11691, 5);
    const [zhang, li] = c?.panel ?? [];
    expect(zhang?.name).toBe("Zhang Wei");
    expect(zhang?.weight).toBeCloseTo(2 / 3, 12);
    expect(zhang?.cr).toBeCloseTo(0, 10);
    expect(zhang?.weights.a).toBeCloseTo(9 / 13, 12);
    expect(zhang?.advice).toBeUndefined();
    expect(li?.name).toBe("Li Na");
    expect(li?.cr).toBeCloseTo(1.149, 3);
    expect(li?.weights.b).toBeCloseTo(1 / 3, 10);
    expect(li?.consistent).toBe(false);
    expect(li?.advice).toMatch(/^change \w over \w from /);
    expect(c?.advice).toMatch(/^in the group matrix, change /);
  });

  it("`weights` prints a table of the experts by name and each inconsistent expert's advice", async () => {
    const r = await runCli("weights", FILE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Experts of root (root): group CR 0.1169");
    expect(r.stdout).toMatch(/Zhang Wei\s+0\.6667\s+0\.0000\s+0\.6923\s+0\.2308\s+0\.0769/);
    expect(r.stdout).toMatch(/Li Na\s+0\.3333\s+1\.1494 INCONSISTENT\s+0\.3333\s+0\.3333\s+0\.3333/);
    expect(r.stdout).toMatch(/ {2}Li Na: change \w over \w from 3 to /);
  });

  it("the report shows the experts of the node, by name, with CR and priorities", () => {
    const model = parseModel(readFileSync(FILE, "utf8"));
    const html = report(model, [
      { unit: "u1", a: 1, b: 2, c: 3 },
      { unit: "u2", a: 3, b: 2, c: 1 },
    ]);
    expect(html).toContain("Experts of root");
    expect(html).toContain("Zhang Wei");
    expect(html).toContain("Li Na");
    expect(html).toMatch(/1\.149 <span class="badge bad">/);
  });
});

describe("weights without --data (issue 18)", () => {
  it("on a model with entropy weights exits 2 saying --data FILE is needed (before: exit 1, 'pass a dataset')", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const file = join(mkdtempSync(join(tmpdir(), "indicatrix-wd-")), "m.json");
    writeFileSync(
      file,
      JSON.stringify({
        id: "m",
        tree: { id: "root", children: [{ id: "a" }, { id: "b" }] },
        profiles: { p: { weights: { root: { method: "entropy" } } } },
      }),
    );
    const r = await runCli("weights", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"entropy" weights for "root" are computed from data: pass --data FILE');
  });
});
