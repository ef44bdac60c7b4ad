// The data-driven weighting methods read their matrix through the same reader as the evaluation
// methods: rows (number[][]), { columns } and the deprecated bare Float64Array[] are one matrix.
import { describe, expect, it } from "vitest";
import type { MatrixInput } from "../../src/internal/matrix-input.js";
import { criticWeightsDetailed } from "../../src/weighting/critic.js";
import { entropyWeights, entropyWeightsDetailed } from "../../src/weighting/entropy.js";
import { cvWeightsDetailed, stdDevWeightsDetailed } from "../../src/weighting/variation.js";
import { DIRS, X } from "./golden.js";
import { errorOf } from "./helpers.js";

const columnsOf = (rows: readonly (readonly number[])[]) =>
  rows[0]?.map((_, j) => Float64Array.from(rows, (r) => r[j] as number)) ?? [];

const methods: [string, (x: MatrixInput) => unknown][] = [
  ["entropyWeightsDetailed", (x) => entropyWeightsDetailed(x, { directions: DIRS })],
  ["entropyWeightsDetailed (raw, shift)", (x) => entropyWeightsDetailed(x, { shift: 1e-4 })],
  ["criticWeightsDetailed", (x) => criticWeightsDetailed(x, { directions: DIRS })],
  ["stdDevWeightsDetailed", (x) => stdDevWeightsDetailed(x, { directions: DIRS })],
  ["cvWeightsDetailed", (x) => cvWeightsDetailed(x)],
];

describe("weighting methods: rows, { columns } and bare columns are one matrix", () => {
  it("entropyWeights(rows) equals entropyWeights({ columns }) exactly on DOMAIN §1.17's X", () => {
    expect(entropyWeights({ columns: columnsOf(X) }, { directions: DIRS })).toEqual(
      entropyWeights(X, { directions: DIRS }),
    );
  });

  it.each(methods)("%s gives the same result for rows, { columns } and Float64Array[]", (_, run) => {
    const want = run(X);
    expect(run({ columns: columnsOf(X) })).toEqual(want);
    expect(run(columnsOf(X))).toEqual(want);
  });

  it.each(methods)(
    "%s names a NaN at row 2, column 1 as matrix[2][1], given rows or { columns }",
    (_, run) => {
      const rows = X.map((r) => [...r]);
      (rows[2] as number[])[1] = Number.NaN;
      expect(errorOf(() => run(rows))).toBe("invalid_matrix @ matrix[2][1]");
      expect(errorOf(() => run({ columns: columnsOf(rows) }))).toBe("invalid_matrix @ matrix[2][1]");
    },
  );
});
