import { gradeCounts } from "../grades/grade-counts.js";
import type { LocalizedText } from "../indicators/schema.js";
import type { NodeGrades } from "../score/result.js";
import { esc } from "./escape.js";
import { type Cell, card, table, text } from "./html.js";
import type { ProfileView, ReportContext } from "./view.js";

/** Colours of the grades, worst to best (grey-red to green), for any number of grades. */
function gradeColor(k: number, n: number): string {
  const palette = ["#e15759", "#f28e2b", "#edc948", "#76b7b2", "#59a14f"];
  if (n <= 1) return palette[4]!;
  return palette[Math.round((k / (n - 1)) * (palette.length - 1))]!;
}

/** A label in the report's language. @internal */
export function labelIn(label: LocalizedText, language: string): string {
  if (typeof label === "string") return label;
  return label[language] ?? Object.values(label)[0] ?? "";
}

/** A stacked bar of grade counts, best grade first; each segment carries its count in `data-value`. */
function stacked(counts: readonly number[], names: readonly string[]): string {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return "";
  const segs = [...counts.keys()]
    .reverse()
    .filter((k) => counts[k]! > 0)
    .map(
      (k) =>
        `<span class="grade-seg" data-grade="${esc(names[k]!)}" data-value="${counts[k]}" title="${esc(names[k]!)}: ${counts[k]}" style="display:inline-block;height:12px;width:${((counts[k]! / total) * 100).toFixed(3)}%;background:${gradeColor(k, counts.length)}"></span>`,
    )
    .join("");
  return `<span class="grade-bar" style="display:inline-flex;width:160px;background:#eee">${segs}</span>`;
}

function nodeBlock(ctx: ReportContext, v: ProfileView, g: NodeGrades): string {
  const L = ctx.labels;
  const r = v.result;
  const names = g.labels.map((l) => labelIn(l, ctx.language));
  const order = [...names.keys()].reverse();
  const overall = new Array<number>(names.length).fill(0);
  for (const k of g.grade) if (k >= 0) overall[k]!++;
  const cuts = g.cuts.map((c) => String(Number(c.toFixed(4)))).join(", ");
  const parts: string[] = [
    `<h3>${esc(L.gradesAt(ctx.nodeName(g.node)))}</h3><p class="note">${esc(L.cutPoints(g.method, cuts, g.closed))}</p>`,
    table(
      [
        ...order.map((k) => ({ label: names[k]!, numeric: true })),
        { label: L.total, numeric: true },
        { label: "" },
      ],
      [
        [
          ...order.map((k) => ({ html: String(overall[k]), numeric: true }) as Cell),
          { html: String(overall.reduce((a, b) => a + b, 0)), numeric: true },
          { html: stacked(overall, names) },
        ],
      ],
      { className: "grades-total" },
    ),
  ];
  const c = gradeCounts({ units: r.units, grade: g.grade, classes: names.length, hierarchy: r.hierarchy });
  const levels: (string | undefined)[] = [];
  for (const l of c.levels) if (!levels.includes(l)) levels.push(l);
  for (const level of levels) {
    const slots = c.levels.flatMap((l, s) => (l === level ? [s] : []));
    if (slots.length < 2) continue;
    const hasParents = slots.some((s) => c.parents[s] !== undefined);
    const rows: Cell[][] = slots.map((s) => {
      const u = c.units[s]!;
      const parent = c.parents[s];
      const counts = c.counts[s]!;
      return [
        { html: `${esc(ctx.unitName(u))} <span class="muted">${esc(u)}</span>`, sort: ctx.unitName(u) },
        ...(hasParents ? [text(parent ? ctx.unitName(parent) : "")] : []),
        ...order.map((k) => ({ html: String(counts[k]), sort: counts[k]!, numeric: true }) as Cell),
        { html: String(c.ungraded[s]), sort: c.ungraded[s]!, numeric: true },
        { html: stacked(counts, names) },
      ];
    });
    parts.push(
      `<h3>${esc(L.gradeCountsBy(L.term(level ?? "")))} (${slots.length})</h3>${table(
        [
          { label: L.name },
          ...(hasParents ? [{ label: L.parent }] : []),
          ...order.map((k) => ({ label: names[k]!, numeric: true })),
          { label: L.noGrade, numeric: true },
          { label: "" },
        ],
        rows,
        { sortable: true, scroll: slots.length > 12, className: "grades-table" },
      )}`,
    );
  }
  return `<div class="grades-node" data-node="${esc(g.node)}">${parts.join("")}</div>`;
}

/** The grades of every graded node: overall counts and counts per parent unit (district, street). @internal */
export function gradesSection(ctx: ReportContext, v: ProfileView): string {
  const graded = Object.values(v.result.grades);
  if (graded.length === 0) return "";
  return card(`p${v.index}-grades`, ctx.labels.grades, graded.map((g) => nodeBlock(ctx, v, g)).join(""));
}

/** The unit's grades and every effect of the assessment rules on it, for the unit profile. @internal */
export function unitAssessment(ctx: ReportContext, v: ProfileView, unit: string): string {
  const L = ctx.labels;
  const r = v.result;
  const i = r.units.indexOf(unit);
  const graded = Object.values(r.grades);
  const hasRules = Object.keys(r.rules).length > 0 || r.stepped.length > 0;
  if (i < 0 || (graded.length === 0 && !hasRules)) return "";
  const gradeRows: Cell[][] = graded.map((g) => {
    const k = g.grade[i]!;
    const before = g.unforced[i]!;
    const name = (x: number) => (x < 0 ? "–" : labelIn(g.labels[x]!, ctx.language));
    return [
      text(ctx.nodeName(g.node)),
      { html: `<strong data-grade="${esc(name(k))}">${esc(name(k))}</strong>` },
      text(name(before)),
      text((g.forced[unit] ?? []).join(", ")),
    ];
  });
  const effects = r
    .contributions(unit)
    .filter((c) => c.rule !== undefined)
    .map((c) => c.rule!);
  const ruleRows: Cell[][] = effects.map((e) => [
    text(ctx.nodeName(e.node)),
    text(`${e.kind}: ${e.id}`),
    { html: esc(String(Number(e.points.toFixed(6)))), numeric: true },
    text(e.detail),
  ]);
  const grades =
    gradeRows.length > 0
      ? table(
          [{ label: L.framework }, { label: L.grade }, { label: L.gradeBeforeVeto }, { label: L.vetoedBy }],
          gradeRows,
          { className: "unit-grades" },
        )
      : "";
  const rules =
    ruleRows.length > 0
      ? table(
          [
            { label: L.framework },
            { label: L.rule },
            { label: L.points, numeric: true },
            { label: L.detail },
          ],
          ruleRows,
          { className: "unit-rules" },
        )
      : hasRules
        ? `<p class="note">${esc(L.noRules)}</p>`
        : "";
  return `<h3>${esc(L.assessment)}</h3>${grades}${rules}`;
}
