// Published worked examples (test/fixtures/published/published.json: each paper's matrix, weights,
// directions and options, and the values it prints, as transcribed in the peers' test suites): indicatrix
// must give the printed values at the printed number of decimals. The examples of MARCOS, MOORA, ARAS,
// CoCoSo, CODAS (Badi et al. 2017), MABAC (Pamučar & Ćirović 2015), MEREC, CILOS and IDOCRIW are checked
// in their own files through the compute.py fixtures.
import { describe, expect, it } from "vitest";
import { codas } from "../../src/evaluate/codas.js";
import { copras } from "../../src/evaluate/copras.js";
import { edas } from "../../src/evaluate/edas.js";
import { mabac } from "../../src/evaluate/mabac.js";
import { multimoora } from "../../src/evaluate/multimoora.js";
import { promethee } from "../../src/evaluate/promethee.js";
import { vikor } from "../../src/evaluate/vikor.js";
import type { Direction } from "../../src/internal/types.js";
import PUBLISHED from "../fixtures/published/published.json" with { type: "json" };

interface Example {
  method: string;
  source: string;
  matrix: number[][];
  weights: number[];
  directions: Direction[];
  options: Record<string, unknown>;
  output: string;
  printed: number[];
  digits: number;
  also?: Record<string, number[]>;
  weightScale?: boolean;
}

type Run = (x: number[][], w: number[], o: Record<string, unknown>) => Record<string, unknown>;
const RUN: Record<string, Run> = {
  vikor: (x, w, o) => ({ ...vikor(x, w, o) }),
  promethee: (x, w, o) => ({ ...promethee(x, w, o) }),
  edas: (x, w, o) => ({ ...edas(x, w, o) }),
  copras: (x, w, o) => ({ ...copras(x, w, o) }),
  mabac: (x, w, o) => ({ ...mabac(x, w, o) }),
  codas: (x, w, o) => ({ ...codas(x, w, o) }),
  multimoora: (x, w, o) => ({ ...multimoora(x, w, o) }),
};

const round = (v: readonly number[], d: number) => v.map((x) => Number(x.toFixed(d)) + 0);

describe("published worked examples (test/fixtures/published)", () => {
  it.each((PUBLISHED.examples as unknown as Example[]).map((e) => [`${e.method}: ${e.source}`, e] as const))(
    "%s",
    (_name, e) => {
      const r = RUN[e.method]!(e.matrix, e.weights, { directions: e.directions, ...e.options });
      // indicatrix scales the weights to sum 1; a paper whose weights do not sum to 1 prints on their scale
      const k = e.weightScale ? e.weights.reduce((s, v) => s + v, 0) : 1;
      const on = (key: string) =>
        key === "ranks"
          ? (r.ranks as number[])
          : round(
              (r[key] as number[]).map((v) => v * k),
              e.digits,
            );
      expect(on(e.output)).toEqual(e.printed);
      for (const [key, printed] of Object.entries(e.also ?? {})) expect(on(key), key).toEqual(printed);
    },
  );
});
