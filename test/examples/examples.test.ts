// The runnable examples of examples/: each main() runs in-process (output captured, files written
// to a temporary folder) and its key numbers are checked against values computed here by other
// means or published elsewhere.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as asem from "../../examples/asem/main.js";
import * as ci from "../../examples/ci/main.js";
import * as research from "../../examples/research/main.js";
import * as service from "../../examples/service/main.js";
import { parseModel, resolveWeights } from "../../src/index.js";
import { grassrootsGovernance } from "../../src/templates.js";
import { DIRECTIONS, EXPECTED, UNITS, X, Z_6 } from "../fixtures/five-communities/index.js";

const tmp = mkdtempSync(join(tmpdir(), "indicatrix-examples-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const csv = (path: string) => parse(readFileSync(path), { columns: true }) as Record<string, string>[];

describe("examples/service: scoring a JSON payload over HTTP", () => {
  const payload = JSON.parse(readFileSync("examples/service/sample-payload.json", "utf8")) as {
    profile: string;
    units: Record<string, number | string | null>[];
  };

  it("main() posts the sample payload to itself and gets 200 with every unit ranked", async () => {
    const lines: string[] = [];
    const { status, body } = await service.main((l) => lines.push(l));
    expect(status).toBe(200);
    if ("error" in body) throw new Error("expected a score body");
    expect(body.profile).toBe("emergency");
    expect(body.units.map((u) => u.rank).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(lines.join("\n")).toContain("POST /score -> 200");
    // c005 has one indicator left empty in the payload: 59 of the 60 emergency indicators.
    expect(body.units.find((u) => u.unit === "c005")?.coverage).toBeCloseTo(59 / 60, 12);
  });

  it("a complete unit's score equals sum(global weight x goalpost-normalized value), computed by hand", () => {
    // The template normalizes by fixed goalposts with clipping; with no value missing, arithmetic
    // aggregation collapses to the global weights times the normalized values.
    const out = service.scorePayload(payload);
    const w = resolveWeights(parseModel(grassrootsGovernance), { profile: "emergency" }).global;
    const nodes = new Map<string, Record<string, unknown>>();
    const walk = (n: Record<string, unknown>) => {
      nodes.set(n.id as string, n);
      for (const c of (n.children as Record<string, unknown>[] | undefined) ?? []) walk(c);
    };
    walk(grassrootsGovernance.tree as unknown as Record<string, unknown>);
    const goalpostsOf = (id: string): [number, number] =>
      (grassrootsGovernance.profiles?.emergency?.goalposts?.[id] ?? nodes.get(id)?.goalposts) as [
        number,
        number,
      ];
    for (const unit of payload.units.slice(0, 4)) {
      let expected = 0;
      let weights = 0;
      for (const [id, weight] of Object.entries(w)) {
        const node = nodes.get(id);
        if (!node || node.children) continue;
        const [lo, hi] = goalpostsOf(id);
        const x = unit[id] as number;
        const dir = node.direction ?? "benefit";
        let z: number;
        if (dir === "benefit") z = (x - lo) / (hi - lo);
        else if (dir === "cost") z = (hi - x) / (hi - lo);
        else {
          const d = dir as { range?: [number, number]; target?: number };
          const [a, b] = d.range ?? [d.target as number, d.target as number];
          const M = Math.max(a - lo, hi - b);
          z = x < a ? 1 - (a - x) / M : x > b ? 1 - (x - b) / M : 1;
        }
        expected += weight * Math.min(1, Math.max(0, z));
        weights += weight;
      }
      expect(weights).toBeCloseTo(1, 12);
      const got = out.units.find((u) => u.unit === unit.unit)?.score as number;
      expect(Math.abs(got - expected), `unit ${unit.unit}`).toBeLessThan(1e-12);
    }
  });

  describe("over HTTP", () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      server = createServer((req, res) => {
        void service.handleRequest(req, res);
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/score`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const post = async (body: string) => {
      const r = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json" } });
      return { status: r.status, body: (await r.json()) as service.ErrorBody };
    };

    it("a non-numeric value gets 400 with the library's issue naming the row and column", async () => {
      const bad = structuredClone(payload);
      (bad.units[1] as Record<string, unknown>).party_org_coverage = "high";
      const { status, body } = await post(JSON.stringify(bad));
      expect(status).toBe(400);
      expect(body.error.code).toBe("invalid_data");
      expect(body.error.issues[0]?.where).toMatch(/row 2/);
      expect(body.error.issues[0]?.where).toMatch(/party_org_coverage/);
    });

    it("an unknown profile gets 400 unknown_profile", async () => {
      const { status, body } = await post(JSON.stringify({ ...payload, profile: "wartime" }));
      expect(status).toBe(400);
      expect(body.error.code).toBe("unknown_profile");
    });

    it("a payload without units gets 400 listing every problem with its path", async () => {
      const { status, body } = await post(JSON.stringify({ profile: 3, extra: true }));
      expect(status).toBe(400);
      expect(body.error.issues.map((i) => [i.code, i.where])).toEqual([
        ["unknown_field", "$.extra"],
        ["invalid_profile", "$.profile"],
        ["invalid_units", "$.units"],
      ]);
    });

    it("invalid JSON gets 400 invalid_json; GET gets 405; another path gets 404", async () => {
      expect((await post("{ not json")).body.error.code).toBe("invalid_json");
      expect((await fetch(url)).status).toBe(405);
      expect((await fetch(url.replace("/score", "/other"), { method: "POST", body: "{}" })).status).toBe(404);
    });
  });
});

describe("examples/research: AHP experts, entropy, combination, TOPSIS, sensitivity", () => {
  let out: research.ResearchOutput;
  let log = "";
  beforeAll(() => {
    out = research.main(
      (l) => {
        log += `${l}\n`;
      },
      join(tmp, "research"),
    );
  });

  // The example runs on the five-communities data (test/fixtures/five-communities); Z is its min-max
  // matrix rounded to 6 decimals, the entropy weights those computed by its compute.py.
  const Z = Z_6;

  it("the example's data are the five-communities fixture", () => {
    expect(research.X).toEqual(X);
    expect(research.UNITS).toEqual(UNITS);
    expect(research.INDICATORS.map((i) => i.direction)).toEqual(DIRECTIONS);
  });

  it("entropy weights match the five-communities reference (0 ln 0 = 0): [0.301436 0.248893 0.237813 0.211857]", () => {
    EXPECTED.entropy.weights.forEach((w, j) => {
      expect(Math.abs((out.entropyWeights[j] as number) - w)).toBeLessThan(1e-6);
    });
  });

  it("AIJ group weights and CRs match the geometric-mean matrix's principal eigenvector (ml-matrix)", () => {
    const ids: string[] = research.INDICATORS.map((i) => i.id);
    const matrixOf = (judgments: readonly (readonly [string, string, number])[]) => {
      const m = ids.map(() => ids.map(() => 1));
      for (const [a, b, v] of judgments) {
        (m[ids.indexOf(a)] as number[])[ids.indexOf(b)] = v;
        (m[ids.indexOf(b)] as number[])[ids.indexOf(a)] = 1 / v;
      }
      return m;
    };
    const principal = (m: number[][]) => {
      const e = new EigenvalueDecomposition(new Matrix(m));
      const k = e.realEigenvalues.indexOf(Math.max(...e.realEigenvalues));
      const v = e.eigenvectorMatrix.getColumn(k);
      const s = v.reduce((a, b) => a + b, 0);
      return { lambda: e.realEigenvalues[k] as number, w: v.map((x) => x / s) };
    };
    const experts = research.EXPERTS.map((e) => matrixOf(e.judgments));
    experts.forEach((m, k) => {
      const cr = (principal(m).lambda - 4) / 3 / 0.9; // Saaty RI for n = 4
      expect(Math.abs((out.expertCr[k] as number) - cr)).toBeLessThan(1e-9);
    });
    expect(out.expertCr[2]).toBeGreaterThan(0.1); // expert C is inconsistent, and the script says so
    expect(log).toContain("INCONSISTENT");
    const group = ids.map((_, i) =>
      ids.map((_, j) => Math.cbrt(experts.reduce((p, m) => p * (m[i]?.[j] as number), 1))),
    );
    const { lambda, w } = principal(group);
    w.forEach((x, j) => {
      expect(Math.abs((out.ahpWeights[j] as number) - x)).toBeLessThan(1e-9);
    });
    expect(Math.abs(out.groupCr - (lambda - 4) / 3 / 0.9)).toBeLessThan(1e-9);
  });

  it("the combined weights are 0.5 AHP + 0.5 entropy, and the game-theory alphas solve (U U^T) a = diag(U U^T)", () => {
    out.combined.forEach((w, j) => {
      expect(w).toBeCloseTo(
        0.5 * (out.ahpWeights[j] as number) + 0.5 * (out.entropyWeights[j] as number),
        12,
      );
    });
    const [u, v] = [out.ahpWeights, out.entropyWeights];
    const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);
    const [uu, uv, vv] = [dot(u, u), dot(u, v), dot(v, v)];
    const det = uu * vv - uv * uv;
    const a1 = (uu * vv - uv * vv) / det; // Cramer's rule
    const a2 = (uu * vv - uv * uu) / det;
    expect(out.gameTheoryAlpha[0]).toBeCloseTo(a1, 9);
    expect(out.gameTheoryAlpha[1]).toBeCloseTo(a2, 9);
  });

  it("scores equal Z . w with Z rounded to 6 decimals, and ranks follow them (1 = best)", () => {
    Z.forEach((row, i) => {
      const expected = row.reduce((s, z, j) => s + z * (out.combined[j] as number), 0);
      expect(Math.abs((out.scores[i] as number) - expected)).toBeLessThan(1e-6);
    });
    expect(out.ranks).toEqual([3, 4, 2, 5, 1]);
  });

  it("TOPSIS closeness matches a hand computation (target column to Z, vector norm, weighted, sample ideals)", () => {
    const cols = [0, 1, 2, 3].map((j) => research.X.map((r) => r[j] as number));
    const d = (cols[3] as number[]).map((x) => Math.abs(x - 300));
    cols[3] = d.map((x) => 1 - x / Math.max(...d));
    const v = cols.map((c, j) => {
      const norm = Math.sqrt(c.reduce((s, x) => s + x * x, 0));
      return c.map((x) => ((out.combined[j] as number) * x) / norm);
    });
    const best = v.map((c, j) => (j === 2 ? Math.min(...c) : Math.max(...c)));
    const worst = v.map((c, j) => (j === 2 ? Math.max(...c) : Math.min(...c)));
    for (let i = 0; i < 5; i++) {
      const dp = Math.sqrt(v.reduce((s, c, j) => s + ((c[i] as number) - (best[j] as number)) ** 2, 0));
      const dm = Math.sqrt(v.reduce((s, c, j) => s + ((c[i] as number) - (worst[j] as number)) ** 2, 0));
      expect(Math.abs((out.topsis[i] as number) - dm / (dp + dm))).toBeLessThan(1e-12);
    }
  });

  it("weight intervals: just inside the bounds the leader stays c5, just outside another unit leads (Z . w by hand)", () => {
    const leader = (w: number[]) => {
      const s = Z.map((row) => row.reduce((a, z, j) => a + z * (w[j] as number), 0));
      return research.UNITS[s.indexOf(Math.max(...s))];
    };
    for (const [j, interval] of out.sensitivity.entries()) {
      const at = (t: number) =>
        out.combined.map((w, k) => (k === j ? t : (w * (1 - t)) / (1 - interval.weight)));
      expect(interval.lo).toBeLessThanOrEqual(interval.weight);
      expect(interval.hi).toBeGreaterThanOrEqual(interval.weight);
      if (interval.lo > 0) {
        expect(leader(at(interval.lo + 0.002))).toBe("c5");
        expect(leader(at(interval.lo - 0.002))).not.toBe("c5");
      }
      if (interval.hi < 1) {
        expect(leader(at(interval.hi - 0.002))).toBe("c5");
        expect(leader(at(interval.hi + 0.002))).not.toBe("c5");
      }
    }
  });

  it("uncertainty: nominal ranks are the score ranks; each 5-95% interval contains the median", () => {
    out.uncertainty.forEach((r, i) => {
      expect(r.unit).toBe(research.UNITS[i]);
      expect(r.nominal).toBe(out.ranks[i]);
      expect(r.p05 as number).toBeLessThanOrEqual(r.median as number);
      expect(r.p95 as number).toBeGreaterThanOrEqual(r.median as number);
    });
  });

  it("writes weights.csv and results.csv with one row per indicator and per unit", () => {
    const weights = csv(join(tmp, "research", "weights.csv"));
    expect(weights.map((r) => r.indicator)).toEqual(research.INDICATORS.map((i) => i.id));
    expect(Number(weights[0]?.entropy)).toBeCloseTo(0.301436, 6);
    const results = csv(join(tmp, "research", "results.csv"));
    expect(results.map((r) => Number(r.rank))).toEqual([3, 4, 2, 5, 1]);
  });
});

describe("examples/ci: indicatrix validate --format github", () => {
  it("the governance template is valid: exit 0, no annotation", async () => {
    const r = await ci.validate(["templates/grassroots-governance.json", "--format", "github"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
  });

  it("the broken model gives exit 1 and one ::error annotation per mistake, naming the file and the JSON path", async () => {
    const r = await ci.validate(["examples/ci/models/broken-district.json", "--format", "github"]);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split("\n")).toEqual([
      // Line and column of the "goalposts" key and of the judgment in the file (issue 18).
      '::error file=examples/ci/models/broken-district.json,line=9,col=76,title=indicatrix invalid_goalposts::tree.children[1].goalposts (node "incidents_per_10k"): expected [low, high] with low < high, got [50, 0]',
      '::error file=examples/ci/models/broken-district.json,line=22,col=13,title=indicatrix unknown_child::profiles.normal.weights.safety.judgments[2] (node "safety"): "shelter_areas" is not a child of "safety" (children: patrol_coverage, incidents_per_10k, shelter_area); did you mean "shelter_area"?',
    ]);
  });

  it("main() validates both example models and returns exit code 1", async () => {
    const lines: string[] = [];
    expect(await ci.main((l) => lines.push(l))).toBe(1);
    expect(lines.join("\n")).toContain("community-services.json: valid");
  });

  it("the workflow runs the same command", () => {
    expect(readFileSync("examples/ci/validate-models.yml", "utf8")).toContain(
      "npx indicatrix validate models/*.json --format github",
    );
  });
});

describe("examples/asem: COINr's ASEM index from its indicator table", () => {
  it("DEU ranks 1 with Index 75.23 and GBR 2 with 68.94 (COINr get_results table)", () => {
    const { top } = asem.main(() => {}, join(tmp, "asem"));
    expect(top[0]).toMatchObject({ rank: 1, unit: "DEU" });
    expect(top[0]?.index).toBeCloseTo(75.23, 2);
    expect(top[1]).toMatchObject({ rank: 2, unit: "GBR" });
    expect(top[1]?.index).toBeCloseTo(68.94, 2);
    expect(top).toHaveLength(10);
  });

  it("every country's Index and rank match COINr's table (rounded to 2 decimals)", () => {
    const { result, file } = asem.main(() => {}, join(tmp, "asem"));
    const reference = csv("test/fixtures/asem/coinr_results.csv");
    expect(reference).toHaveLength(51);
    for (const row of reference) {
      const i = result.units.indexOf(row.uCode as string);
      expect(Math.abs((result.scores.Index?.[i] as number) - Number(row.Index))).toBeLessThanOrEqual(
        0.005 + 1e-9,
      );
      expect(result.ranks.Index?.[i], row.uCode).toBe(Number(row.Rank));
    }
    expect(csv(file)).toHaveLength(51);
  });
});
