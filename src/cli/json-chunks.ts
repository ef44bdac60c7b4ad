/** Items per chunk of {@link jsonChunks}: about 100 units of score output, some 200 KB. */
const ITEMS_PER_CHUNK = 100;

type Replacer = (key: string, value: unknown) => unknown;

/**
 * Renders `{ ...head, [key]: items }` as the text of `JSON.stringify(doc, replacer, 2)` plus a final
 * newline, in chunks: the head first, then the `count` items about 100 at a time, asking `itemAt(i)` for
 * each only when its chunk is written. With `writeChunksAtomic` (src/node) a result of any size is
 * written without the whole text in one string (which V8 caps at about 512 MB: "Invalid string length").
 * `replacer` sees each item with the key `""`.
 *
 * @example
 * ```ts
 * [...jsonChunks({ id: "m" }, "units", 2, (i) => ({ i }), (_k, v) => v)].join("");
 * // => '{\n  "id": "m",\n  "units": [\n    {\n      "i": 0\n    },\n    {\n      "i": 1\n    }\n  ]\n}\n'
 * ```
 */
export function* jsonChunks(
  head: Record<string, unknown>,
  key: string,
  count: number,
  itemAt: (i: number) => unknown,
  replacer: Replacer,
): Generator<string> {
  const open = JSON.stringify(head, replacer, 2);
  // `open` is "{}" or ends with "\n}": the list goes before the closing brace, at indent 2.
  const before = open === "{}" ? "{" : `${open.slice(0, -2)},`;
  const name = JSON.stringify(key);
  if (count === 0) {
    yield `${before}\n  ${name}: []\n}\n`;
    return;
  }
  yield `${before}\n  ${name}: [`;
  let parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const item = JSON.stringify(itemAt(i), replacer, 2) ?? "null";
    parts.push(`${i > 0 ? "," : ""}\n    ${item.replace(/\n/g, "\n    ")}`);
    if (parts.length >= ITEMS_PER_CHUNK) {
      yield parts.join("");
      parts = [];
    }
  }
  parts.push("\n  ]\n}\n");
  yield parts.join("");
}
