// examples/construction: the seeded generator gives the committed inputs, and the README's pipeline
// (delphi -> pruned model -> screening -> questionnaire -> judgments -> final model), run here through
// the CLI in a temporary folder, gives the committed outputs, which are consistent with each other.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { CANDIDATES, generateConstruction } from "../../examples/construction/generate.js";
import * as screen from "../../examples/construction/screen.js";
import type { Model, ModelNode } from "../../src/indicators/model-types.js";
import { parseModel } from "../../src/indicators/parse-model.js";
import { activeNodes } from "../../src/indicators/profiles.js";
import { checkModel } from "../../src/score/check-model.js";
import { score } from "../../src/score/score.js";
import { runCli } from "../cli/run-cli.js";

const D = "examples/construction";
const tmp = mkdtempSync(join(tmpdir(), "ix-construction-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const json = (p: string) => JSON.parse(readFileSync(p, "utf8"));
/** The parts of a workbook as text, by name (to compare two workbooks by content). */
const parts = (bytes: Uint8Array) =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
const leaves = (n: ModelNode): string[] => (n.children?.length ? n.children.flatMap(leaves) : [n.id]);

describe("examples/construction", () => {
  const files = generateConstruction();

  it("generate.ts (seeded) gives the committed draft, Delphi rounds and filled questionnaires", () => {
    for (const [path, content] of Object.entries(files)) {
      const committed = readFileSync(join(D, path));
      // JSON by value (the committed files are formatted by Biome), CSV by text, workbooks by their parts
      if (path.endsWith(".json"))
        expect(JSON.parse(committed.toString("utf8")), path).toEqual(JSON.parse(content as string));
      else if (typeof content === "string") expect(committed.toString("utf8"), path).toBe(content);
      else expect(parts(committed), path).toEqual(parts(content));
    }
  });

  it("the README's commands give the committed outputs, and the numbers agree with each other", async () => {
    for (const p of Object.keys(files)) {
      mkdirSync(join(tmp, p, ".."), { recursive: true });
      copyFileSync(join(D, p), join(tmp, p));
    }
    const at = (p: string) => join(tmp, p);
    const rounds = [at("delphi/round1.csv"), at("delphi/round2.csv")];
    const delphiArgs = ["--sent", "18,15", "--rule", "both", "--drop", "all"];
    const d = await runCli(
      "delphi",
      at("draft.json"),
      ...rounds,
      ...delphiArgs,
      "--lang",
      "en",
      "--out",
      at("pruned.json"),
    );
    expect(d.code).toBe(0);
    expect(d.stdout.replaceAll(tmp, D).replaceAll(`${D}/`, "")).toBe(
      readFileSync(join(D, "delphi-output.txt"), "utf8"),
    );
    const pruned = json(at("pruned.json")) as Model;
    expect(pruned).toEqual(json(join(D, "pruned.json")));

    // the drops delphi reports (JSON) are exactly the indicators missing from the pruned model
    const j = JSON.parse(
      (await runCli("delphi", at("draft.json"), ...rounds, ...delphiArgs, "--format", "json")).stdout,
    );
    const dropped = new Set<string>();
    for (const r of j.rounds)
      for (const v of r.verdicts as { id: string; verdict: string }[])
        if (v.verdict === "drop") dropped.add(v.id);
    const draft = json(at("draft.json")) as Model;
    const gone = leaves(draft.tree).filter((id) => !leaves(pruned.tree).includes(id));
    expect(gone.sort()).toEqual([...dropped].sort());
    // the history lists each removal with its reason: the dropped indicators, and a group left empty
    const removed = pruned.history?.flatMap((h) => h.removed?.map((x) => x.id) ?? []) ?? [];
    expect(removed.filter((id) => leaves(draft.tree).includes(id)).sort()).toEqual(gone.sort());
    expect(removed.filter((id) => !leaves(draft.tree).includes(id))).toEqual(["responsiveness"]);
    // the six weak candidates (not in the sample city's data) are all gone; W rises from round 1 to 2
    for (const [, id] of CANDIDATES) expect(dropped.has(id), id).toBe(true);
    expect(j.rounds[1].kendall.w).toBeGreaterThan(j.rounds[0].kendall.w);
    expect(leaves(draft.tree)).toHaveLength(66);

    // the questionnaire: every group with two or more active children in profile normal, every pair once
    const q = await runCli(
      "questionnaire",
      at("pruned.json"),
      "--profile",
      "normal",
      "--out",
      at("survey.xlsx"),
    );
    expect(q.code).toBe(0);
    expect(parts(readFileSync(at("survey.xlsx")))).toEqual(parts(readFileSync(join(D, "survey.xlsx"))));
    const active = activeNodes(pruned, "normal");
    const groups: [string, number][] = [];
    const walk = (n: ModelNode) => {
      const k = (n.children ?? []).filter((c) => active.has(c.id)).length;
      if (active.has(n.id) && k >= 2) groups.push([n.id, (k * (k - 1)) / 2]);
      for (const c of n.children ?? []) walk(c);
    };
    walk(pruned.tree);
    const pairs = groups.reduce((s, [, n]) => s + n, 0);
    expect(q.stderr).toContain(`${groups.length} groups, ${pairs} pairs, profile normal, zh`);

    const experts = [1, 2, 3].map((k) => at(`experts/expert-${k}.xlsx`));
    const r = await runCli(
      "judgments",
      at("pruned.json"),
      ...experts,
      "--profile",
      "normal",
      "--lang",
      "en",
      "--out",
      at("final.json"),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(D, "judgments-output.txt"), "utf8"));
    expect(r.stderr).toContain("warning: 1 expert matrices with CR >= 0.1");
    const final = json(at("final.json")) as Model;
    expect(final).toEqual(json(join(D, "final.json")));
    // every questionnaire group now has the three experts' judgments, each with every pair
    for (const [g, n] of groups) {
      const spec = final.profiles?.normal?.weights?.[g] as {
        method: string;
        experts: { name: string; judgments: unknown[] }[];
      };
      expect(spec.method, g).toBe("ahp");
      expect(spec.experts.map((e) => [e.name, e.judgments.length])).toEqual(
        ["张伟", "李娜", "王强"].map((e) => [e, n]),
      );
    }
    // the final model validates (the slip of expert 3 is a warning, not an error) and scores the sample city
    expect(checkModel(final).filter((i) => i.severity === "error")).toEqual([]);
    expect(
      checkModel(final)
        .filter((i) => i.severity === "warning")
        .map((i) => i.code),
    ).toEqual(["inconsistent_judgments"]);
    const result = score(parseModel(final), screen.communities(), { profile: "normal" });
    expect(Array.from(result.scores[final.tree.id] ?? []).filter(Number.isFinite)).toHaveLength(331);
    expect(final.history?.at(-1)?.step).toBe("ahp-questionnaires");
  });

  it("screen.ts prints the committed screening; it screens the indicators active in profile normal", () => {
    const lines: string[] = [];
    const out = screen.main((l) => lines.push(l));
    expect(`${lines.join("\n")}\n`).toBe(readFileSync(join(D, "screen-output.txt"), "utf8"));
    const pruned = json(join(D, "pruned.json")) as Model;
    const active = activeNodes(pruned, "normal");
    expect(out.report.stats).toHaveLength(leaves(pruned.tree).filter((id) => active.has(id)).length);
    expect(out.report.units).toBe(331);
    // nothing is removed by screening: every flag names an indicator of the model
    for (const f of out.report.flags) expect(leaves(pruned.tree)).toContain(f.indicator);
  });
});
