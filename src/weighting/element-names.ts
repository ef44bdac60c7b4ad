/**
 * How AHP messages name the elements of a pairwise comparison matrix: by index, with the label when there is one.
 * @internal
 * @module
 */

/** Names a cell for messages: `row 1 ("P"), column 2 ("R")`. @internal */
export function cellName(i: number, j: number, labels: readonly string[] | undefined): string {
  const li = labels?.[i];
  const lj = labels?.[j];
  return `row ${i}${li === undefined ? "" : ` (${JSON.stringify(li)})`}, column ${j}${lj === undefined ? "" : ` (${JSON.stringify(lj)})`}`;
}

/** Names an element for messages: `2 ("R")` or `2`. @internal */
export function elementName(i: number, labels: readonly string[] | undefined): string {
  const l = labels?.[i];
  return l === undefined ? String(i) : JSON.stringify(l);
}
