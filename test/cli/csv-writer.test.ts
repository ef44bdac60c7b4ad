import { describe, expect, it } from "vitest";
import { csvChunks, csvChunksOf } from "../../src/cli/format.js";

describe("csvChunksOf: CSV rows written from one reused array of cells", () => {
  it("writes numbers shortest round-trip, NaN and null empty, text quoted when needed (by hand)", () => {
    const rows: (string | number | null | undefined)[][] = [
      ["u1", 0.1 + 0.2, -0.5, null],
      ['a "b", c', Number.NaN, 1e21, " padded"],
      ["=1+2", 3, undefined, "-x"],
    ];
    const text = [
      ...csvChunksOf(
        ["unit", "x", "y", "t"],
        3,
        (i, cells) =>
          rows[i]!.forEach((v, j) => {
            cells[j] = v;
          }),
        { safe: true },
      ),
    ].join("");
    // 0.1 + 0.2 prints as 0.30000000000000004 (String); a quote doubles inside quotes; a text with
    // a blank at an end is quoted; with safe, "=1+2" and "-x" get the ' prefix, -0.5 stays a number.
    expect(text).toBe(
      'unit,x,y,t\nu1,0.30000000000000004,-0.5,\n"a ""b"", c",,1e+21," padded"\n\'=1+2,3,,\'-x\n',
    );
  });

  it("clears the cells between rows and cuts chunks of 1,000 lines as csvChunks does", () => {
    // Row i sets column b only for even i: an odd row must not keep the previous row's value.
    const fill = (i: number, cells: (string | number | null | undefined)[]) => {
      cells[0] = `u${i}`;
      if (i % 2 === 0) cells[1] = i;
    };
    const chunks = [...csvChunksOf(["a", "b"], 2500, fill)];
    // Header + 999 rows, then 1,000 rows, then the last 501.
    expect(chunks.map((c) => c.split("\n").length - 1)).toEqual([1000, 1000, 501]);
    expect(chunks[0]!.split("\n").slice(0, 4)).toEqual(["a,b", "u0,0", "u1,", "u2,2"]);
    const viaRows = [
      ...csvChunks(["a", "b"], 2500, (i) => (i % 2 === 0 ? { a: `u${i}`, b: i } : { a: `u${i}` })),
    ];
    expect(chunks).toEqual(viaRows);
  });
});
