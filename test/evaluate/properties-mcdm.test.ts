// The invariants of issue 17 over every evaluation method at once (fast-check, seeded): a unit strictly
// better than every other on every criterion ranks first (and, for ELECTRE I, is in the kernel), and
// permuting the units permutes every method's values and ranks. The per-method files check the same
// on their own generators; this one makes "every method" a list that a new method has to join.
import { fc, test } from "@fast-check/vitest";
import { expect, it } from "vitest";
import { aras } from "../../src/evaluate/aras.js";
import { cocoso } from "../../src/evaluate/cocoso.js";
import { codas } from "../../src/evaluate/codas.js";
import { copras } from "../../src/evaluate/copras.js";
import { edas } from "../../src/evaluate/edas.js";
import { electre1 } from "../../src/evaluate/electre1.js";
import { mabac } from "../../src/evaluate/mabac.js";
import { marcos } from "../../src/evaluate/marcos.js";
import { moora } from "../../src/evaluate/moora.js";
import { multimoora } from "../../src/evaluate/multimoora.js";
import { promethee } from "../../src/evaluate/promethee.js";
import { vikor } from "../../src/evaluate/vikor.js";
import { waspas } from "../../src/evaluate/waspas.js";
import type { Direction } from "../../src/internal/types.js";
import { checkProperties, dirs, problem, type Ranker, withDominating } from "./mcdm-cases.js";

/** Every evaluation method of issue 17 as (matrix, weights, directions) -> a value per unit and ranks. */
const METHODS: Record<string, Ranker> = {
  vikor: (x, w, directions) => {
    const r = vikor(x, w, { directions });
    return { values: r.Q, ranks: r.ranks };
  },
  "promethee usual": (x, w, directions) => {
    const r = promethee(x, w, { directions });
    return { values: r.phi, ranks: r.ranks };
  },
  "promethee gaussian": (x, w, directions) => {
    const r = promethee(x, w, { directions, preference: "gaussian", s: 20 });
    return { values: r.phi, ranks: r.ranks };
  },
  "promethee linear": (x, w, directions) => {
    const r = promethee(x, w, { directions, preference: "linear", q: 5, p: 40 });
    return { values: r.phi, ranks: r.ranks };
  },
  edas: (x, w, directions) => {
    const r = edas(x, w, { directions });
    return { values: r.scores, ranks: r.ranks };
  },
  waspas: (x, w, directions) => {
    const r = waspas(x, w, { directions });
    return { values: r.scores, ranks: r.ranks };
  },
  copras: (x, w, directions) => {
    const r = copras(x, w, { directions });
    return { values: r.scores, ranks: r.ranks };
  },
  mabac: (x, w, directions) => {
    const r = mabac(x, w, { directions });
    return { values: r.scores, ranks: r.ranks };
  },
  marcos: (x, w, directions) => {
    const r = marcos(x, w, { directions });
    return { values: r.scores, ranks: r.ranks };
  },
  "moora ratio": (x, w, directions) => {
    const r = moora(x, w, { directions });
    return { values: r.ratioSystem, ranks: r.ratioRanks };
  },
  "moora reference": (x, w, directions) => {
    const r = moora(x, w, { directions });
    return { values: r.referencePoint, ranks: r.referenceRanks };
  },
  "multimoora dominance": (x, w, directions) => {
    const r = multimoora(x, w, { directions });
    return { values: r.scores, ranks: r.ranks };
  },
  "multimoora borda": (x, w, directions) => {
    const r = multimoora(x, w, { directions, combination: "borda" });
    return { values: r.scores, ranks: r.ranks };
  },
  aras: (x, w, directions) => {
    const r = aras(x, w, { directions });
    return { values: r.scores, ranks: r.ranks };
  },
  cocoso: (x, w, directions) => {
    // CoCoSo refuses a unit worst on every weighted column (k_b = S / min S divides by 0): skip those
    const worst = x.map((row) =>
      row.every((v, j) => v === (directions[j] === "cost" ? Math.max : Math.min)(...x.map((r) => r[j]!))),
    );
    fc.pre(!worst.includes(true));
    const r = cocoso(x, w, { directions });
    return { values: r.scores, ranks: r.ranks };
  },
  codas: (x, w, directions) => {
    const r = codas(x, w, { directions });
    return { values: r.scores, ranks: r.ranks };
  },
  "electre1 net outranking": (x, w, directions) => {
    const r = electre1(x, w, { directions });
    return { values: r.scores, ranks: r.ranks };
  },
};

for (const [name, run] of Object.entries(METHODS))
  test.prop([problem], { seed: 1717, numRuns: 60 })(
    `${name}: a dominating unit ranks first; permuting the units permutes values and ranks`,
    (p) => {
      checkProperties(run, p);
    },
  );

test.prop([problem], { seed: 1718, numRuns: 60 })(
  "electre1: a dominating unit outranks every other unit, nothing outranks it, and it is in the kernel",
  (p) => {
    const x = withDominating(p);
    const directions: Direction[] = dirs(p);
    const r = electre1(x, p.w, { directions });
    x.forEach((_, b) => {
      if (b === p.at) return;
      expect(r.outranks[p.at]![b]).toBe(true);
      expect(r.outranks[b]![p.at]).toBe(false);
    });
    expect(r.kernel).toContain(p.at);
  },
);

test.prop([problem], { seed: 1719, numRuns: 30 })(
  "promethee partial order: a dominating unit outranks every other unit (PROMETHEE I)",
  (p) => {
    const x = withDominating(p);
    const r = promethee(x, p.w, { directions: dirs(p), partialOrder: true });
    expect([...r.partialOrder!.outranks[p.at]!].sort((a, b) => a - b)).toEqual(
      x.map((_, i) => i).filter((i) => i !== p.at),
    );
  },
);

it("the list covers every evaluation method of issue 17", () => {
  const covered = new Set(Object.keys(METHODS).map((k) => k.split(" ")[0]));
  for (const m of [
    "vikor",
    "promethee",
    "edas",
    "waspas",
    "copras",
    "mabac",
    "marcos",
    "moora",
    "multimoora",
    "aras",
    "cocoso",
    "codas",
    "electre1",
  ])
    expect(covered.has(m), m).toBe(true);
});
