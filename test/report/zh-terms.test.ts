import { describe, expect, it } from "vitest";
import { report } from "../../src/report/index.js";
import { sampleCity } from "./inputs.js";

/** The visible text of a report page: no script, no style, no tags, no attribute values. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<title>[\s\S]*?<\/title>/g, "")
    .replace(/<[^>]+>/g, " ");
}

describe("report in Chinese: the method, policy and level keys are translated (issue 18 item 7)", () => {
  const { model, data } = sampleCity();
  const zh = visibleText(report(model, data, { language: "zh" }));
  const en = visibleText(report(model, data, { language: "en" }));

  it("weight and aggregation methods read 等权, 固定权重, 算术平均, never the English keys", () => {
    for (const term of ["等权", "固定权重", "算术平均"]) expect(zh).toContain(term);
    for (const key of ["· arithmetic", "equal ·", "fixed ·"]) expect(zh).not.toContain(key);
    // The English page keeps the keys, as docs/methods.md names them.
    expect(en).toContain("equal · arithmetic");
  });

  it("the levels of the roll-up read 区 and 街道, the weight column 人口, the method notes in Chinese", () => {
    expect(zh).toMatch(/区 \(5\)/);
    expect(zh).toMatch(/街道 \(31\)/);
    expect(zh).toContain("按人口加权平均");
    expect(zh).toContain("阈值标准化");
    expect(zh).toMatch(/缺失值: 跳过/);
    expect(zh).not.toMatch(/\bdistrict \(5\)/);
    expect(en).toMatch(/district \(5\)/);
  });
});
