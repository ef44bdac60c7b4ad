import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { IndicatrixError } from "../../src/internal/errors.js";
import { pcaWeights } from "../../src/weighting/pca-weights.js";
import { resolveWeightSpec } from "../../src/weighting/resolve-weight-spec.js";
import { specWeights } from "../../src/weighting/spec-weights.js";

// C3 example: test/fixtures/pca/pca_ref.json (numpy eigh). ASEM: COINr get_PCA's weights are
// prcomp(center = TRUE, scale = TRUE)$rotation[, 1] on a pillar's complete rows (COINr 1.1.14 R/PCA.R);
// test/fixtures/pca/r_ref.R runs that prcomp on each pillar of test/fixtures/asem/normalised.csv (r_ref.txt).
const ref = JSON.parse(readFileSync("test/fixtures/pca/pca_ref.json", "utf8")).c3 as Record<
  string,
  number[] & number[][]
>;
const rLines = readFileSync("test/fixtures/pca/r_ref.txt", "utf8").split("\n");
const rotation = (pillar: string): number[] =>
  (rLines.find((l) => l.startsWith(`asem ${pillar} rotation[,1] `)) ?? "")
    .trim()
    .split(" ")
    .slice(3)
    .map(Number);
const dir = new URL("../fixtures/asem/", import.meta.url);
const csv = (name: string): Record<string, string>[] =>
  parse(readFileSync(new URL(name, dir), "utf8"), { columns: true, skip_empty_lines: true });
const normalised = csv("normalised.csv");
const meta = csv("ASEM_iMeta.csv").filter((r) => r.Type === "Indicator");
const pillar = (p: string) => meta.filter((r) => r.Parent === p).map((r) => r.iCode as string);
const columns = (codes: string[]) =>
  codes.map((c) =>
    Float64Array.from(normalised, (r) => (r[c] === "" || r[c] === undefined ? Number.NaN : Number(r[c]))),
  );

describe("pcaWeights", () => {
  it("pcaWeights(C3) = u_1 / sum u_1, u_1^2 and the variance-weighted two components as numpy", () => {
    const x = ref.x as number[][];
    const close = (a: number[], b: number[]) =>
      a.forEach((v, i) => {
        expect(v).toBeCloseTo(b[i]!, 12);
      });
    close(pcaWeights(x), ref.pca_weights_first as number[]);
    close(pcaWeights(x, { variant: "square" }), ref.pca_weights_square as number[]);
    close(pcaWeights(x, { variant: "variance" }), ref.pca_weights_variance as number[]);
  });

  for (const p of ["Physical", "ConEcFin", "Political", "P2P", "Social"])
    it(`specWeights({ method: "pca" }) on ASEM pillar ${p} equals COINr get_PCA's rotation[, 1] / its sum (R prcomp)`, () => {
      const codes = pillar(p);
      const u = rotation(p);
      expect(u).toHaveLength(codes.length);
      const expected = u.map((v) => v / u.reduce((s, w) => s + w, 0));
      const w = specWeights({ method: "pca" }, codes, { columns: columns(codes), nodeId: p }).weights;
      w.forEach((v, i) => {
        expect(v).toBeCloseTo(expected[i]!, 10);
      });
    });

  for (const p of ["Instit", "Environ", "SusEcFin"])
    it(`specWeights({ method: "pca" }) on ASEM pillar ${p} (first component of mixed signs in R prcomp) is negative_weight`, () => {
      const codes = pillar(p);
      const u = rotation(p);
      expect(u.some((v) => v < 0) && u.some((v) => v > 0)).toBe(true);
      try {
        specWeights({ method: "pca" }, codes, { columns: columns(codes), nodeId: p });
        expect.unreachable();
      } catch (e) {
        expect((e as IndicatrixError).code).toBe("negative_weight");
      }
      const sq = specWeights({ method: "pca", variant: "square" }, codes, {
        columns: columns(codes),
        nodeId: p,
      }).weights;
      sq.forEach((v, i) => {
        expect(v).toBeCloseTo(u[i]! ** 2, 10);
      });
    });

  it('resolveWeightSpec({ method: "pca" }) needs data and defaults to the first component', () => {
    expect(resolveWeightSpec({ method: "pca" })).toEqual({
      method: "pca",
      needsData: true,
      variant: "first",
    });
    expect(() => specWeights({ method: "pca" }, ["a", "b"])).toThrow(/computed from data/);
  });

  it("pcaWeights gives its documented example", () => {
    expect(
      pcaWeights([
        [1, 2, 1],
        [2, 3, 3],
        [3, 5, 2],
        [4, 4, 5],
        [5, 6, 4],
      ]).map((w) => +w.toFixed(4)),
    ).toEqual([0.3654, 0.3265, 0.3081]);
  });

  it("pcaWeights rejects a constant column and an unknown variant", () => {
    expect(() =>
      pcaWeights([
        [1, 2],
        [1, 3],
        [1, 5],
      ]),
    ).toThrow(/constant/);
    expect(() =>
      pcaWeights(
        [
          [1, 2],
          [2, 3],
          [3, 5],
        ],
        { variant: "x" as "first" },
      ),
    ).toThrow(IndicatrixError);
  });
});
