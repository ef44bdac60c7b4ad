import { describe, expect, it } from "vitest";
import { moora } from "../../src/evaluate/moora.js";
import { CASES, checkProperties, close, columnsOf, errorOf, REF } from "./mcdm-b.js";

describe("moora", () => {
  it.each(CASES)(
    "$name: ratio system and reference point equal compute.py's numpy MOORA (ratio system: pymcdm and pyDecision, peers.py) to 1e-9",
    (c) => {
      const r = moora(c.matrix, c.weights, { directions: c.directions });
      const e = c.expected.moora;
      close(r.ratioSystem, e.ratioSystem);
      close(r.referencePoint, e.referencePoint);
      expect(r.ratioRanks).toEqual(e.ratioRanks);
      expect(r.referenceRanks).toEqual(e.referenceRanks);
      expect(r.scores).toEqual(r.ratioSystem);
      const ref = moora(c.matrix, c.weights, { directions: c.directions, approach: "reference" });
      expect(ref.scores).toEqual(r.referencePoint);
      expect(ref.ranks).toEqual(e.referenceRanks);
    },
  );

  it("Siregar et al. (2021) example: ratio system 0.1801, 0.2345, ... as published (4 decimals)", () => {
    const p = REF.published.moora;
    const r = moora(p.matrix, p.weights, { directions: p.directions as ("cost" | "benefit")[] });
    close(r.scores, p.published, 0.00005);
    close(r.scores, p.computed);
  });

  it("moora on { columns } equals moora on rows", () => {
    const c = CASES[1]!;
    expect(moora(columnsOf(c.matrix), c.weights, { directions: c.directions })).toEqual(
      moora(c.matrix, c.weights, { directions: c.directions }),
    );
  });

  it("a dominating unit ranks first by both approaches; permuting units permutes the results (seeded)", () => {
    checkProperties((x, w, directions) => moora(x, w, { directions }), 200);
    checkProperties((x, w, directions) => moora(x, w, { directions, approach: "reference" }), 210);
  });

  it("refuses an unknown approach with invalid_option", () => {
    expect(errorOf(() => moora([[1], [2]], [1], { approach: "x" as "ratio" }))).toBe(
      "invalid_option @ opts.approach",
    );
  });
});
