// What a reader sees of the outcome figures, on the page and in the CSV: the secretariat and the
// administrator exact counts, observers the counts that cannot reveal a small cell.
import { toCsv } from "./csv";
import type { Figure, OutcomeReport } from "./outcomes";
import { hiddenCounts, type Hidden, type Split } from "./outcomes-suppression";
import { smallCellThreshold } from "./suppress";

export type DisplayFigure = Omit<Figure, "value" | "count" | "of" | "keys"> & {
  value: string;
  count: string;
  of: string;
  note: string;
};

export const hiddenNotes: Record<Hidden, string> = {
  small: "Hidden: fewer than 5.",
  guard: "Hidden so that a count under 5 cannot be worked out by subtraction.",
};

/** The counts behind the figures, by name, and every split they form ("out of" pairs included). */
export function countsOf({ figures, splits }: OutcomeReport): { counts: Map<string, number>; splits: Split[] } {
  const counts = new Map<string, number>();
  for (const f of figures) {
    for (const [key, n] of [
      [f.keys.count, f.count],
      [f.keys.of, f.of],
    ] as const) {
      if (key === null || n === null) continue;
      if (counts.has(key) && counts.get(key) !== n) throw new Error(`The count ${key} differs between figures`);
      counts.set(key, n);
    }
  }
  const outOf = figures.flatMap((f) => (f.keys.of ? [{ total: f.keys.of, parts: [f.keys.count] }] : []));
  return { counts, splits: [...splits, ...outOf] };
}

/**
 * What a reader sees. The secretariat and the administrator see exact counts. For observers the
 * counts chosen by `hiddenCounts` (outcomes-suppression.ts: 1 to 4 as "<5", and a further count as
 * "–" where subtraction from a total would reveal a small one) are hidden, and so is any rate or
 * median computed from a hidden count, since the rate with either of its counts gives the other.
 */
export function displayFigures(report: OutcomeReport, { exact }: { exact: boolean }): DisplayFigure[] {
  if (exact) return showFigures(report.figures, new Map());
  const { counts, splits } = countsOf(report);
  return showFigures(report.figures, hiddenCounts(counts, splits));
}

/** The figures with the counts in `hidden` hidden (the state's roll-up decides them across districts). */
export function showFigures(figures: Figure[], hidden: ReadonlyMap<string, Hidden>): DisplayFigure[] {
  const show = (key: string, n: number) => {
    const why = hidden.get(key);
    return why === "small" ? `<${smallCellThreshold}` : why === "guard" ? "–" : String(n);
  };
  return figures.map((f) => {
    const reasons = [hidden.get(f.keys.count), f.keys.of === null ? undefined : hidden.get(f.keys.of)];
    const why: Hidden | null = reasons.includes("small") ? "small" : reasons.includes("guard") ? "guard" : null;
    const value =
      f.value === null ? (f.unit === "count" ? "" : "—") : why ? "–" : `${f.value}${f.unit === "%" ? "%" : ""}`;
    return {
      section: f.section,
      measure: f.measure,
      period: f.period,
      unit: f.unit,
      definition: f.definition,
      value,
      count: show(f.keys.count, f.count),
      of: f.of === null || f.keys.of === null ? "" : show(f.keys.of, f.of),
      note: why ? hiddenNotes[why] : "",
    };
  });
}

export function figuresCsv(rows: DisplayFigure[]): string {
  const header = ["section", "measure", "period", "value", "unit", "count", "out_of", "note", "definition"];
  return toCsv(
    header,
    rows.map((r) => [r.section, r.measure, r.period, r.value, r.unit, r.count, r.of, r.note, r.definition]),
  );
}
