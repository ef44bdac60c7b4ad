// The levels drill-down of the report (issue 14 item 7): for a model that declares `levels`, the
// chain city > districts > streets > communities as nested, collapsible rows, each unit with its score
// at the root, and above the lowest level the own part (the unit's own level indicators) and the
// children part (the roll-up of the units below) that `scoreLevels` mixes by the profile's rule. Its
// texts live here in both languages so that labels.ts stays as it is.
import type { LevelsResult, LevelTable } from "../score/score-levels.js";
import { esc } from "./escape.js";
import { fixed, toDisplay } from "./format.js";
import { card } from "./html.js";
import type { ProfileView, ReportContext } from "./view.js";

const TEXT = {
  en: {
    title: "Levels drill-down",
    unit: "Unit",
    score: "Score",
    own: "Own part",
    children: "Children part",
    rank: "Rank in level",
    rankInParent: "Rank in parent",
    rule: (level: string, own: number, children: number, rollup: string) =>
      `${level}: ${fixed(own, 2)} × own + ${fixed(children, 2)} × children (${rollup})`,
    mean: "mean over the scored lowest-level units below",
    weighted: (w: string) => `weighted by ${w}`,
    note: "Each unit's score at the root. Above the lowest level: score = own weight × own part (the unit's own indicators of its level, measured on its own row) + children weight × children part (the roll-up of the units below); a unit without own indicators is a pure roll-up. Open a row to see the units below it.",
    failed: (message: string) => `No levels drill-down for this profile: ${message}`,
  },
  zh: {
    title: "逐级下钻（市—区—街道—社区）",
    unit: "单元",
    score: "得分",
    own: "自身部分",
    children: "下级部分",
    rank: "层级内排名",
    rankInParent: "上级内排名",
    rule: (level: string, own: number, children: number, rollup: string) =>
      `${level}：${fixed(own, 2)} × 自身 + ${fixed(children, 2)} × 下级（${rollup}）`,
    mean: "按下属已评分的最低层级单元数平均",
    weighted: (w: string) => `按 ${w} 加权`,
    note: "各单元在总目标上的得分。最低层级以上：得分 = 自身权重 × 自身部分（该层级自身指标，以单元自身数据行计）+ 下级权重 × 下级部分（下级单元的汇总）；没有自身指标的单元为纯汇总。展开一行可查看其下级单元。",
    failed: (message: string) => `此情景没有逐级下钻：${message}`,
  },
};

/** The section's title in a language. @internal */
export function levelsTitle(language: string): string {
  return (language === "zh" ? TEXT.zh : TEXT.en).title;
}

/** A level's display name from the model's `levels` (falls back to the report's term for the id: 区, 街道...). */
function levelName(ctx: ReportContext, id: string): string {
  const l = (ctx.model.levels ?? []).find((x) => x.id === id);
  const name = l?.name;
  if (name === undefined) return ctx.labels.term(id);
  if (typeof name === "string") return name;
  return name[ctx.language] ?? name.en ?? Object.values(name)[0] ?? id;
}

/**
 * The drill-down card of one profile, from `scoreLevels(model, data, { profile })`, or a note with the
 * reason when scoreLevels refused the profile (`failure`). Each unit's row carries its raw numbers in
 * `data-score`, `data-own` and `data-children` (empty for none) for scripts and tests. @internal
 */
export function levelsSection(
  ctx: ReportContext,
  v: ProfileView,
  lv: LevelsResult | undefined,
  failure?: string,
): string {
  const T = ctx.language === "zh" ? TEXT.zh : TEXT.en;
  const id = `p${v.index}-levels`;
  if (!lv) return card(id, T.title, "", T.failed(failure ?? ""));
  const root = v.root;
  const tables = lv.levels.map((l) => lv.level(l));
  const rowOf = tables.map((t) => new Map(t.units.map((u, j) => [u, j])));
  // The units of level k below each unit of level k + 1.
  const below = tables.map((t) => {
    const m = new Map<string, string[]>();
    for (const [j, p] of t.parents.entries())
      if (p !== undefined) m.set(p, [...(m.get(p) ?? []), t.units[j]!]);
    return m;
  });
  const raw = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? "" : String(x));
  const shown = (x: number | undefined): string =>
    x === undefined || Number.isNaN(x) ? "–" : fixed(toDisplay(v.scale, x), 2);
  const byRank = (t: LevelTable, units: string[], k: number): string[] => {
    const ranks = t.ranks[root];
    return [...units].sort(
      (a, b) =>
        (ranks?.[rowOf[k]!.get(a)!] || 1e9) - (ranks?.[rowOf[k]!.get(b)!] || 1e9) ||
        (a < b ? -1 : a > b ? 1 : 0),
    );
  };
  const render = (u: string, k: number): string => {
    const t = tables[k]!;
    const j = rowOf[k]!.get(u)!;
    const s = t.scores[root]?.[j];
    const o = k > 0 ? t.own[root]?.[j] : undefined;
    const c = k > 0 ? t.children[root]?.[j] : undefined;
    const rank = t.ranks[root]?.[j] ?? 0;
    const rankP = t.ranksInParent[root]?.[j] ?? 0;
    const cells = [
      `<span class="lv-name">${esc(ctx.unitName(u))} <span class="muted">${esc(u)}</span> <span class="tag">${esc(levelName(ctx, t.level))}</span></span>`,
      `<span class="lv-score" title="${esc(T.score)}">${shown(s)}</span>`,
      k > 0 ? `<span class="lv-own" title="${esc(T.own)}">${esc(T.own)} ${shown(o)}</span>` : "",
      k > 0
        ? `<span class="lv-children" title="${esc(T.children)}">${esc(T.children)} ${shown(c)}</span>`
        : "",
      `<span class="lv-rank" title="${esc(T.rank)}">#${rank || "–"}</span>`,
      t.parents[j] !== undefined
        ? `<span class="lv-rankp" title="${esc(T.rankInParent)}">(${rankP || "–"})</span>`
        : "",
    ].join(" ");
    const attrs = `class="lv-row" data-unit="${esc(u)}" data-level="${esc(t.level)}" data-score="${raw(s)}" data-own="${raw(o)}" data-children="${raw(c)}"`;
    const kids = k > 0 ? (below[k - 1]!.get(u) ?? []) : [];
    if (kids.length === 0) return `<div ${attrs}>${cells}</div>`;
    const inner = byRank(tables[k - 1]!, kids, k - 1)
      .map((x) => render(x, k - 1))
      .join("");
    return `<details ${attrs}${k === tables.length - 1 ? " open" : ""}><summary>${cells}</summary><div class="lv-kids">${inner}</div></details>`;
  };
  const top = tables.length - 1;
  // The top of the drill-down: the highest level's units, then any lower unit whose parent is not a
  // unit of the level above (so that no unit is left out).
  const tops: [string, number][] = byRank(tables[top]!, tables[top]!.units, top).map((u) => [u, top]);
  for (let k = top - 1; k >= 0; k--) {
    const t = tables[k]!;
    const orphans = t.units.filter((_, j) => !rowOf[k + 1]!.has(t.parents[j] ?? ""));
    for (const u of byRank(t, orphans, k)) tops.push([u, k]);
  }
  const rules = lv.levels
    .slice(1)
    .map((l) => {
      const r = lv.rules[l]!;
      const rollup = r.rollup === "mean" ? T.mean : T.weighted(r.rollup.weight);
      return `<li>${esc(T.rule(levelName(ctx, l), r.own, r.children, rollup))}</li>`;
    })
    .join("");
  const body = `<ul class="lv-rules">${rules}</ul><div class="lv-tree">${tops.map(([u, k]) => render(u, k)).join("")}</div>`;
  return card(id, T.title, body, T.note);
}
