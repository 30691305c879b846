// Statutory clocks: each counts from a dated event in the case's history. Pure: "today" is given.
import type { BailStatus, CaseEventKind, CaseOutcome } from "#db/schema/enums";
import { addDays, daysBetween, formatDate } from "./dates";

export type ClockCase = {
  outcome: CaseOutcome | null;
  chargesheetLimitDays: number;
  /** Oldest first. */
  events: { kind: CaseEventKind; occurredOn: string; outcome: string | null; nextDate: string | null }[];
  accused: { arrestedOn: string | null; bailStatus: BailStatus }[];
};

export type Clock = {
  kind: "chargesheet" | "next_date" | "appeal";
  label: string;
  /** Days from today to the deadline or date; negative when passed; null when settled. */
  daysLeft: number | null;
  severity: "ok" | "warn" | "danger";
};

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

export const appealWindowDays = 90;
/** How close a deadline must be to be marked as a warning. */
export const warnWithinDays = 21;

/** The arrest that starts the chargesheet clock: the earliest recorded. */
export function arrestDateOf(c: ClockCase): string | null {
  const dates = [...c.accused.map((a) => a.arrestedOn), ...c.events.filter((e) => e.kind === "arrest").map((e) => e.occurredOn)].filter(
    (d): d is string => !!d,
  );
  return dates.length ? dates.sort()[0] : null;
}

/** Chargesheet due 60 or 90 days after arrest; if missed, the accused may claim default bail. */
export function chargesheetClock(c: ClockCase, today: string): Clock | null {
  const filed = c.events.find((e) => e.kind === "chargesheet_filed");
  if (filed) return { kind: "chargesheet", label: `Chargesheet filed on ${formatDate(filed.occurredOn)}`, daysLeft: null, severity: "ok" };
  const arrest = arrestDateOf(c);
  if (!arrest) return null;
  const left = daysBetween(today, addDays(arrest, c.chargesheetLimitDays));
  const basis = `arrest ${formatDate(arrest)}, ${c.chargesheetLimitDays}-day limit`;
  if (left < 0) {
    return { kind: "chargesheet", label: `Chargesheet overdue by ${days(-left)} (${basis}): the accused may claim default bail`, daysLeft: left, severity: "danger" };
  }
  const when = left === 0 ? "due today" : `due in ${days(left)}`;
  return { kind: "chargesheet", label: `Chargesheet ${when} (${basis})`, daysLeft: left, severity: left <= warnWithinDays ? "warn" : "ok" };
}

/** The latest event (events are oldest first) that satisfies a test; no copying, for big agendas. */
export function latestEvent<E>(events: readonly E[], test: (e: E) => boolean): E | undefined {
  for (let i = events.length - 1; i >= 0; i--) if (test(events[i])) return events[i];
  return undefined;
}

/** The next dated step: the latest event's next date, and whether it is the victim's testimony. */
export function nextDateOf(c: ClockCase): { date: string; testimony: boolean } | null {
  const latest = latestEvent(c.events, (e) => !!e.nextDate);
  if (!latest?.nextDate) return null;
  return { date: latest.nextDate, testimony: latest.kind === "testimony" || /testimony/i.test(latest.outcome ?? "") };
}

export function nextDateClock(c: ClockCase, today: string): Clock | null {
  const next = nextDateOf(c);
  if (!next) return null;
  const what = next.testimony ? "Victim testimony" : "Next hearing";
  const left = daysBetween(today, next.date);
  if (left < 0) {
    return { kind: "next_date", label: `${what} was due on ${formatDate(next.date)}: record what happened`, daysLeft: left, severity: "warn" };
  }
  const when = left === 0 ? "today" : `in ${days(left)}`;
  return { kind: "next_date", label: `${what} on ${formatDate(next.date)}, ${when}`, daysLeft: left, severity: next.testimony && left <= 14 ? "warn" : "ok" };
}

/** After an acquittal, about 90 days to appeal from the judgment. */
export function appealClock(c: ClockCase, today: string): Clock | null {
  if (c.outcome !== "acquitted") return null;
  const judgment = latestEvent(c.events, (e) => e.kind === "judgment");
  if (!judgment) return null;
  const appeal = c.events.find((e) => e.kind === "appeal_filed" && e.occurredOn >= judgment.occurredOn);
  if (appeal) return { kind: "appeal", label: `Appeal filed on ${formatDate(appeal.occurredOn)}`, daysLeft: null, severity: "ok" };
  const left = daysBetween(today, addDays(judgment.occurredOn, appealWindowDays));
  if (left < 0) {
    return { kind: "appeal", label: `Appeal window closed on ${formatDate(addDays(judgment.occurredOn, appealWindowDays))} with no appeal filed`, daysLeft: left, severity: "danger" };
  }
  return {
    kind: "appeal",
    label: `Acquitted on ${formatDate(judgment.occurredOn)}, no appeal filed: ${days(left)} left to appeal`,
    daysLeft: left,
    severity: left <= warnWithinDays ? "danger" : "warn",
  };
}

export function caseClocks(c: ClockCase, today: string): Clock[] {
  return [chargesheetClock(c, today), nextDateClock(c, today), appealClock(c, today)].filter((x): x is Clock => x !== null);
}
