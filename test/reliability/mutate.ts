import fc from "fast-check";
import { NASTY_STRINGS, nastyValue } from "./invariants.js";

/** One edit of a model value at a place chosen by `at` (an index, taken modulo the number of places). */
export type Mutation =
  | { kind: "delete"; at: number }
  | { kind: "replace"; at: number; value: unknown }
  | { kind: "duplicate"; at: number }
  | { kind: "deepen"; at: number; levels: number; asArray: boolean }
  | { kind: "rename"; at: number; key: string }
  | { kind: "stringify"; at: number; text: string }
  | { kind: "setId"; at: number; id: string }
  | { kind: "addChildren"; at: number; children: unknown[] };

type Place = { parent: Record<string | number, unknown> | unknown[]; key: string | number };

/** Every (container, key) place of a JSON value, in a stable order, without recursion. */
export function places(root: unknown): Place[] {
  const out: Place[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v))
      v.forEach((x, i) => {
        out.push({ parent: v, key: i });
        stack.push(x);
      });
    else
      for (const [k, x] of Object.entries(v)) {
        out.push({ parent: v as Record<string, unknown>, key: k });
        stack.push(x);
      }
  }
  return out;
}

/** Applies mutations to a deep copy of `base` (never to `base` itself). */
export function mutate(base: unknown, mutations: readonly Mutation[]): unknown {
  const holder: { root: unknown } = { root: structuredClone(base) };
  for (const mu of mutations) {
    const all = [
      { parent: holder as unknown as Record<string, unknown>, key: "root" },
      ...places(holder.root),
    ];
    const place = all[mu.at % all.length] as Place;
    const { parent, key } = place;
    const get = () => (parent as Record<string | number, unknown>)[key];
    const set = (v: unknown) => {
      (parent as Record<string | number, unknown>)[key] = v;
    };
    switch (mu.kind) {
      case "delete":
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else if (parent !== (holder as unknown)) delete (parent as Record<string, unknown>)[key];
        break;
      case "replace":
        set(structuredCloneSafe(mu.value));
        break;
      case "duplicate":
        if (Array.isArray(parent)) parent.push(structuredCloneSafe(get()));
        else set([get(), structuredCloneSafe(get())]);
        break;
      case "deepen": {
        let v = get();
        for (let i = 0; i < mu.levels; i++) v = mu.asArray ? [v] : { id: `deep${i}`, children: [v] };
        set(v);
        break;
      }
      case "rename":
        if (!Array.isArray(parent) && parent !== (holder as unknown)) {
          const v = get();
          delete (parent as Record<string, unknown>)[key];
          Object.defineProperty(parent, mu.key, {
            value: v,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        break;
      case "stringify": {
        const v = get();
        set(typeof v === "number" ? String(v) : mu.text);
        break;
      }
      case "setId": {
        const v = get();
        if (v !== null && typeof v === "object" && !Array.isArray(v))
          (v as Record<string, unknown>).id = mu.id;
        else set(mu.id);
        break;
      }
      case "addChildren": {
        const v = get();
        if (v !== null && typeof v === "object" && !Array.isArray(v))
          (v as Record<string, unknown>).children = structuredCloneSafe(mu.children);
        break;
      }
    }
  }
  return holder.root;
}

/** structuredClone keeping an own `__proto__` key (JSON round trip), and undefined as is. */
function structuredCloneSafe(v: unknown): unknown {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v) ?? "null");
}

const at = fc.nat({ max: 100_000 });

/** One random mutation. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  at.map((a) => ({ kind: "delete" as const, at: a })),
  fc.record({ kind: fc.constant("replace" as const), at, value: nastyValue }),
  at.map((a) => ({ kind: "duplicate" as const, at: a })),
  fc.record({
    kind: fc.constant("deepen" as const),
    at,
    levels: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(100, 300)),
    asArray: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("rename" as const),
    at,
    key: fc.constantFrom(...NASTY_STRINGS, "id", "weights"),
  }),
  fc.record({
    kind: fc.constant("stringify" as const),
    at,
    text: fc.constantFrom("NaN", "Infinity", "1e999", ""),
  }),
  fc.record({
    kind: fc.constant("setId" as const),
    at,
    id: fc.constantFrom(...NASTY_STRINGS, "root", "a", "b"),
  }),
  fc.record({
    kind: fc.constant("addChildren" as const),
    at,
    children: fc.constantFrom<unknown[]>(
      [],
      [{ id: "extra" }],
      [{ id: "extra", children: [] }],
      [{ id: "root" }],
      [1],
    ),
  }),
);
