import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ahpQuestionnaire } from "../../src/build/ahp-questionnaire.js";
import { readAhpQuestionnaires } from "../../src/build/read-ahp-questionnaires.js";
import type { Model } from "../../src/indicators/model-types.js";
import { ahpQuestionnaireXlsx, readFilledQuestionnaire } from "../../src/node/ahp-questionnaire-xlsx.js";
import { readXlsxSheetNames } from "../../src/node/read-xlsx.js";
import { xlsxBytes } from "../../src/node/xlsx-bytes.js";
import { type AhpAnswer, fillAhpWorkbook, storedJudgment } from "../helpers/fill-ahp-workbook.js";

const model: Model = Object.freeze({
  id: "gov",
  language: "zh",
  name: { zh: "治理指数", en: "Governance index" },
  tree: {
    id: "root",
    name: { zh: "治理指数", en: "Governance" },
    children: [
      {
        id: "A",
        name: { zh: "服务, 效率", en: "Service" },
        children: [{ id: "x1", name: '人均"投入"' }, { id: "x2" }],
      },
      // x6 takes part only in the emergency profile: the normal form does not ask about it
      {
        id: "B",
        children: [{ id: "x3" }, { id: "x4" }, { id: "x5" }, { id: "x6", profiles: ["emergency"] }],
      },
    ],
  },
  profiles: { normal: {}, emergency: { extends: "normal" } },
});

// Three experts' answers, each [group, more important, less important, intensity] (hand-made: Wang's B
// judgments are consistent, 4 : 2 : 1, so CR = 0; Zhao's B judgments go round in a circle, so CR >> 0.1;
// Li leaves A unanswered).
const answers: Record<string, AhpAnswer[]> = {
  李明: [
    ["root", "A", "B", 3],
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
    ["A", "x2", "x1", 7],
    ["B", "x3", "x4", 9],
    ["B", "x4", "x5", 9],
    ["B", "x5", "x3", 9],
  ],
};
const order = ["A", "B", "x1", "x2", "x3", "x4", "x5"];

describe("ahpQuestionnaireXlsx and readFilledQuestionnaire", () => {
  const q = ahpQuestionnaire(model, { profile: "normal" });
  const blank = ahpQuestionnaireXlsx(q);
  const dir = mkdtempSync(join(tmpdir(), "ix-ahpq-"));

  it("writes the instructions sheet (name cell, the scale in Chinese and English) and one sheet per group", () => {
    const path = join(dir, "blank.xlsx");
    writeFileSync(path, blank);
    // sheet names: the instructions, then the groups' names ("服务, 效率" keeps its comma)
    expect(readXlsxSheetNames(path)).toEqual(["填写说明", "治理指数", "服务, 效率", "B"]);
    const parts = unzipSync(blank);
    const intro = strFromU8(parts["xl/worksheets/sheet1.xml"] as Uint8Array);
    for (const words of ["专家姓名", "同等重要", "极端重要", "equally important", "extremely more important"])
      expect(intro).toContain(words);
    // group B in the normal profile: x3, x4, x5 (x6 is emergency-only), so 3 pairs, rows 2-4
    const b = strFromU8(parts["xl/worksheets/sheet4.xml"] as Uint8Array);
    expect(b).not.toContain("x6");
    expect(b.match(/<row /g)).toHaveLength(4);
    // drop-downs: F2, F3, F4 each take a, b or 同等重要; G2:G4 takes 1-9
    const lists = [...b.matchAll(/sqref="([^"]+)"><formula1>([^<]*)<\/formula1>/g)].map((m) => [m[1], m[2]]);
    expect(lists).toEqual([
      ["F2", "&quot;x3,x4,同等重要&quot;"],
      ["F3", "&quot;x3,x5,同等重要&quot;"],
      ["F4", "&quot;x4,x5,同等重要&quot;"],
      ["G2:G4", "&quot;1,2,3,4,5,6,7,8,9&quot;"],
    ]);
    expect(b).toMatch(/<\/sheetData><dataValidations count="4">/);
    expect(ahpQuestionnaire(model, { profile: "emergency" }).groups[2]?.pairs).toHaveLength(6);
  });

  it("a round trip (written, filled by a script as in Excel, read back) gives the exact judgments and names", () => {
    const paths = Object.keys(answers).map((e, k) => {
      const path = join(dir, `expert${k + 1}.xlsx`);
      writeFileSync(path, fillAhpWorkbook(blank, e, answers[e] ?? [], k !== 1));
      return path;
    });
    const files = paths.map((p) => readFilledQuestionnaire(p));
    const r = readAhpQuestionnaires(model, files, { profile: "normal" });
    expect(r.experts).toEqual(["李明", "Wang", "Zhao"]);
    const weights = r.model.profiles?.normal?.weights ?? {};
    for (const group of ["root", "A", "B"]) {
      const expected = Object.entries(answers)
        .map(([name, list]) => ({
          name,
          judgments: list
            .filter(([g]) => g === group)
            .map((ans) => storedJudgment(order, ans))
            .sort(
              (p, s) =>
                order.indexOf(p[0]) - order.indexOf(s[0]) || order.indexOf(p[1]) - order.indexOf(s[1]),
            ),
        }))
        .filter((e) => e.judgments.length > 0);
      expect(weights[group]).toEqual({ method: "ahp", aggregation: "aij", experts: expected });
    }
    // Wang's B: 4 : 2 : 1 (hand: x3 = 2 x4 = 4 x5), CR 0; Zhao's B inconsistent, with advice
    const b = r.groups.find((g) => g.group === "B");
    expect(b?.experts.find((e) => e.expert === "Wang")?.cr).toBeCloseTo(0, 12);
    expect(b?.experts.find((e) => e.expert === "Zhao")?.consistent).toBe(false);
    // root has one pair: the geometric mean of 3, 1/2 and 9 = 13.5^(1/3) = 2.381101577..., so
    // w_A = 2.3811 / 3.3811 = 0.704239... (hand computation)
    const root = r.groups.find((g) => g.group === "root");
    expect(root?.weights[0]).toBeCloseTo(13.5 ** (1 / 3) / (1 + 13.5 ** (1 / 3)), 12);
  });

  it("a bad answer in a workbook is invalid_judgment naming the file, the sheet, the row and the column", () => {
    const path = join(dir, "bad.xlsx");
    // intensity 12 for x3 over x5: row 3 of sheet "B" (x3-x4 is row 2)
    const parts = unzipSync(fillAhpWorkbook(blank, "Qian", [["B", "x3", "x5", 3]], false));
    parts["xl/worksheets/sheet4.xml"] = strToU8(
      strFromU8(parts["xl/worksheets/sheet4.xml"] as Uint8Array).replace(
        '<c r="G3"><v>3</v>',
        '<c r="G3"><v>12</v>',
      ),
    );
    writeFileSync(path, zipSync(parts));
    const files = [readFilledQuestionnaire(path)];
    expect(files[0]?.places?.[3]).toBe('sheet "B", row 3');
    expect(() => readAhpQuestionnaires(model, files, { profile: "normal" })).toThrow(
      expect.objectContaining({
        code: "invalid_judgment",
        message: expect.stringContaining('bad.xlsx, sheet "B", row 3, column "intensity"'),
      }),
    );
  });

  it("a CSV questionnaire is read by the same function; an empty name cell falls back to the file name", () => {
    const csv = join(dir, "li.csv");
    writeFileSync(csv, q.csv);
    expect(readFilledQuestionnaire(csv).rows).toHaveLength(5);
    const path = join(dir, "unnamed.xlsx");
    writeFileSync(path, blank);
    const f = readFilledQuestionnaire(path);
    expect(f.rows.every((row) => row.expert === "")).toBe(true);
    expect(f.name).toBe("unnamed.xlsx");
    // a blank form read back has no judgments at all
    expect(f.rows.every((row) => row.more_important === "" && row.intensity === "")).toBe(true);
  });

  it("English forms use equal, and a list the validation cannot hold is refused by xlsxBytes", () => {
    const en = unzipSync(
      ahpQuestionnaireXlsx(ahpQuestionnaire(model, { profile: "normal", language: "en" })),
    );
    expect(strFromU8(en["xl/worksheets/sheet1.xml"] as Uint8Array)).toContain("Expert name");
    expect(strFromU8(en["xl/worksheets/sheet2.xml"] as Uint8Array)).toContain("&quot;A,B,equal&quot;");
    const bad = (list: string[], range = "A2") =>
      xlsxBytes([{ name: "s", columns: ["a"], rows: [], validations: [{ range, list }] }]);
    expect(() => bad(["a,b"])).toThrow(expect.objectContaining({ code: "invalid_option" }));
    expect(() => bad(["x".repeat(256)])).toThrow(/more than Excel's 255/);
    expect(() => bad(["a"], "2A")).toThrow(/A1 notation/);
    expect(readFileSync(join(dir, "blank.xlsx")).length).toBeGreaterThan(0);
  });
});
