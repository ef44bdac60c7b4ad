import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "indicatrix-score-space-"));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const csvRows = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

// Values used as they are (normalize none), so every score is a hand sum.
const levelsModel = file(
  "levels.json",
  JSON.stringify({
    id: "m",
    levels: [{ id: "community" }, { id: "street" }],
    tree: {
      id: "root",
      children: [{ id: "a" }, { id: "S", level: "street", children: [{ id: "sx" }] }],
    },
    defaults: { normalize: "none" },
    profiles: { p: { levels: { street: { own: 0.4, children: 0.6 } } } },
  }),
);
const levelsData = file(
  "levels.csv",
  "unit,parent,a,sx\ns1,,,0.5\ns2,,,1\nc1,s1,0.2,\nc2,s1,0.6,\nc3,s2,0.8,\n",
);

describe("indicatrix score: a model with levels", () => {
  it("writes each unit's level, its ranks within level and parent, and its own and children parts", async () => {
    const r = await runCli("score", levelsModel, levelsData);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rows = csvRows(r.stdout);
    expect(rows.map((x) => [x.unit, x.level])).toEqual([
      ["s1", "street"],
      ["s2", "street"],
      ["c1", "community"],
      ["c2", "community"],
      ["c3", "community"],
    ]);
    const by = Object.fromEntries(rows.map((x) => [x.unit, x]));
    // Communities: root = a (S is measured on street rows only): 0.2, 0.6, 0.8; ranks within the level
    // 3, 2, 1; within the parent s1: c2 1, c1 2; c3 alone in s2: 1. No own/children parts at the lowest level.
    expect(Number(by.c1!.root)).toBeCloseTo(0.2, 12);
    expect([by.c1!.root_rank, by.c2!.root_rank, by.c3!.root_rank]).toEqual(["3", "2", "1"]);
    expect([by.c1!.root_rank_in_parent, by.c2!.root_rank_in_parent, by.c3!.root_rank_in_parent]).toEqual([
      "2",
      "1",
      "1",
    ]);
    expect(by.c1!.root_own).toBe("");
    // Streets: s1 own = sx = 0.5, children = (0.2 + 0.6) / 2 = 0.4, root = 0.4 * 0.5 + 0.6 * 0.4 = 0.44;
    // s2 own 1, children 0.8, root 0.4 + 0.48 = 0.88. Ranks within the streets: s2 1, s1 2.
    expect(Number(by.s1!.root)).toBeCloseTo(0.44, 12);
    expect(Number(by.s1!.root_own)).toBeCloseTo(0.5, 12);
    expect(Number(by.s1!.root_children)).toBeCloseTo(0.4, 12);
    expect(Number(by.s2!.root)).toBeCloseTo(0.88, 12);
    expect([by.s1!.root_rank, by.s2!.root_rank]).toEqual(["2", "1"]);
    expect(by.s1!.status).toBe("scored");
    expect(by.c1!.coverage).toBe("1");
  });

  it("--format json carries the level rules, and --rollup is refused (the rules set it)", async () => {
    const r = await runCli("score", levelsModel, levelsData, "--format", "json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.levels).toEqual(["community", "street"]);
    expect(doc.rules).toEqual({ street: { own: 0.4, children: 0.6, rollup: "mean" } });
    expect(doc.units.find((u: { unit: string }) => u.unit === "s1").root_children).toBeCloseTo(0.4, 12);
    const bad = await runCli("score", levelsModel, levelsData, "--rollup", "population");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/levels` rules/);
  });
});

describe("indicatrix score: rates recomputed from summed inputs", () => {
  const model = file(
    "rates.json",
    JSON.stringify({
      id: "m",
      levels: [{ id: "community" }, { id: "street" }],
      inputs: [
        { id: "cases", rollup: "sum" },
        { id: "pop", rollup: "sum" },
      ],
      tree: { id: "root", children: [{ id: "rate", formula: "cases / pop * 1e4", direction: "cost" }] },
    }),
  );
  const data = file(
    "rates.csv",
    "unit,parent,cases,pop\ns1,,,\nc1,s1,2,1000\nc2,s1,9,3000\nc3,s1,1,1000\nc4,,20,5000\n",
  );
  it("scores the street's rate from the sums and names the recomputed indicators in the JSON", async () => {
    const r = await runCli("score", model, data, "--format", "json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.rollup).toEqual({
      summed: ["cases", "pop"],
      recomputed: ["rate"],
      reaggregated: ["root"],
      rolledUp: [],
    });
    // Community rates 20, 30, 10, 40 (min 10, max 40, cost): s1's rate 12 / 5000 * 1e4 = 24 scores
    // (40 - 24) / 30 = 0.533333, not the mean of its communities' scores (2/3 + 1/3 + 1) / 3 = 0.666667.
    const s1 = doc.units.find((u: { unit: string }) => u.unit === "s1");
    expect(s1.rate).toBeCloseTo(16 / 30, 12);
    expect(s1.root_children).toBeCloseTo(16 / 30, 12);
  });
});

const statesModel = file(
  "states.json",
  JSON.stringify({
    id: "m",
    tree: { id: "root", children: [{ id: "a" }, { id: "b" }] },
    defaults: { normalize: "none" },
    profiles: {
      normal: {},
      emergency: { weights: { root: { method: "fixed", weights: { a: 1, b: 3 } } } },
    },
    states: { normal: "normal", III: "emergency" },
  }),
);
const statesData = file(
  "states.csv",
  "unit,parent,level,resp,a,b\ns1,,street,,,\nc1,s1,community,III,0.6,0.2\nc2,s1,community,normal,0.2,0.8\nc3,,community,III,0.4,0.4\n",
);

describe("indicatrix score: a model with states", () => {
  it("scores each unit with its state's profile, with ranks overall and within the state", async () => {
    const r = await runCli("score", statesModel, statesData, "--state", "resp");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const by = Object.fromEntries(csvRows(r.stdout).map((x) => [x.unit, x]));
    // c1 (III, emergency): (0.6 + 3 * 0.2) / 4 = 0.3; c2 (normal): (0.2 + 0.8) / 2 = 0.5;
    // c3 (III): (0.4 + 3 * 0.4) / 4 = 0.4. Overall ranks 3, 1, 2; within III: c3 1, c1 2; c2 alone: 1.
    expect([by.c1!.profile, by.c2!.profile, by.c3!.profile]).toEqual(["emergency", "normal", "emergency"]);
    expect([by.c1!.state, by.c2!.state]).toEqual(["III", "normal"]);
    expect(Number(by.c1!.root)).toBeCloseTo(0.3, 12);
    expect(Number(by.c2!.root)).toBeCloseTo(0.5, 12);
    expect(Number(by.c3!.root)).toBeCloseTo(0.4, 12);
    expect([by.c1!.root_rank, by.c2!.root_rank, by.c3!.root_rank]).toEqual(["3", "1", "2"]);
    expect([by.c1!.root_rank_in_state, by.c2!.root_rank_in_state, by.c3!.root_rank_in_state]).toEqual([
      "2",
      "1",
      "1",
    ]);
    // s1 rolls up its communities' own-profile scores: (0.3 + 0.5) / 2 = 0.4.
    expect(by.s1!.status).toBe("rollup");
    expect(Number(by.s1!.root)).toBeCloseTo(0.4, 12);
  });

  it("refuses a --state column the data do not have", async () => {
    const r = await runCli("score", statesModel, statesData, "--state", "phase");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no column "phase"/);
  });
});
