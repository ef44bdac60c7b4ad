import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { moran } from "../../analysis/spatial/moran.js";
import { parseWeightsSpec, type WeightsSpec } from "../../analysis/spatial/weights-spec.js";
import { IndicatrixError } from "../../internal/errors.js";
import { score } from "../../score/score.js";
import { type Io, UsageError } from "../context.js";
import { printable, textTable } from "../format.js";
import { loadData, loadModel } from "../load.js";

export const spatialHelp = `Usage: indicatrix spatial <model> <data.csv> [--weights SPEC] [--adjacency FILE] [--node N] [--profile P]
                          [--permutations N] [--seed S] [--alpha A] [--format text|json]

Spatial autocorrelation of the scores: global Moran's I (expectation, variance under normality and
randomization, z, two-sided p, seeded permutation test) and local Moran's I per unit (HH, LL, HL, LH
with conditional permutation p-values). Coordinates are read from lon/lat columns (great-circle km)
or x/y columns (Euclidean).

  --weights SPEC     knn:K (default knn:6 with coordinates), band:D, inverse[:ALPHA[:D]], contiguity
                     (needs --adjacency) or parent (units of one parent are neighbours; the default
                     without coordinates); add :b to keep the weights unstandardized (default: rows sum to 1)
  --adjacency FILE   a JSON object mapping each unit id to the ids of its neighbours (for contiguity)
  --node N           node whose scores are tested (default: the root)
  --profile P        profile to apply (default: the model's first)
  --permutations N   permutations of the tests (default 999; 0: none)
  --seed S           integer seed (default 1): the same seed gives the same p-values
  --alpha A          significance level of the LISA clusters (default 0.05)
  --format text|json text (default): tables; json: one document with every unit`;

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n))
    throw new UsageError(`${name} must be an integer, got "${value}"`);
  return n;
}

const f4 = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? "-" : v.toFixed(4));

export function spatialCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      weights: { type: "string" },
      adjacency: { type: "string" },
      node: { type: "string" },
      profile: { type: "string" },
      permutations: { type: "string" },
      seed: { type: "string" },
      alpha: { type: "string" },
      format: { type: "string", default: "text" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(`${spatialHelp}\n`);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError("spatial needs a model file and a data file");
  const format = values.format as string;
  if (format !== "text" && format !== "json")
    throw new UsageError(`--format must be text or json, got "${format}"`);
  const permutations = integer(values.permutations, "--permutations");
  const seed = integer(values.seed, "--seed");
  const alpha = values.alpha === undefined ? undefined : Number(values.alpha);
  if (alpha !== undefined && !(alpha > 0 && alpha < 1))
    throw new UsageError(`--alpha must be a number in (0, 1), got "${values.alpha}"`);
  let spec: WeightsSpec | undefined;
  try {
    spec = values.weights === undefined ? undefined : parseWeightsSpec(values.weights);
  } catch (e) {
    if (e instanceof IndicatrixError)
      throw new UsageError(`--weights: ${e.message.replace(/^weights: /, "")}`);
    throw e;
  }
  if (values.adjacency !== undefined) {
    if (spec !== undefined && spec.type !== "contiguity")
      throw new UsageError("--adjacency goes with --weights contiguity");
    spec = { ...(spec ?? {}), type: "contiguity", adjacency: readAdjacency(values.adjacency) };
  } else if (spec?.type === "contiguity") throw new UsageError("--weights contiguity needs --adjacency FILE");
  const model = loadModel(positionals[0] as string);
  const data = loadData(positionals[1] as string);
  const result = score(model, data, {
    ...(values.profile ? { profile: values.profile } : {}),
    keep: ["lon", "lat", "x", "y"],
  });
  const m = moran(result, {
    ...(values.node ? { node: values.node } : {}),
    ...(spec ? { weights: spec } : {}),
    ...(permutations !== undefined ? { permutations } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(alpha !== undefined ? { alpha } : {}),
  });
  for (const w of m.diagnostics) io.err(`${printable(`warning ${w.code}: ${w.message}`)}\n`);
  const g = m.global;
  const l = m.local;
  if (format === "json") {
    io.out(
      `${JSON.stringify(
        {
          profile: result.profile,
          node: m.node,
          weights: { kind: m.weights.kind, style: m.weights.style },
          global: g,
          local: m.units.map((unit, i) => ({
            unit,
            value: m.values[i],
            I: l.I[i],
            z: l.z[i],
            lag: l.lag[i],
            expected: l.expected[i],
            variance: l.variance[i],
            zScore: l.zScore[i],
            pNormal: l.pNormal[i],
            pSim: l.pSim ? l.pSim[i] : null,
            quadrant: l.quadrant[i],
            cluster: l.cluster[i],
            significantFdr: l.significantFdr[i],
          })),
          options: l.options,
          leftOut: m.leftOut,
          diagnostics: m.diagnostics,
        },
        (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v),
        2,
      )}\n`,
    );
    return 0;
  }
  let text = `Spatial autocorrelation of "${m.node}" (profile ${result.profile}): ${m.units.length} units, weights ${m.weights.kind}${m.weights.style === "r" ? " (row-standardized)" : ""}\n`;
  text += `Moran's I ${f4(g.I)}   E[I] ${f4(g.expected)}\n`;
  text += textTable(
    ["inference", "variance", "z", "p (two-sided)"],
    [
      ["randomization", f4(g.randomization.variance), f4(g.randomization.z), f4(g.randomization.p)],
      ["normality", f4(g.normality.variance), f4(g.normality.z), f4(g.normality.p)],
      ...(g.permutation
        ? [
            [
              `${g.permutation.permutations} permutations`,
              f4(g.permutation.sd ** 2),
              f4(g.permutation.z),
              f4(g.permutation.p),
            ],
          ]
        : []),
    ],
  );
  const counts = new Map<string, number>();
  for (const c of l.cluster) counts.set(c, (counts.get(c) ?? 0) + 1);
  text += `\nLISA clusters at alpha ${l.options.alpha}: ${["HH", "LL", "HL", "LH", "ns"].map((c) => `${c} ${counts.get(c) ?? 0}`).join(", ")}\n`;
  const h = result.hierarchy;
  const nameOf = new Map(h.units.map((u, i) => [u, h.names[i]]));
  text += textTable(
    ["unit", "name", "score", "I_i", "quadrant", l.pSim ? "p (perm.)" : "p (normal)", "cluster"],
    m.units.map((u, i) => [
      u,
      nameOf.get(u) ?? "",
      f4(m.values[i]),
      f4(l.I[i]),
      l.quadrant[i]!,
      f4((l.pSim ?? l.pNormal)[i]),
      l.cluster[i]!,
    ]),
  );
  if (m.leftOut.length > 0)
    text += `\nLeft out: ${m.leftOut.map((x) => `${x.unit} (${x.reason})`).join(", ")}\n`;
  io.out(text);
  return 0;
}

function readAdjacency(path: string): Record<string, string[]> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new IndicatrixError("unreadable_file", `${path}: cannot read the adjacency file`, {
      path: ["adjacency"],
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new IndicatrixError("invalid_syntax", `${path}: not JSON (${(e as Error).message})`, {
      path: ["adjacency"],
    });
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
    throw new UsageError(
      `${path}: the adjacency file is a JSON object mapping unit ids to arrays of unit ids`,
    );
  return parsed as Record<string, string[]>;
}
