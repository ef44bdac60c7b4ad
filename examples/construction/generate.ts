/**
 * Example data for building the governance indicator system (examples/construction/README.md):
 * a draft model, two Delphi rounds of 15 experts' ratings and three experts' filled AHP questionnaires.
 * Everything is made up by a seeded generator (xoshiro128**, seed CONSTRUCTION_SEED); the same seed
 * gives the same files. Run from the repository root:
 *
 *     npx tsx examples/construction/generate.ts
 *
 * It writes examples/construction/draft.json, delphi/round1.csv, delphi/round2.csv and
 * experts/expert-{1,2,3}.xlsx. The commands of the README turn them into pruned.json, survey.xlsx
 * and final.json (committed too; test/examples/construction.test.ts reruns it all).
 *
 * How the ratings are drawn (1-5 importance scale; every number below is a choice of this example):
 *
 * - Indicator j has a true importance mu_j: U(3.5, 4.9) for the 60 indicators of the governance
 *   template, and a fixed 2.4-2.9 for six weak candidates added to the draft (CANDIDATES; they have
 *   no column in the sample city's data).
 * - Expert e has a leniency b_e ~ N(0, 0.25) and a noise level s_e ~ U(0.5, 0.8).
 * - Round 1 (18 questionnaires sent, 15 returned): a_ej = clamp(round(mu_j + b_e + s_e z), 1, 5),
 *   z ~ N(0, 1). Each expert also rates the four judgment bases (theory, practice, literature,
 *   intuition: high / medium / low, drawn with probabilities THEORY, PRACTICE, ...) and familiarity.
 * - Round 2 (15 sent, 15 returned) asks only about the indicators round 1 kept (DELPHI_OPTIONS, the
 *   same rule as the README's command: the cut-off method, dropping an indicator that fails all three
 *   cut-offs, and the fixed thresholds mean >= 3.5, CV <= 0.25). Each expert has seen the round-1
 *   panel means M_j and moves most of the way towards them:
 *   a_ej = clamp(round(0.2 (mu_j + b_e + s_e z1) + 0.8 M_j + 0.2 z2), 1, 5), with z1 the expert's
 *   round-1 draw, so opinions converge and Kendall's W rises.
 * - AHP questionnaires (three experts, profile normal of the pruned model): expert k's priorities in
 *   a group are the template's normal weights of the children (equal where the template has none)
 *   times exp(0.35 z) per child; each pair is answered with w_a / w_b times exp(0.15 z) rounded to
 *   the nearest Saaty value 1-9 (or its reciprocal). Expert 3 answers the first pair of the root group
 *   the wrong way round and three times as strong (a slip), which the judgments command reports with
 *   a repair.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { ahpQuestionnaire } from "../../src/build/ahp-questionnaire.js";
import { delphi } from "../../src/build/delphi.js";
import { delphiToModel } from "../../src/build/delphi-to-model.js";
import type { DelphiOptions } from "../../src/build/delphi-types.js";
import type { Model, ModelNode } from "../../src/indicators/model-types.js";
import { createRandom, type Random } from "../../src/internal/random.js";
import { ahpQuestionnaireXlsx } from "../../src/node/ahp-questionnaire-xlsx.js";
import { grassrootsGovernance } from "../../src/templates.js";
import { isMain } from "../is-main.js";

/** The seed of the committed files. */
export const CONSTRUCTION_SEED = 20261203;

/** The Delphi rule of the example (also the README's `indicatrix delphi` options). */
export const DELPHI_OPTIONS: DelphiOptions = { scaleMax: 5, scaleMin: 1, rule: "both", cutoffDrop: "all" };

/** Weak candidate indicators added to the draft: [parent group, id, zh, en, true importance]. */
export const CANDIDATES: readonly [string, string, string, string, number][] = [
  [
    "party_building",
    "publicity_reports",
    "党建宣传报道篇数",
    "Party-building publicity reports per year",
    2.6,
  ],
  [
    "mass_mobilization",
    "wechat_group_members",
    "社区微信群成员数",
    "Members of community WeChat groups",
    2.4,
  ],
  ["grid_management", "grid_signboards", "网格公示牌设置数", "Grid signboards put up", 2.9],
  ["service_supply", "banner_slogans", "便民宣传横幅数", "Service-publicity banners hung", 2.5],
  ["digital_platform", "app_downloads", "社区APP下载量", "Downloads of the community app", 2.8],
  ["sense_of_gain", "media_praise", "媒体正面报道次数", "Positive media reports", 2.7],
];

const EXPERTS = 15;
const SENT = [18, 15] as const;
const LEVELS = ["high", "medium", "low"] as const;
const THEORY = [0.5, 0.4, 0.1];
const PRACTICE = [0.6, 0.3, 0.1];
const LITERATURE = [0.4, 0.4, 0.2];
const INTUITION = [0.3, 0.4, 0.3];
const FAMILIARITY: [string, number][] = [
  ["very familiar", 0.3],
  ["familiar", 0.5],
  ["fairly familiar", 0.2],
];
/** The three AHP experts (names as they type them into the form). */
export const AHP_EXPERTS = ["张伟", "李娜", "王强"] as const;

const pick = <T>(rng: Random, items: readonly T[], probs: readonly number[]): T => {
  let u = rng.uniform();
  for (let k = 0; k < items.length; k++) {
    u -= probs[k] as number;
    if (u < 0) return items[k] as T;
  }
  return items[items.length - 1] as T;
};
const clamp = (v: number) => Math.min(5, Math.max(1, Math.round(v)));

/**
 * The template's community system: the 60 community indicators, without the four-level chain of
 * issue 14 (the nodes measured on the streets' and districts' own rows, `level`, and the coastal
 * communities' local set, `appliesTo`), the profiles of the chain (`typhoon`, `transition`,
 * `normal_levels`, `emergency_levels`) and the model's `levels` and `states`. The panel rates community indicators, and the
 * screening runs on the communities' data, where the chain has no values.
 */
function communitySystem(template: Model): Model {
  const m = structuredClone(template) as Model;
  const dropped = new Set<string>();
  const prune = (node: ModelNode): void => {
    if (!node.children) return;
    node.children = node.children.filter((c) => {
      const drop = c.level !== undefined || c.appliesTo !== undefined;
      if (drop) dropped.add(c.id);
      return !drop;
    });
    for (const c of node.children) prune(c);
  };
  prune(m.tree);
  const profiles = m.profiles ?? {};
  for (const name of ["typhoon", "transition", "normal_levels", "emergency_levels"]) delete profiles[name];
  for (const p of Object.values(profiles)) {
    delete p.levels;
    for (const spec of Object.values(p.weights ?? {}))
      if (typeof spec === "object" && spec.method === "fixed")
        for (const id of dropped) delete (spec.weights as Record<string, number>)[id];
  }
  delete m.levels;
  delete m.states;
  return m;
}

/** The draft: the governance template's community system with the six candidates added (and no history). */
export function draftModel(): Model {
  const draft = communitySystem(grassrootsGovernance as Model);
  draft.id = "governance-draft";
  const walk = (node: ModelNode) => {
    for (const [parent, id, zh, en] of CANDIDATES)
      if (node.id === parent)
        node.children?.push({
          id,
          name: { zh, en },
          unit: "count",
          direction: "benefit",
          goalposts: [0, 100],
        });
    for (const c of node.children ?? []) walk(c);
  };
  walk(draft.tree);
  return draft;
}

/** The ids of the indicators (leaves) of a model, in tree order. */
function leaves(node: ModelNode): string[] {
  return node.children?.length ? node.children.flatMap(leaves) : [node.id];
}

/** The CSV of one round: expert, then the ratings, then (round 1) the authority columns. */
function roundCsv(ids: readonly string[], ratings: number[][], authority?: string[][]): string {
  const header = [
    "expert",
    ...ids,
    ...(authority ? ["theory", "practice", "literature", "intuition", "familiarity"] : []),
  ];
  const rows = ratings.map((r, e) =>
    [`E${String(e + 1).padStart(2, "0")}`, ...r.map(String), ...(authority?.[e] ?? [])].join(","),
  );
  return `${[header.join(","), ...rows].join("\n")}\n`;
}

/** Saaty's value nearest (in log scale) to a ratio: 1-9 or a reciprocal. */
function saaty(ratio: number): number {
  const r = ratio >= 1 ? ratio : 1 / ratio;
  const v = Math.min(9, Math.max(1, Math.round(r)));
  return ratio >= 1 ? v : 1 / v;
}

/** The template's normal-profile weights of a group's children (equal where it gives none). */
function baseWeights(template: Model, group: string, children: readonly string[]): number[] {
  const spec = template.profiles?.normal?.weights?.[group];
  if (spec && typeof spec === "object" && "method" in spec && spec.method === "fixed" && "weights" in spec) {
    const w = spec.weights as Record<string, number>;
    return children.map((c) => w[c] ?? 1 / children.length);
  }
  if (spec && typeof spec === "object" && "method" in spec && spec.method === "ahp" && "judgments" in spec) {
    // the geometric mean of each row of the template's judgment matrix
    const js = spec.judgments as [string, string, number][];
    return children.map((c) =>
      Math.exp(
        children.reduce((s, d) => {
          const j = js.find(([a, b]) => (a === c && b === d) || (a === d && b === c));
          return s + (c === d || !j ? 0 : Math.log(j[0] === c ? j[2] : 1 / j[2]));
        }, 0) / children.length,
      ),
    );
  }
  return children.map(() => 1);
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * Fills the blank workbook as an expert would in Excel: the name next to 专家姓名 on the first sheet,
 * and on each group's sheet the cells F (the more important id, or 同等重要) and G (intensity).
 */
function fillWorkbook(
  blank: Uint8Array,
  name: string,
  answer: (group: string, a: string, b: string) => number,
): Uint8Array {
  const parts = unzipSync(blank);
  const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${xml(t)}</t></is></c>`;
  for (const part of Object.keys(parts).sort()) {
    if (!part.startsWith("xl/worksheets/")) continue;
    let sheet = strFromU8(parts[part] as Uint8Array);
    if (part.endsWith("/sheet1.xml"))
      sheet = sheet.replace(
        /(<row r="(\d+)">(?:(?!<\/row>).)*专家姓名(?:(?!<\/row>).)*?)<\/row>/,
        (_, row, r) => `${row}${text(`B${r}`, name)}</row>`,
      );
    else
      sheet = sheet.replace(
        /<row r="(\d+)">((?:(?!<\/row>).)*)<\/row>/g,
        (whole, r: string, cells: string) => {
          if (r === "1") return whole;
          const [group, a, , b] = [...cells.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1] as string);
          const v = answer(group as string, a as string, b as string);
          const more = v === 1 ? "同等重要" : v > 1 ? (a as string) : (b as string);
          return `<row r="${r}">${cells}${text(`F${r}`, more)}<c r="G${r}"><v>${v >= 1 ? v : Math.round(1 / v)}</v></c></row>`;
        },
      );
    parts[part] = strToU8(sheet);
  }
  return zipSync(parts, { level: 6, mtime: new Date(1980, 0, 1) });
}

/** Every file of the example's inputs, by path under examples/construction/. */
export function generateConstruction(seed = CONSTRUCTION_SEED): Record<string, string | Uint8Array> {
  const rng = createRandom(seed);
  const draft = draftModel();
  const ids = leaves(draft.tree);
  const weak = new Map(CANDIDATES.map((c) => [c[1], c[4]]));
  const mu = ids.map((id) => weak.get(id) ?? 3.5 + 1.4 * rng.uniform());
  const lenient = Array.from({ length: EXPERTS }, () => 0.25 * rng.normal());
  const noise = Array.from({ length: EXPERTS }, () => 0.5 + 0.3 * rng.uniform());
  const z1 = lenient.map(() => ids.map(() => rng.normal()));
  const r1 = lenient.map((b, e) =>
    ids.map((_, j) => clamp((mu[j] as number) + b + (noise[e] as number) * (z1[e]?.[j] as number))),
  );
  const authority = lenient.map(() => [
    pick(rng, LEVELS, THEORY),
    pick(rng, LEVELS, PRACTICE),
    pick(rng, LEVELS, LITERATURE),
    pick(rng, LEVELS, INTUITION),
    pick(
      rng,
      FAMILIARITY.map((f) => f[0]),
      FAMILIARITY.map((f) => f[1]),
    ),
  ]);
  // round 2 asks about what round 1 kept
  const first = delphi([{ indicators: ids, ratings: r1, sent: SENT[0] }], DELPHI_OPTIONS);
  const verdicts = first.rounds[0]?.verdicts ?? [];
  const kept = ids.filter((_, j) => verdicts[j]?.verdict !== "drop");
  const means = ids.map((_, j) => r1.reduce((s, r) => s + (r[j] as number), 0) / EXPERTS);
  const r2 = lenient.map((b, e) =>
    kept.map((id) => {
      const j = ids.indexOf(id);
      const own = (mu[j] as number) + b + (noise[e] as number) * (z1[e]?.[j] as number);
      return clamp(0.2 * own + 0.8 * (means[j] as number) + 0.2 * rng.normal());
    }),
  );
  const round2 = delphi(
    [
      { indicators: ids, ratings: r1, sent: SENT[0] },
      { indicators: kept, ratings: r2, sent: SENT[1] },
    ],
    DELPHI_OPTIONS,
  );
  const pruned = delphiToModel(draft, round2);
  // the AHP questionnaires of the pruned model, filled by three experts
  const q = ahpQuestionnaire(pruned, { profile: "normal", language: "zh" });
  const blank = ahpQuestionnaireXlsx(q);
  const files: Record<string, string | Uint8Array> = {
    "draft.json": `${JSON.stringify(draft, null, 2)}\n`,
    "delphi/round1.csv": roundCsv(ids, r1, authority),
    "delphi/round2.csv": roundCsv(kept, r2),
  };
  AHP_EXPERTS.forEach((name, k) => {
    const own = new Map<string, number>();
    for (const g of q.groups) {
      const base = baseWeights(
        grassrootsGovernance as Model,
        g.group,
        g.children.map((c) => c.id),
      );
      g.children.forEach((c, i) => {
        own.set(`${g.group}/${c.id}`, (base[i] as number) * Math.exp(0.35 * rng.normal()));
      });
    }
    const slip = k === 2 ? q.groups[0]?.pairs[0] : undefined;
    const answers = new Map<string, number>();
    for (const g of q.groups)
      for (const [a, b] of g.pairs) {
        let v = saaty(
          ((own.get(`${g.group}/${a}`) as number) / (own.get(`${g.group}/${b}`) as number)) *
            Math.exp(0.15 * rng.normal()),
        );
        // the slip: the pair answered the wrong way round, and three times as strong
        if (slip && g.group === q.groups[0]?.group && a === slip[0] && b === slip[1])
          v = v >= 1 ? 1 / Math.min(9, 3 * v) : Math.min(9, 3 / v);
        answers.set(`${g.group}/${a}/${b}`, v);
      }
    files[`experts/expert-${k + 1}.xlsx`] = fillWorkbook(
      blank,
      name,
      (g, a, b) => answers.get(`${g}/${a}/${b}`) ?? 1,
    );
  });
  return files;
}

/** Writes the files under examples/construction/. */
export function main(dir = new URL("./", import.meta.url)): string[] {
  const files = generateConstruction();
  for (const [path, content] of Object.entries(files)) {
    const url = new URL(path, dir);
    mkdirSync(new URL("./", url), { recursive: true });
    writeFileSync(url, content);
  }
  return Object.keys(files);
}

if (isMain(import.meta.url))
  for (const f of main()) process.stdout.write(`wrote examples/construction/${f}\n`);
