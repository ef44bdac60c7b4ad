// The @example blocks of src/build/, run as tests so that the documented results stay true.
import { describe, expect, it } from "vitest";
import {
  DELPHI_BASIS_TABLE,
  DELPHI_FAMILIARITY_TABLE,
  delphi,
  delphiRoundFromTable,
  delphiToModel,
  kendallW,
} from "../../src/build/index.js";

describe("documented examples of src/build", () => {
  it("kendallW, delphi and the authority tables give their documented results", () => {
    expect(
      +kendallW([
        [1, 2, 3],
        [1, 2, 3],
        [1, 3, 2],
      ]).w.toFixed(4),
    ).toBe(0.7778);
    const r = delphi(
      {
        indicators: ["a", "b", "c"],
        ratings: [
          [5, 4, 2],
          [5, 3, 2],
          [4, 4, 1],
        ],
        sent: 4,
      },
      { scaleMax: 5 },
    );
    expect(r.rounds[0]?.positiveCoefficient).toBe(0.75);
    expect(r.rounds[0]?.verdicts.map((v) => v.verdict)).toEqual(["keep", "keep", "drop"]);
    expect(DELPHI_BASIS_TABLE.practice.high).toBe(0.5);
    expect(DELPHI_FAMILIARITY_TABLE.familiar).toBe(0.8);
    const model = { id: "m", tree: { id: "root", children: [{ id: "a" }, { id: "b" }, { id: "c" }] } };
    const pruned = delphiToModel(model, r, { weights: true });
    expect(pruned.tree.children?.map((c) => c.id)).toEqual(["a", "b"]);
    expect(pruned.history?.[0]?.removed).toEqual([
      { id: "c", reason: "cutoff: mean 1.6667 < 1.8058; cv 0.3464 > 0.3292" },
    ]);
    const round = delphiRoundFromTable([
      { expert: "Li", a: "5", b: "4", familiarity: "熟悉" },
      { expert: "Wang", a: "4", b: "", familiarity: "very familiar" },
    ]);
    expect(round.ratings).toEqual([
      [5, 4],
      [4, null],
    ]);
    expect(round.authority?.[1]?.familiarity).toBe("very-familiar");
  });
});
