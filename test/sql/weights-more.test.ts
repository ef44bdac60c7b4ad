import { describe, expect, it } from "vitest";
import type { Model } from "../../src/indicators/schema.js";
import { toSQL } from "../../src/sql/to-sql.js";
import { codeMessageOf } from "../helpers/errors.js";

const model = (weights: unknown): Model =>
  ({
    id: "m",
    tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }] },
    profiles: { p: { weights: { root: weights } } },
  }) as Model;

describe("toSQL: the weighting methods of issue 17", () => {
  for (const method of ["merec", "gini", "cilos", "idocriw"])
    it(`a data-driven "${method}" spec is refused with unsupported_in_sql naming the method and the node`, () => {
      expect(codeMessageOf(() => toSQL(model({ method }), { source: "t" }))).toMatch(
        new RegExp(`^unsupported_in_sql: .*"${method}".*node "root"`),
      );
    });
  it("a data-driven part of a combination is refused too", () => {
    expect(
      codeMessageOf(() =>
        toSQL(model({ method: "combine", rule: "linear", of: [{ method: "equal" }, { method: "merec" }] }), {
          source: "t",
        }),
      ),
    ).toMatch(/^unsupported_in_sql: .*"merec"/);
  });
  it("g1, bwm, fuzzy-ahp and dematel need no data: their weights compile as constants", () => {
    const specs = [
      { method: "g1", order: ["a", "b", "c"], ratios: [1.2, 1.4] },
      {
        method: "bwm",
        best: "a",
        worst: "c",
        bestToOthers: { a: 1, b: 2, c: 5 },
        othersToWorst: { a: 5, b: 3, c: 1 },
      },
      {
        method: "fuzzy-ahp",
        judgments: [
          ["a", "b", 3],
          ["a", "c", 5],
          ["b", "c", 2],
        ],
      },
      {
        method: "dematel",
        matrix: [
          [0, 1, 2],
          [3, 0, 1],
          [1, 1, 0],
        ],
      },
    ];
    for (const s of specs) expect(toSQL(model(s), { source: "t" }).sql).toMatch(/^WITH /);
  });
});
