import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "indicatrix-weights-space-"));
const fixed = (weights: Record<string, number>) => ({ method: "fixed", weights });
// DOMAIN C7.2's example: root -> G1 (x1, x2), G2 (x3, x4, x5); lambda = 0.3 towards emergency.
const model = join(dir, "blend.json");
writeFileSync(
  model,
  JSON.stringify({
    id: "m",
    levels: [{ id: "community" }, { id: "street" }, { id: "district" }],
    tree: {
      id: "root",
      children: [
        { id: "G1", children: [{ id: "x1" }, { id: "x2" }] },
        { id: "G2", children: [{ id: "x3" }, { id: "x4" }, { id: "x5" }] },
      ],
    },
    profiles: {
      normal: {
        weights: {
          root: fixed({ G1: 0.6, G2: 0.4 }),
          G1: fixed({ x1: 0.5, x2: 0.5 }),
          G2: fixed({ x3: 0.5, x4: 0.3, x5: 0.2 }),
        },
      },
      emergency: {
        weights: {
          root: fixed({ G1: 0.3, G2: 0.7 }),
          G1: fixed({ x1: 0.8, x2: 0.2 }),
          G2: fixed({ x3: 0.2, x4: 0.2, x5: 0.6 }),
        },
      },
      transition: {
        blend: { normal: 0.7, emergency: 0.3 },
      },
      intensity: { blend: { between: ["normal", "emergency"], column: "lambda" } },
      street: { levels: { street: { own: 0.4, children: 0.6, rollup: { weight: "population" } } } },
    },
  }),
);

describe("indicatrix weights: blended profiles and level rules", () => {
  it("--format json gives the blend's global weights (DOMAIN C7.2) and each component's", async () => {
    const r = await runCli("weights", model, "--profile", "transition", "--format", "json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    // DOMAIN C7.2, level-wise lambda = 0.3: 0.3009, 0.2091, 0.2009, 0.1323, 0.1568
    // (root 0.51 / 0.49, G1 0.59 / 0.41, G2 0.41 / 0.27 / 0.32).
    const expected = { x1: 0.3009, x2: 0.2091, x3: 0.2009, x4: 0.1323, x5: 0.1568 };
    for (const [id, g] of Object.entries(expected)) expect(doc.global[id]).toBeCloseTo(g, 12);
    expect(doc.blend.coefficients).toEqual({ normal: 0.7, emergency: 0.3 });
    // The components' own global weights (DOMAIN C7.2's table): normal 0.3, 0.3, 0.2, 0.12, 0.08;
    // emergency 0.24, 0.06, 0.14, 0.14, 0.42.
    expect(doc.blend.components.normal.x4).toBeCloseTo(0.12, 12);
    expect(doc.blend.components.emergency.x5).toBeCloseTo(0.42, 12);
    // No rule in this profile: every level above the lowest is pure roll-up.
    expect(doc.levels).toEqual([
      { level: "street", own: 0, children: 1, rollup: "mean", default: true },
      { level: "district", own: 0, children: 1, rollup: "mean", default: true },
    ]);
  });

  it("text: the blend line, one global column per component, the per-unit blend's column", async () => {
    const r = await runCli("weights", model, "--profile", "transition");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Blend node by node: normal 0\.7000 \+ emergency 0\.3000/);
    expect(r.stdout).toMatch(/normal global +emergency global/);
    // The row of x5: blended global 0.1568, normal 0.08, emergency 0.42.
    expect(r.stdout).toMatch(/x5\).*0\.1568.*0\.08.*0\.42/);
    const u = await runCli("weights", model, "--profile", "intensity");
    expect(u.code).toBe(0);
    expect(u.stdout).toMatch(/Blend per unit: \(1 - λ\) normal \+ λ emergency, λ from column lambda/);
  });

  it("text: each level's rule, the profile's or the default pure roll-up", async () => {
    const r = await runCli("weights", model, "--profile", "street");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Levels \(lowest first\): community, street, district/);
    expect(r.stdout).toMatch(/street +0\.4000 +0\.6000 +weight population +profile street/);
    expect(r.stdout).toMatch(/district +0 +1 +mean +default \(pure roll-up\)/);
  });
});

// Levels: G (a, b) on the communities, S (sx, sy) on the streets' own rows; the profile child inherits p's rule.
const levelsModel = join(dir, "levels.json");
const levelsSpec = (sWeights: unknown) =>
  JSON.stringify({
    id: "m",
    levels: [{ id: "community" }, { id: "street" }],
    tree: {
      id: "root",
      children: [
        { id: "G", children: [{ id: "a" }, { id: "b" }] },
        { id: "S", level: "street", children: [{ id: "sx" }, { id: "sy" }] },
      ],
    },
    profiles: {
      p: {
        weights: { root: fixed({ G: 3, S: 1 }), S: sWeights },
        levels: { street: { own: 0.4, children: 0.6 } },
      },
      child: { extends: "p" },
    },
  });
writeFileSync(levelsModel, levelsSpec(fixed({ sx: 1, sy: 3 })));

describe("indicatrix weights: one section per level measured", () => {
  it("text: the community tree without the street nodes, then the street's own part, then the inherited rule", async () => {
    const r = await runCli("weights", levelsModel, "--profile", "child");
    expect(r.code).toBe(0);
    // The community tree: S is switched off, so G takes the root's whole weight (3 / 3) and a, b 0.5 each.
    const community = r.stdout.slice(r.stdout.indexOf("Level community"), r.stdout.indexOf("Level street"));
    expect(community).toMatch(/scored on its units' own rows/);
    expect(community).toMatch(/G \(G\) +1 +1 +equal/);
    expect(community).toMatch(/a\) +0\.5000 +0\.5000/);
    expect(community).not.toMatch(/sx/);
    // The street's own part: S alone (1), sx 1 / 4 = 0.25, sy 0.75; the score mixes 0.4 own + 0.6 children.
    const street = r.stdout.slice(
      r.stdout.indexOf("Level street"),
      r.stdout.indexOf("Levels (lowest first)"),
    );
    expect(street).toMatch(/own part \(score = 0\.4000 x own \+ 0\.6000 x children\)/);
    expect(street).toMatch(/sy\) +0\.7500 +0\.7500/);
    expect(street).not.toMatch(/\(a\)/);
    expect(r.stdout).toMatch(/street +0\.4000 +0\.6000 +mean +inherited from p/);
  });

  it("--format json adds levelWeights per level beside the whole tree's weights", async () => {
    const r = await runCli("weights", levelsModel, "--profile", "child", "--format", "json");
    const doc = JSON.parse(r.stdout);
    expect(doc.levelWeights.community.global.a).toBeCloseTo(0.5, 12);
    expect(doc.levelWeights.street.global.sy).toBeCloseTo(0.75, 12);
    expect(doc.levelWeights.street.global.a).toBeUndefined();
    // The whole tree as before: sy = 1/4 (S at the root) x 3/4 = 0.1875.
    expect(doc.global.sy).toBeCloseTo(0.1875, 12);
    expect(doc.levels).toEqual([
      { level: "street", own: 0.4, children: 0.6, rollup: "mean", default: false, from: "p" },
    ]);
  });

  it("--data: a data-driven group of the streets is weighted on the streets' rows alone (entropy, hand computation)", async () => {
    const model = join(dir, "levels-entropy.json");
    writeFileSync(model, levelsSpec({ method: "entropy" }));
    const data = join(dir, "levels-entropy.csv");
    writeFileSync(data, "unit,parent,a,b,sx,sy\ns1,,,,0.2,0.5\ns2,,,,0.8,0.5\nc1,s1,1,2,,\nc2,s2,3,1,,\n");
    const r = await runCli("weights", model, "--profile", "p", "--data", data, "--format", "json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    // On the two streets, min-max gives sx (0, 1) and a constant sy: sy's entropy is 1, its weight 0;
    // sx's shares (0, 1) have entropy 0: weight 1. (On the communities' rows S has no values at all.)
    expect(doc.levelWeights.street.local.sx).toBeCloseTo(1, 12);
    expect(doc.levelWeights.street.local.sy).toBeCloseTo(0, 12);
    // The whole tree's entropy would read S on the communities' rows, where it has no values: left out.
    expect(doc.global).toBeUndefined();
  });
});
