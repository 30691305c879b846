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
// What an observer can infer is worked out across all splits together (interval propagation), not
// one split at a time. A split still fully pinned once every cell in it is hidden (a total of 4
// split into four parts of 1) stays as it is, as there is nothing left to hide.
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

  // The equation a split stands for: total − parts − remainder = 0, each term with its sign.
  const termsOf = ({ total, parts }: Split) => {
    const rest = value(total) - parts.reduce((sum, k) => sum + value(k), 0);
    return [
      { key: total as string | null, sign: 1 },
      ...parts.map((key) => ({ key: key as string | null, sign: -1 })),
      ...(rest > 0 ? [{ key: null, sign: -1 }] : []),
    ];
  };
  const unbounded: Range = [0, Infinity];

  // What an observer can work out about every hidden count, using all the splits together: each
  // split's equation narrows the range of each of its terms, and narrower ranges narrow others in
  // turn, until nothing changes. (One split at a time misses "2024 = 8 + a hidden quarter of 5 or
  // more" combined with "All years = 2024 + 2025".)
  const inferred = (): Map<string, Range> => {
    const known = new Map<string, Range>();
    for (const key of counts.keys()) known.set(key, range(key));
    for (let changed = true, rounds = 0; changed && rounds < 100; rounds++) {
      changed = false;
      for (const split of splits) {
        const terms = termsOf(split);
        terms.forEach((t, i) => {
          if (t.key === null || !hidden.has(t.key)) return;
          let lo = 0;
          let hi = 0;
          terms.forEach((o, j) => {
            if (j === i) return;
            const r = o.key === null ? unbounded : known.get(o.key)!;
            const c = -t.sign * o.sign;
            lo += c > 0 ? r[0] : -r[1];
            hi += c > 0 ? r[1] : -r[0];
          });
          const [curLo, curHi] = known.get(t.key)!;
          const next: Range = [Math.max(lo, curLo), Math.min(hi, curHi)];
          if (next[0] !== curLo || next[1] !== curHi) {
            known.set(t.key, next);
            changed = true;
          }
        });
      }
    }
    return known;
  };

  // A split leaks when a shown total less its shown parts leaves an unshown remainder of 1 to 4,
  // or when any hidden count in it can be pinned to one value.
  const leaking = (): Split | undefined => {
    const known = inferred();
    const pinned = (key: string | null) => key !== null && hidden.has(key) && known.get(key)![0] === known.get(key)![1];
    const leaks = (split: Split) => {
      if (!hidden.has(split.total)) {
        const left =
          value(split.total) - split.parts.filter((k) => !hidden.has(k)).reduce((sum, k) => sum + value(k), 0);
        if (left > 0 && left < smallCellThreshold) return true;
      }
      return termsOf(split).some((t) => pinned(t.key));
    };
    // Only a split where something is left to hide (one fully hidden already stays as it is);
    // a part is hidden before any total, the smallest first, to keep headline figures in view.
    const open = splits.filter((split) => leaks(split) && hideable(split) !== undefined);
    const parts = open
      .filter((split) => hideable(split) !== split.total)
      .sort((a, b) => value(hideable(a)!) - value(hideable(b)!));
    return parts[0] ?? open[0];
  };
  const hideable = (split: Split) => {
    const candidates = split.parts.filter((k) => !hidden.has(k) && value(k) > 0).sort((a, b) => value(a) - value(b));
    return candidates[0] ?? (hidden.has(split.total) ? undefined : split.total);
  };

  for (let split = leaking(); split; split = leaking()) hidden.set(hideable(split)!, "guard");
  return hidden;
}
