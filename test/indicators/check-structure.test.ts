import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { checkStructure } from "../../src/indicators/check/check-structure.js";
import { parseModel } from "../../src/indicators/parse-model.js";
import { checkModel } from "../../src/score/check-model.js";

/** Two profiles; each has a fixed-weight mistake on the root and an AHP mistake on group g. */
const MODEL = parseModel({
  id: "m",
  tree: {
    id: "root",
    children: [{ id: "g", children: [{ id: "a" }, { id: "b" }] }, { id: "c" }],
  },
  profiles: {
    p: {
      weights: {
        root: { method: "fixed", weights: { g: 1 } },
        g: { method: "ahp", judgments: [["a", "b", 10]] },
      },
    },
    q: {
      weights: {
        g: { method: "ahp", judgments: [["a", "a", 1]] },
        root: { method: "fixed", weights: { g: 1, c: -1 } },
      },
    },
  },
});

describe("checkStructure", () => {
  it("checkStructure(model) without an AHP checker reports the structural mistakes only", () => {
    expect(checkStructure(MODEL).map((d) => `${d.code} @ ${d.where}`)).toEqual([
      "missing_child @ profiles.p.weights.root.weights",
      "negative_weight @ profiles.q.weights.root.weights.c",
    ]);
  });

  it("checkModel(model) adds the AHP mistakes in their place in the model (profile p, then q; specs in order)", () => {
    expect(checkModel(MODEL).map((d) => `${d.code} @ ${d.where}`)).toEqual([
      "missing_child @ profiles.p.weights.root.weights",
      "judgment_out_of_scale @ profiles.p.weights.g.judgments[0][2]",
      "self_comparison @ profiles.q.weights.g.judgments[0]",
      "negative_weight @ profiles.q.weights.root.weights.c",
    ]);
  });

  it("checkStructure(model) calls the AHP checker once per AHP spec with the group, its children and the profile", () => {
    const sites: string[] = [];
    checkStructure(MODEL, {
      ahp: (site) => {
        sites.push(`${site.profile} ${site.nodeId} [${site.children.join(", ")}] ${site.path}`);
        return [];
      },
    });
    expect(sites).toEqual(["p g [a, b] profiles.p.weights.g", "q g [a, b] profiles.q.weights.g"]);
  });
});

describe("layers", () => {
  const SRC = join(import.meta.dirname, "..", "..", "src");
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
    );

  it("no module under src/indicators imports from weighting or a layer above it", () => {
    const above = ["weighting", "score", "analysis", "sql", "report", "node", "cli"];
    const offenders = files(join(SRC, "indicators")).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/from "([^"]+)"/g)]
        .map((m) => relative(SRC, join(file, "..", m[1] ?? "")))
        .filter((target) => above.includes(target.split("/")[0] ?? ""))
        .map((target) => `${relative(SRC, file)} -> ${target}`),
    );
    expect(offenders).toEqual([]);
  });
});
