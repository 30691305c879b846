// Small-cell suppression for the outcome figures: which counts an observer may not see.
//
// The rule, in full:
// 1. Primary: a count from 1 to 4 is hidden, shown as "<5".
// 2. Secondary: counts on the page add up. A split is a total and the counts it divides into
//    (convicted + acquitted + discharged = decided; the years of "All years"; the quarters of a
//    year; bail orders refused + granted; the bands of the index), and every "count out of" pair
//    is a split of its total into the count and an unshown remainder. A split leaks when
//    subtracting the shown parts from a shown total leaves 1 to 4, or when its arithmetic pins a
//    hidden count to one value (an observer knows "<5" means 1–4, and that a count hidden by this
//    rule is 5 or more). Then the smallest shown non-zero part is hidden too, shown as "–", or the
//    total when no part is left to hide; this repeats until no split leaks. Hiding a part rather
//    than the total keeps the headline figures (decided cases, victims on the register) in view.
// 3. A rate or median is hidden ("–") when any count it is computed from is hidden (see outcomes.ts).
//
// Each split is checked on its own; one still fully pinned once every cell in it is hidden (a
// total of 4 split into four parts of 1) stays as it is, as there is nothing left to hide.
import { smallCellThreshold } from "./suppress";

/** A total and the counts it divides into; whatever the parts leave over is an unshown remainder. */
export type Split = { total: string; parts: string[] };

/** Why a count is hidden: it is small, or it guards a small one against subtraction. */
export type Hidden = "small" | "guard";

type Range = readonly [number, number];

export function hiddenCounts(counts: ReadonlyMap<string, number>, splits: readonly Split[]): Map<string, Hidden> {
  const hidden = new Map<string, Hidden>();
  for (const [key, n] of counts) if (n > 0 && n < smallCellThreshold) hidden.set(key, "small");

  const value = (key: string) => {
    const n = counts.get(key);
    if (n === undefined) throw new Error(`No count named ${key}`);
    return n;
  };
  // What an observer can tell about a count from the page.
  const range = (key: string): Range => {
    const why = hidden.get(key);
    if (why === "small") return [1, smallCellThreshold - 1];
    if (why === "guard") return [smallCellThreshold, Infinity];
    return [value(key), value(key)];
  };

  const leaks = ({ total, parts }: Split): boolean => {
    const shownParts = parts.filter((k) => !hidden.has(k)).reduce((sum, k) => sum + value(k), 0);
    if (!hidden.has(total)) {
      const left = value(total) - shownParts;
      if (left > 0 && left < smallCellThreshold) return true;
    }
    // total − parts − remainder = 0, each term with the sign it carries in that sum.
    const rest = value(total) - parts.reduce((sum, k) => sum + value(k), 0);
    const terms = [
      { key: total, sign: 1, range: range(total) },
      ...parts.map((key) => ({ key, sign: -1, range: range(key) })),
      ...(rest > 0 ? [{ key: null, sign: -1, range: [0, Infinity] as Range }] : []),
    ];
    return terms.some((t, i) => {
      if (t.key === null || !hidden.has(t.key)) return false;
      let lo = 0;
      let hi = 0;
      terms.forEach((o, j) => {
        if (j === i) return;
        const c = -t.sign * o.sign;
        lo += c > 0 ? o.range[0] : -o.range[1];
        hi += c > 0 ? o.range[1] : -o.range[0];
      });
      return Math.max(lo, t.range[0]) === Math.min(hi, t.range[1]);
    });
  };

  for (let changed = true; changed; ) {
    changed = false;
    for (const split of splits) {
      if (!leaks(split)) continue;
      const candidates = split.parts.filter((k) => !hidden.has(k) && value(k) > 0).sort((a, b) => value(a) - value(b));
      const next = candidates[0] ?? (hidden.has(split.total) ? undefined : split.total);
      if (next === undefined) continue;
      hidden.set(next, "guard");
      changed = true;
    }
  }
  return hidden;
}
