import { describe, expect, it } from "vitest";
import { ahpQuestionnaire } from "../../src/build/ahp-questionnaire.js";
import { readAhpQuestionnaires } from "../../src/build/read-ahp-questionnaires.js";
import type { Model } from "../../src/indicators/model-types.js";
import { parseModel } from "../../src/indicators/parse-model.js";
import { readCsvText } from "../../src/node/read-csv-text.js";
import { resolveWeights } from "../../src/score/resolve-weights.js";
import { aggregateJudgments } from "../../src/weighting/aggregate-judgments.js";
import { judgmentsToMatrix } from "../../src/weighting/judgments.js";
import { type AhpAnswer, fillAhpCsv, storedJudgment } from "../helpers/fill-ahp-workbook.js";

const model: Model = Object.freeze({
  id: "gov",
  language: "zh",
  tree: {
    id: "root",
    name: { zh: "治理指数", en: "Governance" },
    children: [
      {
        id: "A",
        name: { zh: "服务, 效率", en: "Service" },
        children: [{ id: "x1", name: '人均"投入"' }, { id: "x2" }],
      },
      { id: "B", children: [{ id: "x3" }, { id: "x4" }, { id: "x5" }] },
    ],
  },
  profiles: { normal: {} },
});

// Three experts' answers, each [group, more important, less important, intensity] (hand-made; Wang is
// consistent, w = 4 : 2 : 1 in B, so CR = 0; Zhao's B judgments are circular, so CR is far above 0.1).
const answers: Record<string, AhpAnswer[]> = {
  Li: [
    ["root", "A", "B", 3],
    ["A", "x2", "x1", 5],
    ["B", "x3", "x4", 2],
    ["B", "x3", "x5", 3],
    ["B", "x4", "x5", 1],
  ],
  Wang: [
    ["root", "B", "A", 2],
    ["A", "x1", "x2", 1],
    ["B", "x3", "x4", 2],
    ["B", "x3", "x5", 4],
    ["B", "x4", "x5", 2],
  ],
  Zhao: [
    ["root", "A", "B", 9],
    ["A", "x1", "x2", 7],
    ["B", "x3", "x4", 9],
    ["B", "x4", "x5", 9],
    ["B", "x5", "x3", 9],
  ],
};
/** Fills the blank questionnaire CSV as `expert` would, returning the CSV text. */
const fill = (csv: string, expert: string) => fillAhpCsv(csv, expert, answers[expert] ?? []);

describe("ahpQuestionnaire and readAhpQuestionnaires", () => {
  const q = ahpQuestionnaire(model);

  it("ahpQuestionnaire writes every pair of every group once, names in the model's language, CSV and HTML", () => {
    expect(q.language).toBe("zh");
    expect(q.groups.map((g) => [g.group, g.pairs])).toEqual([
      ["root", [["A", "B"]]],
      ["A", [["x1", "x2"]]],
      [
        "B",
        [
          ["x3", "x4"],
          ["x3", "x5"],
          ["x4", "x5"],
        ],
      ],
    ]);
    const rows = readCsvText(q.csv);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({
      expert: "",
      group: "root",
      a: "A",
      a_name: "服务, 效率",
      b: "B",
      b_name: "B",
      more_important: "",
      intensity: "",
    });
    expect(rows[1]!.a_name).toBe('人均"投入"');
    expect(q.html).toContain("层次分析法专家调查问卷");
    expect(q.html).toContain("极端重要");
    expect(q.html).toContain("人均&quot;投入&quot;");
    expect((q.html.match(/class="box"/g) ?? []).length).toBe(5 * 17);
    expect(ahpQuestionnaire(model, { language: "en", groups: ["B"] }).groups.map((g) => g.name)).toEqual([
      "B",
    ]);
  });

  it("a round trip (written, filled by a script, read back) gives back the exact judgments and the group weights", () => {
    const files = Object.keys(answers).map((e) => ({ name: `${e}.csv`, rows: readCsvText(fill(q.csv, e)) }));
    const r = readAhpQuestionnaires(model, files, { profile: "normal" });
    expect(r.experts).toEqual(["Li", "Wang", "Zhao"]);
    const spec = r.model.profiles?.normal?.weights?.B;
    const expected = (e: string) =>
      answers[e]!.filter(([g]) => g === "B")
        // the form asks in tree order (a before b); a judgment "b over a" comes back as [a, b, 1 / v]
        .map((ans) => storedJudgment(["x3", "x4", "x5"], ans))
        .sort((p, q) => `${p[0]}${p[1]}`.localeCompare(`${q[0]}${q[1]}`)); // the form's pair order
    expect(spec).toEqual({
      method: "ahp",
      aggregation: "aij",
      experts: ["Li", "Wang", "Zhao"].map((name) => ({ name, judgments: expected(name) })),
    });
    const b = r.groups.find((g) => g.group === "B")!;
    const direct = aggregateJudgments(
      ["Li", "Wang", "Zhao"].map((e) =>
        judgmentsToMatrix(["x3", "x4", "x5"], expected(e) as [string, string, number][]),
      ),
    );
    b.weights.forEach((w, i) => {
      expect(w).toBeCloseTo(direct.weights[i]!, 14);
    });
    const wang = b.experts.find((e) => e.expert === "Wang")!;
    expect(wang.cr).toBeCloseTo(0, 12);
    const zhao = b.experts.find((e) => e.expert === "Zhao")!;
    expect(zhao.consistent).toBe(false);
    expect(zhao.advice).toMatch(/ over .*->/);
    // the model scores with the written specs: the weights of B equal the aggregated ones
    const parsed = parseModel(r.model);
    const w = resolveWeights(parsed, { profile: "normal" });
    expect(w.local.x3).toBeCloseTo(b.weights[0]!, 12);
    expect(model.profiles?.normal?.weights).toBeUndefined();
  });

  it("readAhpQuestionnaires names the file, row and column of a bad answer", () => {
    const bad = readCsvText(fill(q.csv, "Li")).map((r, i) => (i === 2 ? { ...r, intensity: "12" } : r));
    expect(() => readAhpQuestionnaires(model, [{ name: "li.csv", rows: bad }])).toThrow(
      /li\.csv, row 4, column "intensity"/,
    );
    const who = readCsvText(fill(q.csv, "Li")).map((r, i) => (i === 2 ? { ...r, more_important: "x9" } : r));
    expect(() => readAhpQuestionnaires(model, [{ name: "li.csv", rows: who }])).toThrow(/more_important/);
    const twice = [
      { name: "a.csv", rows: readCsvText(fill(q.csv, "Li")) },
      { name: "b.csv", rows: readCsvText(fill(q.csv, "Li")) },
    ];
    expect(() => readAhpQuestionnaires(model, twice)).toThrow(/two questionnaires of expert "Li"/);
  });

  it("more_important may name the element by its name (a_name or b_name) instead of its id", () => {
    // row 2 asks A (服务, 效率) against B: Li answered "A", 3; writing the name gives the same judgment
    const byName = readCsvText(fill(q.csv, "Li")).map((r, i) =>
      i === 0 ? { ...r, more_important: r.a_name! } : r,
    );
    const r = readAhpQuestionnaires(model, [{ name: "li.csv", rows: byName }]);
    type Spec = { experts: { judgments: unknown[] }[] };
    const judged = (m: typeof r.model) =>
      (m.profiles?.normal?.weights?.root as Spec | undefined)?.experts[0]?.judgments;
    expect(judged(r.model)).toEqual([["A", "B", 3]]);
    const other = readCsvText(fill(q.csv, "Li")).map((r, i) => (i === 0 ? { ...r, more_important: "B" } : r));
    expect(judged(readAhpQuestionnaires(model, [{ name: "li.csv", rows: other }]).model)).toEqual([
      ["A", "B", 1 / 3],
    ]);
  });
});
