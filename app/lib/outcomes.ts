// The figures the collective reports, computed from the same records the meetings run on.
// One list of figures feeds both the page and the CSV, so the two always agree; what each reader
// sees of it (small counts hidden from observers) is outcomes-display.ts.
import type { CaseEventKind, CaseOutcome, CaseStage } from "#db/schema/enums";
import { daysBetween } from "./dates";
import { median, participationIndex, type Indicator, type VictimServices } from "./participation";
import { definitionOf } from "./outcome-definitions";
import type { Split } from "./outcomes-suppression";

export { definitionOf };

export type OutcomeInput = {
  cases: { id: number; outcome: CaseOutcome | null; stage: CaseStage; openedOn: string; closedOn: string | null }[];
  events: { caseId: number; kind: CaseEventKind; occurredOn: string; outcome: string | null }[];
  victims: (VictimServices & { caseId: number })[];
  indicators: Indicator[];
  /** The collective's today: "informed of progress" counts only a recent update. */
  today: string;
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
  /** One line saying what the figure counts, shown beside it. */
  definition: string;
  /** Names of the quantities behind count and of: a quantity shown in two figures keeps one name. */
  keys: { count: string; of: string | null };
};

/** The figures, how their counts add up (for suppression), and the samples behind the medians (the state pools them). */
export type OutcomeReport = { figures: Figure[]; splits: Split[]; samples: Record<SampledMeasure, number[]> };
export type SampledMeasure = "FIR to chargesheet" | "FIR to judgment" | "Median index";

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

export function outcomeReport(input: OutcomeInput): OutcomeReport {
  const figures: Figure[] = [];
  const splits: Split[] = [];
  const samples: OutcomeReport["samples"] = { "FIR to chargesheet": [], "FIR to judgment": [], "Median index": [] };
  const add = (f: Omit<Figure, "definition">) => figures.push({ ...f, definition: definitionOf(f.measure) });
  const events = byCase(input.events);
  /** The days a case's events of one kind happened on, earliest first. */
  const daysOf = (caseId: number, kind: CaseEventKind) =>
    (events.get(caseId) ?? [])
      .filter((e) => e.kind === kind)
      .map((e) => e.occurredOn)
      .sort();
  const first = (caseId: number, kind: CaseEventKind) => daysOf(caseId, kind)[0] ?? null;
  const last = (caseId: number, kind: CaseEventKind) => daysOf(caseId, kind).at(-1) ?? null;

  // Convictions, overall and by the year and quarter of the judgment.
  const decisions = input.cases
    .filter((c) => c.outcome && decided.includes(c.outcome))
    .map((c) => ({ outcome: c.outcome!, on: last(c.id, "judgment") ?? c.closedOn }));
  const rate = (period: string, list: typeof decisions) => {
    const convicted = list.filter((d) => d.outcome === "convicted").length;
    add({
      section: "Convictions",
      measure: "Conviction rate",
      period,
      value: pct(convicted, list.length),
      unit: "%",
      count: convicted,
      of: list.length,
      keys: { count: `convicted|${period}`, of: `decided|${period}` },
    });
  };
  // The periods of a rate divide the wider period's decided and convicted cases.
  const divides = (whole: string, periods: string[]) => {
    for (const what of ["decided", "convicted"])
      splits.push({ total: `${what}|${whole}`, parts: periods.map((p) => `${what}|${p}`) });
  };
  rate("All years", decisions);
  const periods = (key: (iso: string) => string) =>
    [...new Set(decisions.filter((d) => d.on).map((d) => key(d.on!)))].sort();
  const years = periods((iso) => iso.slice(0, 4));
  const quarters = periods(quarter);
  for (const year of years)
    rate(
      year,
      decisions.filter((d) => d.on?.startsWith(year)),
    );
  for (const q of quarters)
    rate(
      q,
      decisions.filter((d) => d.on && quarter(d.on) === q),
    );
  divides("All years", years);
  for (const year of years)
    divides(
      year,
      quarters.filter((q) => q.startsWith(year)),
    );
  for (const outcome of decided) {
    add({
      section: "Convictions",
      measure: `Cases ${outcome}`,
      period: "All years",
      value: null,
      unit: "count",
      count: decisions.filter((d) => d.outcome === outcome).length,
      of: null,
      keys: { count: `${outcome}|All years`, of: null },
    });
  }
  splits.push({ total: "decided|All years", parts: decided.map((o) => `${o}|All years`) });

  // Bail.
  const applications = input.events.filter((e) => e.kind === "bail_application");
  const orders = input.events.filter((e) => e.kind === "bail_order");
  const opposed = applications.filter(
    (e) => /oppos/i.test(e.outcome ?? "") && !/not oppos|unoppos/i.test(e.outcome ?? ""),
  ).length;
  const granted = orders.filter((e) => /grant/i.test(e.outcome ?? "")).length;
  const refused = orders.filter((e) => /refus|reject|dismiss/i.test(e.outcome ?? "")).length;
  const bail = (measure: string, count: number, of: number, keys: Figure["keys"]) =>
    add({ section: "Bail", measure, period: "All years", value: pct(count, of), unit: "%", count, of, keys });
  add({
    section: "Bail",
    measure: "Bail applications",
    period: "All years",
    value: null,
    unit: "count",
    count: applications.length,
    of: null,
    keys: { count: "bail applications", of: null },
  });
  bail("Applications opposed", opposed, applications.length, {
    count: "bail applications opposed",
    of: "bail applications",
  });
  bail("Bail refused", refused, refused + granted, { count: "bail refused", of: "bail orders" });
  bail("Bail granted", granted, refused + granted, { count: "bail granted", of: "bail orders" });
  splits.push({ total: "bail orders", parts: ["bail refused", "bail granted"] });

  // Durations from the FIR (or the case's opening, where no FIR date is recorded).
  const firTo = (kind: CaseEventKind) =>
    input.cases
      .map((c) => {
        const end = first(c.id, kind);
        return end ? daysBetween(first(c.id, "fir") ?? c.openedOn, end) : null;
      })
      .filter((d): d is number => d !== null && d >= 0);
  for (const [measure, kind] of [
    ["FIR to chargesheet", "chargesheet_filed"],
    ["FIR to judgment", "judgment"],
  ] as const) {
    const days = firTo(kind);
    samples[measure] = days;
    add({
      section: "Case duration",
      measure,
      period: "All years",
      value: median(days),
      unit: "days",
      count: days.length,
      of: null,
      keys: { count: `cases timed ${measure}`, of: null },
    });
  }

  // Victims' services, overall and by the year the victim's case was registered (the trend).
  const v = input.victims;
  const caseOf = new Map(input.cases.map((c) => [c.id, c]));
  const yearOf = (x: { caseId: number }) => caseOf.get(x.caseId)?.openedOn.slice(0, 4) ?? null;
  const victimYears = [...new Set(v.map(yearOf).filter((y): y is string => !!y))].sort();
  const periodName = (year: string) => `Registered ${year}`;
  splits.push({ total: "victims|All years", parts: victimYears.map((y) => `victims|${periodName(y)}`) });
  const share = (measure: string, test: (x: VictimServices) => boolean) => {
    const one = (period: string, list: typeof v) => {
      const n = list.filter(test).length;
      add({
        section: "Victims",
        measure,
        period,
        value: pct(n, list.length),
        unit: "%",
        count: n,
        of: list.length,
        keys: { count: `victims ${measure}|${period}`, of: `victims|${period}` },
      });
    };
    one("All years", v);
    for (const year of victimYears)
      one(
        periodName(year),
        v.filter((x) => yearOf(x) === year),
      );
    splits.push({
      total: `victims ${measure}|All years`,
      parts: victimYears.map((y) => `victims ${measure}|${periodName(y)}`),
    });
  };
  share("With a legal-aid lawyer", (x) => !!x.legalAidAssignedOn);
  share("In education or livelihood support", (x) => x.educationEnrolled || x.livelihoodSupport);
  share("Compensation applied for", (x) => !!x.compensationAppliedOn);
  share("Compensation received", (x) => !!x.compensationReceivedOn);
  share("Testified in a victim protection room", (x) => x.testifiedInProtectionRoom);

  // The participation index: median overall, by the year the case was opened, and its spread.
  const scored = v
    .map((victim) => {
      const c = caseOf.get(victim.caseId);
      return c
        ? {
            year: c.openedOn.slice(0, 4),
            score: participationIndex(victim, c.stage, input.indicators, input.today).score,
          }
        : null;
    })
    .filter((x): x is { year: string; score: number } => x !== null && x.score !== null);
  const indexFigure = (period: string, list: typeof scored) =>
    add({
      section: "Participation index",
      measure: "Median index",
      period,
      value: median(list.map((s) => s.score)),
      unit: "index",
      count: list.length,
      of: null,
      keys: { count: `scored|${period}`, of: null },
    });
  indexFigure("All years", scored);
  samples["Median index"] = scored.map((s) => s.score);
  const openedYears = [...new Set(scored.map((s) => s.year))].sort();
  for (const year of openedYears)
    indexFigure(
      `Cases opened ${year}`,
      scored.filter((s) => s.year === year),
    );
  splits.push({ total: "scored|All years", parts: openedYears.map((year) => `scored|Cases opened ${year}`) });
  const bands: [number, number][] = [
    [0, 20],
    [20, 40],
    [40, 60],
    [60, 80],
    [80, 101],
  ];
  for (const [lo, hi] of bands) {
    const n = scored.filter((s) => s.score >= lo && s.score < hi).length;
    add({
      section: "Participation index",
      measure: `Victims scoring ${lo}–${hi === 101 ? 100 : hi - 1}`,
      period: "All years",
      value: null,
      unit: "count",
      count: n,
      of: scored.length,
      keys: { count: `scored ${lo}+`, of: "scored|All years" },
    });
  }
  splits.push({ total: "scored|All years", parts: bands.map(([lo]) => `scored ${lo}+`) });
  return { figures, splits, samples };
}

export const outcomeFigures = (input: OutcomeInput): Figure[] => outcomeReport(input).figures;
