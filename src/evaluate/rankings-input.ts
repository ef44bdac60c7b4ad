/** Checks of a list of rankings, shared by {@link borda} and {@link copeland}. @internal */
import { fail } from "../internal/errors.js";

/**
 * Checks `rankings` (at least one, each an array of `m` finite ranks, 1 = best, all the same length)
 * and returns them as Float64Arrays. Errors are `invalid_option` naming ranking and unit. @internal
 */
export function readRankings(rankings: unknown, name = "rankings"): { m: number; r: Float64Array[] } {
  if (!Array.isArray(rankings) || rankings.length === 0)
    fail("invalid_option", name, "expected a non-empty array of rankings (one array of ranks per method)");
  const first: unknown = rankings[0];
  const m = Array.isArray(first) || first instanceof Float64Array ? (first as ArrayLike<number>).length : 0;
  if (m === 0) fail("invalid_option", `${name}[0]`, "expected a non-empty array of ranks");
  const r = rankings.map((ranking: unknown, k): Float64Array => {
    if (!Array.isArray(ranking) && !(ranking instanceof Float64Array))
      return fail("invalid_option", `${name}[${k}]`, "expected an array of ranks (1 = best)");
    const a = ranking as ArrayLike<unknown>;
    if (a.length !== m)
      fail(
        "invalid_option",
        `${name}[${k}]`,
        `has ${a.length} ranks, ${name}[0] has ${m}: every ranking must rank the same units`,
      );
    const out = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const v = a[i];
      if (typeof v !== "number" || !Number.isFinite(v))
        fail("invalid_option", `${name}[${k}][${i}]`, `expected a finite rank, got ${String(v)}`);
      out[i] = v;
    }
    return out;
  });
  return { m, r };
}
