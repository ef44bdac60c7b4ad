/**
 * Step 2 of examples/construction/README.md: screening the pruned model's indicators on the sample
 * city's data (331 communities), then KMO, Bartlett's test and a PCA of one dimension. Nothing is
 * removed here: the flags are for the research group to discuss. The thresholds: CV < 0.1 (鉴别力),
 * and a distinct-value share below 0.05 (the default 0.5 flags every indicator whose values are
 * rounded, as survey rates are). Run from the repository root:
 *
 *     npx tsx examples/construction/screen.ts
 *
 * In your own project the imports read:
 *
 *     import { kmo, bartlettSphericity, parseModel, pca, screenIndicators } from "indicatrix";
 *     import { readCsvColumns, readModelFile } from "indicatrix/node";
 */
import { pca } from "../../src/build/pca.js";
import { type ScreenReport, screenIndicators } from "../../src/build/screen-indicators.js";
import type { Model, ModelNode } from "../../src/indicators/model-types.js";
import { parseModel } from "../../src/indicators/parse-model.js";
import { activeNodes } from "../../src/indicators/profiles.js";
import { readCsvColumns } from "../../src/node/read-csv-columns.js";
import { readModelFile } from "../../src/node/read-model-file.js";
import type { DatasetColumns } from "../../src/score/dataset.js";
import { isMain } from "../is-main.js";

const here = (p: string) => new URL(p, import.meta.url).pathname;
const f4 = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : "-");

/** The sample city's communities (its districts, streets and the city are left out). */
export function communities(): DatasetColumns {
  const all = readCsvColumns(here("../governance/sample-city.csv"));
  const keep = (all.levels ?? []).map((l, i) => (l === "community" ? i : -1)).filter((i) => i >= 0);
  return {
    units: keep.map((i) => all.units[i] as string),
    values: Object.fromEntries(
      Object.entries(all.values).map(([k, col]) => [k, keep.map((i) => col[i] ?? null)]),
    ),
  };
}

/** Runs the screening and the PCA of dimension `dimension`, printing each statistic through `log`. */
export function main(log: (line: string) => void = console.log, dimension = "subjects") {
  const model = parseModel(readModelFile(here("pruned.json"))) as Model;
  const data = communities();
  const report: ScreenReport = screenIndicators(model, data, {
    profile: "normal",
    minCv: 0.1,
    minUnique: 0.05,
  });
  log(`Screening of ${report.stats.length} indicators on ${report.units} communities (profile normal)`);
  log(
    `rules: CV < ${report.options.minCv}, |r| > ${report.options.maxCorrelation} between siblings (${report.options.method}, keep by ${report.options.keep}), coverage < ${report.options.minCoverage}, distinct share < ${report.options.minUnique}, r with parent or index < ${report.options.minParentCorrelation}`,
  );
  for (const f of report.flags) log(`  ${f.code.padEnd(20)} ${f.indicator}: ${f.message}`);
  if (report.flags.length === 0) log("  no flags");
  // PCA on the raw values of one dimension's active indicators
  const active = activeNodes(model, "normal");
  const leaves = (n: ModelNode): string[] =>
    n.children?.length ? n.children.filter((c) => active.has(c.id)).flatMap(leaves) : [n.id];
  const find = (n: ModelNode): ModelNode | undefined =>
    n.id === dimension ? n : n.children?.map(find).find((x) => x !== undefined);
  const ids = leaves(find(model.tree) as ModelNode);
  const r = pca({
    columns: ids.map((id) => Float64Array.from(data.values[id] ?? [], (v) => v ?? Number.NaN)),
  });
  log(`\nPCA of dimension ${dimension}: ${ids.length} indicators, ${r.units} communities`);
  if (r.kmo)
    log(`KMO ${f4(r.kmo.overall)} (${r.kmo.label}); lowest MSA ${f4(Math.min(...r.kmo.perVariable))}`);
  if (r.bartlett)
    log(
      `Bartlett chi2 ${f4(r.bartlett.chi2)}, df ${r.bartlett.df}, p ${r.bartlett.p < 1e-16 ? "< 1e-16" : r.bartlett.p.toExponential(2)}`,
    );
  log(`eigenvalues ${r.eigenvalues.map(f4).join(", ")}`);
  log(
    `Kaiser components ${r.components}, cumulative variance ${f4(r.cumulative[r.components - 1] ?? Number.NaN)}`,
  );
  return { report, pca: r, ids };
}

if (isMain(import.meta.url)) main();
