// indicatrix against the peers' own outputs (test/fixtures/peers/peers.json, written by run.py from
// pymcdm 1.4.0, pyDecision 4.9.1 and pyrepo-mcda 0.1.8 on the committed cases): every evaluation method
// of issue 17, the Borda count and the rank-agreement measures. Each record says which peer function
// ran, with which options; the values are compared to the record's relative tolerance.
import { describe, expect, it } from "vitest";
import { kendall, spearman } from "../../src/analysis/rank-correlation.js";
import { weightedSpearman, wsCoefficient } from "../../src/analysis/rank-similarity.js";
import { aras } from "../../src/evaluate/aras.js";
import { borda } from "../../src/evaluate/borda.js";
import { cocoso } from "../../src/evaluate/cocoso.js";
import { codas } from "../../src/evaluate/codas.js";
import { copras } from "../../src/evaluate/copras.js";
import { edas } from "../../src/evaluate/edas.js";
import { electre1 } from "../../src/evaluate/electre1.js";
import { mabac } from "../../src/evaluate/mabac.js";
import { marcos } from "../../src/evaluate/marcos.js";
import { moora } from "../../src/evaluate/moora.js";
import { multimoora } from "../../src/evaluate/multimoora.js";
import { type PrometheeOptions, promethee } from "../../src/evaluate/promethee.js";
import { vikor } from "../../src/evaluate/vikor.js";
import { type WaspasOptions, waspas } from "../../src/evaluate/waspas.js";
import { INPUTS, NOT_COMPARED, type PeerRecord, RECORDS } from "../fixtures/peers/index.js";

type Values = object;

/** indicatrix's values for a record, under the names the record's output uses. */
function indicatrix(r: PeerRecord): Values {
  const c = INPUTS[r.case]!;
  const x = c.matrix!;
  const w = r.weights ?? c.weights!;
  const directions = c.directions!;
  const o = r.options ?? {};
  switch (r.method) {
    case "vikor":
      return vikor(x, w, { directions, ...(o.v !== undefined ? { v: o.v as number } : {}) });
    case "promethee":
      return promethee(x, w, { directions, ...(o as PrometheeOptions) });
    case "promethee-i": {
      const po = promethee(x, w, { directions, ...(o as PrometheeOptions) }).partialOrder!;
      // pyDecision's table: 'P+' where the row outranks the column, 'I' indifferent, 'R' incomparable, '-' else
      const relation = x.map((_, a) =>
        x.map((_, b) =>
          po.outranks[a]!.includes(b)
            ? "P+"
            : po.indifferent[a]!.includes(b)
              ? "I"
              : po.incomparable[a]!.includes(b)
                ? "R"
                : "-",
        ),
      );
      return { relation };
    }
    case "edas":
      return edas(x, w, { directions });
    case "waspas":
      return waspas(x, w, { directions, ...(o as WaspasOptions) });
    case "copras":
      return copras(x, w, { directions });
    case "mabac":
      return mabac(x, w, { directions });
    case "marcos":
      return marcos(x, w, { directions });
    case "moora":
      return moora(x, w, { directions });
    case "multimoora":
      return multimoora(x, w, {
        directions,
        multiplicativeWeights: o.multiplicativeWeights as "none" | "exponent",
      });
    case "aras":
      return aras(x, w, { directions });
    case "cocoso":
      return cocoso(x, w, { directions });
    case "codas":
      return codas(x, w, { directions });
    case "electre1": {
      const e = electre1(x, w, { directions });
      return { ...e, outranks: e.outranks.map((row) => row.map(Number)) };
    }
    case "borda": {
      // pyDecision ranks each criterion (1 = best) and sums the ranks; Borda points are sum (m - r)
      const m = x.length;
      const rankings = directions.map((d, j) => {
        const col = x.map((row) => row[j]!);
        return col.map((v) => 1 + col.filter((u) => (d === "cost" ? u < v : u > v)).length);
      });
      const b = borda(rankings);
      return { rankSum: b.points.map((p) => directions.length * m - p) };
    }
    case "rank-agreement":
      return {
        spearman: spearman(c.x!, c.y!),
        kendall: kendall(c.x!, c.y!),
        weightedSpearman: weightedSpearman(c.x!, c.y!),
        ws: wsCoefficient(c.x!, c.y!),
      };
    default:
      throw new Error(`no adapter for ${r.method}`);
  }
}

/** `values` divided by their maximum (pyDecision's MULTIMOORA tables). */
const byMax = (v: readonly number[]) => {
  const top = Math.max(...v);
  return v.map((a) => a / top);
};

/** Compares a number, a vector or a matrix entry by entry, relative to max(1, |peer|); strings exactly. */
function expectSame(actual: unknown, peer: unknown, tol: number, where: string, offDiagonal = false): void {
  if (typeof peer === "number") {
    expect(typeof actual, where).toBe("number");
    const d = Math.abs((actual as number) - peer);
    expect(d, `${where}: ${actual} vs ${peer}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(peer)));
    return;
  }
  if (typeof peer === "string") {
    expect(actual, where).toBe(peer);
    return;
  }
  const p = peer as unknown[];
  const a = actual as unknown[];
  expect(a, where).toHaveLength(p.length);
  p.forEach((v, i) => {
    if (Array.isArray(v) && offDiagonal)
      (v as unknown[]).forEach((u, k) => {
        if (k !== i) expectSame((a[i] as unknown[])[k], u, tol, `${where}[${i}][${k}]`);
      });
    else expectSame(a[i], v, tol, `${where}[${i}]`);
  });
}

const EVALUATION = [
  "vikor",
  "promethee",
  "promethee-i",
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
  "borda",
  "rank-agreement",
];

describe("peers: the evaluation methods against pymcdm, pyDecision and pyrepo-mcda (test/fixtures/peers)", () => {
  it("every evaluation method of issue 17 has peer records", () => {
    const methods = new Set(RECORDS.map((r) => r.method));
    for (const m of EVALUATION) expect(methods.has(m), m).toBe(true);
  });

  for (const method of EVALUATION)
    describe(method, () => {
      it.each(
        RECORDS.filter((r) => r.method === method).map((r) => [`${r.peer} ${r.case}: ${r.call}`, r] as const),
      )("%s", (_name, r) => {
        const ours = indicatrix(r) as Record<string, unknown>;
        for (const [key, peer] of Object.entries(r.output)) {
          const mine = r.transform === "divide-by-max" ? byMax(ours[key] as number[]) : ours[key];
          // the diagonal of ELECTRE's matrices is not defined (pyDecision: C(a, a) = 1, D(a, a) = 0)
          expectSame(mine, peer, r.tol, key, method === "electre1");
        }
      });
    });

  it("the peer functions of another convention are listed with the reason (docs/methods.md)", () => {
    expect(NOT_COMPARED.map((n) => `${n.method} / ${n.peer}`)).toContain("copras / pymcdm");
    for (const n of NOT_COMPARED) expect(n.reason.length).toBeGreaterThan(10);
  });
});
