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
//
// The district dimension (the state's roll-up): every collective's counts and splits are taken
// together under the collective's prefix (`inCollective`), and each count the state shows is a
// split of the state's total into the districts' counts (`acrossCollectives`). So a district's
// hidden count cannot be worked out from the state total less the other districts, nor from its
// quarters and years, nor from the state's quarters less the other districts' quarters. Counts that
// no split ties together are decided apart (`hiddenCounts` works one connected group at a time),
// which gives the same result faster: hiding a count in one group changes nothing in another.
import { smallCellThreshold } from "./suppress";

/** A total and the counts it divides into; whatever the parts leave over is an unshown remainder. */
export type Split = { total: string; parts: string[] };

/** Why a count is hidden: it is small, or it guards a small one against subtraction. */
export type Hidden = "small" | "guard";

type Range = readonly [number, number];

export function hiddenCounts(counts: ReadonlyMap<string, number>, splits: readonly Split[]): Map<string, Hidden> {
  const hidden = new Map<string, Hidden>();
  for (const group of connectedGroups(counts, splits)) {
    for (const [key, why] of hiddenInGroup(group.counts, group.splits)) hidden.set(key, why);
  }
  return hidden;
}

/** The counts and splits in groups that no split joins, each group with the splits among its counts. */
function connectedGroups(counts: ReadonlyMap<string, number>, splits: readonly Split[]) {
  const parent = new Map<string, string>();
  const root = (key: string): string => {
    let r = key;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    for (let k = key; parent.get(k) !== r;) {
      const next = parent.get(k)!;
      parent.set(k, r);
      k = next;
    }
    return r;
  };
  for (const key of counts.keys()) parent.set(key, key);
  for (const { total, parts } of splits) {
    for (const key of [total, ...parts]) {
      if (!parent.has(key)) throw new Error(`No count named ${key}`);
      parent.set(root(key), root(total));
    }
  }
  const groups = new Map<string, { counts: Map<string, number>; splits: Split[] }>();
  for (const [key, n] of counts) {
    const r = root(key);
    const group = groups.get(r) ?? { counts: new Map(), splits: [] };
    group.counts.set(key, n);
    groups.set(r, group);
  }
  for (const split of splits) groups.get(root(split.total))!.splits.push(split);
  return [...groups.values()];
}

/** One collective's counts and splits, named under its prefix ("c3|"), to be reasoned about with others'. */
export function inCollective(prefix: string, counts: ReadonlyMap<string, number>, splits: readonly Split[]) {
  return {
    counts: new Map([...counts].map(([key, n]) => [`${prefix}${key}`, n])),
    splits: splits.map(({ total, parts }) => ({
      total: `${prefix}${total}`,
      parts: parts.map((p) => `${prefix}${p}`),
    })),
  };
}

/**
 * The state's count of each name in `keys` (under `statePrefix`), the sum of every collective's
 * count of that name, and the split of it into them. A collective without the count has none.
 */
export function acrossCollectives(
  counts: ReadonlyMap<string, number>,
  prefixes: readonly string[],
  keys: readonly string[],
  statePrefix: string,
) {
  const state = new Map<string, number>();
  const splits: Split[] = [];
  for (const key of keys) {
    const parts = prefixes.map((p) => `${p}${key}`).filter((k) => counts.has(k));
    state.set(
      `${statePrefix}${key}`,
      parts.reduce((sum, k) => sum + counts.get(k)!, 0),
    );
    splits.push({ total: `${statePrefix}${key}`, parts });
  }
  return { counts: state, splits };
}

function hiddenInGroup(counts: ReadonlyMap<string, number>, splits: readonly Split[]): Map<string, Hidden> {
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
