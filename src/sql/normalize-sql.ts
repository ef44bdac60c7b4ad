import { IndicatrixError } from "../internal/errors.js";
import { goalpostsForm, midpoint } from "../normalize/affine.js";
import { type Aim, type ResolvedNormalize, resolveNormalize } from "../normalize/resolve-normalize.js";
import type { ResolvedNode } from "../score/resolve-profile.js";
import { unsupported } from "./unsupported.js";
import type { SqlWriter } from "./writer.js";

/**
 * The normalization of indicator `node` as resolved by `resolveNormalize` (the option checks of
 * `score()`, which need no data), its errors naming the indicator.
 */
function resolved(node: ResolvedNode): ResolvedNormalize {
  const opts = node.goalposts
    ? { direction: node.direction, goalposts: node.goalposts }
    : { direction: node.direction };
  try {
    return resolveNormalize(node.normalize, opts);
  } catch (e) {
    if (e instanceof IndicatrixError)
      throw new IndicatrixError(e.code, `indicator "${node.id}": ${e.message}`, { path: node.path });
    throw e;
  }
}

/**
 * Which rows the statistics of a normalization come from (the caller writes the statistics row
 * accordingly): every row (`pooled`), each period's rows (`period`: rank windows are partitioned by
 * `partition`, the period column), or the rows of a reference period (`reference`: min-max becomes
 * the plain linear map of the reference bounds, unclamped unless `clip`, as `scorePanel` carries
 * them; only min-max (reflect or negate), goalposts, z-score and none have parameters to carry).
 * @internal
 */
export type NormalizeBasis =
  | { kind: "pooled" }
  | { kind: "period"; partition: string }
  | { kind: "reference"; period: string; clip: boolean };

/**
 * The normalization of `node` under a reference basis: refuses, as `scorePanel` does, the methods
 * whose statistics cannot be carried from one period to another.
 */
function checkReference(node: ResolvedNode, spec: ResolvedNormalize): void {
  const carried =
    spec.formula === "goalposts" ||
    spec.formula === "none" ||
    spec.formula === "zscore" ||
    (spec.formula === "minmax" && !(spec.aim === "cost" && spec.cost === "reciprocal"));
  if (!carried)
    throw new IndicatrixError(
      "unsupported_basis",
      `indicator "${node.id}": a reference-period basis needs min-max (reflect or negate for cost), goalposts, a z-score or none; ${spec.formula} has no parameters to carry to other periods (use basis "pooled" or "period")`,
      { path: ["opts", "basis"] },
    );
}

/**
 * The normalized value of indicator `node` from its raw column `r` (a column of `raw`): the formula
 * `resolveNormalize` picks, written in SQL. Column statistics (min, max, mean, sd, sums over `raw`)
 * are registered through `stat`, which returns the reference to each, and constants computed from
 * them (a min-max slope and intercept) through `derive`, computed once in the statistics row rather
 * than per unit; ranks are window functions.
 * A missing raw value stays NULL. Where `normalize()` throws on data (a non-positive value under
 * a reciprocal...) the query stops with an `indicatrix: ...` message.
 *
 * @throws IndicatrixError the codes of `resolveNormalize` (the message naming the indicator), and
 *   `unsupported_in_sql` for goalposts so close that their affine map overflows.
 * @internal
 */
export function normalizeSQL(
  w: SqlWriter,
  stat: (agg: string) => string,
  node: ResolvedNode,
  r: string,
  derive: (expr: string) => string = (expr) => expr,
  basis: NormalizeBasis = { kind: "pooled" },
): string {
  const spec = resolved(node);
  if (basis.kind === "reference") checkReference(node, spec);
  const over = basis.kind === "period" ? `PARTITION BY ${basis.partition} ` : "";
  const ties = basis.kind === "period" ? `${basis.partition}, ` : "";
  const id = node.id;
  const n = (x: number) => w.num(x);
  const div = w.div;
  // Counts as doubles, so that no quotient is an integer division.
  const count = (e: string) => stat(`CAST(COUNT(${e}) AS ${w.d.double})`);
  const present = (e: string) => `(CASE WHEN ${r} IS NULL THEN NULL ELSE ${e} END)`;
  // Direction-aligned value: x, -x, or minus the distance to the target.
  const aligned = (aim: Aim): string => {
    if (typeof aim === "object") {
      const [a, b] = aim.target;
      return `(CASE WHEN ${r} IS NULL THEN NULL WHEN ${r} < ${n(a)} THEN ${r} - ${n(a)} WHEN ${r} > ${n(b)} THEN ${n(b)} - ${r} ELSE ${n(0)} END)`;
    }
    return aim === "cost" ? `(-${r})` : r;
  };
  // Ascending rank (1 = the lowest), ties sharing the lowest rank.
  const rankOf = (y: string) => `CAST(RANK() OVER (${over}ORDER BY ${y} ASC NULLS LAST) AS ${w.d.double})`;

  switch (spec.formula) {
    case "minmax": {
      const [lo, hi] = spec.range;
      const width = hi - lo;
      const mid = midpoint(spec.range);
      const cost = spec.aim === "cost";
      if (cost && spec.cost === "reciprocal") {
        const rawMin = stat(`MIN(${r})`);
        const mn = stat(div(n(1), `MAX(${r})`));
        const mx = stat(div(n(1), `MIN(${r})`));
        const guard = `(CASE WHEN ${rawMin} <= 0 THEN ${w.raise(`indicator "${id}": the reciprocal cost transform 1/x needs positive values; the smallest is `, rawMin)} ELSE ${mx} END)`;
        return present(
          `(CASE WHEN ${guard} = ${mn} THEN ${n(mid)} ELSE ${div(`${div(n(1), r)} - ${mn}`, `${mx} - ${mn}`)} * ${n(width)} + ${n(lo)} END)`,
        );
      }
      const mn = stat(`MIN(${r})`);
      const mx = stat(`MAX(${r})`);
      if (basis.kind === "reference" && !basis.clip) {
        // The reference bounds as goalposts without clipping (basisPlan): the linear map of
        // goalpostsForm, z = x * scale + offset, a constant reference column giving the midpoint.
        const ratio = div(n(width), `${mx} - ${mn}`);
        const scale = derive(cost ? `(-${ratio})` : ratio);
        const offset = derive(cost ? `(${n(lo)} + ${mx} * ${ratio})` : `(${n(lo)} - ${mn} * ${ratio})`);
        return present(`(CASE WHEN ${mx} = ${mn} THEN ${n(mid)} ELSE ${r} * ${scale} + ${offset} END)`);
      }
      // The affine form of normalize() (affineForm): z = x * scale + offset, clamped to [lo, hi] (rounding only).
      const wd = n(width);
      const slope = div(cost ? n(-width) : wd, `${mx} - ${mn}`);
      const scale = derive(slope);
      const offset = derive(
        cost ? `(${n(lo)} + ${mx} * ${div(wd, `${mx} - ${mn}`)})` : `(${n(lo)} - ${mn} * ${slope})`,
      );
      const z = `(${r} * ${scale} + ${offset})`;
      return present(
        // The column's max and min map exactly to the ends, as the anchors of affineForm.
        `(CASE WHEN ${mx} = ${mn} THEN ${n(mid)} WHEN ${r} = ${mx} THEN ${n(cost ? lo : hi)} WHEN ${r} = ${mn} THEN ${n(cost ? hi : lo)} WHEN ${z} < ${n(lo)} THEN ${n(lo)} WHEN ${z} > ${n(hi)} THEN ${n(hi)} ELSE ${z} END)`,
      );
    }
    case "goalposts": {
      // The affine form of normalize(), its numbers inlined: z = x * scale + offset, clamped when clipped.
      const form = goalpostsForm(spec);
      if (!form)
        unsupported(
          `goalposts [${spec.goalposts[0]}, ${spec.goalposts[1]}] so close that the affine map overflows`,
          id,
        );
      const z = `(${r} * ${n(form.scale)} + ${n(form.offset)})`;
      if (!spec.clip) return present(z);
      const [lo, hi] = [n(form.clipLo), n(form.clipHi)];
      return present(`(CASE WHEN ${z} < ${lo} THEN ${lo} WHEN ${z} > ${hi} THEN ${hi} ELSE ${z} END)`);
    }
    case "target": {
      const [a, b] = spec.target;
      const [lo, hi] = spec.range;
      const bounds = spec.bounds;
      let scale: string;
      if (bounds) scale = n(Math.max(a - bounds[0], bounds[1] - b));
      else {
        const mn = stat(`MIN(${r})`);
        const mx = stat(`MAX(${r})`);
        scale = `GREATEST(${n(a)} - ${mn}, ${mx} - ${n(b)})`;
      }
      let z = `(CASE WHEN ${r} < ${n(a)} THEN (CASE WHEN ${scale} > 0 THEN ${n(1)} - ${div(`${n(a)} - ${r}`, scale)} ELSE ${n(1)} END) WHEN ${r} > ${n(b)} THEN (CASE WHEN ${scale} > 0 THEN ${n(1)} - ${div(`${r} - ${n(b)}`, scale)} ELSE ${n(1)} END) ELSE ${n(1)} END)`;
      if (spec.clip) z = `(CASE WHEN ${z} < ${n(0)} THEN ${n(0)} ELSE ${z} END)`;
      return present(`(${n(lo)} + ${n(hi - lo)} * ${z})`);
    }
    case "zscore": {
      const y = aligned(spec.aim);
      const mean = stat(`AVG(${y})`);
      const sd = stat(spec.ddof === 1 ? `STDDEV_SAMP(${y})` : `STDDEV_POP(${y})`);
      const sign = spec.sign < 0 ? "-" : "";
      return present(`(CASE WHEN ${sd} > 0 THEN ${sign}${div(`${y} - ${mean}`, sd)} ELSE ${n(0)} END)`);
    }
    case "rank": {
      const y = aligned(spec.aim);
      const rank = rankOf(y);
      if (spec.ties === "average")
        return present(
          `(${rank} + (CAST(COUNT(*) OVER (PARTITION BY ${ties}${y}) AS ${w.d.double}) - ${n(1)}) / ${n(2)})`,
        );
      return present(rank);
    }
    case "borda":
      return present(`(${rankOf(aligned(spec.aim))} - ${n(1)})`);
    case "percentile": {
      const y = aligned(spec.aim);
      const mn = stat(`MIN(${y})`);
      const mx = stat(`MAX(${y})`);
      const cnt = count(r);
      return present(
        `(CASE WHEN ${mn} = ${mx} THEN ${n(0.5)} ELSE ${div(`${rankOf(y)} - ${n(1)}`, `${cnt} - ${n(1)}`)} END)`,
      );
    }
    case "distance-to-max": {
      const y = aligned(spec.aim);
      const mn = stat(`MIN(${y})`);
      const mx = stat(`MAX(${y})`);
      return present(
        `(CASE WHEN ${mn} = ${mx} THEN ${n(0.5)} ELSE ${n(1)} - ${div(`${mx} - ${y}`, `${mx} - ${mn}`)} END)`,
      );
    }
    case "fraction-of-max": {
      const mn = stat(`MIN(${r})`);
      const mx = stat(`MAX(${r})`);
      if (spec.aim === "cost")
        return present(
          `(CASE WHEN ${mn} <= 0 THEN ${w.raise(`indicator "${id}": fraction-of-max on a cost indicator (min / x) needs positive values; the smallest is `, mn)} ELSE ${div(mn, r)} END)`,
        );
      return present(
        `(CASE WHEN ${mn} < 0 THEN ${w.raise(`indicator "${id}": fraction-of-max (x / max) needs non-negative values; the smallest is `, mn)} WHEN ${mx} = 0 THEN ${n(1)} ELSE ${div(r, mx)} END)`,
      );
    }
    case "vector": {
      const ss = stat(`SUM(${r} * ${r})`);
      const cnt = count(r);
      const eq = div(n(1), `SQRT(${cnt})`);
      const unit = div(r, `SQRT(${ss})`);
      if (spec.aim === "cost")
        return present(`(CASE WHEN ${ss} = 0 THEN ${n(1)} - ${eq} ELSE ${n(1)} - ${unit} END)`);
      return present(`(CASE WHEN ${ss} = 0 THEN ${eq} ELSE ${unit} END)`);
    }
    case "sum": {
      const mn = stat(`MIN(${r})`);
      if (spec.aim === "cost") {
        const inv = stat(`SUM(${div(n(1), `(CASE WHEN ${r} > 0 THEN ${r} END)`)})`);
        return present(
          `(CASE WHEN ${mn} <= 0 THEN ${w.raise(`indicator "${id}": sum normalization of a cost indicator ((1/x) / sum(1/x)) needs positive values; the smallest is `, mn)} ELSE ${div(div(n(1), r), inv)} END)`,
        );
      }
      const sum = stat(`SUM(${r})`);
      const cnt = count(r);
      return present(
        `(CASE WHEN ${mn} < 0 THEN ${w.raise(`indicator "${id}": sum normalization (x / sum x) needs non-negative values; the smallest is `, mn)} WHEN ${sum} = 0 THEN ${div(n(1), cnt)} ELSE ${div(r, sum)} END)`,
      );
    }
    case "none":
      return aligned(spec.aim);
  }
}
