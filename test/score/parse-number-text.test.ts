import { describe, expect, it } from "vitest";
import { emptyCounts, parseNumberText } from "../../src/score/parse-number-text.js";

// Expected values by hand: a percent is the number / 100 as a fraction, the number itself as points;
// full-width digits are their ASCII digits (Unicode NFKC); thousands separators are dropped.
describe("parseNumberText(text, format, points, counts)", () => {
  it.each([
    ["3", 3],
    ["-0.5", -0.5],
    ["1e3", 1000],
    ["85%", 0.85],
    [" 85 % ", 0.85],
    ["12.5%", 0.125],
    ["1,234.5", 1234.5],
    ["-12,000", -12000],
    ["1,234,567", 1234567],
    ["３", 3],
    ["８５％", 0.85],
    ["－２．５", -2.5],
    ["\u22122", -2],
    ["１，２３４", 1234],
  ])("parseNumberText(%j) = %d", (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it("parseNumberText('85%', {}, true) reads points: 85", () => {
    expect(parseNumberText("85%", {}, true)).toBe(85);
  });

  it.each(["", "NA", "-", "—", "——", "--", "无", "/", "#N/A", "／"])(
    "parseNumberText(%j) is missing (NaN)",
    (t) => {
      expect(parseNumberText(t)).toBeNaN();
    },
  );

  it.each(["abc", "1,5", "12,34", "1.2.3", "%", "85%%", "1,234,56", "0x10", "Infinity", "1e999"])(
    "parseNumberText(%j) is not a number (undefined)",
    (t) => {
      expect(parseNumberText(t)).toBeUndefined();
    },
  );

  it("parseNumberText with { missing } replaces the markers: only those are missing", () => {
    const format = { missing: ["", "缺"] };
    expect(parseNumberText("缺", format)).toBeNaN();
    expect(parseNumberText("", format)).toBeNaN();
    expect(parseNumberText("—", format)).toBeUndefined();
    expect(parseNumberText("NA", format)).toBeUndefined();
  });

  it("counts each conversion and keeps the first converted text; plain numbers and NA are not counted", () => {
    const c = emptyCounts();
    for (const t of ["85%", "1,234", "３", "—", "无", "NA", "", "12", "８５％"])
      parseNumberText(t, {}, false, c);
    expect(c).toEqual({ percent: 2, thousands: 1, fullwidth: 2, missing: 2, example: "85%" });
  });
});
