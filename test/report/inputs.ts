import { readFileSync } from "node:fs";
import { modelFromTable } from "../../src/indicators/from-table.js";
import { parseModel } from "../../src/indicators/parse-model.js";
import type { Model } from "../../src/indicators/schema.js";
import { readCsvFile } from "../../src/node.js";

const root = new URL("../../", import.meta.url);
const path = (p: string): string => new URL(p, root).pathname;

/** The governance template and the seeded sample city (examples/governance). */
export function sampleCity(): { model: Model; data: Record<string, string>[] } {
  const model = parseModel(JSON.parse(readFileSync(path("templates/grassroots-governance.json"), "utf8")));
  return { model, data: readCsvFile(path("examples/governance/sample-city.csv")) };
}

/** COINr's ASEM example (test/fixtures/asem: copies of COINr's input CSVs) as in test/score/asem.test.ts. */
export function asem(): { model: Model; data: Record<string, string>[] } {
  const meta = readCsvFile(path("test/fixtures/asem/ASEM_iMeta.csv"));
  const model = modelFromTable(meta, {
    id: "asem",
    defaults: { normalize: { method: "minmax", range: [0, 100] } },
  });
  return { model, data: readCsvFile(path("test/fixtures/asem/ASEM_iData.csv")) };
}

/** The svg element of a chart by its class (e.g. "ranking"), first match after `from`. */
export function chart(html: string, cls: string, from = 0): string {
  const start = html.indexOf(`<svg class="chart bars ${cls}"`, from);
  if (start < 0) throw new Error(`no chart ${cls}`);
  return html.slice(start, html.indexOf("</svg>", start) + 6);
}

/** The bar rows of a bar chart: id, data-value, rank, the visible value label. */
export function barRows(
  svg: string,
): { id: string; value: number; rank?: number; label: string; segments: number[] }[] {
  const out: { id: string; value: number; rank?: number; label: string; segments: number[] }[] = [];
  for (const m of svg.matchAll(
    /<g class="bar-row" data-id="([^"]*)" data-value="([^"]*)"(?: data-rank="(\d+)")?[^>]*>([\s\S]*?)<\/g>/g,
  )) {
    const body = m[4] as string;
    const label = /<text class="val"[^>]*>([^<]*)<\/text>/.exec(body)?.[1] ?? "";
    const segments = [...body.matchAll(/<rect class="seg" data-key="[^"]*" data-value="([^"]*)"/g)].map((s) =>
      Number(s[1]),
    );
    out.push({
      id: m[1] as string,
      value: Number(m[2]),
      ...(m[3] ? { rank: Number(m[3]) } : {}),
      label,
      segments,
    });
  }
  return out;
}

/** The HTML of one profile block (by index). */
export function profileBlock(html: string, index: number): string {
  const start = html.indexOf(`data-profile-index="${index}"`);
  if (start < 0) throw new Error(`no profile block ${index}`);
  const next = html.indexOf(`data-profile-index="${index + 1}"`, start);
  const end = next < 0 ? html.indexOf("</main>", start) : next;
  return html.slice(start, end);
}
