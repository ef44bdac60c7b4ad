// Every evaluation method reads its matrix through one reader: rows (number[][]) and { columns } give
// the same result, and the deprecated bare Float64Array[] still means columns.
import { describe, expect, it } from "vitest";
import { couplingCoordination } from "../../src/evaluate/coupling.js";
import { fuzzyEvaluation } from "../../src/evaluate/fuzzy.js";
import { greyRelational } from "../../src/evaluate/grey-relational.js";
import { obstacleDegree } from "../../src/evaluate/obstacle.js";
import { rankSumRatio } from "../../src/evaluate/rank-sum-ratio.js";
import { topsis } from "../../src/evaluate/topsis.js";
import type { MatrixInput } from "../../src/internal/matrix-input.js";
import { errorOf } from "../helpers/errors.js";
import { columns, DIRECTIONS, W_STAR, X, Z } from "./golden.js";

const methods: [string, (x: MatrixInput) => unknown][] = [
  ["topsis", (x) => topsis(x, W_STAR, { directions: DIRECTIONS })],
  ["greyRelational", (x) => greyRelational(x, { preprocess: "minmax", directions: DIRECTIONS })],
  ["rankSumRatio", (x) => rankSumRatio(x, { directions: DIRECTIONS })],
  ["fuzzyEvaluation", (x) => fuzzyEvaluation({ values: x, breakpoints: [0, 0.5, 1] }, W_STAR)],
  ["obstacleDegree", (x) => obstacleDegree(x, W_STAR)],
  ["couplingCoordination", (x) => couplingCoordination(x)],
];
// topsis, grey and RSR read the raw X with directions; the others need values in [0, 1]: Z.
const input = (name: string) => (["topsis", "greyRelational", "rankSumRatio"].includes(name) ? X : Z);

describe("evaluation methods: rows, { columns } and bare columns are one matrix", () => {
  it.each(methods)("%s({ columns }) equals %s(rows) on DOMAIN §1.17", (name, run) => {
    const rows = input(name);
    expect(run({ columns: columns(rows) })).toEqual(run(rows));
  });

  it.each(methods)("%s(Float64Array[]) (deprecated bare columns) equals %s(rows)", (name, run) => {
    const rows = input(name);
    expect(run(columns(rows))).toEqual(run(rows));
  });

  it("topsis({ columns }) leaves the caller's columns unchanged", () => {
    const cols = columns(X);
    const before = cols.map((c) => Array.from(c));
    topsis({ columns: cols }, W_STAR, { directions: DIRECTIONS });
    expect(cols.map((c) => Array.from(c))).toEqual(before);
  });

  it.each(methods)("%s names a NaN at row 2, column 1 as [2][1], given rows or { columns }", (name, run) => {
    const rows = input(name).map((r) => [...r]);
    (rows[2] as number[])[1] = Number.NaN;
    const arg = name === "obstacleDegree" ? "z" : name === "couplingCoordination" ? "u" : "matrix";
    const at = name === "fuzzyEvaluation" ? "input.values" : arg;
    expect(errorOf(() => run(rows))).toBe(`invalid_matrix @ ${at}[2][1]`);
    expect(errorOf(() => run({ columns: columns(rows) }))).toBe(`invalid_matrix @ ${at}[2][1]`);
  });

  it("topsis({ columns }) with columns of different lengths names the column: matrix.columns[1]", () => {
    expect(
      errorOf(() => topsis({ columns: [Float64Array.of(1, 2, 3), Float64Array.of(1, 2)] }, [1, 1])),
    ).toBe("invalid_matrix @ matrix.columns[1]");
  });
});

describe("documented example of MatrixInput", () => {
  it("topsis by rows and by { columns }: ideal, anti-ideal and half-way units score 1, 0 and 0.5", () => {
    const rows = [
      [1, 1],
      [0, 0],
      [1, 0],
    ];
    const cols = { columns: [Float64Array.of(1, 0, 1), Float64Array.of(1, 0, 0)] };
    expect(topsis(rows, [0.5, 0.5], { normalization: "none" }).scores).toEqual([1, 0, 0.5]);
    expect(topsis(cols, [0.5, 0.5], { normalization: "none" }).scores).toEqual([1, 0, 0.5]);
  });
});
