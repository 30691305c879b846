// What a state reader sees of the roll-up, on the page and in the CSV: every collective's row, the
// state total, the trend by quarter and the confirmed matches per pair of districts, with the counts
// that `hiddenCounts` chose (across the districts together, see state-figures.ts) hidden.
import { toCsv } from "./csv";
import { hiddenNotes } from "./outcomes-display";
import type { Hidden } from "./outcomes-suppression";
import {
  collectivePrefix,
  countIn,
  matchesKey,
  measures,
  pairKey,
  statePrefix,
  valueOf,
  type CollectiveFigures,
  type Measure,
  type PairCount,
} from "./state-figures";
import { smallCellThreshold } from "./suppress";

export type StateCell = {
  /** As shown: "25%", "112", "<5", "–" (hidden), "—" (nothing to compute). */
  value: string;
  /** The number the chart draws, or null when it is hidden or there is none. */
  numeric: number | null;
  count: string;
  of: string;
  note: string;
};
export type StateRow = {
  collectiveId: number | null;
  name: string;
  districtCode: string;
  active: boolean;
  cells: Record<string, StateCell>;
};
export type StateView = {
  measures: Pick<Measure, "id" | "label" | "unit" | "definition" | "better">[];
  rows: StateRow[];
  total: StateRow;
  trend: { period: string; cell: StateCell }[];
  pairs: { a: string; b: string; cell: StateCell }[];
  matches: StateCell;
  /** The oldest collective's figures: the roll-up is as of then. */
  computedAt: string | null;
};

type Counts = { count: number; of: number | null; sample: number[] | null };

function cellOf(m: Measure, { count, of, sample }: Counts, hidden: (key: string) => Hidden | undefined): StateCell {
  const show = (key: string, n: number) => {
    const why = m.exact ? undefined : hidden(key);
    return why === "small" ? `<${smallCellThreshold}` : why === "guard" ? "–" : String(n);
  };
  const reasons = m.exact ? [] : [hidden(m.count), m.of ? hidden(m.of) : undefined];
  const why: Hidden | null = reasons.includes("small") ? "small" : reasons.includes("guard") ? "guard" : null;
  const value = valueOf(m, count, of, sample);
  const shown =
    m.unit === "count"
      ? show(m.count, count)
      : why
        ? "–"
        : value === null
          ? "—"
          : `${value}${m.unit === "%" ? "%" : ""}`;
  return {
    value: shown,
    numeric: why || value === null ? null : value,
    count: show(m.count, count),
    of: m.of && of !== null ? show(m.of, of) : "",
    note: why ? hiddenNotes[why] : "",
  };
}

/** The roll-up as a state reader sees it, `hidden` being the counts chosen across every collective together. */
export function stateView(
  collectives: readonly CollectiveFigures[],
  pairs: readonly PairCount[],
  quarters: readonly string[],
  hidden: ReadonlyMap<string, Hidden>,
): StateView {
  const under = (prefix: string) => (key: string) => hidden.get(prefix + key);
  const rows = collectives.map((f) => ({
    collectiveId: f.collectiveId,
    name: f.name,
    districtCode: f.districtCode,
    active: f.active,
    cells: Object.fromEntries(
      measures.map((m) => [
        m.id,
        cellOf(
          m,
          { count: countIn(f, m.count), of: m.of ? countIn(f, m.of) : null, sample: m.sample?.(f) ?? null },
          under(collectivePrefix(f.collectiveId)),
        ),
      ]),
    ),
  }));
  const sum = (key: string) => collectives.reduce((n, f) => n + countIn(f, key), 0);
  const total: StateRow = {
    collectiveId: null,
    name: "State total",
    districtCode: "",
    active: true,
    cells: Object.fromEntries(
      measures.map((m) => [
        m.id,
        cellOf(
          m,
          {
            count: sum(m.count),
            of: m.of ? sum(m.of) : null,
            sample: m.sample ? collectives.flatMap((f) => m.sample!(f)) : null,
          },
          under(statePrefix),
        ),
      ]),
    ),
  };
  const rate = measures.find((m) => m.id === "conviction-rate")!;
  const trend = quarters.map((q) => ({
    period: q,
    cell: cellOf(
      { ...rate, count: `convicted|${q}`, of: `decided|${q}` },
      { count: sum(`convicted|${q}`), of: sum(`decided|${q}`), sample: null },
      under(statePrefix),
    ),
  }));
  const nameOf = new Map(collectives.map((f) => [f.collectiveId, f.name]));
  const matchMeasure: Measure = { ...measures[0]!, id: "matches", count: "", of: null, exact: false };
  const pairCell = (key: string, n: number) =>
    cellOf({ ...matchMeasure, count: key }, { count: n, of: null, sample: null }, (k) => hidden.get(k));
  return {
    measures: measures.map(({ id, label, unit, definition, better }) => ({ id, label, unit, definition, better })),
    rows,
    total,
    trend,
    pairs: pairs.map((p) => ({
      a: nameOf.get(p.a) ?? "",
      b: nameOf.get(p.b) ?? "",
      cell: pairCell(pairKey(p), p.confirmed),
    })),
    matches: pairCell(
      matchesKey,
      pairs.reduce((n, p) => n + p.confirmed, 0),
    ),
    computedAt: collectives.map((f) => f.computedAt).sort()[0] ?? null,
  };
}

/** The counts hidden on one collective's drill-down pages, named as its own outcome report names them. */
export function hiddenInCollective(hidden: ReadonlyMap<string, Hidden>, collectiveId: number): Map<string, Hidden> {
  const prefix = collectivePrefix(collectiveId);
  return new Map(
    [...hidden].filter(([key]) => key.startsWith(prefix)).map(([key, why]) => [key.slice(prefix.length), why]),
  );
}

/** The roll-up as one CSV, a row per district and measure, then the state, its trend and the pairs. */
export function stateCsv(view: StateView): string {
  const header = ["district", "district_code", "measure", "period", "value", "count", "out_of", "note", "definition"];
  const lines: string[][] = [];
  for (const row of [...view.rows, view.total])
    for (const m of view.measures) {
      const c = row.cells[m.id]!;
      const period =
        m.id === "meetings-held" || m.id === "attendance" || m.id === "minutes-days" ? "Last 3 months" : "All years";
      lines.push([row.name, row.districtCode, m.label, period, c.value, c.count, c.of, c.note, m.definition]);
    }
  const rate = view.measures.find((m) => m.id === "conviction-rate")!;
  for (const t of view.trend)
    lines.push([
      "State total",
      "",
      rate.label,
      t.period,
      t.cell.value,
      t.cell.count,
      t.cell.of,
      t.cell.note,
      rate.definition,
    ]);
  const matchDefinition = "Cross-district matches confirmed by both districts' secretariats.";
  for (const p of view.pairs)
    lines.push([
      `${p.a} and ${p.b}`,
      "",
      "Confirmed cross-district matches",
      "All years",
      p.cell.value,
      p.cell.count,
      "",
      p.cell.note,
      matchDefinition,
    ]);
  lines.push([
    "State total",
    "",
    "Confirmed cross-district matches",
    "All years",
    view.matches.value,
    view.matches.count,
    "",
    view.matches.note,
    matchDefinition,
  ]);
  return toCsv(header, lines);
}
