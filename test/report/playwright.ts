// Debian's chromium driven by playwright-core, for the report's browser tests: both are optional, so
// `playwright` is undefined when either is missing and the tests skip (set PLAYWRIGHT_CORE_PATH to a
// playwright-core installed outside the repository). useChromium() starts chromium headless for a
// describe block; open() writes a report to test/artifacts/ and opens it, collecting console errors
// and network requests.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll } from "vitest";

export const CHROMIUM = "/usr/bin/chromium";
/** Where the browser tests write their pages, screenshots and timings (git ignores it). */
export const ARTIFACTS = new URL("../artifacts/", import.meta.url);

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

async function loadPlaywright(): Promise<Playwright | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const spec = process.env.PLAYWRIGHT_CORE_PATH ?? "playwright-core";
  try {
    const mod = (await import(spec)) as Playwright & { default?: Playwright };
    return mod.chromium ? mod : mod.default;
  } catch {
    return undefined;
  }
}

/** playwright-core, or undefined when it or Debian's chromium is missing: `describe.skipIf(!playwright)`. */
export const playwright = await loadPlaywright();

/**
 * Starts Debian's chromium headless. Without the background-networking, component-update and sync
 * flags chromium keeps dialling out, and this machine's closed network refuses every attempt.
 */
function launchChromium(): Promise<Browser> {
  return (playwright as Playwright).chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/**
 * Starts chromium before the tests of the describe block that calls it and closes it after them.
 * Returns the browser, to call inside a test: `const browser = useChromium(); ... open(browser(), ...)`.
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser as Browser;
}

/** A page open on a report, with what it logged and fetched since it started loading. */
export interface Opened {
  page: Page;
  /** Console errors and warnings, and uncaught exceptions. */
  errors: string[];
  /** Every URL the page requested other than its own file and data: URLs. */
  requests: string[];
  /** Milliseconds from goto() to the load event. */
  loadMs: number;
}

/** Writes `html` to test/artifacts/NAME.html and opens it at 1280 x 900. */
export async function open(browser: Browser, html: string, name: string): Promise<Opened> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = new URL(`${name}.html`, ARTIFACTS);
  writeFileSync(file, html);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => {
    const url = r.url();
    if (url !== file.href && !url.startsWith("data:")) requests.push(url);
  });
  const t0 = performance.now();
  await page.goto(pathToFileURL(file.pathname).href, { waitUntil: "load" });
  const loadMs = performance.now() - t0;
  return { page, errors, requests, loadMs };
}
