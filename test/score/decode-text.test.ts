import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IndicatrixError } from "../../src/internal/errors.js";
import { decodeText } from "../../src/score/decode-text.js";

// The files and table.txt are written by test/fixtures/encodings/make.py with Python's codecs.
const dir = "test/fixtures/encodings";
const table = readFileSync(`${dir}/table.txt`, "utf8");
const bytes = (name: string) => new Uint8Array(readFileSync(`${dir}/${name}`));

describe("decodeText(bytes)", () => {
  it.each([
    ["utf8.csv", "utf-8", "utf-8"],
    ["utf8-bom.csv", "utf-8", "bom"],
    ["utf16le-bom.csv", "utf-16le", "bom"],
    ["utf16be-bom.csv", "utf-16be", "bom"],
  ])("decodeText(%s) gives Python's text, encoding %s, without a notice", (file, encoding, by) => {
    const d = decodeText(bytes(file));
    expect(d.text).toBe(table);
    expect(d.encoding).toBe(encoding);
    expect(d.by).toBe(by);
    expect(d.notices).toEqual([]);
  });

  it("decodeText(gbk bytes) is read as GB18030 with a guessed_encoding notice, no replacement character", () => {
    const d = decodeText(bytes("gbk.csv"), { name: "gbk.csv" });
    expect(d.text).toBe(table);
    expect(d.text).not.toContain("\uFFFD");
    expect(d.encoding).toBe("gb18030");
    expect(d.notices.map((n) => [n.code, n.where])).toEqual([["guessed_encoding", "gbk.csv"]]);
  });

  it.each(["gbk", "gb18030"])(
    "decodeText(gbk bytes, { encoding: %s }) reads the table without a notice",
    (e) => {
      const d = decodeText(bytes("gbk.csv"), { encoding: e });
      expect(d.text).toBe(table);
      expect(d.by).toBe("option");
      expect(d.notices).toEqual([]);
    },
  );

  it("decodeText(gbk bytes, { encoding: utf-8 }) refuses with invalid_encoding naming line 1, never U+FFFD", () => {
    expect(() => decodeText(bytes("gbk.csv"), { encoding: "utf-8", name: "x.csv" })).toThrow(
      expect.objectContaining({
        code: "invalid_encoding",
        message: expect.stringMatching(/^x\.csv, line 1: /),
      }),
    );
  });

  it("decodeText(bytes valid in neither UTF-8 nor GB18030) is invalid_encoding naming the line", () => {
    let err: unknown;
    try {
      decodeText(bytes("invalid.csv"), { name: "invalid.csv" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IndicatrixError);
    expect((err as IndicatrixError).code).toBe("invalid_encoding");
    expect((err as IndicatrixError).message).toMatch(/^invalid\.csv, line 2: .*--encoding/);
  });

  it("decodeText(bytes, { encoding: 'klingon' }) is invalid_option", () => {
    expect(() => decodeText(new Uint8Array([65]), { encoding: "klingon" })).toThrow(
      expect.objectContaining({ code: "invalid_option" }),
    );
  });

  it("decodeText does not modify the caller's bytes", () => {
    const b = bytes("gbk.csv");
    const copy = b.slice();
    decodeText(b);
    expect(b).toEqual(copy);
  });
});

describe("decodeText on UTF-16 without a byte order mark (issue 20 item 23)", () => {
  it("Chinese UTF-16LE text (not valid UTF-8) is refused naming utf-16le, not guessed as GB18030", () => {
    const bytes = Buffer.from("社区,绿地率\nc1,35\n", "utf16le");
    expect(() => decodeText(bytes, { name: "d.csv" })).toThrow(
      /^d\.csv: the file has NUL bytes, as UTF-16LE text without a byte order mark has; read it with --encoding utf-16le/,
    );
    expect(decodeText(bytes, { encoding: "utf-16le" }).text).toBe("社区,绿地率\nc1,35\n");
  });
});
