import type { ErrorCode } from "../internal/error-codes.js";
import { type Issue, parsePath } from "../internal/errors.js";
import { AHP_TOLERANCE, isReciprocal, isUnitDiagonal, onSaatyScale } from "./ahp-defaults.js";
import { cellName } from "./element-names.js";
import { readJudgmentValue } from "./judgment-value.js";

/** What pass 1 learned about an entry: read, missing (`null`) or unusable (already reported). */
const READ = 0;
const MISSING = 1;
const UNUSABLE = 2;

/** Options of {@link checkMatrix}. @internal */
export interface CheckMatrixOptions {
  /** Path of the matrix; issues point at `${path}[i]` or `${path}[i][j]`. Default `"matrix"`. */
  path?: string;
  /** Relative tolerance of the reciprocity and scale rules. Default 0.01. */
  tolerance?: number;
  /** Names of the rows, used in messages; when given, the matrix must have one row per label. */
  labels?: readonly string[] | undefined;
  /** Id of the group whose children the matrix compares, named in messages. */
  owner?: string;
  /**
   * Read rounded reciprocals as exact fractions (`0.333` as 1/3; see `readJudgmentValue`), as a model file's
   * matrices are read. Default false: the numeric API takes numbers as given.
   */
  exact?: boolean;
}

/** Result of {@link checkMatrix}. @internal */
export interface MatrixCheck {
  /** Every problem found: shape first, then each entry in row order, then each pair (i < j). */
  issues: Issue[];
  /** Order of the matrix (its number of rows). */
  n: number;
  /** The entries row-major, NaN where a judgment is missing (or unusable). */
  a: Float64Array;
  /** Number of pairs (i < j) judged neither way. */
  missingPairs: number;
  /** Entries read as exact fractions: rounded reciprocals (`0.333` as 1/3, see `readJudgmentValue`). */
  rounded: { where: string; written: string; exact: string }[];
}

/**
 * The one set of rules for a pairwise comparison matrix, the matrix form of `checkJudgments`: `checkModel`
 * reports every issue, `ahp` (through `readPairwise`) throws the first. The matrix must be a non-empty square
 * array (`invalid_matrix`, `matrix_not_square`, `matrix_wrong_size` against `labels`); every entry a positive
 * finite number (or a fraction in a string, `"1/3"`, read by `readJudgmentValue`, which also reads a rounded
 * reciprocal such as 0.333 as the exact 1/3) or `null` off the diagonal (`invalid_matrix`); the diagonal 1 (`invalid_diagonal`); every
 * judgment on Saaty's scale (`judgment_out_of_scale`, see `onSaatyScale`); and a_ji the reciprocal of a_ij within
 * `tolerance`, both given or both `null` (`not_reciprocal`). An entry with a problem is not also compared with its
 * mirror, and a matrix of the wrong shape is not read further, so one mistake gives one issue.
 * @internal
 */
export function checkMatrix(matrix: unknown, opts: CheckMatrixOptions = {}): MatrixCheck {
  const path = opts.path ?? "matrix";
  const tolerance = opts.tolerance ?? AHP_TOLERANCE;
  const labels = opts.labels;
  const issues: Issue[] = [];
  const error = (code: ErrorCode, where: string, message: string): void => {
    issues.push({ code, severity: "error", path: parsePath(where), where, message });
  };
  const cell = (i: number, j: number): string => `${path}[${i}][${j}]`;
  const rounded: MatrixCheck["rounded"] = [];
  const empty: MatrixCheck = { issues, n: 0, a: new Float64Array(0), missingPairs: 0, rounded };
  if (!Array.isArray(matrix) || matrix.length === 0) {
    error("invalid_matrix", path, "expected a non-empty square array of rows");
    return empty;
  }
  const rows: readonly unknown[] = matrix;
  const n = rows.length;
  if (labels !== undefined && labels.length !== n) {
    const owner = opts.owner === undefined ? "the matrix" : JSON.stringify(opts.owner);
    error(
      "matrix_wrong_size",
      path,
      `${owner} compares ${labels.length} elements (${labels.join(", ")}); the matrix is ${n} x ${n}`,
    );
    return empty;
  }

  const a = new Float64Array(n * n);
  const state = new Uint8Array(n * n);
  let shapeOk = true;
  for (let i = 0; i < n; i++) {
    const row: unknown = rows[i];
    if (!Array.isArray(row)) {
      error("invalid_matrix", `${path}[${i}]`, `row ${i} is not an array`);
      shapeOk = false;
      continue;
    }
    if (row.length !== n) {
      error(
        "matrix_not_square",
        `${path}[${i}]`,
        `row ${i} has ${row.length} entries, expected ${n} (not square)`,
      );
      shapeOk = false;
      continue;
    }
    for (let j = 0; j < n; j++) {
      const raw: unknown = row[j];
      const read = raw === null ? undefined : readJudgmentValue(raw, tolerance, opts.exact ?? false);
      const v: unknown = raw === null ? null : (read?.value ?? raw);
      const k = i * n + j;
      a[k] = Number.NaN;
      state[k] = UNUSABLE;
      if (v === null) {
        if (i !== j) state[k] = MISSING;
        else
          error(
            "invalid_diagonal",
            cell(i, j),
            `${cellName(i, j, labels)}: the diagonal must be 1, got null`,
          );
      } else if (typeof v !== "number" || !Number.isFinite(v) || v <= 0)
        error(
          "invalid_matrix",
          cell(i, j),
          `${cellName(i, j, labels)}: expected a positive finite number (or null for a missing judgment), got ${String(v)}`,
        );
      else if (i === j && !isUnitDiagonal(v))
        error("invalid_diagonal", cell(i, j), `${cellName(i, j, labels)}: the diagonal must be 1, got ${v}`);
      else if (i !== j && !onSaatyScale(v, tolerance))
        error(
          "judgment_out_of_scale",
          cell(i, j),
          `${cellName(i, j, labels)}: judgment ${v} is outside Saaty's scale [1/9, 9]`,
        );
      else {
        a[k] = i === j ? 1 : v;
        state[k] = READ;
        if (i !== j && read?.rounded) rounded.push({ where: cell(i, j), ...read.rounded });
      }
    }
  }
  if (!shapeOk) return { ...empty, n };

  let missingPairs = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const upper = i * n + j;
      const lower = j * n + i;
      const su = state[upper];
      const sl = state[lower];
      if (su === MISSING && sl === MISSING) missingPairs++;
      else if (su === UNUSABLE || sl === UNUSABLE) continue;
      else if (su === MISSING || sl === MISSING) {
        const [r, c] = su === MISSING ? [i, j] : [j, i];
        error(
          "not_reciprocal",
          cell(r, c),
          `${cellName(i, j, labels)}: one of a[${i}][${j}] and a[${j}][${i}] is missing and the other is not; leave both null or give both`,
        );
      } else if (!isReciprocal(a[upper]!, a[lower]!, tolerance))
        error(
          "not_reciprocal",
          cell(j, i),
          `${cellName(j, i, labels)}: a[${j}][${i}] = ${a[lower]!} is not the reciprocal of a[${i}][${j}] = ${a[upper]!} (expected ${1 / a[upper]!} within ${tolerance * 100}%)`,
        );
    }
  return { issues, n, a, missingPairs, rounded };
}
