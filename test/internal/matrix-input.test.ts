import { describe, expect, it } from "vitest";
import { IndicatrixError } from "../../src/internal/errors.js";
import { readMatrix } from "../../src/internal/matrix-input.js";

const where = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof IndicatrixError) return `${e.code} @ ${e.where}: ${e.message}`;
    throw e;
  }
  return "no error";
};

// 3 units x 2 indicators, by rows and by columns.
const ROWS = [
  [1, 10],
  [2, 20],
  [3, 30],
];
const COLS = () => [Float64Array.of(1, 2, 3), Float64Array.of(10, 20, 30)];

describe("readMatrix: one reader for rows and columns", () => {
  it("readMatrix(rows), readMatrix({ columns }) and the deprecated bare Float64Array[] give the same 3 x 2 columns", () => {
    const want = { m: 3, n: 2, cols: COLS() };
    expect(readMatrix(ROWS)).toEqual(want);
    expect(readMatrix({ columns: COLS() })).toEqual(want);
    expect(readMatrix(COLS())).toEqual(want);
  });

  it("readMatrix({ columns }) returns the caller's Float64Arrays themselves (no copy)", () => {
    const cols = COLS();
    const got = readMatrix({ columns: cols });
    expect(got.cols[0]).toBe(cols[0]);
    expect(got.cols[1]).toBe(cols[1]);
  });

  it("a ragged row is named by its row index: matrix[1]", () => {
    expect(where(() => readMatrix([[1, 2], [3], [4, 5]]))).toBe(
      "invalid_matrix @ matrix[1]: matrix[1]: row 1 has 1 entries, expected 2 (ragged matrix)",
    );
  });

  it("a non-finite value is named by row then column, in rows and in columns alike: matrix[2][1]", () => {
    const message =
      "invalid_matrix @ matrix[2][1]: matrix[2][1]: row 2, column 1: expected a finite number, got NaN";
    const rows = [
      [1, 10],
      [2, 20],
      [3, Number.NaN],
    ];
    expect(where(() => readMatrix(rows))).toBe(message);
    expect(
      where(() => readMatrix({ columns: [Float64Array.of(1, 2, 3), Float64Array.of(10, 20, Number.NaN)] })),
    ).toBe(message);
    expect(where(() => readMatrix([Float64Array.of(1, 2, 3), Float64Array.of(10, 20, Number.NaN)]))).toBe(
      message,
    );
    expect(where(() => readMatrix({ columns: [Float64Array.of(1, Number.POSITIVE_INFINITY, 3)] }, "x"))).toBe(
      "invalid_matrix @ x[1][0]: x[1][0]: row 1, column 0: expected a finite number, got Infinity",
    );
  });

  it("columns of different lengths, a column that is not a Float64Array, and empty columns name the column", () => {
    expect(where(() => readMatrix({ columns: [Float64Array.of(1, 2), Float64Array.of(1)] }))).toMatch(
      /^invalid_matrix @ matrix\.columns\[1\]: .*column 1 has 1 values, column 0 has 2$/,
    );
    expect(where(() => readMatrix({ columns: [[1, 2] as unknown as Float64Array] }))).toMatch(
      /^invalid_matrix @ matrix\.columns\[0\]: .*must be a Float64Array/,
    );
    expect(where(() => readMatrix({ columns: [new Float64Array(0)] }))).toMatch(
      /^invalid_matrix @ matrix\.columns\[0\]: .*at least one row$/,
    );
    expect(where(() => readMatrix([Float64Array.of(1, 2), Float64Array.of(1)]))).toMatch(
      /^invalid_matrix @ matrix\[1\]: /,
    );
  });

  it("no rows and no columns, and input of neither form, fail at the argument itself", () => {
    expect(where(() => readMatrix([]))).toMatch(/^invalid_matrix @ matrix: /);
    expect(where(() => readMatrix({ columns: [] }))).toMatch(/^invalid_matrix @ matrix: /);
    expect(where(() => readMatrix("x" as never))).toMatch(/^invalid_matrix @ matrix: /);
    expect(where(() => readMatrix(null as never))).toMatch(/^invalid_matrix @ matrix: /);
  });

  it("with finite: false, columnar values are left for the caller to check, rows are still checked", () => {
    expect(readMatrix({ columns: [Float64Array.of(1, Number.NaN)] }, "matrix", { finite: false }).m).toBe(2);
    expect(where(() => readMatrix([[1], [Number.NaN]], "matrix", { finite: false }))).toMatch(
      /^invalid_matrix @ matrix\[1\]\[0\]: /,
    );
  });
});
