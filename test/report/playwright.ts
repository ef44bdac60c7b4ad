// Debian's chromium driven by playwright-core, for the report's browser tests: both are optional, so
// loadPlaywright() gives undefined when either is missing and the tests skip (set PLAYWRIGHT_CORE_PATH
// to a playwright-core installed outside the repository).
import { existsSync } from "node:fs";

export const CHROMIUM = "/usr/bin/chromium";
export interface Page {
  on(event: "console", fn: (m: { type(): string; text(): string }) => void): void;
  on(event: "pageerror", fn: (e: Error) => void): void;
  on(event: "request", fn: (r: { url(): string }) => void): void;
  goto(url: string, opts: { waitUntil: "load" }): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
  screenshot(opts: { path: string; fullPage: boolean }): Promise<unknown>;
  click(selector: string): Promise<void>;
  close(): Promise<void>;
}
export interface Browser {
  newPage(opts: { viewport: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}
export interface Playwright {
  chromium: { launch(opts: { executablePath: string; headless: boolean; args: string[] }): Promise<Browser> };
}

export async function loadPlaywright(): Promise<Playwright | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const spec = process.env.PLAYWRIGHT_CORE_PATH ?? "playwright-core";
  try {
    const mod = (await import(spec)) as Playwright & { default?: Playwright };
    return mod.chromium ? mod : mod.default;
  } catch {
    return undefined;
  }
}
