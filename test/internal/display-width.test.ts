// Display width of table cells: East Asian wide characters count 2 columns (by hand below), and the
// doc examples of the table helpers of the CLI hold.
import { describe, expect, it } from "vitest";
import { textTable } from "../../src/cli/format.js";
import { moreRows, scaleOption, scoreCell } from "../../src/cli/people.js";
import { rankedTable } from "../../src/cli/ranked-table.js";
import { displayWidth, padDisplay } from "../../src/internal/display-width.js";

describe("displayWidth", () => {
  it("counts 汉字, full-width forms and hangul as 2, ASCII and Latin as 1", () => {
    expect(displayWidth("c01 马乐区")).toBe(4 + 3 * 2);
    expect(displayWidth("３％")).toBe(4); // full-width digit and percent sign (U+FF13, U+FF05)
    expect(displayWidth("한국")).toBe(4);
    expect(displayWidth("café")).toBe(4);
    expect(displayWidth("")).toBe(0);
  });

  it("padDisplay pads to display columns, left or right aligned", () => {
    expect(padDisplay("马乐区", 8)).toBe("马乐区  ");
    expect(padDisplay("7.5", 5, "right")).toBe("  7.5");
    expect(padDisplay("马乐区", 4)).toBe("马乐区");
  });
});

describe("table helpers (their doc examples)", () => {
  it("textTable aligns a Chinese name with ASCII rows and right-aligns numbers", () => {
    expect(
      textTable(
        ["unit", "score"],
        [
          ["马乐区", 7.5],
          ["c2", 10],
        ],
      ),
    ).toBe("unit     score\n马乐区  7.5000\nc2          10\n");
  });

  it("rankedTable sorts by rank, adds the name column and cuts at top", () => {
    const rows = [
      { unit: "a", score: 0.2, rank: 2 },
      { unit: "b", score: 0.7, rank: 1 },
    ];
    expect(
      rankedTable(["unit", "score", "rank"], rows, { rank: "rank", names: new Map([["b", "北村"]]), top: 1 }),
    ).toBe("rank  unit  name   score\n   1  b     北村  0.7000\n... 1 more units (--top N, or --top all)\n");
  });

  it("scoreCell, scaleOption and moreRows", () => {
    expect(scoreCell(0.73456, 100)).toBe("73.5");
    expect(scoreCell(0.73456, 1)).toBe("0.735");
    expect(scoreCell(Number.NaN, 100)).toBe("-");
    expect(scaleOption(undefined, 100)).toBe(100);
    expect(scaleOption("1", 100)).toBe(1);
    expect(() => scaleOption("10", 1)).toThrow(/--scale must be 1 or 100/);
    expect(moreRows(20, 331, "units")).toBe("... 311 more units (--top N, or --top all)\n");
    expect(moreRows(5, 5, "units")).toBe("");
  });
});
