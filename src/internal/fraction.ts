/**
 * A judgment written as text: a number or a fraction `a/b` (`1/9`, ` 1 / 3 `, `2.5`, `0.111`), as YAML reads
 * `1/9` and as a spreadsheet exports it. The model schema accepts such strings; `readJudgmentValue` reads them.
 * @internal
 */
export const FRACTION_PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?)\s*)?$/;
