/**
 * Example: indicatrix inside a web service.
 *
 * A small `node:http` server that scores a JSON payload `{ profile, units: [...] }` with the
 * grassroots-governance template and answers with every unit's score, rank, dimension scores and
 * largest indicator contributions. A bad payload gets a 400 whose body lists the IndicatrixError
 * issues (code, path, where, message), so the caller can point at the offending unit and field.
 *
 * Run it from the repository root:
 *
 *     npx tsx examples/service/main.ts
 *
 * It starts the server on an ephemeral port, posts `sample-payload.json` to itself, prints the
 * response and stops. In your own project the imports read:
 *
 *     import { IndicatrixError, parseModel, score } from "indicatrix";
 *     import { grassrootsGovernance } from "indicatrix/templates";
 *
 * The template uses fixed goalposts, so a unit's score does not depend on the other units of
 * the payload: the service can score one community at a time.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { IndicatrixError, type Model, parseModel, profileNames, score } from "../../src/index.js";
import { grassrootsGovernance } from "../../src/templates.js";
import { isMain } from "../is-main.js";

/** The model the service scores with: the bundled template, parsed and checked once at start-up. */
export const GOVERNANCE: Model = parseModel(grassrootsGovernance);

/** Largest request body accepted (bytes). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Most units accepted in one request. */
export const MAX_UNITS = 10_000;
/** How many contributions each unit carries in the response. */
const TOP_CONTRIBUTIONS = 5;

/** The body of an error response: the IndicatrixError issues, ready for a client to display. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    issues: { code: string; path: (string | number)[]; where: string; message: string }[];
  };
}

/** One scored unit in the response. */
export interface UnitScore {
  unit: string;
  /** Overall score in [0, 1] (null when the unit could not be scored). */
  score: number | null;
  /** 1 = best among the units of the request (null without a score). */
  rank: number | null;
  /** Share of the profile's indicators present for the unit. */
  coverage: number;
  /** Score of each dimension (the root's children). */
  dimensions: Record<string, number | null>;
  /** The indicators that add most to the score: weight x normalized value. */
  contributions: { indicator: string; weight: number; value: number; contribution: number }[];
}

/** The body of a successful response. */
export interface ScoreBody {
  model: string;
  profile: string;
  units: UnitScore[];
  /** Warnings found while scoring (constant columns, non-finite formula results...). */
  diagnostics: { code: string; path: (string | number)[]; where: string; message: string }[];
}

const finite = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);

/** An error of the service itself (its own codes, not the library's), with the issues of a bad payload. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: ErrorBody["error"]["issues"],
  ) {
    super(message);
  }
}

/** Checks the payload's shape before the library sees it; the library checks the values. */
function readPayload(body: unknown, model: Model): { profile: string; units: Record<string, unknown>[] } {
  if (body === null || typeof body !== "object" || Array.isArray(body))
    throw new HttpError(400, "invalid_payload", 'expected a JSON object { "profile": ..., "units": [...] }');
  const { profile, units, ...rest } = body as Record<string, unknown>;
  const issues = Object.keys(rest).map((key) => ({
    code: "unknown_field",
    path: [key] as (string | number)[],
    where: `$.${key}`,
    message: `unknown field "${key}"; expected "profile" and "units"`,
  }));
  if (profile !== undefined && typeof profile !== "string")
    issues.push({
      code: "invalid_profile",
      path: ["profile"],
      where: "$.profile",
      message: `expected a profile name (${profileNames(model).join(", ")})`,
    });
  if (!Array.isArray(units) || units.length === 0)
    issues.push({
      code: "invalid_units",
      path: ["units"],
      where: "$.units",
      message: "expected a non-empty array of units",
    });
  else if (units.length > MAX_UNITS)
    issues.push({
      code: "too_many_units",
      path: ["units"],
      where: "$.units",
      message: `${units.length} units; the limit is ${MAX_UNITS} per request`,
    });
  else
    units.forEach((u, i) => {
      if (u === null || typeof u !== "object" || Array.isArray(u))
        issues.push({
          code: "invalid_unit",
          path: ["units", i],
          where: `$.units[${i}]`,
          message: "expected an object { unit, <indicator>: value, ... }",
        });
    });
  if (issues.length > 0)
    throw new HttpError(400, issues[0]?.code as string, issues.map((i) => i.message).join("; "), issues);
  return {
    profile: (profile as string | undefined) ?? (profileNames(model)[0] as string),
    units: units as Record<string, unknown>[],
  };
}

/**
 * Scores one payload with a model: the pure core of the service, without HTTP.
 *
 * @throws HttpError (400) for a payload of the wrong shape; IndicatrixError for every error the library finds
 *   (unknown profile, non-numeric value, duplicate unit, ...).
 */
export function scorePayload(body: unknown, model: Model = GOVERNANCE): ScoreBody {
  const { profile, units } = readPayload(body, model);
  const result = score(model, units, { profile });
  const root = result.resolved.root;
  const dims = result.resolved.nodes.get(root)?.children ?? [];
  const scored: UnitScore[] = result.units.map((unit, i) => ({
    unit,
    score: finite(result.scores[root]?.[i]),
    rank: result.ranks[root]?.[i] || null,
    coverage: result.coverage[i] as number,
    dimensions: Object.fromEntries(dims.map((d) => [d, finite(result.scores[d]?.[i])])),
    contributions: result
      .contributions(unit)
      .slice(0, TOP_CONTRIBUTIONS)
      .map((c) => ({ ...c })),
  }));
  scored.sort((a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY));
  return {
    model: model.id,
    profile: result.profile,
    units: scored,
    diagnostics: result.diagnostics.map(({ code, path, where, message }) => ({ code, path, where, message })),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v));
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(text);
}

function errorBody(code: string, message: string, issues?: ErrorBody["error"]["issues"]): ErrorBody {
  return { error: { code, message, issues: issues ?? [{ code, path: [], where: "$", message }] } };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, "payload_too_large", `the body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The request handler: `POST /score` with a JSON body. 200 with {@link ScoreBody}; 400 with
 * {@link ErrorBody} for invalid JSON or input the library refuses; 404, 405, 413 and 500 otherwise.
 * Use it with `http.createServer(handleRequest)` or mount it in any framework that gives you
 * Node's request and response objects.
 */
export async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== "/score") throw new HttpError(404, "not_found", `no route ${path}; POST /score`);
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      throw new HttpError(405, "method_not_allowed", `${req.method} is not allowed; POST /score`);
    }
    const text = await readBody(req);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (e) {
      throw new HttpError(400, "invalid_json", `the body is not JSON: ${(e as Error).message}`);
    }
    send(res, 200, scorePayload(body));
  } catch (e) {
    if (e instanceof HttpError) send(res, e.status, errorBody(e.code, e.message, e.issues));
    else if (e instanceof IndicatrixError)
      send(
        res,
        400,
        errorBody(
          e.code,
          e.message,
          e.issues.map(({ code, path, where, message }) => ({ code, path, where, message })),
        ),
      );
    else send(res, 500, errorBody("internal_error", "internal error"));
  }
}

/**
 * Starts the service on an ephemeral port, posts the sample payload (or `payload`) to it, prints
 * a summary of the response with `log` and stops the server. Returns the HTTP status and body.
 */
export async function main(
  log: (line: string) => void = console.log,
  payload: unknown = JSON.parse(readFileSync(new URL("sample-payload.json", import.meta.url), "utf8")),
): Promise<{ status: number; body: ScoreBody | ErrorBody }> {
  const server = createServer((req, res) => {
    void handleRequest(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    log(`indicatrix service listening on http://127.0.0.1:${port}/score`);
    const response = await fetch(`http://127.0.0.1:${port}/score`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
    });
    const body = (await response.json()) as ScoreBody | ErrorBody;
    log(`POST /score -> ${response.status}`);
    if ("error" in body) {
      for (const i of body.error.issues) log(`  ${i.code} at ${i.where}: ${i.message}`);
    } else {
      log(`model ${body.model}, profile ${body.profile}`);
      for (const u of body.units) {
        const top = u.contributions[0];
        log(
          `  #${u.rank ?? "-"} ${u.unit}  score ${u.score === null ? "-" : u.score.toFixed(4)}  coverage ${(u.coverage * 100).toFixed(1)}%` +
            (top ? `  largest contribution: ${top.indicator} (${top.contribution.toFixed(4)})` : ""),
        );
      }
      log(JSON.stringify(body.units[0], null, 2));
    }
    return { status: response.status, body };
  } finally {
    await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
  }
}

if (isMain(import.meta.url)) await main();
