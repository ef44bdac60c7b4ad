import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Issue 18 item 9: a packed tarball must contain dist/ (npm runs "prepack" before "npm pack" and
// "npm publish"), and a clone must say how to run the CLI.
const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  scripts: Record<string, string>;
  files: string[];
  bin: Record<string, string>;
};

describe("packaging from a clone", () => {
  it("package.json has a prepack script that runs the build, and the tarball's files include dist", () => {
    expect(pkg.scripts.prepack).toBe("npm run build");
    expect(pkg.scripts.build).toMatch(/tsup/);
    expect(pkg.files).toContain("dist");
    expect(pkg.bin.indicatrix).toBe("./dist/cli.js");
  });

  it("the README says how to run the CLI from a clone: npm run build, then npx indicatrix or npm link", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toMatch(/npm run build[\s\S]{0,200}npx indicatrix/);
    expect(readme).toMatch(/npm link/);
  });
});
