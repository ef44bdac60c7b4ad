import { parseArgs } from "node:util";
import { displayName } from "../../indicators/tree.js";
import { IndicatrixError } from "../../internal/errors.js";
import { resolveProfile } from "../../score/resolve-profile.js";
import { resolveWeights } from "../../score/resolve-weights.js";
import { type Io, UsageError } from "../context.js";
import { DATA_OPTIONS, dataHelp } from "../data-options.js";
import { formatNumber, printable, textTable } from "../format.js";
import { loadData, loadModel } from "../load.js";
import { spaceWeights } from "../weights-space.js";

export const weightsHelp = `Usage: indicatrix weights <model> [--profile P] [--data file.csv] [--format text|json]

Prints the indicator tree with the local and global weight of every node and the consistency of every
AHP node; inconsistent judgments are flagged with the judgment to revisit (and, when one change is not
enough, the smallest set of changes that is). A node judged by several experts lists each expert by name
with their weight, CR, priorities and advice. Data-driven weights (entropy, CRITIC, ...) need --data.
A blended profile shows each blended profile's global weights beside its own (a per-unit blend at the
nominal factor 0.5, with the column that sets it per unit); a model with levels, each level's rule
(own and children parts, roll-up).

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
  let w: ReturnType<typeof resolveWeights>;
  try {
    w = resolveWeights(model, opts);
  } catch (e) {
    // A usage problem, not a model problem: the model is fine, the command needs the data file.
    if (e instanceof IndicatrixError && e.code === "data_required" && !values.data)
      throw new UsageError(
        `${e.message.replace(/; pass a dataset$/, "")}: pass --data FILE (indicatrix weights ${positionals[0]} --data FILE)`,
      );
    throw e;
  }
  const space = spaceWeights(model, w.profile);
  if (format === "json") {
    io.out(
      `${JSON.stringify({ ...w, ...space }, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2)}\n`,
    );
    return 0;
  }
  const profile = resolveProfile(model, w.profile);
  const blended = Object.entries(space.blend?.components ?? {});
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
  io.out(`Model ${printable(model.id)}, profile ${printable(w.profile)}\n\n`);
  if (space.blend) {
    const b = space.blend;
    const parts = Object.entries(b.coefficients).map(([p, c]) => `${printable(p)} ${formatNumber(c)}`);
    io.out(
      b.column
        ? `Blend per unit: (1 - λ) ${printable(b.column.from)} + λ ${printable(b.column.to)}, λ from column ${printable(b.column.name)}; weights shown at λ = 0.5\n\n`
        : `Blend node by node: ${parts.join(" + ")}\n\n`,
    );
  }
  io.out(
    textTable(
      ["node", "local", "global", "weights", "consistency", ...blended.map(([p]) => `${p} global`)],
      rows,
    ),
  );
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
          l.default ? "default (pure roll-up)" : `profile ${w.profile}`,
        ]),
      ),
    );
  }
  for (const [id, c] of Object.entries(w.consistency)) {
    if (!c.panel) continue;
    const node = profile.nodes.get(id);
    const children = node?.children ?? [];
    io.out(
      `\nExperts of ${printable(node ? displayName(node.node, model.language) : id)} (${printable(id)}): group CR ${formatNumber(c.cr)}\n`,
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
  const total = w.consistency.total;
  if (total)
    io.out(
      `\nHierarchy consistency CR_total = ${formatNumber(total.cr)} (${total.consistent ? "consistent" : "inconsistent"})\n`,
    );
  for (const warning of w.warnings) io.err(`warning: ${printable(warning)}\n`);
  return 0;
}
