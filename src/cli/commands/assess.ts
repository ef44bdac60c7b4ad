import { parseArgs } from "node:util";
import { gradeCounts } from "../../grades/grade-counts.js";
import type { GradeSpec, Model } from "../../indicators/schema.js";
import { displayName } from "../../indicators/tree.js";
import { type NodeGrades, type Result, score } from "../../score/score.js";
import { type Io, UsageError } from "../context.js";
import { CSV_OPTIONS, csvHelp, csvOptions, withPrefix } from "../csv-options.js";
import { printable, textTable, toCsv } from "../format.js";
import { loadData, loadModel } from "../load.js";
import { checkOut, writeOut } from "../output.js";

export const assessHelp = `Usage: indicatrix assess <model> <data.csv> [--profile P] [--node ID] [--grades SPEC] [--format text|csv|json] [--out file]

Grades the units of a CSV file with a model's grades and assessment rules (step scores, bonus and penalty
points, vetoes) and prints, per graded node: the cut points used, how many units have each grade, the
units a veto failed and why, the units near a cut point, and the grade counts per district and street.

  --profile P              profile to apply (default: the model's first)
  --node ID                only this graded node (default: every graded node)
  --grades [NODE=]SPEC     grade NODE (default: the root) by SPEC instead of the model's spec:
                           fixed:60,80,90  mean-sd:0.5  quantile:4  jenks:4, or a JSON grade spec
  --labels A,B,...         labels of the --grades spec, worst first (default 1, 2, ...)
  --format text|csv|json   text (default); csv: one row per unit and graded node (score, grade, grade
                           before vetoes, vetoes, bonus, penalty); json: one document with cuts and counts
  --out FILE               write to FILE (atomically) instead of stdout
${csvHelp(26)}`;

/** Reads `--grades [NODE=]SPEC` and `--labels`. */
export function parseGradesOption(
  text: string,
  labels: string | undefined,
  root: string,
): Record<string, GradeSpec> {
  const eq = text.indexOf("=");
  const colon = text.indexOf(":");
  const brace = text.indexOf("{");
  const split = eq > 0 && (colon < 0 || eq < colon) && (brace < 0 || eq < brace);
  const node = split ? text.slice(0, eq) : root;
  const body = split ? text.slice(eq + 1) : text;
  let spec: Record<string, unknown>;
  if (body.trim().startsWith("{")) {
    try {
      spec = JSON.parse(body) as Record<string, unknown>;
    } catch (e) {
      throw new UsageError(`--grades: not JSON: ${(e as Error).message}`);
    }
  } else {
    const m = /^(fixed|mean-sd|quantile|jenks):(.+)$/.exec(body.trim());
    if (!m)
      throw new UsageError(
        `--grades: expected fixed:60,80,90, mean-sd:0.5, quantile:4, jenks:4 or a JSON grade spec, got "${body}"`,
      );
    const method = m[1] as GradeSpec["method"];
    const args = (m[2] as string).split(",").map((x) => Number(x.trim()));
    if (args.some((x) => !Number.isFinite(x)))
      throw new UsageError(`--grades: "${m[2]}" is not a list of numbers`);
    if (method === "fixed") spec = { method, cuts: args };
    else if (method === "mean-sd") spec = { method, k: args.length === 1 ? args[0] : args };
    else spec = { method, classes: args[0] };
    if (method !== "fixed" && method !== "mean-sd" && args.length !== 1)
      throw new UsageError(`--grades: ${method} takes one number of classes, got "${m[2]}"`);
  }
  if (labels !== undefined) spec.labels = labels.split(",").map((l) => l.trim());
  return { [node]: spec as unknown as GradeSpec };
}

/** One row per unit for a graded node. */
function unitRows(result: Result, g: NodeGrades): Record<string, string | number | null>[] {
  const h = result.hierarchy;
  const at = new Map(h.units.map((u, k) => [u, k]));
  const outcome = result.rules[g.node];
  return result.units.map((u, i) => {
    const k = at.get(u)!;
    const grade = g.grade[i]!;
    const before = g.unforced[i]!;
    return {
      node: g.node,
      unit: u,
      name: h.names[k] ?? null,
      level: h.levels[k] ?? null,
      parent: h.parents[k] ?? null,
      score: result.scores[g.node]![i]!,
      grade: grade < 0 ? null : g.names[grade]!,
      grade_before_veto: before < 0 ? null : g.names[before]!,
      veto: (outcome?.vetoes[i] ?? []).map((v) => v.id).join(";") || null,
      bonus: outcome ? outcome.bonus[i]! : null,
      penalty: outcome ? outcome.penalty[i]! : null,
    };
  });
}

function describeCuts(g: NodeGrades): string {
  const how =
    g.method === "fixed"
      ? "fixed cut points"
      : g.method === "mean-sd"
        ? "mean + k SD"
        : g.method === "quantile"
          ? `quantiles (type ${(g.basis as { type: number }).type})`
          : "Jenks natural breaks";
  const cuts = g.cuts.map((c) => Number(c.toFixed(4))).join(", ");
  return `${how} ${cuts} (${g.closed}-closed, ${g.precision === null ? "exact" : `${g.precision} decimals`})`;
}

function assessText(model: Model, result: Result, nodes: NodeGrades[], io: Io): void {
  io.out(
    `Model ${printable(model.id)}, profile ${printable(result.profile)}: ${result.units.length} units graded\n`,
  );
  for (const g of nodes) {
    const node = result.resolved.nodes.get(g.node)!;
    io.out(
      `\nGrades at ${printable(displayName(node.node, model.language))} (${printable(g.node)}): ${describeCuts(g)}\n`,
    );
    const total = new Array<number>(g.names.length).fill(0);
    let none = 0;
    for (const k of g.grade) k < 0 ? none++ : total[k]!++;
    const order = [...g.names.keys()].reverse();
    io.out(
      textTable(
        ["grade", "units"],
        [...order.map((k) => [g.names[k]!, total[k]!]), ...(none > 0 ? [["(no score)", none]] : [])],
      ),
    );
    const vetoed = Object.entries(g.forced);
    const outcome = result.rules[g.node];
    if (outcome) {
      const all: [string, string][] = [];
      result.units.forEach((u, i) => {
        for (const v of outcome.vetoes[i]!) {
          const reason =
            v.reason === undefined
              ? v.when
              : typeof v.reason === "string"
                ? v.reason
                : (Object.values(v.reason)[0] ?? v.when);
          all.push([u, `${v.id}: ${reason}`]);
        }
      });
      if (all.length > 0) {
        io.out(`\nVetoes (${all.length}; grade forced for ${vetoed.length}):\n`);
        io.out(textTable(["unit", "veto"], all));
      }
    }
    if (g.margin !== undefined) {
      io.out(`\nWithin ${g.margin} of a cut point: ${g.near.length} units\n`);
      if (g.near.length > 0)
        io.out(
          textTable(
            ["unit", "score", "cut", "distance"],
            g.near.slice(0, 20).map((n) => [n.unit, n.score, n.cut, n.distance]),
          ),
        );
    }
    const c = gradeCounts({
      units: result.units,
      grade: g.grade,
      classes: g.names.length,
      hierarchy: result.hierarchy,
    });
    if (c.units.length > 0) {
      io.out("\nGrade counts per unit above (district, street):\n");
      io.out(
        textTable(
          ["unit", "level", "name", ...order.map((k) => g.names[k]!), "no grade"],
          c.units.map((u, r) => [
            u,
            c.levels[r] ?? "",
            c.names[r] ?? "",
            ...order.map((k) => c.counts[r]![k]!),
            c.ungraded[r]!,
          ]),
        ),
      );
    }
  }
}

export async function assessCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      profile: { type: "string" },
      node: { type: "string" },
      grades: { type: "string" },
      labels: { type: "string" },
      out: { type: "string" },
      format: { type: "string", default: "text" },
      ...CSV_OPTIONS,
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(`${assessHelp}\n`);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError("assess needs a model file and a data file");
  const format = values.format as string;
  if (!["text", "csv", "json"].includes(format))
    throw new UsageError(`--format must be text, csv or json, got "${format}"`);
  if (values.labels !== undefined && values.grades === undefined)
    throw new UsageError("--labels goes with --grades");
  const csv = csvOptions(values);
  checkOut(values.out, positionals);
  const model = loadModel(positionals[0] as string);
  const data = loadData(positionals[1] as string);
  const grades =
    values.grades === undefined ? undefined : parseGradesOption(values.grades, values.labels, model.tree.id);
  const result = score(model, data, {
    ...(values.profile ? { profile: values.profile } : {}),
    ...(grades ? { grades } : {}),
  });
  let nodes = Object.values(result.grades);
  if (values.node !== undefined) {
    nodes = nodes.filter((g) => g.node === values.node);
    if (nodes.length === 0)
      throw new UsageError(
        `--node ${values.node}: not a graded node (graded: ${Object.keys(result.grades).join(", ") || "none"})`,
      );
  }
  if (nodes.length === 0)
    throw new UsageError("the model grades no node in this profile; give --grades, e.g. --grades jenks:4");
  if (format === "text") {
    const lines: string[] = [];
    assessText(model, result, nodes, { ...io, out: (t) => lines.push(t) });
    writeOut(values.out, lines, positionals, io);
  } else if (format === "csv") {
    const rows = nodes.flatMap((g) => unitRows(result, g));
    const columns = [
      "node",
      "unit",
      "name",
      "level",
      "parent",
      "score",
      "grade",
      "grade_before_veto",
      "veto",
      "bonus",
      "penalty",
    ];
    writeOut(values.out, withPrefix(csv.bom, [toCsv(columns, rows, csv.style)]), positionals, io);
  } else {
    const doc = {
      model: model.id,
      profile: result.profile,
      nodes: nodes.map((g) => {
        const c = gradeCounts({
          units: result.units,
          grade: g.grade,
          classes: g.names.length,
          hierarchy: result.hierarchy,
        });
        return {
          node: g.node,
          method: g.method,
          cuts: g.cuts,
          closed: g.closed,
          precision: g.precision,
          basis: g.basis ?? null,
          labels: g.labels,
          near: g.near,
          units: unitRows(result, g),
          counts: c.units.map((u, r) => ({
            unit: u,
            level: c.levels[r] ?? null,
            name: c.names[r] ?? null,
            counts: Object.fromEntries(g.names.map((n, k) => [n, c.counts[r]![k]!])),
            ungraded: c.ungraded[r]!,
          })),
        };
      }),
      diagnostics: result.diagnostics,
    };
    writeOut(
      values.out,
      [`${JSON.stringify(doc, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2)}\n`],
      positionals,
      io,
    );
  }
  for (const d of result.diagnostics)
    io.err(`${d.severity}: ${d.code} at ${printable(d.where)}: ${printable(d.message)}\n`);
  return 0;
}
