import { parseModel } from "../indicators/parse-model.js";
import { profileNames } from "../indicators/profiles.js";
import type { Model } from "../indicators/schema.js";
import { displayName } from "../indicators/tree.js";
import { fail, IndicatrixError } from "../internal/errors.js";
import { type PanelResult, scorePanel } from "../panel/score-panel.js";
import type { DatasetInput } from "../score/dataset.js";
import { type RollupResult, rollup } from "../score/rollup.js";
import { type Result, score } from "../score/score.js";
import { type LevelsResult, scoreLevels } from "../score/score-levels.js";
import { CSS, SCRIPT } from "./assets.js";
import {
  compareSection,
  correlationSection,
  type ReportAnalysis,
  uncertaintySection,
} from "./cross-sections.js";
import { esc } from "./escape.js";
import { gradesSection } from "./grades-section.js";
import { labelsFor } from "./labels.js";
import { levelsSection, levelsTitle } from "./levels-section.js";
import { frameworkSection, overviewSection, rankingSection } from "./profile-sections.js";
import { rollupSection } from "./rollup-section.js";
import { disparitySection, mapSection, spatialTitles } from "./spatial-sections.js";
import { timeSection, timeTitle } from "./time-section.js";
import { unitSection } from "./unit-section.js";
import { makeContext, makeView, type ProfileView } from "./view.js";

/** Options of {@link report}. */
export interface ReportOptions {
  /** Profiles to show, in order; the first two are compared. Default: every profile of the model that scores on the data (the first must). */
  profiles?: readonly string[];
  /** Id of the scored unit to profile in detail (default: the top unit of the first profile). */
  unit?: string;
  /** Page title (default: the model's name). */
  title?: string;
  /** Language of names and labels (default: the model's `language`, else English). */
  language?: "zh" | "en";
  /** Precomputed uncertainty-analysis results: rank intervals per unit. */
  analysis?: ReportAnalysis;
  /** Show the indicator correlation heatmap (default true). */
  correlations?: boolean;
  /** Number of units in the ranking chart (default 30; the table always lists every unit). */
  top?: number;
  /**
   * The period column of a panel (rows of units over several periods, e.g. `"year"`): the sections show
   * the last period, scored with `scorePanel` (pooled basis: comparable across periods), and a time section
   * is added with a line chart per node for the unit and the group averages, and the biggest improvers and
   * decliners.
   */
  period?: string;
  /** With `period`: a column naming each unit-period's profile for the time section (`scorePanel`'s `{ column }`). */
  state?: string;
}

function checkOptions(opts: ReportOptions): void {
  if (typeof opts !== "object" || opts === null) fail("invalid_option", "opts", "expected an options object");
  if (opts.profiles !== undefined) {
    if (!Array.isArray(opts.profiles) || opts.profiles.length === 0)
      fail("invalid_option", "opts.profiles", "expected a non-empty array of profile names");
    opts.profiles.forEach((p, k) => {
      if (typeof p !== "string")
        fail("invalid_option", `opts.profiles[${k}]`, `expected a profile name, got ${JSON.stringify(p)}`);
    });
    if (new Set(opts.profiles).size !== opts.profiles.length)
      fail("invalid_option", "opts.profiles", "a profile is named twice");
  }
  if (opts.unit !== undefined && typeof opts.unit !== "string")
    fail("invalid_option", "opts.unit", "expected a unit id");
  if (opts.title !== undefined && typeof opts.title !== "string")
    fail("invalid_option", "opts.title", "expected a string");
  if (opts.language !== undefined && opts.language !== "zh" && opts.language !== "en")
    fail("invalid_option", "opts.language", `expected "zh" or "en", got ${JSON.stringify(opts.language)}`);
  if (opts.correlations !== undefined && typeof opts.correlations !== "boolean")
    fail("invalid_option", "opts.correlations", "expected true or false");
  for (const k of ["period", "state"] as const)
    if (opts[k] !== undefined && (typeof opts[k] !== "string" || opts[k] === ""))
      fail("invalid_option", `opts.${k}`, "expected a column name");
  if (opts.state !== undefined && opts.period === undefined)
    fail("invalid_option", "opts.state", "a state column needs the period column (opts.period)");
  if (opts.top !== undefined && !(Number.isInteger(opts.top) && opts.top >= 1))
    fail("invalid_option", "opts.top", `expected a positive integer, got ${opts.top}`);
  if (opts.analysis !== undefined) {
    const ranks = opts.analysis?.ranks;
    if (typeof ranks !== "object" || ranks === null || Array.isArray(ranks))
      fail("invalid_option", "opts.analysis.ranks", "expected an object: unit id -> { median, lo, hi }");
    for (const [unit, r] of Object.entries(ranks)) {
      const path = `opts.analysis.ranks.${unit}`;
      if (typeof r !== "object" || r === null) fail("invalid_option", path, "expected { median, lo, hi }");
      for (const k of ["median", "lo", "hi"] as const)
        if (typeof r[k] !== "number" || !Number.isFinite(r[k]) || r[k] < 1)
          fail(
            "invalid_option",
            `${path}.${k}`,
            `expected a rank (a finite number >= 1), got ${JSON.stringify(r[k])}`,
          );
      if (!(r.lo <= r.median && r.median <= r.hi))
        fail("invalid_option", path, `expected lo <= median <= hi, got ${r.lo}, ${r.median}, ${r.hi}`);
    }
  }
}

/** Scores each profile: the data as one cross-section, or (`period`) a panel, of which the last period is shown. */
function scoreProfiles(
  model: Model,
  data: DatasetInput,
  wanted: readonly string[] | undefined,
  period: string | undefined,
): { results: Result[]; panels: PanelResult[] } {
  // Coordinates, when the data have them, feed the map section.
  const keep = ["lon", "lat", "x", "y"];
  const panels: PanelResult[] = [];
  const one = (p: string | undefined): Result => {
    if (period === undefined) return score(model, data, { profile: p, keep });
    if (!Array.isArray(data))
      fail("invalid_option", "opts.period", "a panel report needs the data as rows (records)");
    const panel = scorePanel(model, data as Parameters<typeof scorePanel>[1], {
      period,
      ...(p !== undefined ? { profile: p } : {}),
      keep,
    });
    panels.push(panel);
    return panel.at(panel.periods[panel.periods.length - 1] as string);
  };
  if (wanted) return { results: wanted.map((p) => one(p)), panels };
  const names = profileNames(model);
  const out: Result[] = [one(names[0])];
  for (const p of names.slice(1)) {
    try {
      out.push(one(p));
    } catch (e) {
      if (!(e instanceof IndicatrixError)) throw e;
    }
  }
  return { results: out, panels };
}

/** The ids of the nodes measured above a model's lowest level (a node with another `level`, and its subtree). */
function levelNodes(model: Model): Set<string> {
  const lowest = model.levels?.[0]?.id;
  const out = new Set<string>();
  const visit = (node: Model["tree"], above: boolean): void => {
    const here = above || (node.level !== undefined && node.level !== lowest);
    if (here) out.add(node.id);
    for (const c of node.children ?? []) visit(c, here);
  };
  visit(model.tree, false);
  return out;
}

const SECTIONS = ["overview", "framework", "ranking", "rollup", "grades", "unit"] as const;

/**
 * Renders a self-contained HTML report of a scored model: the indicator framework with local and
 * global weights (tree and sunburst) and AHP consistency; the ranking with each dimension's
 * contribution (stacked bars, top 30) and a sortable table of every unit; the roll-up to the higher
 * levels of the data (population-weighted when a `population` column exists); one unit in detail
 * (dimension scores against the mean, strengths, weaknesses, obstacle degrees, and its grades and what the
 * assessment rules did to it); the grades of every graded node with their counts per district and street;
 * the first two profiles
 * compared (scatter with the largest rank shifts labelled, rank correlations, dimension weights); rank
 * intervals when uncertainty results are passed; and the indicator correlation heatmap (Pearson).
 * With `period` (a panel), the sections show the last period, scored on the panel's pooled basis, and a
 * time section follows them: a line chart per node (root and dimensions) for the unit and the averages
 * of the top-level groups (districts), and the biggest improvers and decliners first to last period.
 *
 * The page needs nothing else: inline CSS and SVG, a small inline script for profile tabs and table
 * sorting (no data in it), no network requests; it prints cleanly. Every text from the model and the
 * data is HTML-escaped. Scores are shown on 0-100 when every indicator is normalized into one bounded
 * range. Each number drawn in a chart also sits in a `data-value` attribute, exact, for checks.
 * Use it to show results to the people who commissioned them; use `result.toRows()` for tables to
 * process further. Charts follow COINr's report set (Becker et al., JRC, 2022).
 *
 * @throws IndicatrixError `invalid_option` (bad options), `unknown_unit` (the unit is not a scored
 *   unit), `unknown_profile`, and the errors of `score` (e.g. `invalid_model`, `missing_column`).
 * @example
 * ```ts
 * const html = report(model, rows, { profiles: ["normal", "emergency"], unit: "c017" });
 * html.startsWith("<!doctype html>"); // => true
 * ```
 */
export function report(model: Model, data: DatasetInput, opts: ReportOptions = {}): string {
  checkOptions(opts);
  const parsed = parseModel(model);
  const { results, panels } = scoreProfiles(parsed, data, opts.profiles, opts.period);
  const first = results[0] as Result;
  const language = opts.language ?? parsed.language ?? "en";
  const labels = labelsFor(language);
  const ctx = makeContext(parsed, first, language, labels);
  const views: ProfileView[] = results.map((r, k) => makeView(ctx, r, k));
  const v0 = views[0] as ProfileView;
  const unit = opts.unit ?? first.units[v0.order[0]!]!;
  if (!first.units.includes(unit)) {
    const group = first.hierarchy.units.includes(unit);
    throw new IndicatrixError(
      "unknown_unit",
      `opts.unit: "${unit}" is not a scored unit${group ? " (it has child units: its scores come from the roll-up)" : " of the data"}`,
      { path: "opts.unit" },
    );
  }
  let analysisView: ProfileView | undefined;
  if (opts.analysis) {
    const p = opts.analysis.profile ?? v0.name;
    analysisView = views.find((v) => v.name === p);
    if (!analysisView)
      throw new IndicatrixError(
        "unknown_profile",
        `opts.analysis.profile: "${p}" is not one of the report's profiles (${views.map((v) => v.name).join(", ")})`,
        { path: "opts.analysis.profile" },
      );
  }
  const hasHierarchy = first.hierarchy.parents.some((p) => p !== undefined);
  const by = first.hierarchy.columns.population ? { weight: "population" } : ("mean" as const);
  const top = opts.top ?? 30;

  // The levels drill-down (issue 14): a model with two levels or more, on a cross-section with a
  // hierarchy, for the profiles with an active node measured above the lowest level (the others are
  // pure roll-ups, which the roll-up section shows).
  const withLevels = hasHierarchy && opts.period === undefined && (parsed.levels?.length ?? 0) >= 2;
  const aboveLowest = withLevels ? levelNodes(parsed) : new Set<string>();
  const drills = (v: ProfileView): boolean =>
    withLevels && [...v.result.resolved.nodes.keys()].some((id) => aboveLowest.has(id));
  const profileBlocks = views.map((v) => {
    const up: RollupResult | undefined = hasHierarchy ? rollup(v.result, { by }) : undefined;
    let levelsHtml = "";
    if (drills(v)) {
      let lv: LevelsResult | undefined;
      let failure: string | undefined;
      try {
        lv = scoreLevels(parsed, data, { profile: v.name });
      } catch (e) {
        // A profile scoreLevels refuses (no rule for a level with its own indicators): the section says why.
        if (!(e instanceof IndicatrixError)) throw e;
        failure = e.message;
      }
      levelsHtml = levelsSection(ctx, v, lv, failure);
    }
    const sections = [
      overviewSection(ctx, v, up),
      frameworkSection(ctx, v),
      rankingSection(ctx, v, top),
      up ? rollupSection(ctx, v, up) : "",
      levelsHtml,
      gradesSection(ctx, v),
      unitSection(ctx, v, unit),
    ].join("");
    const chain = v.result.resolved.chain.length > 1 ? ` (${v.result.resolved.chain.join(" → ")})` : "";
    return `<div class="profile${v.index === 0 ? " active" : ""}" data-profile="${esc(v.name)}" data-profile-index="${v.index}"><div class="profile-title"><h2>${esc(labels.profile)}: ${esc(v.title)}</h2><span class="tag">${esc(v.name)}${esc(chain)}</span></div>${sections}</div>`;
  });
  const timeHtml =
    opts.period === undefined
      ? ""
      : timeSection(
          ctx,
          v0,
          opts.state === undefined
            ? (panels[0] as PanelResult)
            : scorePanel(parsed, data as Parameters<typeof scorePanel>[1], {
                period: opts.period,
                profile: { column: opts.state, default: v0.name },
              }),
          { unit },
        );
  const disparityHtml = hasHierarchy ? disparitySection(ctx, v0) : "";
  const mapHtml = mapSection(ctx, v0);
  const shared = [
    timeHtml,
    views.length >= 2 ? compareSection(ctx, views) : "",
    disparityHtml,
    mapHtml,
    analysisView && opts.analysis ? uncertaintySection(ctx, analysisView, opts.analysis) : "",
    opts.correlations === false ? "" : correlationSection(ctx, views),
  ].join("");

  const modelName =
    parsed.name === undefined ? parsed.id : displayName({ id: parsed.id, name: parsed.name }, language);
  const title = opts.title ?? modelName;
  const description =
    parsed.description === undefined ? "" : displayName({ id: "", name: parsed.description }, language);
  const tabs =
    views.length > 1
      ? `<div class="tabs" role="group" aria-label="${esc(labels.showProfile)}"><span class="lbl">${esc(labels.profiles)}</span>${views
          .map(
            (v) =>
              `<button type="button" class="tab" data-show-profile="${v.index}" aria-pressed="${v.index === 0}">${esc(v.title)}</button>`,
          )
          .join("")}</div>`
      : "";
  const sectionTitles: Record<(typeof SECTIONS)[number], string> = {
    overview: labels.overview,
    framework: labels.framework,
    ranking: labels.ranking,
    rollup: labels.rollup,
    grades: labels.grades,
    unit: labels.unit,
  };
  const links = [
    ...SECTIONS.filter(
      (s) => (s !== "rollup" || hasHierarchy) && (s !== "grades" || Object.keys(first.grades).length > 0),
    ).map((s) => `<a href="#p0-${s}" data-section="${s}">${esc(sectionTitles[s])}</a>`),
    ...(views.some(drills)
      ? [
          `<a href="#p${views.findIndex(drills)}-levels" data-section="levels">${esc(levelsTitle(language))}</a>`,
        ]
      : []),
    ...(timeHtml ? [`<a href="#time">${esc(timeTitle(language))}</a>`] : []),
    ...(views.length >= 2 ? [`<a href="#compare">${esc(labels.compare)}</a>`] : []),
    ...(disparityHtml ? [`<a href="#disparity">${esc(spatialTitles(language).disparity)}</a>`] : []),
    ...(mapHtml ? [`<a href="#spatial">${esc(spatialTitles(language).spatial)}</a>`] : []),
    ...(analysisView ? [`<a href="#uncertainty">${esc(labels.uncertainty)}</a>`] : []),
    ...(opts.correlations === false ? [] : [`<a href="#correlations">${esc(labels.correlations)}</a>`]),
  ].join("");
  const meta = [
    `${labels.units}: ${first.units.length}${first.hierarchy.units.length > first.units.length ? ` (+${first.hierarchy.units.length - first.units.length})` : ""}`,
    `${labels.indicators}: ${new Set(views.flatMap((v) => v.result.resolved.indicators)).size}`,
    `${labels.profiles}: ${views.map((v) => v.title).join(" · ")}`,
  ];
  const normalization = [
    ...new Set(Object.values(first.normalization).map((p) => labels.term(p.method))),
  ].join(", ");
  const notes = `<section class="card" id="notes"><h2>${esc(labels.methodNotes)}</h2><p class="note">${esc(
    `${labels.normalization}: ${normalization}. ${labels.missingPolicy}: ${labels.term(first.resolved.missing)}${first.resolved.minCoverage > 0 ? ` (${labels.term("min coverage")} ${first.resolved.minCoverage})` : ""}. ${v0.scale.bounded ? labels.scaleNote : labels.nativeScaleNote}`,
  )}</p></section>`;
  return `<!doctype html>
<html lang="${esc(labels.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="indicatrix">
<title>${esc(title)}</title>
<style>${CSS}</style>
<script>document.documentElement.className+=" js";</script>
</head>
<body>
<header class="masthead"><div class="wrap"><h1>${esc(title)}</h1>${description ? `<p class="sub" title="${esc(description)}">${esc(description)}</p>` : `<p class="sub">${esc(labels.generated)}</p>`}<div class="meta">${meta.map((m) => `<span>${esc(m)}</span>`).join("")}</div></div></header>
<nav class="toolbar"><div class="wrap">${tabs}<div class="links">${links}</div></div></nav>
<main class="wrap">
${profileBlocks.join("\n")}
${shared}
${notes}
<footer>${esc(labels.footer)}</footer>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
