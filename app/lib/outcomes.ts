// The figures the collective reports, computed from the same records the meetings run on.
// One list of figures feeds both the page and the CSV, so the two always agree.
import type { CaseEventKind, CaseOutcome, CaseStage } from "#db/schema/enums";
import { daysBetween } from "./dates";
import { median, participationIndex, type Indicator, type VictimServices } from "./participation";
import { smallCellThreshold } from "./suppress";

export type OutcomeInput = {
  cases: { id: number; outcome: CaseOutcome | null; stage: CaseStage; openedOn: string; closedOn: string | null }[];
  events: { caseId: number; kind: CaseEventKind; occurredOn: string; outcome: string | null }[];
  victims: (VictimServices & { caseId: number })[];
  indicators: Indicator[];
};

export type Figure = {
  section: "Convictions" | "Bail" | "Case duration" | "Victims" | "Participation index";
  measure: string;
  period: string;
  /** A rate in percent, a number of days or an index; null when there is nothing to compute. */
  value: number | null;
  unit: "%" | "days" | "index" | "count";
  /** The count behind the figure, and what it is out of. */
  count: number;
  of: number | null;
};

export const definitions: Record<Figure["section"], string> = {
  Convictions: "Conviction rate = convictions ÷ decided cases; decided means convicted, acquitted or discharged, dated by the judgment.",
  Bail: "Bail applications recorded on cases, those the prosecution opposed (recorded as opposed in the outcome), and bail orders granting or refusing bail.",
  "Case duration": "Median days from the FIR to the chargesheet, and from the FIR to the judgment, over the cases that reached each step.",
  Victims: "Share of victims with each service recorded, out of all victims on the register.",
  "Participation index": "Median victim participation index (0–100): the weighted share of applicable indicators the system delivered to each victim. It measures the system, not the victim.",
};

const decided: CaseOutcome[] = ["convicted", "acquitted", "discharged"];
const quarter = (iso: string) => `${iso.slice(0, 4)} Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);

function byCase<T extends { caseId: number }>(rows: T[]) {
  const map = new Map<number, T[]>();
  for (const r of rows) {
    const list = map.get(r.caseId);
    if (list) list.push(r);
    else map.set(r.caseId, [r]);
  }
  return map;
}

export function outcomeFigures(input: OutcomeInput): Figure[] {
  const figures: Figure[] = [];
  const events = byCase(input.events);
  const first = (caseId: number, kind: CaseEventKind) => (events.get(caseId) ?? []).filter((e) => e.kind === kind).map((e) => e.occurredOn).sort()[0] ?? null;
  const last = (caseId: number, kind: CaseEventKind) => (events.get(caseId) ?? []).filter((e) => e.kind === kind).map((e) => e.occurredOn).sort().at(-1) ?? null;

  // Convictions, overall and by the year and quarter of the judgment.
  const decisions = input.cases
    .filter((c) => c.outcome && decided.includes(c.outcome))
    .map((c) => ({ outcome: c.outcome!, on: last(c.id, "judgment") ?? c.closedOn }));
  const rate = (period: string, list: typeof decisions) => {
    const convicted = list.filter((d) => d.outcome === "convicted").length;
    figures.push({ section: "Convictions", measure: "Conviction rate", period, value: pct(convicted, list.length), unit: "%", count: convicted, of: list.length });
  };
  rate("All years", decisions);
  const periods = (key: (iso: string) => string) => [...new Set(decisions.filter((d) => d.on).map((d) => key(d.on!)))].sort();
  for (const year of periods((iso) => iso.slice(0, 4))) rate(year, decisions.filter((d) => d.on?.startsWith(year)));
  for (const q of periods(quarter)) rate(q, decisions.filter((d) => d.on && quarter(d.on) === q));
  for (const outcome of decided) {
    figures.push({ section: "Convictions", measure: `Cases ${outcome}`, period: "All years", value: null, unit: "count", count: decisions.filter((d) => d.outcome === outcome).length, of: null });
  }

  // Bail.
  const applications = input.events.filter((e) => e.kind === "bail_application");
  const orders = input.events.filter((e) => e.kind === "bail_order");
  const opposed = applications.filter((e) => /oppos/i.test(e.outcome ?? "") && !/not oppos|unoppos/i.test(e.outcome ?? "")).length;
  const granted = orders.filter((e) => /grant/i.test(e.outcome ?? "")).length;
  const refused = orders.filter((e) => /refus|reject|dismiss/i.test(e.outcome ?? "")).length;
  figures.push({ section: "Bail", measure: "Bail applications", period: "All years", value: null, unit: "count", count: applications.length, of: null });
  figures.push({ section: "Bail", measure: "Applications opposed", period: "All years", value: pct(opposed, applications.length), unit: "%", count: opposed, of: applications.length });
  figures.push({ section: "Bail", measure: "Bail refused", period: "All years", value: pct(refused, refused + granted), unit: "%", count: refused, of: refused + granted });
  figures.push({ section: "Bail", measure: "Bail granted", period: "All years", value: pct(granted, refused + granted), unit: "%", count: granted, of: refused + granted });

  // Durations from the FIR (or the case's opening, where no FIR date is recorded).
  const firTo = (kind: CaseEventKind) =>
    input.cases
      .map((c) => {
        const end = first(c.id, kind);
        return end ? daysBetween(first(c.id, "fir") ?? c.openedOn, end) : null;
      })
      .filter((d): d is number => d !== null && d >= 0);
  for (const [measure, kind] of [["FIR to chargesheet", "chargesheet_filed"], ["FIR to judgment", "judgment"]] as const) {
    const days = firTo(kind);
    figures.push({ section: "Case duration", measure, period: "All years", value: median(days), unit: "days", count: days.length, of: null });
  }

  // Victims' services.
  const v = input.victims;
  const share = (measure: string, test: (x: VictimServices) => boolean) => {
    const n = v.filter(test).length;
    figures.push({ section: "Victims", measure, period: "All years", value: pct(n, v.length), unit: "%", count: n, of: v.length });
  };
  share("With a legal-aid lawyer", (x) => !!x.legalAidAssignedOn);
  share("In education or livelihood support", (x) => x.educationEnrolled || x.livelihoodSupport);
  share("Compensation applied for", (x) => !!x.compensationAppliedOn);
  share("Compensation received", (x) => !!x.compensationReceivedOn);
  share("Testified in a victim protection room", (x) => x.testifiedInProtectionRoom);

  // The participation index: median overall, by the year the case was opened, and its spread.
  const caseOf = new Map(input.cases.map((c) => [c.id, c]));
  const scored = v
    .map((victim) => {
      const c = caseOf.get(victim.caseId);
      return c ? { year: c.openedOn.slice(0, 4), score: participationIndex(victim, c.stage, input.indicators).score } : null;
    })
    .filter((x): x is { year: string; score: number } => x !== null && x.score !== null);
  const indexFigure = (period: string, list: typeof scored) =>
    figures.push({ section: "Participation index", measure: "Median index", period, value: median(list.map((s) => s.score)), unit: "index", count: list.length, of: null });
  indexFigure("All years", scored);
  for (const year of [...new Set(scored.map((s) => s.year))].sort()) indexFigure(`Cases opened ${year}`, scored.filter((s) => s.year === year));
  for (const [lo, hi] of [[0, 20], [20, 40], [40, 60], [60, 80], [80, 101]]) {
    const n = scored.filter((s) => s.score >= lo && s.score < hi).length;
    figures.push({ section: "Participation index", measure: `Victims scoring ${lo}–${hi === 101 ? 100 : hi - 1}`, period: "All years", value: null, unit: "count", count: n, of: scored.length });
  }
  return figures;
}

export type DisplayFigure = Omit<Figure, "value" | "count" | "of"> & { value: string; count: string; of: string };

/**
 * What a reader sees. For observers a count from 1 to 4 shows as "<5", and so does any rate or
 * median resting on fewer than 5 cases or victims, since a small cell can point to a person.
 */
export function displayFigures(figures: Figure[], { exact }: { exact: boolean }): DisplayFigure[] {
  const small = (n: number) => !exact && n > 0 && n < smallCellThreshold;
  return figures.map((f) => {
    const basis = f.of ?? f.count;
    const suppressed = small(basis);
    const value = f.value === null ? (f.unit === "count" ? "" : "—") : suppressed ? `<${smallCellThreshold}` : `${f.value}${f.unit === "%" ? "%" : ""}`;
    return {
      section: f.section,
      measure: f.measure,
      period: f.period,
      unit: f.unit,
      value,
      count: small(f.count) ? `<${smallCellThreshold}` : String(f.count),
      of: f.of === null ? "" : small(f.of) ? `<${smallCellThreshold}` : String(f.of),
    };
  });
}

export function figuresCsv(rows: DisplayFigure[]): string {
  const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [["section", "measure", "period", "value", "unit", "count", "out_of"], ...rows.map((r) => [r.section, r.measure, r.period, r.value, r.unit, r.count, r.of])];
  return lines.map((l) => l.map(cell).join(",")).join("\r\n") + "\r\n";
}
