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

// A model with both levels and states: S (a street group) is active only in the profile lv; normal and
// emergency measure communities only and roll streets up by population (emergency inherits normal's rule).
const chain = (states: Record<string, string>) =>
  JSON.stringify({
    id: "m",
    levels: [{ id: "community" }, { id: "street" }],
    tree: {
      id: "root",
      children: [
        { id: "a" },
        { id: "b" },
        { id: "S", level: "street", profiles: ["lv"], children: [{ id: "sx", profiles: ["lv"] }] },
      ],
    },
    defaults: { normalize: "none" },
    profiles: {
      normal: { levels: { street: { own: 0.5, children: 0.5, rollup: { weight: "population" } } } },
      emergency: { extends: "normal", weights: { root: { method: "fixed", weights: { a: 1, b: 3 } } } },
      lv: { extends: "normal" },
    },
    states,
  });
const chainModel = file("chain.json", chain({ normal: "normal", III: "emergency" }));
const chainData = file(
  "chain.csv",
  "unit,parent,population,state,a,b,sx\ns1,,,III,,,0.5\ns2,,,normal,,,1\nc1,s1,100,III,0.6,0.2,\nc2,s1,300,normal,0.2,0.8,\nc3,s2,200,III,0.4,0.4,\n",
);

describe("indicatrix score: a model with levels and states", () => {
  it("--state scores each unit with its state's profile and rolls the streets up by the levels rule (population)", async () => {
    const r = await runCli("score", chainModel, chainData, "--state", "state", "--format", "json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.rollup).toEqual({ weight: "population" });
    const by = Object.fromEntries(doc.units.map((u: { unit: string }) => [u.unit, u]));
    // c1 (III, emergency): (0.6 + 3 * 0.2) / 4 = 0.3; c2 (normal): (0.2 + 0.8) / 2 = 0.5; c3 (III): 0.4.
    expect(by.c1.root).toBeCloseTo(0.3, 12);
    expect(by.c2.root).toBeCloseTo(0.5, 12);
    // s1 = (100 * 0.3 + 300 * 0.5) / 400 = 0.45 (the mean would be 0.4); s2 = c3 = 0.4.
    expect(by.s1.root).toBeCloseTo(0.45, 12);
    expect(by.s2.root).toBeCloseTo(0.4, 12);
  });

  it("without --state, a profile measuring the streets is scored by level (the states are not used)", async () => {
    const r = await runCli("score", chainModel, chainData, "--profile", "lv", "--format", "json");
    expect(r.code).toBe(0);
    const by = Object.fromEntries(JSON.parse(r.stdout).units.map((u: { unit: string }) => [u.unit, u]));
    // Communities under lv: root = (a + b) / 2 (S is not on their rows): 0.4, 0.5, 0.4.
    // s1: own sx = 0.5, children (100 * 0.4 + 300 * 0.5) / 400 = 0.475, root 0.5 * 0.5 + 0.5 * 0.475 = 0.4875;
    // s2: own 1, children 0.4, root 0.7.
    expect(by.s1.root).toBeCloseTo(0.4875, 12);
    expect(by.s1.root_children).toBeCloseTo(0.475, 12);
    expect(by.s2.root).toBeCloseTo(0.7, 12);
  });

  it("--state refuses a state whose profile measures the streets, naming the state, the profile and the indicator", async () => {
    const model = file("chain-lv.json", chain({ normal: "normal", III: "lv" }));
    const r = await runCli("score", model, chainData, "--state", "state");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /state "III" selects profile "lv", which measures indicators above the lowest level \(sx at street\)/,
    );
    expect(r.stderr).toMatch(/--profile lv, without --state/);
  });

  it("--state refuses --profile (each unit takes its state's) and --rollup (the levels rules set it)", async () => {
    const p = await runCli("score", chainModel, chainData, "--state", "state", "--profile", "normal");
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/--profile normal with --state/);
    const u = await runCli("score", chainModel, chainData, "--state", "state", "--rollup", "mean");
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/levels` rules/);
  });
});
