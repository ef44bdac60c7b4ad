import { fail } from "../internal/errors.js";
import { isMissingToken } from "../internal/missing.js";
import type {
  BasisKind,
  BasisLevel,
  DelphiAuthority,
  DelphiRound,
  FamiliarityLevel,
} from "./delphi-types.js";

const EXPERT = ["expert", "name", "专家"];
const BASIS: Record<string, BasisKind> = {
  theory: "theory",
  理论分析: "theory",
  practice: "practice",
  实践经验: "practice",
  literature: "literature",
  参考国内外文献: "literature",
  国内外文献: "literature",
  intuition: "intuition",
  直觉: "intuition",
};
const LEVEL: Record<string, BasisLevel> = {
  high: "high",
  h: "high",
  大: "high",
  medium: "medium",
  m: "medium",
  中: "medium",
  low: "low",
  l: "low",
  小: "low",
};
const FAMILIARITY: Record<string, FamiliarityLevel> = {
  "very-familiar": "very-familiar",
  很熟悉: "very-familiar",
  familiar: "familiar",
  熟悉: "familiar",
  "fairly-familiar": "fairly-familiar",
  较熟悉: "fairly-familiar",
  moderate: "moderate",
  moderately: "moderate",
  一般: "moderate",
  "less-familiar": "less-familiar",
  较不熟悉: "less-familiar",
  不太熟悉: "less-familiar",
  unfamiliar: "unfamiliar",
  很不熟悉: "unfamiliar",
  不熟悉: "unfamiliar",
};

/** Options of {@link delphiRoundFromTable}. */
export interface DelphiTableOptions {
  /** Ids a rating column may have (the model's node ids); another column is an error. Default: any. */
  ids?: readonly string[] | undefined;
  /** Questionnaires sent in this round. */
  sent?: number | undefined;
  /** Name of the table in messages (a file name). */
  name?: string | undefined;
}

/**
 * Reads one Delphi round from a table of text cells (one record per expert, as `readCsvFile` returns): an
 * optional expert column (`expert`, `name` or `专家`), one column per rated id, and optional authority
 * self-ratings: `theory`, `practice`, `literature`, `intuition` (or 理论分析, 实践经验, 参考国内外文献, 直觉)
 * with high / medium / low (H, M, L, 大, 中, 小), `familiarity` (熟悉程度: very familiar 很熟悉, familiar 熟悉,
 * fairly familiar 较熟悉, moderate 一般, less familiar 较不熟悉, unfamiliar 很不熟悉), or `ca` and `cs` as
 * numbers. An empty cell or `NA` is a missing rating.
 *
 * @param rows - the records, one per expert.
 * @param opts - allowed ids, questionnaires sent, the table's name for messages.
 * @throws {IndicatrixError} `invalid_data` (a rating that is not a number, an unknown level, naming row and
 *   column), `unknown_node` (a column that is not an allowed id), `empty_data` (no rows or no rating column).
 * @example
 * ```ts
 * const round = delphiRoundFromTable([
 *   { expert: "Li", a: "5", b: "4", familiarity: "熟悉" },
 *   { expert: "Wang", a: "4", b: "", familiarity: "very familiar" },
 * ]);
 * round.ratings; // => [[5, 4], [4, null]]
 * round.authority?.[1]?.familiarity; // => "very-familiar"
 * ```
 */
export function delphiRoundFromTable(
  rows: readonly Readonly<Record<string, string>>[],
  opts: DelphiTableOptions = {},
): DelphiRound {
  const name = opts.name ?? "table";
  if (rows.length === 0) fail("empty_data", [], "expected one row per expert, got none", name);
  const columns = Object.keys(rows[0] as object);
  const key = (c: string) => c.trim().toLowerCase();
  const expertCol = columns.find((c) => EXPERT.includes(key(c)));
  const basisCols = columns.filter((c) => Object.hasOwn(BASIS, key(c)));
  const famCol = columns.find((c) => ["familiarity", "熟悉程度"].includes(key(c)));
  const caCol = columns.find((c) => key(c) === "ca");
  const csCol = columns.find((c) => key(c) === "cs");
  const meta = new Set([expertCol, famCol, caCol, csCol, ...basisCols].filter((c) => c !== undefined));
  const indicators = columns.filter((c) => !meta.has(c));
  const allowed = opts.ids ? new Set(opts.ids) : null;
  for (const c of indicators)
    if (allowed && !allowed.has(c))
      fail(
        "unknown_node",
        [],
        `column "${c}" is neither a node id of the model nor an expert or authority column`,
        `${name}, column "${c}"`,
      );
  if (indicators.length === 0) fail("empty_data", [], "no rating column (one column per indicator id)", name);
  const at = (i: number, c: string) => `${name}, row ${i + 2}, column "${c}"`;
  const cell = (row: Readonly<Record<string, string>>, c: string) => (row[c] ?? "").trim();
  const number = (row: Readonly<Record<string, string>>, i: number, c: string): number | null => {
    const t = cell(row, c);
    if (t === "" || isMissingToken(t)) return null;
    const v = Number(t);
    if (!Number.isFinite(v))
      fail("invalid_data", ["data", i + 2, c], `expected a number, got "${t}"`, at(i, c));
    return v;
  };
  const hasAuthority = basisCols.length > 0 || famCol || caCol || csCol;
  const authority: (DelphiAuthority | null)[] = rows.map((row, i) => {
    const a: DelphiAuthority = {};
    const basis: Partial<Record<BasisKind, BasisLevel>> = {};
    for (const c of basisCols) {
      const t = key(cell(row, c));
      if (t === "") continue;
      const level = LEVEL[t];
      if (!level)
        fail(
          "invalid_data",
          ["data", i + 2, c],
          `expected high, medium or low (大, 中, 小), got "${cell(row, c)}"`,
          at(i, c),
        );
      basis[BASIS[key(c)] as BasisKind] = level;
    }
    if (Object.keys(basis).length) a.basis = basis;
    if (famCol) {
      const t = key(cell(row, famCol)).replace(/\s+/g, "-");
      if (t !== "") {
        const f = FAMILIARITY[t];
        if (!f)
          fail(
            "invalid_data",
            ["data", i + 2, famCol],
            `expected very familiar, familiar, fairly familiar, moderate, less familiar or unfamiliar, got "${cell(row, famCol)}"`,
            at(i, famCol),
          );
        a.familiarity = f;
      }
    }
    const ca = caCol ? number(row, i, caCol) : null;
    const cs = csCol ? number(row, i, csCol) : null;
    if (ca !== null) a.ca = ca;
    if (cs !== null) a.cs = cs;
    return Object.keys(a).length ? a : null;
  });
  return {
    indicators,
    experts: rows.map((row, i) => (expertCol && cell(row, expertCol)) || `E${i + 1}`),
    ratings: rows.map((row, i) => indicators.map((c) => number(row, i, c))),
    ...(opts.sent !== undefined ? { sent: opts.sent } : {}),
    ...(hasAuthority ? { authority } : {}),
  };
}
