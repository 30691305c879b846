// Statutory clocks: each counts from a dated event in the case's history. Pure: "today" is given,
// so the case page, the case list and the agenda generator all see the same clock for a date.
import type { BailStatus, CaseEventKind, CaseOutcome } from "#db/schema/enums";
import { addDays, daysBetween, formatDate } from "./dates";
import { plural } from "~/lib/plural";
import { at } from "./at";

export type ClockCase = {
  outcome: CaseOutcome | null;
  chargesheetLimitDays: number;
  /** Oldest first. */
  events: { kind: CaseEventKind; occurredOn: string; outcome: string | null; nextDate: string | null }[];
  accused: { arrestedOn: string | null; bailStatus: BailStatus }[];
};

export type Clock = {
  kind: "chargesheet" | "next_date" | "appeal";
  /** The clock in plain words, with the date it counts from. */
  label: string;
  /** A few words for a table cell or a badge, e.g. "Chargesheet overdue 10 d". */
  short: string;
  /** Days from today to the deadline or date; negative when passed; null when settled. */
  daysLeft: number | null;
  severity: "ok" | "warn" | "danger";
};

const days = (n: number) => plural(n, "day", "days");

export const appealWindowDays = 90;
/** How close a deadline must be to be marked as a warning. */
export const warnWithinDays = 21;
/** A victim's testimony this close is flagged, so support can be arranged in time. */
export const testimonyWarnWithinDays = 14;

/** The arrest that starts the chargesheet clock: the earliest recorded. */
export function arrestDateOf(c: ClockCase): string | null {
  let earliest: string | null = null;
  for (const a of c.accused) if (a.arrestedOn && (!earliest || a.arrestedOn < earliest)) earliest = a.arrestedOn;
  for (const e of c.events) if (e.kind === "arrest" && (!earliest || e.occurredOn < earliest)) earliest = e.occurredOn;
  return earliest;
}

/**
 * Chargesheet due 60 or 90 days after arrest; if missed, the accused may claim default bail.
 * Settled once a chargesheet is filed; not applicable without an arrest, or once the case has an
 * outcome (a closure report or a judgment ends the investigation's clock).
 */
export function chargesheetClock(c: ClockCase, today: string): Clock | null {
  const filed = c.events.find((e) => e.kind === "chargesheet_filed");
  if (filed) {
    return {
      kind: "chargesheet",
      label: `Chargesheet filed on ${formatDate(filed.occurredOn)}`,
      short: "Chargesheet filed",
      daysLeft: null,
      severity: "ok",
    };
  }
  if (c.outcome) return null;
  const arrest = arrestDateOf(c);
  if (!arrest) return null;
  const left = daysBetween(today, addDays(arrest, c.chargesheetLimitDays));
  const basis = `arrest ${formatDate(arrest)}, ${c.chargesheetLimitDays}-day limit`;
  if (left < 0) {
    return {
      kind: "chargesheet",
      label: `Chargesheet overdue by ${days(-left)} (${basis}): the accused may claim default bail`,
      short: `Chargesheet overdue by ${days(-left)}`,
      daysLeft: left,
      severity: "danger",
    };
  }
  const when = left === 0 ? "due today" : `due in ${days(left)}`;
  return {
    kind: "chargesheet",
    label: `Chargesheet ${when} (${basis})`,
    short: `Chargesheet ${when}`,
    daysLeft: left,
    severity: left <= warnWithinDays ? "warn" : "ok",
  };
}

/** The latest event (events are oldest first) that satisfies a test; no copying, for big agendas. */
export function latestEvent<E>(events: readonly E[], test: (e: E) => boolean): E | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = at(events, i);
    if (test(event)) return event;
  }
  return undefined;
}

/**
 * The next dated step: the latest event's next date, and whether it is the victim's testimony.
 * None when an event has since been recorded on or after that date: the step took place.
 */
export function nextDateOf(c: ClockCase): { date: string; testimony: boolean } | null {
  const latest = latestEvent(c.events, (e) => !!e.nextDate);
  if (!latest?.nextDate) return null;
  const date = latest.nextDate;
  if (latestEvent(c.events, (e) => e !== latest && e.occurredOn >= date)) return null;
  return { date, testimony: latest.kind === "testimony" || /testimony/i.test(latest.outcome ?? "") };
}

/** Days to the next hearing, or to the victim's testimony; a passed date asks for what happened. */
export function nextDateClock(c: ClockCase, today: string): Clock | null {
  const next = nextDateOf(c);
  if (!next) return null;
  const what = next.testimony ? "Victim testimony" : "Next hearing";
  const left = daysBetween(today, next.date);
  if (left < 0) {
    return {
      kind: "next_date",
      label: `${what} was due on ${formatDate(next.date)}: record what happened`,
      short: `${next.testimony ? "Testimony" : "Hearing"} date passed`,
      daysLeft: left,
      severity: "warn",
    };
  }
  const when = left === 0 ? "today" : `in ${days(left)}`;
  return {
    kind: "next_date",
    label: `${what} on ${formatDate(next.date)}, ${when}`,
    short: `${next.testimony ? "Testimony" : "Hearing"} ${when}`,
    daysLeft: left,
    severity: next.testimony && left <= testimonyWarnWithinDays ? "warn" : "ok",
  };
}

/** After an acquittal, 90 days to appeal from the (latest) judgment. */
export function appealClock(c: ClockCase, today: string): Clock | null {
  if (c.outcome !== "acquitted") return null;
  const judgment = latestEvent(c.events, (e) => e.kind === "judgment");
  if (!judgment) return null;
  const appeal = c.events.find((e) => e.kind === "appeal_filed" && e.occurredOn >= judgment.occurredOn);
  if (appeal)
    return {
      kind: "appeal",
      label: `Appeal filed on ${formatDate(appeal.occurredOn)}`,
      short: "Appeal filed",
      daysLeft: null,
      severity: "ok",
    };
  const closes = addDays(judgment.occurredOn, appealWindowDays);
  const left = daysBetween(today, closes);
  if (left < 0) {
    return {
      kind: "appeal",
      label: `Appeal window closed on ${formatDate(closes)} with no appeal filed`,
      short: "Appeal window closed",
      daysLeft: left,
      severity: "danger",
    };
  }
  return {
    kind: "appeal",
    label: `Acquitted on ${formatDate(judgment.occurredOn)}, no appeal filed: ${days(left)} left to appeal`,
    short: `Appeal: ${days(left)} left`,
    daysLeft: left,
    severity: left <= warnWithinDays ? "danger" : "warn",
  };
}

export function caseClocks(c: ClockCase, today: string): Clock[] {
  return [chargesheetClock(c, today), nextDateClock(c, today), appealClock(c, today)].filter(
    (x): x is Clock => x !== null,
  );
}

const rank = { ok: 0, warn: 1, danger: 2 } as const;

/** The clock most in need of attention, for a flag in a list; none when every clock is fine. */
export function mostUrgentClock(clocks: readonly Clock[]): Clock | null {
  let worst: Clock | null = null;
  for (const k of clocks) {
    if (k.severity === "ok") continue;
    if (
      !worst ||
      rank[k.severity] > rank[worst.severity] ||
      (rank[k.severity] === rank[worst.severity] && (k.daysLeft ?? 0) < (worst.daysLeft ?? 0))
    )
      worst = k;
  }
  return worst;
}
