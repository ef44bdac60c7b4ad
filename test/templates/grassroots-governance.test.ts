import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseModel } from "../../src/indicators/parse-model.js";
import { activeNodes } from "../../src/indicators/profiles.js";
import type { Model, ModelNode } from "../../src/indicators/schema.js";
import { grassrootsGovernance } from "../../src/indicators/templates/index.js";
import { isIndicator, listIndicators, walkTree } from "../../src/indicators/tree.js";
import { validateModel } from "../../src/score/validate-model.js";
import { ahp } from "../../src/weighting/ahp.js";
import {
  CHAIN_PROFILES,
  CRITERIA,
  communitySystem,
  DIMENSIONS,
  direction,
  fraction,
  goalposts,
  JUDGMENTS,
  LEVEL1,
  OVERLAYS,
  TABLE,
} from "./domain-table.js";

const FILE = new URL("../../templates/grassroots-governance.json", import.meta.url);
const json: unknown = JSON.parse(readFileSync(FILE, "utf8"));
const full: Model = parseModel(json);
// The design's community system inside the template (without the chain nodes of issue 14, tested below).
const model: Model = parseModel(communitySystem(full));
const leaves = listIndicators(model);
const byCode = new Map(walkTree(model.tree).map((v) => [v.node.code, v.node]));
const codeOfId = new Map(walkTree(model.tree).map((v) => [v.node.id, v.node.code]));
const dimIds = DIMENSIONS.map(([, id]) => id);
const profile = (name: string) => model.profiles?.[name] ?? {};

describe("templates/grassroots-governance.json", () => {
  it("validateModel(template) reports no error and no warning", () => {
    const result = validateModel(json);
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("grassrootsGovernance (the exported object) equals the JSON file and is deeply frozen", () => {
    expect(grassrootsGovernance).toEqual(json);
    expect(Object.isFrozen(grassrootsGovernance)).toBe(true);
    const firstLeaf = listIndicators(grassrootsGovernance as Model)[0] as ModelNode;
    expect(Object.isFrozen(firstLeaf)).toBe(true);
    expect(Object.isFrozen(firstLeaf.goalposts)).toBe(true);
  });

  it("has the header fields the brief asks for: $schema, id, zh/en name and description, language zh, version", () => {
    expect(model.$schema).toBe("https://unpkg.com/indicatrix/schema/model.schema.json");
    expect(model.id).toBe("grassroots-governance");
    expect(Object.keys(model.name as object).sort()).toEqual(["en", "zh"]);
    expect(Object.keys(model.description as object).sort()).toEqual(["en", "zh"]);
    expect(model.language).toBe("zh");
    expect(model.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(model.defaults).toEqual({ normalize: "goalposts", aggregate: "arithmetic", missing: "skip" });
  });

  it("has the shape of the design (test/fixtures/governance): root governance > 6 dimensions S P R T F E > 25 criteria > 60 indicators", () => {
    expect(model.tree.id).toBe("governance");
    expect((model.tree.name as Record<string, string>).zh).toBe("党建引领下的基层社会治理效能");
    const dims = model.tree.children ?? [];
    expect(dims.map((d) => [d.code, d.id])).toEqual(DIMENSIONS);
    const criteria = dims.flatMap((d) => d.children ?? []);
    expect(criteria.map((c) => c.code)).toEqual(Object.keys(CRITERIA));
    for (const d of dims) for (const c of d.children ?? []) expect(c.code?.[0]).toBe(d.code);
    expect(criteria.every((c) => !isIndicator(c) && (c.children ?? []).every(isIndicator))).toBe(true);
    expect(leaves).toHaveLength(60);
    expect(leaves.every((l) => /^[a-z][a-z0-9_]*$/.test(l.id))).toBe(true);
  });

  it("lists every indicator of the design in order with its code, unit, direction, goalposts, source and profile", () => {
    expect(leaves.map((l) => l.code)).toEqual(TABLE.map((r) => r[0]));
    for (const [code, unit, dir, gp, prof, source] of TABLE) {
      const leaf = byCode.get(code) as ModelNode;
      expect({
        code,
        unit: leaf.unit,
        direction: leaf.direction,
        goalposts: leaf.goalposts,
        source: leaf.source,
      }).toEqual({
        code,
        unit,
        direction: direction(dir),
        goalposts: goalposts(gp),
        source,
      });
      expect(leaf.profiles).toEqual(prof === "E" ? ["emergency"] : undefined);
      expect(leaf.tags?.includes("emergency-only") ?? false).toBe(prof === "E");
      const name = leaf.name as Record<string, string>;
      expect(name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(name.en).toMatch(/^[A-Z]/);
    }
  });

  it("F3.1 goalposts are [1, 720] and the codes of leaves start with their criterion's code", () => {
    expect(byCode.get("F3.1")?.goalposts).toEqual([1, 720]);
    for (const v of walkTree(model.tree))
      if (isIndicator(v.node)) expect(v.node.code?.startsWith(`${v.parent?.code}.`)).toBe(true);
  });

  it("activeNodes: 46 indicators in normal, all 60 in emergency and in each scenario overlay (the design)", () => {
    const leafIds = new Set(leaves.map((l) => l.id));
    const count = (p: string) => [...activeNodes(model, p)].filter((id) => leafIds.has(id)).length;
    expect(count("normal")).toBe(46);
    for (const p of ["emergency", "public_health", "natural_disaster", "social_security"])
      expect(count(p)).toBe(60);
    expect(leaves.filter((l) => l.tags?.includes("emergency-only"))).toHaveLength(14);
  });

  it("criterion F3 (all leaves emergency-only) is itself limited to the emergency profile; no other group is", () => {
    const groups = walkTree(model.tree).filter((v) => !isIndicator(v.node));
    expect(groups.filter((v) => v.node.profiles).map((v) => [v.node.code, v.node.profiles])).toEqual([
      ["F3", ["emergency"]],
    ]);
    expect(activeNodes(model, "normal").has("emergency_response")).toBe(false);
    expect(activeNodes(model, "emergency").has("emergency_response")).toBe(true);
  });

  it("level-1 AHP judgments are those of the design, in both profiles", () => {
    for (const name of ["normal", "emergency"] as const) {
      const spec = profile(name).weights?.governance;
      if (typeof spec !== "object" || spec.method !== "ahp") throw new Error(`${name}: expected an AHP spec`);
      const got = new Map<string, number>();
      for (const [a, b, v] of spec.judgments ?? []) {
        const [i, j] = [dimIds.indexOf(a), dimIds.indexOf(b)];
        const x = v as number; // the template writes numbers
        got.set(i < j ? `${i},${j}` : `${j},${i}`, i < j ? x : 1 / x);
      }
      const expected = JUDGMENTS[name].split(", ").map((s) => {
        const [, a, b, v] = /^(\w):(\w)=([\d/]+)$/.exec(s) as RegExpExecArray;
        const codes = DIMENSIONS.map(([c]) => c);
        return [
          `${codes.indexOf(a as string)},${codes.indexOf(b as string)}`,
          fraction(v as string),
        ] as const;
      });
      expect(got.size).toBe(15);
      for (const [key, v] of expected) expect(got.get(key)).toBeCloseTo(v, 12);
    }
  });

  it("ahp(level-1 judgments) reproduces the design's eigenvector weights (compute.py) to 4 decimals", () => {
    for (const name of ["normal", "emergency"] as const) {
      const spec = profile(name).weights?.governance;
      if (typeof spec !== "object" || spec.method !== "ahp") throw new Error("expected AHP");
      const m = dimIds.map(() => dimIds.map(() => 1));
      for (const [a, b, v] of spec.judgments ?? []) {
        const [i, j] = [dimIds.indexOf(a), dimIds.indexOf(b)];
        (m[i] as number[])[j] = v as number; // the template writes numbers
        (m[j] as number[])[i] = 1 / (v as number);
      }
      const result = ahp(m);
      const expected = DIMENSIONS.map(([c]) => LEVEL1[c as keyof typeof LEVEL1][name]);
      result.weights.forEach((w, k) => {
        expect(Math.abs(w - (expected[k] as number))).toBeLessThanOrEqual(0.00005 + 1e-12);
      });
      expect(result.consistent).toBe(true);
    }
  });

  it("criterion weights are the design's local weights (normal omits the inactive F3)", () => {
    const critId = new Map(walkTree(model.tree).map((v) => [v.node.code, v.node.id]));
    for (const name of ["normal", "emergency"] as const) {
      for (const d of model.tree.children ?? []) {
        const spec = profile(name).weights?.[d.id];
        if (typeof spec !== "object" || spec.method !== "fixed")
          throw new Error(`${name}.${d.id}: expected fixed`);
        const expected = Object.fromEntries(
          Object.entries(CRITERIA)
            .filter(([code, w]) => code[0] === d.code && w[name] > 0)
            .map(([code, w]) => [critId.get(code), w[name]]),
        );
        expect(spec.weights).toEqual(expected);
      }
    }
  });

  it("emergency extends normal; the scenario overlays extend emergency with factor 2 on the indicators the design lists", () => {
    expect(profile("emergency").extends).toBe("normal");
    expect(Object.keys(full.profiles ?? {})).toEqual([
      "normal",
      "emergency",
      "public_health",
      "natural_disaster",
      "social_security",
      "assessment",
      ...CHAIN_PROFILES,
    ]);
    for (const [name, codes] of Object.entries(OVERLAYS)) {
      const p = profile(name);
      expect(p.extends).toBe("emergency");
      const multipliers = Object.entries(p.multipliers ?? {}).map(([id, f]) => [codeOfId.get(id), f]);
      expect(multipliers.sort()).toEqual(codes.map((c) => [c, 2]).sort());
      expect(p.weights).toBeUndefined();
    }
  });

  it("scenario goalposts for F3.1 containment time: public health [24, 720], natural disaster [1, 168], social security [0.5, 48]", () => {
    const id = byCode.get("F3.1")?.id as string;
    expect(profile("public_health").goalposts).toEqual({ [id]: [24, 720] });
    expect(profile("natural_disaster").goalposts).toEqual({ [id]: [1, 168] });
    expect(profile("social_security").goalposts).toEqual({ [id]: [0.5, 48] });
    expect(profile("normal").goalposts).toBeUndefined();
    expect(profile("emergency").goalposts).toBeUndefined();
  });
});
