// Which nodes a profile activates (profileActivity): a group limited to `profiles`, or switched off by
// `exclude`, takes its whole subtree with it, so that no leaf stays active below an inactive group.
import { describe, expect, it } from "vitest";
import { activeNodes, profileActivity } from "../../src/indicators/profiles.js";
import { resolveProfile } from "../../src/score/resolve-profile.js";
import { score } from "../../src/score/score.js";

// g is an emergency-only group whose leaf x carries no `profiles` of its own.
const model = {
  id: "m",
  tree: {
    id: "root",
    children: [{ id: "a" }, { id: "g", profiles: ["e"], children: [{ id: "x" }, { id: "y" }] }],
  },
  defaults: { normalize: "none" as const },
  profiles: {
    n: {},
    e: { extends: "n" },
    on: { include: ["g"] },
    off: { extends: "e", exclude: ["g"] },
  },
};

describe("profileActivity: an inactive group deactivates its subtree", () => {
  it("activeNodes(model, 'n') leaves out g's leaves, not only g", () => {
    expect([...activeNodes(model, "n")]).toEqual(["root", "a"]);
    expect([...activeNodes(model, "e")]).toEqual(["root", "a", "g", "x", "y"]);
    expect(profileActivity(model, "n").empty).toEqual([]);
  });

  it("include switches the group on with its leaves; exclude switches them off", () => {
    expect([...activeNodes(model, "on")]).toEqual(["root", "a", "g", "x", "y"]);
    expect([...activeNodes(model, "off")]).toEqual(["root", "a"]);
  });

  it("resolveProfile(model, 'n').indicators is [a], and score needs no column for x (hand computation)", () => {
    expect(resolveProfile(model, "n").indicators).toEqual(["a"]);
    // Only a is active: root = a (normalization none): 0.2 and 0.6.
    const r = score(model, [
      { unit: "c1", a: 0.2 },
      { unit: "c2", a: 0.6 },
    ]);
    expect([...r.scores.root!]).toEqual([0.2, 0.6]);
    expect(Object.keys(r.scores).sort()).toEqual(["a", "root"]);
    expect([...r.coverage]).toEqual([1, 1]);
  });
});
