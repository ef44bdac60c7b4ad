import { fail } from "../internal/errors.js";

/**
 * Cronbach's alpha of a group of items (columns aligned over units), on the complete cases (units
 * with every item present): alpha = k / (k - 1) (1 - sum_j var(x_j) / var(sum_j x_j)), variances
 * with the same ddof (it cancels). It measures how consistently the items of a group move together
 * (internal consistency; 0.7 is the usual floor for a scale). Use it per group of a model through
 * {@link structureChecks}; use {@link pearson} for one pair of items.
 *
 * Reference: Cronbach, L.J. (1951) Coefficient alpha and the internal structure of tests,
 * Psychometrika 16:297-334; OECD/JRC Handbook (2008) step 4; COINr `get_cronbach`.
 *
 * @throws IndicatrixError `too_few_items` (fewer than 2 columns), `length_mismatch`,
 *   `too_few_units` (fewer than 2 complete cases), `constant_total` (the item total does not vary,
 *   so alpha is undefined).
 * @example
 * ```ts
 * cronbachAlpha([[1, 2, 3, 4], [2, 2, 4, 4], [1, 3, 2, 4]]); // => 0.8823529411764706   (15/17)
 * ```
 */
export function cronbachAlpha(columns: readonly ArrayLike<number>[]): number {
  const k = columns.length;
  if (!Array.isArray(columns) || k < 2)
    fail("too_few_items", "columns", `Cronbach's alpha needs at least 2 items, got ${k}`);
  const m = (columns[0] as ArrayLike<number>).length;
  for (let j = 1; j < k; j++)
    if ((columns[j] as ArrayLike<number>).length !== m)
      fail(
        "length_mismatch",
        `columns[${j}]`,
        `item ${j} has ${(columns[j] as ArrayLike<number>).length} units, item 0 has ${m}`,
      );
  const rows: number[] = [];
  for (let i = 0; i < m; i++) {
    let ok = true;
    for (let j = 0; j < k && ok; j++) ok = !Number.isNaN((columns[j] as ArrayLike<number>)[i] as number);
    if (ok) rows.push(i);
  }
  const n = rows.length;
  if (n < 2)
    fail(
      "too_few_units",
      "columns",
      `Cronbach's alpha needs at least 2 units with every item present, got ${n}`,
    );
  const variance = (get: (i: number) => number): number => {
    let mean = 0;
    for (const i of rows) mean += get(i);
    mean /= n;
    let ss = 0;
    for (const i of rows) ss += (get(i) - mean) ** 2;
    return ss / (n - 1);
  };
  let items = 0;
  for (const col of columns) items += variance((i) => col[i]!);
  const total = variance((i) => {
    let s = 0;
    for (const col of columns) s += col[i]!;
    return s;
  });
  if (!(total > 0))
    fail("constant_total", "columns", "the sum of the items is constant, so alpha is undefined");
  return (k / (k - 1)) * (1 - items / total);
}
