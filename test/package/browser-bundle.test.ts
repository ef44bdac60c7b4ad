import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("the core library (src/index.ts)", () => {
  it("bundles for the browser platform with no node: import (DESIGN.md: no I/O in the core)", async () => {
    const result = await build({
      entryPoints: ["src/index.ts"],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    const imports = Object.values(result.metafile.inputs).flatMap((i) => i.imports.map((x) => x.path));
    expect(
      imports.filter(
        (p) => p.startsWith("node:") || ["fs", "path", "child_process", "os", "url"].includes(p),
      ),
    ).toEqual([]);
    expect(inputs.some((p) => p.includes("src/cli/"))).toBe(false);
    // The analyses' worker thread (the `threads` option) is started at run time, never bundled.
    expect(inputs.some((p) => p.includes("src/node/"))).toBe(false);
    expect(result.outputFiles?.[0]?.text.length).toBeGreaterThan(10_000);
  });
});
