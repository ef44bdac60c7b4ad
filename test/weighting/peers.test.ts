// indicatrix's weighting methods of issue 17 against the peers' own outputs (test/fixtures/peers/peers.json,
// written by run.py from pymcdm 1.4.0, pyDecision 4.9.1 and pyrepo-mcda 0.1.8 on the committed cases).
// Chang's fuzzy AHP is compared with multiAHPy 0.0.9.0 (none of the three has it); G1 is in no peer (listed
// in notCompared) and is checked against DOMAIN C8.1 and test/fixtures/weights/compute.py in its own tests.
import { describe, expect, it } from "vitest";
import { bwm } from "../../src/weighting/bwm.js";
import { cilosWeights } from "../../src/weighting/cilos.js";
import { dematel } from "../../src/weighting/dematel.js";
import { fuzzyAhp, type Tfn } from "../../src/weighting/fuzzy-ahp.js";
import { giniWeights } from "../../src/weighting/gini.js";
import { idocriwWeights } from "../../src/weighting/idocriw.js";
import { merecWeights } from "../../src/weighting/merec.js";
import { INPUTS, NOT_COMPARED, type PeerRecord, RECORDS } from "../fixtures/peers/index.js";

/** indicatrix's values for a record, under the names the record's output uses. */
function indicatrix(r: PeerRecord): object {
  const c = INPUTS[r.case]!;
  switch (r.method) {
    case "merec":
      return { weights: merecWeights(c.matrix!, { directions: c.directions! }) };
    case "gini":
      return { weights: giniWeights(c.matrix!) };
    case "cilos":
      return { weights: cilosWeights(c.matrix!, { directions: c.directions! }) };
    case "idocriw":
      return { weights: idocriwWeights(c.matrix!, { directions: c.directions! }) };
    case "bwm": {
      const aB = c.bestToOthers!;
      const aW = c.othersToWorst!;
      return bwm({ best: aB.indexOf(1), worst: aW.indexOf(1), bestToOthers: aB, othersToWorst: aW });
    }
    case "fuzzy-ahp":
      return fuzzyAhp(c.matrix as unknown as Tfn[][]);
    case "fuzzy-ahp-chang":
      return fuzzyAhp(c.matrix as unknown as Tfn[][], { method: "chang" });
    case "dematel":
      return dematel(c.matrix!, r.options as { normalization: "row" });
    default:
      throw new Error(`no adapter for ${r.method}`);
  }
}

/** The xi that weights reach in the linear BWM: max_j of |w_B - a_Bj w_j| and |w_j - a_jW w_W|. */
function bwmXi(w: readonly number[], aB: readonly number[], aW: readonly number[]): number {
  const b = aB.indexOf(1);
  const v = aW.indexOf(1);
  let xi = 0;
  w.forEach((wj, j) => {
    xi = Math.max(xi, Math.abs(w[b]! - aB[j]! * wj), Math.abs(wj - aW[j]! * w[v]!));
  });
  return xi;
}

function expectSame(actual: unknown, peer: unknown, tol: number, where: string): void {
  if (typeof peer === "number") {
    const d = Math.abs((actual as number) - peer);
    expect(d, `${where}: ${actual} vs ${peer}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(peer)));
    return;
  }
  const p = peer as unknown[];
  expect(actual as unknown[], where).toHaveLength(p.length);
  p.forEach((v, i) => {
    expectSame((actual as unknown[])[i], v, tol, `${where}[${i}]`);
  });
}

const WEIGHTING = ["merec", "gini", "cilos", "idocriw", "bwm", "fuzzy-ahp", "fuzzy-ahp-chang", "dematel"];

describe("peers: the weighting methods against pymcdm, pyDecision and pyrepo-mcda (test/fixtures/peers)", () => {
  it("every weighting method of issue 17 has peer records, except G1, which no peer has", () => {
    const methods = new Set(RECORDS.map((r) => r.method));
    for (const m of WEIGHTING) expect(methods.has(m), m).toBe(true);
    expect(NOT_COMPARED.map((n) => n.method)).toContain("g1");
  });

  for (const method of WEIGHTING)
    describe(method, () => {
      it.each(
        RECORDS.filter((r) => r.method === method).map((r) => [`${r.peer} ${r.case}: ${r.call}`, r] as const),
      )("%s", (_name, r) => {
        const ours = indicatrix(r) as Record<string, unknown>;
        for (const [key, peer] of Object.entries(r.output)) expectSame(ours[key], peer, r.tol, key);
        if (method === "bwm") {
          // pyDecision's optimizer is approximate: its weights reach some xi; the exact LP must not do worse
          const c = INPUTS[r.case]!;
          expect(ours.xi as number).toBeLessThanOrEqual(
            bwmXi(r.output.weights as number[], c.bestToOthers!, c.othersToWorst!) + 1e-12,
          );
        }
      });
    });
});
