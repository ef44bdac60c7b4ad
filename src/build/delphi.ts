import { quantileSorted } from "../analysis/quantile.js";
import { fail } from "../internal/errors.js";
import { DELPHI_BASIS_TABLE, DELPHI_FAMILIARITY_TABLE } from "./delphi-tables.js";
import type {
  BasisKind,
  DelphiAuthority,
  DelphiChange,
  DelphiExpertAuthority,
  DelphiFailure,
  DelphiIndicatorStats,
  DelphiOptions,
  DelphiResult,
  DelphiRound,
  DelphiRoundResult,
  DelphiVerdict,
} from "./delphi-types.js";
import { type KendallW, kendallW } from "./kendall-w.js";

const BASIS_KINDS: readonly BasisKind[] = ["theory", "practice", "literature", "intuition"];

/**
 * Delphi statistics (德尔菲法) of one or more rounds of expert importance ratings: the positive coefficient
 * (returned / sent questionnaires), the authority coefficient Cr = (Ca + Cs) / 2 per expert and for the panel
 * (Ca from the judgment basis, Cs from familiarity; tables {@link DELPHI_BASIS_TABLE} and
 * {@link DELPHI_FAMILIARITY_TABLE}, replaceable), per indicator the mean M_j, sample SD, CV = SD / M,
 * full-score frequency K_j, median and quartiles, Kendall's W with the ties correction ({@link kendallW},
 * overall and per dimension), the screening verdict and the change from the previous round.
 *
 * Screening: the cut-off-value method (界值法; cut_M = mean(M) - SD(M), cut_K = mean(K) - SD(K), keep values ≥
 * the cut; cut_CV = mean(CV) + SD(CV), keep ≤), fixed thresholds (default M ≥ 0.7 scaleMax and CV ≤ 0.25), or
 * both. Nothing is deleted here: each verdict names the failed criteria with their numbers; {@link delphiToModel}
 * applies them. Missing ratings are skipped per indicator and drop the expert from W (listwise, as SPSS).
 * Reference: DOMAIN.md C2; Kendall & Babington Smith (1939), Annals of Mathematical Statistics 10.
 *
 * @param rounds - one round or the rounds in order.
 * @param opts - the scale (required), SD convention, screening rule and thresholds, dimensions, tables.
 * @throws {IndicatrixError} `invalid_option` (a bad option or round shape), `invalid_matrix` (a ragged ratings matrix),
 *   `value_out_of_range` (a rating outside the scale, naming round, expert and indicator), `duplicate_id`.
 * @example
 * ```ts
 * const r = delphi({ indicators: ["a", "b", "c"], ratings: [[5, 4, 2], [5, 3, 2], [4, 4, 1]], sent: 4 }, { scaleMax: 5 });
 * r.rounds[0]?.positiveCoefficient; // => 0.75
 * r.rounds[0]?.verdicts.map((v) => v.verdict); // => ["keep", "keep", "drop"]
 * ```
 */
export function delphi(rounds: DelphiRound | readonly DelphiRound[], opts: DelphiOptions): DelphiResult {
  const list: readonly DelphiRound[] = Array.isArray(rounds) ? rounds : [rounds as DelphiRound];
  if (list.length === 0) fail("invalid_option", ["rounds"], "expected at least one round");
  const scaleMax = opts?.scaleMax;
  const scaleMin = opts.scaleMin ?? 1;
  if (typeof scaleMax !== "number" || !Number.isFinite(scaleMax))
    fail(
      "invalid_option",
      ["opts", "scaleMax"],
      `expected the highest point of the scale, got ${String(scaleMax)}`,
    );
  if (typeof scaleMin !== "number" || !Number.isFinite(scaleMin) || scaleMin >= scaleMax)
    fail(
      "invalid_option",
      ["opts", "scaleMin"],
      `expected a number below scaleMax ${scaleMax}, got ${String(scaleMin)}`,
    );
  const rule = opts.rule ?? "cutoff";
  if (!["cutoff", "fixed", "both"].includes(rule))
    fail("invalid_option", ["opts", "rule"], `expected "cutoff", "fixed" or "both", got ${String(rule)}`);
  for (const key of ["ddof", "cutoffDdof"] as const) {
    const d = opts[key];
    if (d !== undefined && d !== 0 && d !== 1)
      fail("invalid_option", ["opts", key], `expected 0 or 1, got ${String(d)}`);
  }
  const fixed = {
    mean: opts.fixed?.mean ?? 0.7 * scaleMax,
    cv: opts.fixed?.cv ?? 0.25,
    ...(opts.fixed?.fullScore !== undefined ? { fullScore: opts.fixed.fullScore } : {}),
  };
  const out: DelphiRoundResult[] = [];
  list.forEach((round, r) => {
    out.push(oneRound(round, r, opts, { scaleMin, scaleMax, rule, fixed }, out[r - 1]));
  });
  return { rule, scale: [scaleMin, scaleMax], rounds: out };
}

interface Settings {
  scaleMin: number;
  scaleMax: number;
  rule: "cutoff" | "fixed" | "both";
  fixed: { mean: number; cv: number; fullScore?: number };
}

function oneRound(
  round: DelphiRound,
  r: number,
  opts: DelphiOptions,
  set: Settings,
  previous: DelphiRoundResult | undefined,
): DelphiRoundResult {
  const at = (...rest: (string | number)[]) => ["rounds", r, ...rest];
  const indicators = [...(round?.indicators ?? [])];
  if (indicators.length === 0) fail("invalid_option", at("indicators"), "expected at least one indicator id");
  const seen = new Set<string>();
  indicators.forEach((id, j) => {
    if (typeof id !== "string")
      fail("invalid_option", at("indicators", j), "expected an indicator id (a string)");
    if (seen.has(id)) fail("duplicate_id", at("indicators", j), `indicator "${id}" appears twice`);
    seen.add(id);
  });
  const n = indicators.length;
  const rows = round.ratings;
  if (!Array.isArray(rows) || rows.length === 0)
    fail("invalid_option", at("ratings"), "expected one row of ratings per expert");
  const experts = rows.map((_, e) => round.experts?.[e] ?? `E${e + 1}`);
  if (round.experts && round.experts.length !== rows.length)
    fail(
      "invalid_option",
      at("experts"),
      `expected ${rows.length} expert names (one per row), got ${round.experts.length}`,
    );
  const warnings: string[] = [];
  const where = (e: number, j: number) =>
    `round ${r + 1}, expert "${experts[e]}", indicator "${indicators[j]}"`;
  const values: (number | null)[][] = rows.map((row, e) => {
    if (!Array.isArray(row) || row.length !== n)
      fail(
        "invalid_matrix",
        at("ratings", e),
        `expected ${n} ratings (one per indicator), got ${row?.length}`,
      );
    return row.map((v, j) => {
      if (v === null || (typeof v === "number" && Number.isNaN(v))) return null;
      if (typeof v !== "number" || !Number.isFinite(v))
        fail(
          "invalid_matrix",
          at("ratings", e, j),
          `expected a rating or null, got ${String(v)}`,
          where(e, j),
        );
      if (v < set.scaleMin || v > set.scaleMax)
        fail(
          "value_out_of_range",
          at("ratings", e, j),
          `rating ${v} is outside the scale [${set.scaleMin}, ${set.scaleMax}]`,
          where(e, j),
        );
      return v;
    });
  });
  const responding = values.map((row) => row.some((v) => v !== null));
  const returned = responding.filter(Boolean).length;
  const sent = round.sent ?? Number.NaN;
  if (round.sent !== undefined && (!Number.isInteger(round.sent) || round.sent < returned))
    fail(
      "invalid_option",
      at("sent"),
      `expected a whole number of questionnaires sent, at least the ${returned} returned`,
    );
  const authority = readAuthority(round, experts, opts, at);
  const crOf = authority?.experts.map((a) => a.cr);
  const kendall = kendallW(values);
  if (kendall.dropped.length > 0)
    warnings.push(
      `round ${r + 1}: Kendall's W leaves out ${kendall.dropped.length} expert(s) with a missing rating: ${kendall.dropped.map((e) => experts[e]).join(", ")}`,
    );
  if (Number.isNaN(kendall.w))
    warnings.push(
      `round ${r + 1}: Kendall's W is undefined (fewer than 2 complete experts or indicators, or all ties)`,
    );
  const ddof = opts.ddof ?? 1;
  const stats: DelphiIndicatorStats[] = indicators.map((id, j) => {
    const col: number[] = [];
    let wSum = 0;
    let wTotal = 0;
    values.forEach((row, e) => {
      const v = row[j];
      if (v === null || v === undefined) return;
      col.push(v);
      const c = crOf?.[e];
      if (c !== undefined && Number.isFinite(c)) {
        wSum += c * v;
        wTotal += c;
      }
    });
    if (col.length === 0) warnings.push(`round ${r + 1}: nobody rated indicator "${id}"`);
    return indicatorStats(
      id,
      col,
      returned,
      ddof,
      opts.fullScore === "observed" ? Number.NaN : set.scaleMax,
      {
        authorityMean: wTotal > 0 ? wSum / wTotal : Number.NaN,
        rankSum: kendall.rankSums[j] ?? Number.NaN,
      },
    );
  });
  if (opts.fullScore === "observed") {
    let top = Number.NEGATIVE_INFINITY;
    for (const row of values) for (const v of row) if (v !== null && v > top) top = v;
    stats.forEach((s, j) => {
      const col = values.map((row) => row[j]).filter((v): v is number => v !== null);
      s.fullScore = col.length ? col.filter((v) => v === top).length / col.length : Number.NaN;
    });
  }
  const dimensions: Record<string, KendallW> = {};
  for (const [name, ids] of Object.entries(opts.dimensions ?? {})) {
    const cols = ids.map((id) => indicators.indexOf(id)).filter((j) => j >= 0);
    if (cols.length === 0) continue;
    dimensions[name] = kendallW(values.map((row) => cols.map((j) => row[j] ?? null)));
  }
  const cutoffs = cutoffValues(stats, opts.cutoffDdof ?? 1);
  const verdicts = stats.map((s) => verdictOf(s, cutoffs, set, opts.cutoffDrop ?? "any"));
  const change: DelphiChange[] = [];
  if (previous)
    for (const s of stats) {
      const p = previous.stats.find((q) => q.id === s.id);
      if (p)
        change.push({
          id: s.id,
          mean: s.mean - p.mean,
          sd: s.sd - p.sd,
          cv: s.cv - p.cv,
          fullScore: s.fullScore - p.fullScore,
        });
    }
  const useAuthority = opts.weightsFrom === "authority-mean";
  if (useAuthority && !authority)
    fail("invalid_option", ["opts", "weightsFrom"], `round ${r + 1} has no authority self-ratings`);
  const kept = stats.filter((_, j) => verdicts[j]?.verdict !== "drop");
  const basis = kept.map((s) => (useAuthority ? s.authorityMean : s.mean));
  const total = basis.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  const weights: Record<string, number> = {};
  kept.forEach((s, k) => {
    const b = basis[k] as number;
    weights[s.id] = total > 0 && Number.isFinite(b) ? b / total : Number.NaN;
  });
  return {
    round: r + 1,
    experts,
    indicators,
    sent,
    returned,
    positiveCoefficient: returned / sent,
    authority,
    stats,
    kendall,
    dimensions,
    cutoffs,
    fixed: set.fixed,
    verdicts,
    change,
    wChange: previous ? kendall.w - previous.kendall.w : Number.NaN,
    weights,
    warnings,
  };
}

function indicatorStats(
  id: string,
  col: number[],
  returned: number,
  ddof: 0 | 1,
  full: number,
  extra: { authorityMean: number; rankSum: number },
): DelphiIndicatorStats {
  const k = col.length;
  const mean = k ? col.reduce((a, b) => a + b, 0) / k : Number.NaN;
  let ss = 0;
  for (const v of col) ss += (v - mean) ** 2;
  const sd = k - ddof > 0 ? Math.sqrt(ss / (k - ddof)) : Number.NaN;
  const sorted = [...col].sort((a, b) => a - b);
  const q = (p: number) => (k ? quantileSorted(sorted, p) : Number.NaN);
  const q1 = q(0.25);
  const q3 = q(0.75);
  return {
    id,
    rated: k,
    responseRate: returned ? k / returned : Number.NaN,
    mean,
    sd,
    cv: sd / mean,
    fullScore: k ? col.filter((v) => v === full).length / k : Number.NaN,
    median: q(0.5),
    q1,
    q3,
    iqr: q3 - q1,
    ...extra,
  };
}

/** mean ± SD over the indicators (NaN entries left out). */
function cutoffValues(
  stats: DelphiIndicatorStats[],
  ddof: 0 | 1,
): { mean: number; fullScore: number; cv: number } {
  const ms = (xs: number[]): [number, number] => {
    const v = xs.filter(Number.isFinite);
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    let ss = 0;
    for (const x of v) ss += (x - mean) ** 2;
    return [mean, v.length - ddof > 0 ? Math.sqrt(ss / (v.length - ddof)) : 0];
  };
  const [mM, sM] = ms(stats.map((s) => s.mean));
  const [mK, sK] = ms(stats.map((s) => s.fullScore));
  const [mC, sC] = ms(stats.map((s) => s.cv));
  return { mean: mM - sM, fullScore: mK - sK, cv: mC + sC };
}

const fmt = (x: number) => (Number.isFinite(x) ? String(+x.toFixed(4)) : "NaN");

function verdictOf(
  s: DelphiIndicatorStats,
  cut: { mean: number; fullScore: number; cv: number },
  set: Settings,
  drop: "any" | "all",
): DelphiVerdict {
  const cutFail: DelphiFailure[] = [];
  const fixFail: DelphiFailure[] = [];
  const check = (
    into: DelphiFailure[],
    rule: "cutoff" | "fixed",
    criterion: DelphiFailure["criterion"],
    value: number,
    threshold: number,
    relation: ">=" | "<=",
  ) => {
    const ok = relation === ">=" ? value >= threshold : value <= threshold;
    if (!ok) into.push({ rule, criterion, value, threshold, relation });
  };
  if (set.rule !== "fixed") {
    check(cutFail, "cutoff", "mean", s.mean, cut.mean, ">=");
    check(cutFail, "cutoff", "fullScore", s.fullScore, cut.fullScore, ">=");
    check(cutFail, "cutoff", "cv", s.cv, cut.cv, "<=");
  }
  if (set.rule !== "cutoff") {
    check(fixFail, "fixed", "mean", s.mean, set.fixed.mean, ">=");
    check(fixFail, "fixed", "cv", s.cv, set.fixed.cv, "<=");
    if (set.fixed.fullScore !== undefined)
      check(fixFail, "fixed", "fullScore", s.fullScore, set.fixed.fullScore, ">=");
  }
  const cutVerdict =
    cutFail.length === 0 ? "keep" : drop === "any" || cutFail.length === 3 ? "drop" : "review";
  const verdict = fixFail.length > 0 || cutVerdict === "drop" ? "drop" : cutVerdict;
  const failures = [...cutFail, ...fixFail];
  const text = (fs: DelphiFailure[]) =>
    fs
      .map((f) => `${f.criterion} ${fmt(f.value)} ${f.relation === ">=" ? "<" : ">"} ${fmt(f.threshold)}`)
      .join("; ");
  const parts = [
    ...(cutFail.length ? [`cutoff: ${text(cutFail)}`] : []),
    ...(fixFail.length ? [`fixed: ${text(fixFail)}`] : []),
  ];
  return { id: s.id, verdict, failures, reason: parts.length ? parts.join("; ") : "passes" };
}

function readAuthority(
  round: DelphiRound,
  experts: string[],
  opts: DelphiOptions,
  at: (...rest: (string | number)[]) => (string | number)[],
): DelphiRoundResult["authority"] {
  const list = round.authority;
  if (!list) return null;
  if (list.length !== experts.length)
    fail(
      "invalid_option",
      at("authority"),
      `expected ${experts.length} entries (one per expert), got ${list.length}`,
    );
  const basisTable = opts.basisTable ?? DELPHI_BASIS_TABLE;
  const famTable = opts.familiarityTable ?? DELPHI_FAMILIARITY_TABLE;
  const rows: DelphiExpertAuthority[] = list.map((a: DelphiAuthority | null, e) => {
    let ca = Number.NaN;
    let cs = Number.NaN;
    if (a?.ca !== undefined) ca = a.ca;
    else if (a?.basis) {
      ca = 0;
      for (const kind of BASIS_KINDS) {
        const level = a.basis[kind];
        if (level === undefined) continue;
        const v = basisTable[kind]?.[level];
        if (typeof v !== "number")
          fail(
            "invalid_option",
            at("authority", e, "basis", kind),
            `expected high, medium or low, got ${String(level)}`,
          );
        ca += v;
      }
    }
    if (a?.cs !== undefined) cs = a.cs;
    else if (a?.familiarity !== undefined) {
      const v = famTable[a.familiarity];
      if (typeof v !== "number")
        fail(
          "invalid_option",
          at("authority", e, "familiarity"),
          `expected one of ${Object.keys(famTable).join(", ")}, got ${String(a.familiarity)}`,
        );
      cs = v;
    }
    for (const [key, v] of [
      ["ca", ca],
      ["cs", cs],
    ] as const)
      if (!Number.isNaN(v) && !(v >= 0 && v <= 1))
        fail("invalid_option", at("authority", e, key), `expected a coefficient in [0, 1], got ${v}`);
    return { expert: experts[e] as string, ca, cs, cr: (ca + cs) / 2 };
  });
  const mean = (xs: number[]) => {
    const v = xs.filter(Number.isFinite);
    return v.length ? v.reduce((x, y) => x + y, 0) / v.length : Number.NaN;
  };
  return {
    experts: rows,
    ca: mean(rows.map((x) => x.ca)),
    cs: mean(rows.map((x) => x.cs)),
    cr: mean(rows.map((x) => x.cr)),
  };
}
