/**
 * East Asian wide characters (汉字, kana, hangul, full-width forms): they take two columns in a terminal
 * and in Biome's Markdown tables.
 */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * The display width of a text: East Asian wide characters count 2, every other code point 1 (as a
 * terminal and Biome's Markdown formatter count them).
 *
 * @example
 * ```ts
 * displayWidth("c01 马乐区"); // => 10
 * ```
 */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

/**
 * `text` padded with spaces to `width` display columns ({@link displayWidth}), on the right (left
 * aligned) or on the left (`right`: right aligned). A text already as wide is returned as it is.
 *
 * @example
 * ```ts
 * padDisplay("马乐区", 8); // => "马乐区  "
 * padDisplay("7.5", 5, "right"); // => "  7.5"
 * ```
 */
export function padDisplay(text: string, width: number, align: "left" | "right" = "left"): string {
  const pad = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "right" ? pad + text : text + pad;
}
