/**
 * Locates the first syntax error of a text that `JSON.parse` refused, with a message for people: V8's own
 * message gives no position for some errors (`Unexpected token ']'`) and none says "trailing comma".
 * @internal
 * @module
 */

/** The first syntax error of a JSON text: its 0-based offset and what was expected. @internal */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

const MAX_DEPTH = 1000;

class Fail {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/** Scans `text` as strict JSON (RFC 8259) and returns its first error, or undefined when it is valid. @internal */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let pos = 0;
  const ws = (): void => {
    while (pos < text.length && " \t\n\r".includes(text[pos] as string)) pos++;
  };
  const what = (): string => (pos >= text.length ? "the end of the text" : JSON.stringify(text[pos]));
  const string = (): void => {
    const start = pos;
    pos++;
    while (pos < text.length) {
      const c = text[pos] as string;
      if (c === '"') {
        pos++;
        return;
      }
      if (c === "\\") {
        const e = text[pos + 1];
        if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) pos += 6;
        else if (e !== undefined && '"\\/bfnrt'.includes(e)) pos += 2;
        else throw new Fail(pos, "invalid escape in a string");
        continue;
      }
      if (c < " ") throw new Fail(pos, "a control character (such as a line break) inside a string");
      pos++;
    }
    throw new Fail(start, "a string that is never closed");
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) throw new Fail(pos, "the text nests too deep");
    ws();
    const c = text[pos];
    if (c === "{") {
      pos++;
      ws();
      if (text[pos] === "}") {
        pos++;
        return;
      }
      for (;;) {
        ws();
        if (text[pos] !== '"')
          throw new Fail(
            pos,
            text[pos] === "}"
              ? "a trailing comma before }"
              : `expected a key in double quotes, got ${what()}`,
          );
        string();
        ws();
        if (text[pos] !== ":") throw new Fail(pos, `expected ":" after the key, got ${what()}`);
        pos++;
        value(depth + 1);
        ws();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] === "}") {
          pos++;
          return;
        }
        throw new Fail(pos, `expected "," or "}" after a value, got ${what()}`);
      }
    }
    if (c === "[") {
      pos++;
      ws();
      if (text[pos] === "]") {
        pos++;
        return;
      }
      for (;;) {
        ws();
        if (text[pos] === "]") throw new Fail(pos, "a trailing comma before ]");
        value(depth + 1);
        ws();
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        if (text[pos] === "]") {
          pos++;
          return;
        }
        throw new Fail(pos, `expected "," or "]" after a value, got ${what()}`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (num) {
      pos += num[0].length;
      return;
    }
    for (const lit of ["true", "false", "null"])
      if (text.startsWith(lit, pos)) {
        pos += lit.length;
        return;
      }
    throw new Fail(pos, `expected a value, got ${what()}`);
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) pos = 1;
    value(0);
    ws();
    if (pos < text.length) throw new Fail(pos, `unexpected ${what()} after the end of the JSON value`);
    return undefined;
  } catch (e) {
    if (e instanceof Fail) return { offset: e.offset, message: e.message };
    throw e;
  }
}

/** 1-based line and column of an offset of `text`. @internal */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  return { line, column: offset - start + 1 };
}
