// DOMAIN.md Part B §3 (the draft governance indicator system), transcribed as data for the template tests.
// Each row of TABLE is one line of the §3.3 tables, in the document's own notation (B, C, T(x), I[a,b];
// goalposts "lo–hi"); the tests convert it and compare it with templates/grassroots-governance.json.

/** [code, unit, dir, goalposts, profile, source, global weight normal, global weight emergency] (§3.3). */
export type DomainRow = [string, string, string, string, "N+E" | "E", string, number, number];

/** DOMAIN.md §3.3, all 60 indicators in document order. */
export const TABLE: DomainRow[] = [
  ["S1.1", "%", "B", "0–100", "N+E", "admin ledger", 0.0318, 0.0119],
  ["S1.2", "%", "B", "0–100", "N+E", "admin ledger", 0.0318, 0.0119],
  ["S1.3", "%", "B", "0–100", "N+E", "admin ledger", 0.0318, 0.0119],
  ["S2.1", "orgs/10k", "B", "0–40", "N+E", "civil-affairs registry", 0.0341, 0.0119],
  ["S2.2", "%", "B", "0–100", "N+E", "admin ledger", 0.0341, 0.0119],
  ["S3.1", "%", "B", "0–30", "N+E", "volunteer platform", 0.0273, 0.0119],
  ["S3.2", "h/person·yr", "B", "0–10", "N+E", "volunteer platform", 0.0273, 0.0119],
  ["S3.3", "persons/1,000", "B", "0–20", "E", "event log", 0.0, 0.0119],
  ["S4.1", "persons/10k", "B", "0–25", "N+E", "HR records", 0.0136, 0.0059],
  ["S4.2", "%", "B", "0–100", "N+E", "HR records", 0.0136, 0.0059],
  ["S4.3", "h/person·yr", "B", "0–80", "N+E", "training records", 0.0136, 0.0059],
  ["S4.4", "%", "B", "0–100", "N+E", "training records", 0.0136, 0.0059],
  ["P1.1", "%", "B", "0–100", "N+E", "grid platform", 0.0227, 0.0204],
  ["P1.2", "days", "C", "1–30", "N+E", "grid platform", 0.0227, 0.0204],
  ["P1.3", "h", "C", "0.5–24", "E", "event log", 0.0, 0.0204],
  ["P1.4", "%", "B", "0–100", "E", "event log", 0.0, 0.0204],
  ["P2.1", "households/person", "I[200,400]", "50–1,000", "N+E", "grid platform", 0.019, 0.0255],
  ["P2.2", "%", "B", "0–100", "N+E", "grid platform", 0.019, 0.0255],
  ["P3.1", "meetings/yr", "B", "0–24", "N+E", "minutes", 0.0227, 0.0051],
  ["P3.2", "%", "B", "0–100", "N+E", "minutes", 0.0227, 0.0051],
  ["P4.1", "score 0–4", "B", "0–4", "N+E", "document check", 0.0076, 0.0153],
  ["P4.2", "drills/yr", "B", "0–6", "N+E", "drill records", 0.0076, 0.0153],
  ["P4.3", "m²/person", "B", "0–3", "N+E", "facility survey", 0.0076, 0.0153],
  ["P4.4", "%", "B", "0–100", "E", "event log", 0.0, 0.0153],
  ["R1.1", "%", "B", "0–100", "N+E", "election records", 0.0169, 0.0056],
  ["R1.2", "0/1", "B", "0–1", "N+E", "document check", 0.0169, 0.0056],
  ["R2.1", "%", "B", "0–100", "N+E", "mediation ledger", 0.0202, 0.0093],
  ["R2.2", "cases/10k·yr", "C", "0–100", "N+E", "police data", 0.0202, 0.0093],
  ["R3.1", "events/yr", "B", "0–52", "N+E", "activity ledger", 0.0135, 0.0037],
  ["R3.2", "%", "B", "0–100", "N+E", "activity ledger", 0.0135, 0.0037],
  ["R4.1", "m²/100 hh", "B", "0–60", "N+E", "facility survey", 0.0337, 0.0125],
  ["R4.2", "%", "B", "0–100", "E", "event log", 0.0, 0.0125],
  ["R4.3", "%", "B", "0–100", "E", "event log", 0.0, 0.0125],
  ["T1.1", "%", "B", "0–100", "N+E", "platform log", 0.0145, 0.0192],
  ["T1.2", "%", "B", "0–100", "N+E", "platform log", 0.0145, 0.0192],
  ["T2.1", "sources", "B", "0–20", "N+E", "platform config", 0.0125, 0.0192],
  ["T2.2", "count", "C", "0–30", "N+E", "staff survey", 0.0125, 0.0192],
  ["T3.1", "%", "B", "0–100", "N+E", "asset register", 0.0166, 0.0224],
  ["T3.2", "%", "B", "0–100", "E", "event log / drill", 0.0, 0.0224],
  ["T3.3", "min", "C", "1–120", "E", "platform log", 0.0, 0.0224],
  ["T4.1", "0/1", "B", "0–1", "N+E", "drill records", 0.0125, 0.024],
  ["T4.2", "%", "B", "0–100", "E", "platform log", 0.0, 0.024],
  ["F1.1", "%", "B", "0–100", "N+E", "hotline data", 0.0448, 0.0256],
  ["F1.2", "h", "C", "0.5–72", "N+E", "hotline data", 0.0448, 0.0256],
  ["F2.1", "cases/10k·yr", "C", "0–20", "N+E", "petition office", 0.0384, 0.0171],
  ["F2.2", "incidents/yr", "C", "0–20", "N+E", "emergency bureau", 0.0384, 0.0171],
  ["F3.1", "h", "C", "1–720 (scenario-specific)", "E", "event log", 0.0, 0.0469],
  ["F3.2", "persons/10k", "C", "0–10", "E", "event log", 0.0, 0.0469],
  ["F3.3", "% of hours", "B", "0–100", "E", "event log", 0.0, 0.0469],
  ["F3.4", "days", "C", "0–90", "E", "event log", 0.0, 0.0469],
  ["F4.1", "score 0–100", "B", "50–100", "N+E", "third-party survey", 0.0448, 0.0341],
  ["F4.2", "% satisfied", "B", "50–100", "N+E", "third-party survey", 0.0448, 0.0341],
  ["E1.1", "%", "B", "0–100", "N+E", "document check", 0.0203, 0.0139],
  ["E2.1", "ratio", "T(1.0)", "0–2", "N+E", "minutes + census", 0.0101, 0.0052],
  ["E2.2", "%", "B", "0–100", "N+E", "activity ledger / survey", 0.0101, 0.0052],
  ["E3.1", "%", "B", "0–100", "N+E", "platform log", 0.0203, 0.0174],
  ["E4.1", "%", "B", "0–100", "N+E", "inspection records", 0.0203, 0.0139],
  ["E5.1", "0/1", "B", "0–1", "N+E", "contract/report", 0.0101, 0.0046],
  ["E5.2", "points (0–100 scale)", "C", "0–30", "N+E", "assessment reports", 0.0101, 0.0046],
  ["E5.3", "0/1", "B", "0–1", "E", "report", 0.0, 0.0046],
];

/** DOMAIN.md §3.2: level-1 eigenvector weights in the order S, P, R, T, F, E. */
export const LEVEL1 = {
  S: { normal: 0.2729, emergency: 0.1187 },
  P: { normal: 0.1516, emergency: 0.2042 },
  R: { normal: 0.1349, emergency: 0.0748 },
  T: { normal: 0.0831, emergency: 0.1918 },
  F: { normal: 0.2562, emergency: 0.3411 },
  E: { normal: 0.1013, emergency: 0.0695 },
};

/** DOMAIN.md §3.3: level-2 local weights per profile (F3 is 0 in normal: all its leaves are emergency-only). */
export const CRITERIA: Record<string, { normal: number; emergency: number }> = {
  S1: { normal: 0.35, emergency: 0.3 },
  S2: { normal: 0.25, emergency: 0.2 },
  S3: { normal: 0.2, emergency: 0.3 },
  S4: { normal: 0.2, emergency: 0.2 },
  P1: { normal: 0.3, emergency: 0.4 },
  P2: { normal: 0.25, emergency: 0.25 },
  P3: { normal: 0.3, emergency: 0.05 },
  P4: { normal: 0.15, emergency: 0.3 },
  R1: { normal: 0.25, emergency: 0.15 },
  R2: { normal: 0.3, emergency: 0.25 },
  R3: { normal: 0.2, emergency: 0.1 },
  R4: { normal: 0.25, emergency: 0.5 },
  T1: { normal: 0.35, emergency: 0.2 },
  T2: { normal: 0.3, emergency: 0.2 },
  T3: { normal: 0.2, emergency: 0.35 },
  T4: { normal: 0.15, emergency: 0.25 },
  F1: { normal: 0.35, emergency: 0.15 },
  F2: { normal: 0.3, emergency: 0.1 },
  F3: { normal: 0.0, emergency: 0.55 },
  F4: { normal: 0.35, emergency: 0.2 },
  E1: { normal: 0.2, emergency: 0.2 },
  E2: { normal: 0.2, emergency: 0.15 },
  E3: { normal: 0.2, emergency: 0.25 },
  E4: { normal: 0.2, emergency: 0.2 },
  E5: { normal: 0.2, emergency: 0.2 },
};

/** DOMAIN.md §3.2: level-1 pairwise judgments, as written there ("S:P=2" = S is twice as important as P). */
export const JUDGMENTS = {
  normal:
    "S:P=2, S:R=2, S:T=3, S:F=1, S:E=3, P:R=1, P:T=2, P:F=1/2, P:E=2, R:T=2, R:F=1/2, R:E=1, T:F=1/3, T:E=1, F:E=2",
  emergency:
    "S:P=1/2, S:R=2, S:T=1/2, S:F=1/3, S:E=2, P:R=3, P:T=1, P:F=1/2, P:E=3, R:T=1/2, R:F=1/4, R:E=1, T:F=1/2, T:E=3, F:E=4",
};

/** DOMAIN.md §3.5: the indicators each scenario overlay emphasizes. */
export const OVERLAYS: Record<string, string[]> = {
  public_health: ["P4.4", "R4.2", "R4.3", "T4.2", "F3.3"],
  natural_disaster: ["P4.3", "T3.1", "T3.2", "T4.1", "F3.4"],
  social_security: ["T3.1", "T3.3", "P1.3", "R2.2", "F3.2"],
};

/** The dimension codes of DOMAIN.md §3.1 in order, and the ids the template gives them. */
export const DIMENSIONS: [string, string][] = [
  ["S", "subjects"],
  ["P", "process"],
  ["R", "path"],
  ["T", "technology"],
  ["F", "performance"],
  ["E", "evaluation"],
];

/** Parses a DOMAIN fraction such as "1/3" or "2". */
export function fraction(text: string): number {
  const [p, q] = text.split("/").map(Number);
  return q === undefined ? (p as number) : (p as number) / q;
}

/** Parses DOMAIN goalposts such as "0–100", "50–1,000" or "1–720 (scenario-specific)". */
export function goalposts(text: string): [number, number] {
  const m = /^([\d.]+)–([\d.]+)/.exec(text.replaceAll(",", ""));
  if (!m) throw new Error(`bad goalposts "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

/** Converts a DOMAIN direction code (B, C, T(x), I[a,b]) to an indicatrix direction. */
export function direction(code: string): unknown {
  if (code === "B") return "benefit";
  if (code === "C") return "cost";
  const t = /^T\(([\d.]+)\)$/.exec(code);
  if (t) return { target: Number(t[1]) };
  const i = /^I\[([\d.]+),([\d.]+)\]$/.exec(code);
  if (i) return { range: [Number(i[1]), Number(i[2])] };
  throw new Error(`bad direction "${code}"`);
}
