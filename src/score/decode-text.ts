import { IndicatrixError, type Issue } from "../internal/errors.js";

/** The encodings {@link decodeText} reads, by the names `--encoding` accepts (any WHATWG label works too). */
export type TextEncodingName = "auto" | "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "gbk";

/** Options of {@link decodeText}. */
export interface DecodeTextOptions {
  /**
   * The encoding of the bytes: `auto` (default) reads a byte order mark (UTF-8, UTF-16 LE or BE), else
   * UTF-8, else GB18030 (a superset of GBK, what Excel on Chinese Windows writes) with a notice; any other
   * name (`utf-8`, `gbk`, `gb18030`, `utf-16le`, a WHATWG label) decodes with that encoding only.
   */
  encoding?: string;
  /** How messages name the bytes (a file name; default `(data)`). */
  name?: string;
}

/** What {@link decodeText} read: the text (without byte order mark), its encoding, and notices. */
export interface DecodedText {
  /** The decoded text, without its byte order mark. */
  text: string;
  /** The encoding used (WHATWG name: `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, `gbk`...). */
  encoding: string;
  /** How the encoding was chosen: `bom`, `utf-8` (the bytes are valid UTF-8), `guess` (GB18030) or `option`. */
  by: "bom" | "utf-8" | "guess" | "option";
  /** A `guessed_encoding` warning when the encoding was guessed (not valid UTF-8, read as GB18030). */
  notices: Issue[];
}

function decoder(encoding: string, name: string): InstanceType<typeof TextDecoder> {
  try {
    return new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new IndicatrixError(
      "invalid_option",
      `${name}: unknown encoding "${encoding}"; use utf-8, utf-16le, utf-16be, gb18030 or gbk`,
      { path: ["encoding"], where: name },
    );
  }
}

/** The 1-based line of the first byte sequence that `encoding` cannot decode (for the message). */
function firstBadLine(bytes: Uint8Array, encoding: string): number {
  const loose = new TextDecoder(encoding).decode(bytes);
  const at = loose.indexOf("\uFFFD");
  let line = 1;
  for (let i = 0; i < at; i++) if (loose.charCodeAt(i) === 10) line++;
  return line;
}

/** Decodes with `encoding` (fatal: never a replacement character), or `undefined` when the bytes are not that. */
function tryDecode(bytes: Uint8Array, encoding: string, name: string): string | undefined {
  try {
    return decoder(encoding, name).decode(bytes);
  } catch (e) {
    if (e instanceof IndicatrixError) throw e;
    return undefined;
  }
}

function bomOf(bytes: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/**
 * Refuses text bytes with NUL bytes in their first 4 KB (no text file has them): the bytes are then
 * most likely UTF-16 without a byte order mark, LE when the NULs fall on odd offsets (`u\0n\0`), BE
 * when on even ones, and the message says which `--encoding` reads them. Read as UTF-8, such a file
 * has a header of `u\u0000n\u0000...` and no unit column.
 * @throws IndicatrixError `invalid_encoding`.
 * @internal
 */
export function refuseNulBytes(bytes: Uint8Array, name: string): void {
  const n = Math.min(bytes.length, 4096);
  let odd = 0;
  let even = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) i % 2 === 1 ? odd++ : even++;
  if (odd + even === 0) return;
  const guess = odd >= even ? "utf-16le" : "utf-16be";
  throw new IndicatrixError(
    "invalid_encoding",
    `${name}: the file has NUL bytes, as ${guess === "utf-16le" ? "UTF-16LE" : "UTF-16BE"} text without a byte order mark has; read it with --encoding ${guess} (encoding: "${guess}") or save it as UTF-8`,
    { path: [], where: name },
  );
}

/**
 * Decodes the bytes of a data or model file to text, never silently: a byte sequence that the encoding
 * cannot decode is an error naming the line, not a replacement character (`TextDecoder` with
 * `fatal: true`). With `encoding: "auto"` (the default) a byte order mark decides (UTF-8, UTF-16 LE,
 * UTF-16 BE); without one the bytes are read as UTF-8 when they are valid UTF-8, else as GB18030 (the
 * superset of GBK that Excel on Chinese Windows writes) with a `guessed_encoding` notice. Give the
 * encoding (`gbk`, `gb18030`, `utf-16le`...) when the guess is wrong. The byte order mark is removed.
 *
 * Pure (no I/O): the file readers of `indicatrix/node` call it on the bytes they read.
 *
 * @param bytes - the raw bytes.
 * @param opts - the encoding (`auto` by default) and the name used in messages.
 * @throws IndicatrixError `invalid_encoding` (bytes that are not valid in the encoding, with the line;
 *   in `auto`, NUL bytes without a byte order mark, with the UTF-16 encoding that reads them),
 *   `invalid_option` (an unknown encoding name).
 * @example
 * ```ts
 * decodeText(new Uint8Array([0xc9, 0xe7, 0xc7, 0xf8])).text; // => "社区" (GBK bytes, read as GB18030)
 * decodeText(new TextEncoder().encode("\uFEFFunit,a")).text; // => "unit,a"
 * ```
 */
export function decodeText(bytes: Uint8Array, opts: DecodeTextOptions = {}): DecodedText {
  const name = opts.name ?? "(data)";
  const asked = (opts.encoding ?? "auto").trim().toLowerCase();
  const bom = bomOf(bytes);
  if (asked !== "auto") {
    const d = decoder(asked, name);
    const text = tryDecode(bytes, asked, name);
    if (text === undefined)
      throw new IndicatrixError(
        "invalid_encoding",
        `${name}, line ${firstBadLine(bytes, asked)}: the bytes are not valid ${d.encoding}; give the file's encoding with --encoding (utf-8, gbk, gb18030, utf-16le) or save it as UTF-8`,
        { path: ["line", firstBadLine(bytes, asked)], where: name },
      );
    return { text, encoding: d.encoding, by: "option", notices: [] };
  }
  if (bom !== undefined) {
    const text = tryDecode(bytes, bom, name);
    if (text === undefined) {
      const line = firstBadLine(bytes, bom);
      throw new IndicatrixError(
        "invalid_encoding",
        `${name}, line ${line}: the file begins with a ${bom} byte order mark but is not valid ${bom}`,
        { path: ["line", line], where: name },
      );
    }
    return { text, encoding: bom, by: "bom", notices: [] };
  }
  refuseNulBytes(bytes, name);
  const utf8 = tryDecode(bytes, "utf-8", name);
  if (utf8 !== undefined) return { text: utf8, encoding: "utf-8", by: "utf-8", notices: [] };
  const gb = tryDecode(bytes, "gb18030", name);
  if (gb !== undefined)
    return {
      text: gb,
      encoding: "gb18030",
      by: "guess",
      notices: [
        {
          code: "guessed_encoding",
          severity: "warning",
          path: [],
          where: name,
          message: `not valid UTF-8 (from line ${firstBadLine(bytes, "utf-8")}); read as GB18030 (GBK); give --encoding if that is wrong`,
        },
      ],
    };
  const line = firstBadLine(bytes, "utf-8");
  throw new IndicatrixError(
    "invalid_encoding",
    `${name}, line ${line}: the bytes are neither valid UTF-8 nor GB18030 (GBK); give the file's encoding with --encoding or save it as UTF-8`,
    { path: ["line", line], where: name },
  );
}
