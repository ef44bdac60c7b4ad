import type { Model } from "../indicators/schema.js";
import { displayName } from "../indicators/tree.js";
import type { RollupResult } from "../score/rollup.js";
import type { Result } from "../score/score.js";
import { printable, textTable } from "./format.js";
import { moreRows, scaleName, scoreCell } from "./people.js";

/**
 * `score --format table`: the scored units by rank (rank, unit, name, the root score, the root's grade
 * label when the root is graded, and the score of every dimension below the root), the first `top`;
 * then the roll-up to each level above (streets, districts) by rank; then the units without a score.
 * Scores are shown times `scale` (100: 0-100, 1: 0-1).
 */
export function scoreTable(
  model: Model,
  result: Result,
  up: RollupResult,
  scale: 1 | 100,
  top: number,
): string {
  const root = result.resolved.root;
  const nodes = result.resolved.nodes;
  const name = (id: string) => displayName(nodes.get(id)?.node ?? { id }, model.language);
  const dims = nodes.get(root)?.children ?? [];
  const grade = Object.hasOwn(result.grades, root) ? result.grades[root] : undefined;
  const h = result.hierarchy;
  const names = new Map(h.units.map((u, k) => [u, h.names[k] ?? ""]));
  const named = [...names.values()].some((n) => n !== "");
  const ranks = result.ranks[root] as Uint32Array;
  const order = [...result.units.keys()].filter((i) => ranks[i]! > 0).sort((a, b) => ranks[a]! - ranks[b]!);
  const shown = order.slice(0, top);
  let text = `Model ${printable(model.id)}, profile ${printable(result.profile)}: ${order.length} units scored; score: ${printable(name(root))}, ${scaleName(scale)}\n`;
  text += textTable(
    ["rank", "unit", ...(named ? ["name"] : []), "score", ...(grade ? ["grade"] : []), ...dims.map(name)],
    shown.map((i) => {
      const unit = result.units[i] as string;
      const k = grade?.grade[i] ?? -1;
      return [
        ranks[i]!,
        unit,
        ...(named ? [names.get(unit) ?? ""] : []),
        scoreCell(result.scores[root]?.[i], scale),
        ...(grade ? [k < 0 ? "-" : (grade.names[k] ?? "-")] : []),
        ...dims.map((d) => scoreCell(result.scores[d]?.[i], scale)),
      ];
    }),
  );
  text += moreRows(shown.length, order.length, "units");
  const upRanks = up.ranks[root] as Uint32Array | undefined;
  for (const level of [...new Set(up.levels)]) {
    const idx = [...up.units.keys()]
      .filter((i) => up.levels[i] === level && (upRanks?.[i] ?? 0) > 0)
      .sort((a, b) => upRanks![a]! - upRanks![b]!);
    if (idx.length === 0) continue;
    const how = typeof up.by === "object" ? `${up.by.weight}-weighted` : "mean";
    text += `\nRoll-up to ${printable(level ?? "parent units")} (${how}):\n`;
    text += textTable(
      ["rank", "unit", "name", "score", "units"],
      idx
        .slice(0, top)
        .map((i) => [
          upRanks![i]!,
          up.units[i]!,
          up.names[i] ?? "",
          scoreCell(up.scores[root]?.[i], scale),
          up.counts[i]!,
        ]),
    );
    text += moreRows(Math.min(top, idx.length), idx.length, "units");
  }
  const missing = result.units.filter((_, i) => !(ranks[i]! > 0));
  if (missing.length > 0)
    text += `\n${missing.length} unit(s) without a score (the reason column of --format csv): ${printable(missing.slice(0, 10).join(", "))}${missing.length > 10 ? ", ..." : ""}\n`;
  return text;
}
