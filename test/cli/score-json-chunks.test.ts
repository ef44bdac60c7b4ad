import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { rollupOption, scoreCommand, scoreRows } from "../../src/cli/commands/score.js";
import { jsonChunks } from "../../src/cli/json-chunks.js";
import { parseModel } from "../../src/indicators/parse-model.js";
import { displayName } from "../../src/indicators/tree.js";
import { rollup } from "../../src/score/rollup.js";
import { score } from "../../src/score/score.js";

const MODEL = "templates/grassroots-governance.json";
const DATA = "examples/governance/sample-city.csv";
const finite = (_k: string, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v);

describe("jsonChunks", () => {
  it("gives the text of JSON.stringify(doc, replacer, 2) + newline, for 0, 1 and 250 items and an empty head", () => {
    const item = (i: number) => ({
      i,
      x: i % 3 === 0 ? Number.NaN : -i / 7,
      tags: [String(i), null],
      nested: { a: [] },
    });
    for (const head of [{ model: "m", weights: { a: 0.5 }, list: [] }, {}])
      for (const n of [0, 1, 250]) {
        const items = Array.from({ length: n }, (_, i) => item(i));
        const text = [...jsonChunks(head, "units", n, item, finite)].join("");
        expect(text).toBe(`${JSON.stringify({ ...head, units: items }, finite, 2)}\n`);
      }
  });

  it("asks for an item only when its chunk is written (a generator), about 100 items per chunk", () => {
    let asked = 0;
    const chunks = jsonChunks(
      { id: "m" },
      "units",
      1_000,
      (i) => {
        asked++;
        return { i };
      },
      finite,
    );
    chunks.next(); // the head
    chunks.next(); // the first chunk of items
    expect(asked).toBe(100);
    const rest = [...chunks];
    expect(asked).toBe(1_000);
    expect(rest).toHaveLength(10); // 9 more chunks of 100 items, then the closing brackets
  });
});

describe("score --format json, streamed", () => {
  it("writes the document in more than one chunk, the text the whole-string JSON.stringify gave before", async () => {
    const chunks: string[] = [];
    const code = await scoreCommand([MODEL, DATA, "--format", "json"], {
      out: (t) => chunks.push(t),
      err: () => {},
      isTTY: false,
    });
    expect(code).toBe(0);
    // The document as the command built it before: one JSON.stringify of every row.
    const model = parseModel(readFileSync(MODEL, "utf8"));
    const result = score(model, parse(readFileSync(DATA), { columns: true }), { keep: [] });
    const up = rollup(result, { by: rollupOption(undefined, result) });
    const { count, rowAt } = scoreRows(result, up);
    const before = `${JSON.stringify(
      {
        model: model.id,
        profile: result.profile,
        names: Object.fromEntries(
          [...result.resolved.nodes.values()].map((n) => [n.id, displayName(n.node, model.language)]),
        ),
        weights: result.weights,
        consistency: result.consistency,
        provenance: result.provenance,
        diagnostics: result.diagnostics,
        units: Array.from({ length: count }, (_, k) => rowAt(k)),
      },
      finite,
      2,
    )}\n`;
    expect(count).toBeGreaterThan(300); // 368 units in the sample city: several chunks of units
    expect(chunks.length).toBeGreaterThan(3);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(before.length / 2);
    expect(chunks.join("")).toBe(before);
    expect(JSON.parse(chunks.join(""))).toEqual(JSON.parse(before));
  });
});
