import { esc } from "./escape.js";
import { fixed } from "./format.js";

/** A table cell: trusted HTML (already escaped), an optional sort key, right-aligned when numeric. @internal */
export interface Cell {
  html: string;
  sort?: string | number;
  numeric?: boolean;
  title?: string;
}

/** A column header. @internal */
export interface Column {
  label: string;
  numeric?: boolean;
}

/** Options of {@link table}. @internal */
export interface TableOptions {
  sortable?: boolean;
  scroll?: boolean;
  className?: string;
  /** Extra attributes per row (already escaped). */
  rowAttrs?: (index: number) => string;
}

/** A table; with `sortable` the header cells become buttons that the page script sorts by. @internal */
export function table(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  o: TableOptions = {},
): string {
  const cls = [o.sortable ? "sortable" : "", o.className ?? ""].filter(Boolean).join(" ");
  const head = columns
    .map(
      (c) =>
        `<th${c.numeric ? ' class="n"' : ""} scope="col">${o.sortable ? `<button type="button">${esc(c.label)}</button>` : esc(c.label)}</th>`,
    )
    .join("");
  const body = rows
    .map(
      (r, i) =>
        `<tr${o.rowAttrs ? o.rowAttrs(i) : ""}>${r
          .map(
            (c) =>
              `<td${c.numeric ? ' class="n"' : ""}${c.sort !== undefined ? ` data-sort="${esc(c.sort)}"` : ""}${c.title ? ` title="${esc(c.title)}"` : ""}>${c.html}</td>`,
          )
          .join("")}</tr>`,
    )
    .join("");
  const t = `<table${cls ? ` class="${cls}"` : ""}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  // Every table sits in a box of its own that scrolls sideways when the table is wider than the page
  // (long English names, many dimensions): the page itself never overflows.
  return `<div class="${o.scroll ? "scroll" : "hscroll"}">${t}</div>`;
}

/** A numeric cell with fixed decimals, sorted by its exact value. @internal */
export function num(v: number, digits: number, exactSort = false): Cell {
  const html = esc(fixed(v, digits));
  return exactSort ? { html, sort: Number.isFinite(v) ? v : "", numeric: true } : { html, numeric: true };
}

/** A text cell. @internal */
export function text(v: string, sort?: string | number): Cell {
  return sort === undefined ? { html: esc(v) } : { html: esc(v), sort };
}

/** A small inline bar for a share in [0, 1], scaled so that `max` fills it, with its percentage. @internal */
export function weightBar(share: number, max: number, color: string): string {
  const w = max > 0 ? Math.max(0, Math.min(1, share / max)) * 100 : 0;
  return `<span class="wbar" data-value="${share}"><span class="lbl">${esc(fixed(share * 100, 1))}%</span><span class="track"><span class="fill" style="width:${fixed(w, 1)}%;background:${color}"></span></span></span>`;
}

/** A key figure card. @internal */
export function kpi(label: string, value: string, sub?: string, dataValue?: number): string {
  return `<div class="kpi"${dataValue !== undefined ? ` data-value="${dataValue}"` : ""}><div class="k">${esc(label)}</div><div class="v">${esc(value)}</div>${sub ? `<div class="s" title="${esc(sub)}">${esc(sub)}</div>` : ""}</div>`;
}

/** A colour legend. @internal */
export function legend(items: readonly { label: string; color: string }[]): string {
  return `<div class="legend">${items.map((i) => `<span><i style="background:${i.color}"></i>${esc(i.label)}</span>`).join("")}</div>`;
}

/** A section card with a heading, an id and an optional note. @internal */
export function card(id: string, title: string, body: string, note?: string): string {
  return `<section class="card" id="${esc(id)}"><h2>${esc(title)}</h2>${note ? `<p class="note">${esc(note)}</p>` : ""}${body}</section>`;
}
