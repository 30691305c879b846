// The state's roll-up: one row per collective, a state total and the state's trend by quarter,
// from figures each collective computes from its own records (the outcome report and the
// accountability matrix, unchanged). Pure; which counts a state reader sees is decided across the
// districts together (outcomes-suppression.ts, `rollupCounts` below) and shown by state-display.ts.
import type { MatrixRow } from "./accountability";
import type { OutcomeReport, SampledMeasure } from "./outcomes";
import { countsOf } from "./outcomes-display";
import { acrossCollectives, inCollective, type Split } from "./outcomes-suppression";
import { median } from "./participation";

/** What one collective contributes, computed from its records: exact counts, kept until recomputed. */
export type CollectiveFigures = {
  collectiveId: number;
  name: string;
  district: string;
  districtCode: string;
  active: boolean;
  /** The collective's today when these were computed ("overdue now" is as of that day), and the instant. */
  today: string;
  computedAt: string;
  outcomes: OutcomeReport;
  openCases: number;
  chargesheetsOverdue: number;
  actionsOverdue: number;
  /** Held in the three months to today, and the departments present at them out of those expected. */
  meetingsHeld: number;
  attended: number;
  expectedAttendance: number;
  /** Days from each meeting held in the three months to the first circulation of its minutes. */
  minutesDays: number[];
};

/** The meeting measures from the accountability matrix of the three months to today (one row per department). */
export function meetingMeasures(rows: readonly MatrixRow[]) {
  const meetingsHeld = rows[0]?.meetingsHeld ?? 0;
  return {
    meetingsHeld,
    attended: rows.reduce((sum, r) => sum + r.attended, 0),
    expectedAttendance: meetingsHeld * rows.length,
  };
}

/** Action items overdue today, from the all-time matrix. */
export const actionsOverdue = (rows: readonly MatrixRow[]) => rows.reduce((sum, r) => sum + r.overdue, 0);

export type Measure = {
  id: string;
  label: string;
  unit: "count" | "%" | "days" | "index";
  /** The name of the count behind the figure (an outcome key, or one of `ownCounts`), and of what a rate is out of. */
  count: string;
  of: string | null;
  /** For a median: the values of one collective, pooled across collectives for the state. */
  sample: ((f: CollectiveFigures) => number[]) | null;
  /** Counts about departments and meetings, not about people: every reader sees them exactly, as on the accountability page. */
  exact: boolean;
  /** Which end of the chart is better. */
  better: "higher" | "lower";
  definition: string;
};

const sampleOf = (name: SampledMeasure) => (f: CollectiveFigures) => f.outcomes.samples[name];
const measure = (m: Partial<Measure> & Pick<Measure, "id" | "label" | "unit" | "count" | "definition">): Measure => ({
  of: null,
  sample: null,
  exact: false,
  better: "higher",
  ...m,
});

export const measures: Measure[] = [
  measure({
    id: "open-cases",
    label: "Open cases",
    unit: "count",
    count: "open cases",
    definition: "Cases still open today.",
  }),
  measure({
    id: "conviction-rate",
    label: "Conviction rate",
    unit: "%",
    count: "convicted|All years",
    of: "decided|All years",
    definition: "Convictions ÷ decided cases (convicted, acquitted or discharged), all years.",
  }),
  measure({
    id: "bail-refused",
    label: "Bail refused",
    unit: "%",
    count: "bail refused",
    of: "bail orders",
    definition: "Share of bail orders that refused or rejected bail.",
  }),
  measure({
    id: "bail-granted",
    label: "Bail granted",
    unit: "%",
    count: "bail granted",
    of: "bail orders",
    better: "lower",
    definition: "Share of bail orders that granted bail.",
  }),
  measure({
    id: "chargesheets-overdue",
    label: "Chargesheets overdue now",
    unit: "count",
    count: "chargesheets overdue",
    better: "lower",
    definition: "Open cases past the 60- or 90-day limit from arrest with no chargesheet filed: default bail.",
  }),
  measure({
    id: "fir-to-chargesheet",
    label: "FIR to chargesheet",
    unit: "days",
    count: "cases timed FIR to chargesheet",
    sample: sampleOf("FIR to chargesheet"),
    better: "lower",
    definition: "Median days from the FIR (or the case’s opening) to the first chargesheet.",
  }),
  measure({
    id: "fir-to-judgment",
    label: "FIR to judgment",
    unit: "days",
    count: "cases timed FIR to judgment",
    sample: sampleOf("FIR to judgment"),
    better: "lower",
    definition: "Median days from the FIR (or the case’s opening) to the judgment.",
  }),
  measure({
    id: "legal-aid",
    label: "Victims with legal aid",
    unit: "%",
    count: "victims With a legal-aid lawyer|All years",
    of: "victims|All years",
    definition: "Share of victims on the register with a legal-aid lawyer assigned.",
  }),
  measure({
    id: "participation",
    label: "Participation index",
    unit: "index",
    count: "scored|All years",
    sample: sampleOf("Median index"),
    definition: "Median participation index (0–100): what the system delivered to each victim, not the victim.",
  }),
  measure({
    id: "actions-overdue",
    label: "Action items overdue",
    unit: "count",
    count: "actions overdue",
    exact: true,
    better: "lower",
    definition: "Action items agreed at meetings, unfinished and past their due date.",
  }),
  measure({
    id: "meetings-held",
    label: "Meetings held, last 3 months",
    unit: "count",
    count: "meetings held",
    exact: true,
    definition: "Meetings held in the three months to today.",
  }),
  measure({
    id: "attendance",
    label: "Attendance",
    unit: "%",
    count: "attended",
    of: "attendance expected",
    exact: true,
    definition: "Departments present at the meetings of the last three months ÷ departments × meetings.",
  }),
  measure({
    id: "minutes-days",
    label: "Meeting to circulated minutes",
    unit: "days",
    count: "minutes circulated",
    sample: (f) => f.minutesDays,
    exact: true,
    better: "lower",
    definition: "Median days from a meeting of the last three months to the circulation of its minutes.",
  }),
];

/** The counts a collective adds to its outcome report's, and the one split they make. */
function ownCounts(f: CollectiveFigures): Map<string, number> {
  return new Map([
    ["open cases", f.openCases],
    ["chargesheets overdue", f.chargesheetsOverdue],
    ["actions overdue", f.actionsOverdue],
    ["meetings held", f.meetingsHeld],
    ["attended", f.attended],
    ["attendance expected", f.expectedAttendance],
    ["minutes circulated", f.minutesDays.length],
  ]);
}
const ownSplits: Split[] = [{ total: "open cases", parts: ["chargesheets overdue"] }];
const exactCounts = new Set(measures.filter((m) => m.exact).flatMap((m) => [m.count, m.of ?? m.count]));

export const collectivePrefix = (collectiveId: number) => `c${collectiveId}|`;
export const statePrefix = "state|";
export const quarterPattern = /^\d{4} Q[1-4]$/;
/** The quarters in the trend: the latest eight with a decided case. */
export const trendQuarters = 8;

/** A confirmed cross-district match, counted per pair of collectives (lower id first). */
export type PairCount = { a: number; b: number; confirmed: number };
export const pairKey = (p: { a: number; b: number }) => `pair|${p.a}-${p.b}`;
export const matchesKey = `${statePrefix}confirmed matches`;

/**
 * Every count a state reader could see (each collective's whole outcome report, since the drill-down
 * shows it, the state's totals, its quarters and the district pairs) and every split among them,
 * for `hiddenCounts`. Counts about meetings and departments are left out: they are never hidden.
 */
export function rollupCounts(
  collectives: readonly CollectiveFigures[],
  pairs: readonly PairCount[],
  quarters: string[],
) {
  const counts = new Map<string, number>();
  const splits: Split[] = [];
  for (const f of collectives) {
    const report = countsOf(f.outcomes);
    const own = [...ownCounts(f)].filter(([key]) => !exactCounts.has(key));
    const scoped = inCollective(collectivePrefix(f.collectiveId), new Map([...report.counts, ...own]), [
      ...report.splits,
      ...ownSplits,
    ]);
    for (const [key, n] of scoped.counts) counts.set(key, n);
    splits.push(...scoped.splits);
  }
  const stateKeys = [
    ...new Set([
      ...measures.filter((m) => !m.exact).flatMap((m) => [m.count, ...(m.of ? [m.of] : [])]),
      ...quarters.flatMap((q) => [`convicted|${q}`, `decided|${q}`]),
    ]),
  ];
  const prefixes = collectives.map((f) => collectivePrefix(f.collectiveId));
  const state = acrossCollectives(counts, prefixes, stateKeys, statePrefix);
  for (const [key, n] of state.counts) counts.set(key, n);
  splits.push(...state.splits);
  // The state's own "out of" pairs, and its quarters as parts of its decided and convicted cases.
  for (const m of measures)
    if (m.of && !m.exact) splits.push({ total: statePrefix + m.of, parts: [statePrefix + m.count] });
  for (const q of quarters)
    splits.push({ total: `${statePrefix}decided|${q}`, parts: [`${statePrefix}convicted|${q}`] });
  for (const what of ["decided", "convicted"])
    splits.push({ total: `${statePrefix}${what}|All years`, parts: quarters.map((q) => `${statePrefix}${what}|${q}`) });
  splits.push({ total: `${statePrefix}open cases`, parts: [`${statePrefix}chargesheets overdue`] });
  for (const p of pairs) counts.set(pairKey(p), p.confirmed);
  counts.set(
    matchesKey,
    pairs.reduce((sum, p) => sum + p.confirmed, 0),
  );
  splits.push({ total: matchesKey, parts: pairs.map(pairKey) });
  return { counts, splits };
}

/** The latest quarters with a decided case in any collective, oldest first. */
export function quartersOf(collectives: readonly CollectiveFigures[]): string[] {
  const all = new Set<string>();
  for (const f of collectives)
    for (const fig of f.outcomes.figures)
      if (fig.measure === "Conviction rate" && quarterPattern.test(fig.period)) all.add(fig.period);
  return [...all].sort().slice(-trendQuarters);
}

/** A collective's exact count of a name (0 when its report has none), for the state's sums. */
export function countIn(f: CollectiveFigures, key: string): number {
  const own = ownCounts(f).get(key);
  if (own !== undefined) return own;
  for (const fig of f.outcomes.figures) {
    if (fig.keys.count === key) return fig.count;
    if (fig.keys.of === key && fig.of !== null) return fig.of;
  }
  return 0;
}

const pct = (n: number, d: number | null) => (d ? Math.round((n / d) * 1000) / 10 : null);

/** A measure's value from its counts (or, for a median, its pooled sample). */
export function valueOf(m: Measure, count: number, of: number | null, sample: number[] | null): number | null {
  if (m.sample) return sample ? median(sample) : null;
  if (m.of) return pct(count, of);
  return count;
}

/** The same day `months` months earlier (the last day of a shorter month): "the last three months" starts there. */
export function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}
