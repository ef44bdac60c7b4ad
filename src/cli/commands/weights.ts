import { parseArgs } from "node:util";
import { profileNames } from "../../indicators/profiles.js";
import type { Model } from "../../indicators/schema.js";
import { displayName } from "../../indicators/tree.js";
import { IndicatrixError } from "../../internal/errors.js";
import { type ResolvedProfile, resolveProfile } from "../../score/resolve-profile.js";
import { resolveWeights } from "../../score/resolve-weights.js";
import { type Io, UsageError } from "../context.js";
import { DATA_OPTIONS, dataHelp } from "../data-options.js";
import { formatNumber, printable, textTable } from "../format.js";
import { loadData, loadModel } from "../load.js";
import { levelSections, spaceWeights } from "../weights-space.js";

export const weightsHelp = `Usage: indicatrix weights <model> [--profile P] [--data file.csv] [--format text|json]

Prints the indicator tree with the local and global weight of every node and the consistency of every
AHP node; inconsistent judgments are flagged with the judgment to revisit (and, when one change is not
enough, the smallest set of changes that is). A node judged by several experts lists each expert by name
with their weight, CR, priorities and advice. Data-driven weights (entropy, CRITIC, ...) need --data.
A blended profile shows each blended profile's global weights beside its own (a per-unit blend at the
nominal factor 0.5, with the column that sets it per unit); a model with levels, each level's rule
(own and children parts, roll-up) and where it comes from (the profile, the one it extends, or the
blended profiles). A profile measuring indicators at several levels shows one tree per level, as
scoreLevels weighs it: the lowest level's, then each level's own part over its own indicators (JSON:
levelWeights; data-driven weights on that level's rows).

  --profile P         profile to show (default: the model's first)
  --data FILE         CSV data, for data-driven weights (computed on the profile's normalized values)
  --format text|json  text (default): the tree; json: local and global weights, consistency, provenance
${dataHelp(22)}`;

export function weightsCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      profile: { type: "string" },
      data: { type: "string" },
      format: { type: "string", default: "text" },
      ...DATA_OPTIONS,
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(`${weightsHelp}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("weights needs one model file");
  const format = values.format as string;
  if (!["text", "json"].includes(format))
    throw new UsageError(`--format must be text or json, got "${format}"`);
  const model = loadModel(positionals[0] as string);
  const opts = {
    ...(values.profile ? { profile: values.profile } : {}),
    ...(values.data ? { data: loadData(values.data, model, values, io) } : {}),
  };
  // A usage problem, not a model problem: the model is fine, the command needs the data file.
  const needingData = <T>(run: () => T): T => {
    try {
      return run();
    } catch (e) {
      if (e instanceof IndicatrixError && e.code === "data_required" && !values.data)
        throw new UsageError(
          `${e.message.replace(/; pass a dataset$/, "")}: pass --data FILE (indicatrix weights ${positionals[0]} --data FILE)`,
        );
      throw e;
    }
  };
  const name = values.profile ?? (profileNames(model)[0] as string);
  // A profile measured at several levels: one tree per level, as scoreLevels weighs each level's own part.
  const sections = needingData(() => levelSections(model, name, opts.data));
  let w: ReturnType<typeof resolveWeights> | undefined;
  try {
    w = needingData(() => resolveWeights(model, opts));
  } catch (e) {
    // The whole tree's data-driven weights mix the levels' rows (a street group on community rows):
    // with sections, each level's weights stand alone.
    if (!(sections && e instanceof IndicatrixError && e.code !== "data_required")) throw e;
  }
  const space = spaceWeights(model, name);
  if (format === "json") {
    const levelWeights = sections
      ? Object.fromEntries(
          sections.map((x) => [
            x.level,
            { local: x.weights.local, global: x.weights.global, consistency: x.weights.consistency },
          ]),
        )
      : undefined;
    io.out(
      `${JSON.stringify({ ...(w ?? { profile: name }), ...space, ...(levelWeights ? { levelWeights } : {}) }, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2)}\n`,
    );
    return 0;
  }
  const profile = resolveProfile(model, name);
  const blended = Object.entries(space.blend?.components ?? {});
  io.out(`Model ${printable(model.id)}, profile ${printable(name)}\n\n`);
  if (space.blend) {
    const b = space.blend;
    const parts = Object.entries(b.coefficients).map(([p, c]) => `${printable(p)} ${formatNumber(c)}`);
    io.out(
      b.column
        ? `Blend per unit: (1 - λ) ${printable(b.column.from)} + λ ${printable(b.column.to)}, λ from column ${printable(b.column.name)}; weights shown at λ = 0.5\n\n`
        : `Blend node by node: ${parts.join(" + ")}\n\n`,
    );
  }
  if (sections) {
    // One tree per level: each level's own part is scored on its own indicators, weights re-normalized.
    const names = new Map((model.levels ?? []).map((l) => [l.id, displayName(l, model.language)]));
    for (const [k, sec] of sections.entries()) {
      const rule = space.levels?.find((l) => l.level === sec.level);
      const how =
        k === 0 && sec.level === model.levels?.[0]?.id
          ? "scored on its units' own rows"
          : `its units' own part${rule ? ` (score = ${formatNumber(rule.own)} x own + ${formatNumber(rule.children)} x children)` : ""}`;
      const name = names.get(sec.level) ?? sec.level;
      const label = name === sec.level ? printable(name) : `${printable(name)} (${printable(sec.level)})`;
      io.out(`${k === 0 ? "" : "\n"}Level ${label}: ${how}\n`);
      io.out(weightsTable(model, resolveProfile(sec.model, sec.profile), sec.weights, []));
    }
  } else if (w) io.out(weightsTable(model, profile, w, blended));
  if (space.levels) {
    io.out(`\nLevels (lowest first): ${(model.levels ?? []).map((l) => printable(l.id)).join(", ")}\n`);
    io.out(
      textTable(
        ["level", "own", "children", "rollup", "rule"],
        space.levels.map((l) => [
          l.level,
          l.own,
          l.children,
          typeof l.rollup === "string" ? l.rollup : `weight ${l.rollup.weight}`,
          l.default
            ? "default (pure roll-up)"
            : l.from === name
              ? `profile ${name}`
              : (l.from ?? "").includes(" + ")
                ? `blended profiles ${l.from}`
                : `inherited from ${l.from}`,
        ]),
      ),
    );
  }
  // The expert panels and the hierarchy consistency of each tree shown (one per level with sections).
  const views = sections
    ? sections.map((x) => ({
        level: x.level as string | undefined,
        weights: x.weights,
        profile: resolveProfile(x.model, x.profile),
      }))
    : w
      ? [{ level: undefined, weights: w, profile }]
      : [];
  for (const view of views) {
    for (const [id, c] of Object.entries(view.weights.consistency)) {
      if (!c.panel) continue;
      const node = view.profile.nodes.get(id);
      const children = node?.children ?? [];
      io.out(
        `\nExperts of ${printable(node ? displayName(node.node, model.language) : id)} (${printable(id)})${view.level ? ` at level ${printable(view.level)}` : ""}: group CR ${formatNumber(c.cr)}\n`,
      );
      const expertRows = c.panel.map((e) => [
        e.name,
        e.weight,
        Number.isNaN(e.cr) ? "-" : `${e.cr.toFixed(4)}${e.consistent ? "" : " INCONSISTENT"}`,
        ...children.map((ch) => e.weights[ch] ?? Number.NaN),
      ]);
      io.out(textTable(["expert", "weight", "CR", ...children], expertRows));
      for (const e of c.panel) if (e.advice) io.out(`  ${printable(e.name)}: ${printable(e.advice)}\n`);
    }
    const total = view.weights.consistency.total;
    if (total)
      io.out(
        `\nHierarchy consistency${view.level ? ` at level ${printable(view.level)}` : ""} CR_total = ${formatNumber(total.cr)} (${total.consistent ? "consistent" : "inconsistent"})\n`,
      );
  }
  const warnings = [
    ...new Set([...(w?.warnings ?? []), ...(sections ?? []).flatMap((x) => x.weights.warnings)]),
  ];
  for (const warning of warnings) io.err(`warning: ${printable(warning)}\n`);
  return 0;
}

/**
 * The tree of a resolved profile as a text table: each node with its local and global weight, its
 * weighting method and AHP consistency, and one global column per blended profile.
 */
function weightsTable(
  model: Model,
  profile: ResolvedProfile,
  w: ReturnType<typeof resolveWeights>,
  blended: readonly [string, Record<string, number>][],
): string {
  const rows: (string | number)[][] = [];
  const walk = (id: string, prefix: string, last: boolean, depth: number): void => {
    const node = profile.nodes.get(id);
    if (!node) return;
    const c = w.consistency[id];
    const method = node.indicator
      ? ""
      : typeof node.weights === "string"
        ? node.weights
        : node.weights.method;
    const cr = c
      ? `CR ${c.cr.toFixed(4)}${c.consistent ? "" : ` INCONSISTENT${c.advice ? `: ${c.advice}` : ""}`}`
      : "";
    const branch = depth === 0 ? "" : `${prefix}${last ? "└─ " : "├─ "}`;
    const code = node.node.code ? `${node.node.code} ` : "";
    rows.push([
      `${branch}${code}${displayName(node.node, model.language)} (${id})`,
      w.local[id] ?? Number.NaN,
      w.global[id] ?? Number.NaN,
      method,
      cr,
      ...blended.map(([, g]) => g[id] ?? 0),
    ]);
    const childPrefix = depth === 0 ? "" : `${prefix}${last ? "   " : "│  "}`;
    node.children.forEach((child, k) => {
      walk(child, childPrefix, k === node.children.length - 1, depth + 1);
    });
  };
  walk(profile.root, "", true, 0);
  return textTable(
    ["node", "local", "global", "weights", "consistency", ...blended.map(([p]) => `${p} global`)],
    rows,
  );
}
