import { appendKey } from "../parse-model.js";
import type { BwmWeightSpec, DematelWeightSpec, G1WeightSpec } from "../schema.js";
import { type Diagnostic, error } from "./diagnostic.js";
import type { WeightSite } from "./weight-spec.js";

/** `unknown_child` for each id of `ids` (at `path[k]`) that is not a child of the group. */
function unknownIds(ids: readonly string[], path: string, site: WeightSite<unknown>): Diagnostic[] {
  return ids.flatMap((id, k) =>
    site.children.includes(id)
      ? []
      : [
          error(
            "unknown_child",
            `${path}[${k}]`,
            `"${id}" is not a child of "${site.nodeId}" (children: ${site.children.join(", ")})`,
          ),
        ],
  );
}

/** `missing_child` for each active child not among `ids`. */
function missingIds(
  ids: readonly string[],
  path: string,
  what: string,
  site: WeightSite<unknown>,
): Diagnostic[] {
  return site.activeChildren
    .filter((c) => !ids.includes(c))
    .map((c) =>
      error(
        "missing_child",
        path,
        `child "${c}" of "${site.nodeId}" (active in profile "${site.profile}") is not in the ${what}`,
      ),
    );
}

/**
 * The rules of a G1 spec: `order` and `ratios`, or `experts`, not both (`ambiguous_judgments`) and not neither
 * (`missing_judgments`); each order names children (`unknown_child`), once each (`invalid_judgment`), every active
 * child (`missing_child`); one ratio per neighbouring pair, each on Guo's scale [1, 1.8] unless `scale: "free"`
 * (`invalid_judgment`).
 * @internal
 */
export function checkG1Spec(site: WeightSite<G1WeightSpec>): Diagnostic[] {
  const { spec, path } = site;
  const own = spec.order !== undefined || spec.ratios !== undefined;
  if (own && spec.experts)
    return [error("ambiguous_judgments", path, `give either "experts" or "order"/"ratios", not both`)];
  const sets = spec.experts
    ? spec.experts.map((e, k) => ({ ...e, at: `${path}.experts[${k}]` }))
    : own
      ? [{ order: spec.order ?? [], ratios: spec.ratios ?? [], at: path }]
      : [];
  if (sets.length === 0)
    return [error("missing_judgments", path, `G1 weights for "${site.nodeId}" need "order" and "ratios"`)];
  const strict = spec.scale !== "free";
  return sets.flatMap(({ order, ratios, at }) => {
    const out = [
      ...unknownIds(order, `${at}.order`, site),
      ...missingIds(order, `${at}.order`, "G1 order", site),
    ];
    order.forEach((id, k) => {
      if (order.indexOf(id) !== k)
        out.push(error("invalid_judgment", `${at}.order[${k}]`, `"${id}" appears twice in the G1 order`));
    });
    if (ratios.length !== Math.max(0, order.length - 1))
      out.push(
        error(
          "invalid_judgment",
          `${at}.ratios`,
          `expected ${Math.max(0, order.length - 1)} ratios (one per neighbouring pair of "order"), got ${ratios.length}`,
        ),
      );
    ratios.forEach((r, k) => {
      if (strict && !(r >= 1 && r <= 1.8))
        out.push(
          error(
            "invalid_judgment",
            `${at}.ratios[${k}]`,
            `r_${k + 2} = ${r} is off Guo's scale [1, 1.8] (1.0 equal ... 1.8 extremely more important); give scale: "free" for other values`,
          ),
        );
    });
    return out;
  });
}

/**
 * The rules of a best-worst spec: `best` and `worst` are children (`unknown_child`) and differ
 * (`invalid_judgment`); the keys of both judgment records are children (`unknown_child`) and cover every active
 * child (`missing_child`), every value is on 1-9 (`judgment_out_of_scale`), best-to-best and worst-to-worst are 1
 * and best-to-worst is the same in both records (`invalid_judgment`).
 * @internal
 */
export function checkBwmSpec(site: WeightSite<BwmWeightSpec>): Diagnostic[] {
  const { spec, path } = site;
  const out: Diagnostic[] = [];
  for (const key of ["best", "worst"] as const)
    if (!site.children.includes(spec[key]))
      out.push(
        error(
          "unknown_child",
          `${path}.${key}`,
          `"${spec[key]}" is not a child of "${site.nodeId}" (children: ${site.children.join(", ")})`,
        ),
      );
  if (spec.best === spec.worst)
    out.push(error("invalid_judgment", `${path}.worst`, "the best and the worst child must differ"));
  for (const key of ["bestToOthers", "othersToWorst"] as const) {
    const rec = spec[key];
    const at = `${path}.${key}`;
    for (const [id, v] of Object.entries(rec)) {
      if (!site.children.includes(id))
        out.push(error("unknown_child", appendKey(at, id), `"${id}" is not a child of "${site.nodeId}"`));
      else if (!(v >= 1 && v <= 9))
        out.push(
          error("judgment_out_of_scale", appendKey(at, id), `expected a judgment on the 1-9 scale, got ${v}`),
        );
    }
    out.push(...missingIds(Object.keys(rec), at, `"${key}" judgments`, site));
  }
  const bb = spec.bestToOthers[spec.best];
  if (bb !== undefined && bb !== 1)
    out.push(
      error(
        "invalid_judgment",
        appendKey(`${path}.bestToOthers`, spec.best),
        `the best against itself must be 1, got ${bb}`,
      ),
    );
  const ww = spec.othersToWorst[spec.worst];
  if (ww !== undefined && ww !== 1)
    out.push(
      error(
        "invalid_judgment",
        appendKey(`${path}.othersToWorst`, spec.worst),
        `the worst against itself must be 1, got ${ww}`,
      ),
    );
  const bw1 = spec.bestToOthers[spec.worst];
  const bw2 = spec.othersToWorst[spec.best];
  if (bw1 !== undefined && bw2 !== undefined && bw1 !== bw2)
    out.push(
      error(
        "invalid_judgment",
        appendKey(`${path}.othersToWorst`, spec.best),
        `best over worst is ${bw1} in bestToOthers but ${bw2} here; they are one judgment`,
      ),
    );
  return out;
}

/**
 * The rules of a DEMATEL spec: `matrix` or `experts`, not both (`ambiguous_judgments`) and not neither
 * (`missing_judgments`); `order` names children (`unknown_child`) and every active child (`missing_child`); each
 * matrix is n x n for the n ids of the order (`matrix_wrong_size`) with a zero diagonal (`invalid_diagonal`).
 * @internal
 */
export function checkDematelSpec(site: WeightSite<DematelWeightSpec>): Diagnostic[] {
  const { spec, path } = site;
  if (spec.matrix && spec.experts)
    return [error("ambiguous_judgments", path, `give either "matrix" or "experts", not both`)];
  const matrices = spec.experts
    ? spec.experts.map((m, k) => ({ m, at: `${path}.experts[${k}]` }))
    : spec.matrix
      ? [{ m: spec.matrix, at: `${path}.matrix` }]
      : [];
  if (matrices.length === 0)
    return [error("missing_judgments", path, `DEMATEL weights for "${site.nodeId}" need "matrix"`)];
  const order = spec.order ?? site.children;
  const out = spec.order
    ? [
        ...unknownIds(spec.order, `${path}.order`, site),
        ...missingIds(spec.order, `${path}.order`, "DEMATEL order", site),
      ]
    : [];
  const n = order.length;
  for (const { m, at } of matrices) {
    if (m.length !== n || m.some((r) => r.length !== n)) {
      out.push(
        error(
          "matrix_wrong_size",
          at,
          `expected ${n} x ${n} (one row and column per id of ${spec.order ? '"order"' : "the children"})`,
        ),
      );
      continue;
    }
    m.forEach((r, i) => {
      if (r[i] !== 0)
        out.push(
          error("invalid_diagonal", `${at}[${i}][${i}]`, `"${order[i]}" on itself must be 0, got ${r[i]}`),
        );
    });
  }
  return out;
}
