/**
 * Saaty's 1-9 scale in words, shared by the questionnaire writer and reader.
 * @internal
 * @module
 */

/** One point of the 1-9 scale with its words. */
export interface ScalePoint {
  /** The intensity, 1 to 9. */
  value: number;
  /** In Chinese. */
  zh: string;
  /** In English. */
  en: string;
}

/** Saaty's fundamental scale (Saaty 1980): odd values named, even values between. @internal */
export const AHP_SCALE: readonly ScalePoint[] = [
  { value: 1, zh: "同等重要", en: "equally important" },
  { value: 2, zh: "介于同等与稍微重要之间", en: "between equal and moderate" },
  { value: 3, zh: "稍微重要", en: "moderately more important" },
  { value: 4, zh: "介于稍微与明显重要之间", en: "between moderate and strong" },
  { value: 5, zh: "明显重要", en: "strongly more important" },
  { value: 6, zh: "介于明显与强烈重要之间", en: "between strong and very strong" },
  { value: 7, zh: "强烈重要", en: "very strongly more important" },
  { value: 8, zh: "介于强烈与极端重要之间", en: "between very strong and extreme" },
  { value: 9, zh: "极端重要", en: "extremely more important" },
];

/** The columns of a questionnaire CSV, in order. @internal */
export const QUESTIONNAIRE_COLUMNS = [
  "expert",
  "group",
  "a",
  "a_name",
  "b",
  "b_name",
  "more_important",
  "intensity",
] as const;
