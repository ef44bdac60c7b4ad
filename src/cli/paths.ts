import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root (where package.json, templates/ and examples/ are), found from this file. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "templates", "grassroots-governance.json"))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

/** The bundled governance template. */
export const templatePath = (): string => join(packageRoot(), "templates", "grassroots-governance.json");
/** The bundled sample city data. */
export const sampleDataPath = (): string => join(packageRoot(), "examples", "governance", "sample-city.csv");
/** The bundled sample city over 2021-2025 (a panel with a year and a state column). */
export const samplePanelPath = (): string =>
  join(packageRoot(), "examples", "governance", "sample-city-panel.csv");
