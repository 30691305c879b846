// Dates people type that the calendar allows but the collective's work does not. Pure: "today" is
// given. Each rule returns the message for the field, saying what is allowed, or null.
import type { CaseEventKind } from "#db/schema/enums";
import { addDays, formatDate } from "./dates";

/** How far ahead a meeting may be scheduled, or an action fall due. */
export const meetingHorizonDays = 366;
export const dueHorizonDays = 2 * 366;

/** The first and last day a date field allows, as ISO dates: the form's schema and the input's min and max. */
export type DateBounds = { min: string; max: string };

/** A meeting is scheduled from today up to a year ahead. */
export function meetingDateBounds(today: string): DateBounds {
  return { min: today, max: addDays(today, meetingHorizonDays) };
}

export function meetingDateProblem(date: string, today: string): string | null {
  const { min, max } = meetingDateBounds(today);
  return date < min || date > max
    ? `A meeting can be scheduled from today (${formatDate(min)}) up to a year ahead (${formatDate(max)}).`
    : null;
}

/** What an action's due date is judged by: the day its meeting agreed it, and the collective's today. */
export type DueDateRule = { agreedOn: string; today: string };

/** An action falls due on or after the day it was agreed (or today, if earlier), and within two years. */
export function dueDateBounds({ agreedOn, today }: DueDateRule): DateBounds {
  return {
    min: agreedOn < today ? agreedOn : today,
    max: addDays(agreedOn > today ? agreedOn : today, dueHorizonDays),
  };
}

export function dueDateProblem(dueOn: string, rule: DueDateRule): string | null {
  const { min, max } = dueDateBounds(rule);
  return dueOn < min || dueOn > max
    ? `The due date can be from ${formatDate(min)} (${min === rule.agreedOn ? "the day it was agreed" : "today"}) up to two years ahead (${formatDate(max)}).`
    : null;
}

/** What a case event's dates are judged by: the collective's today, and the case's FIR year when known. */
export type EventDateRule = { today: string; firYear: number | null };

/** No case of the collective's work has events before 2000; an older FIR brings its own floor. */
const earliestEvent = "2000-01-01";

/**
 * An event is dated from the year before the FIR (a rescue or complaint may come just before the
 * FIR, across New Year), or from 2000 when the FIR year is not known, up to two years ahead.
 */
export function eventDateBounds({ today, firYear }: EventDateRule): DateBounds {
  return {
    min: firYear ? `${String(firYear - 1).padStart(4, "0")}-01-01` : earliestEvent,
    max: addDays(today, dueHorizonDays),
  };
}

/** Events that can be planned ahead; every other kind is recorded once it has happened. */
const plannable: readonly CaseEventKind[] = ["hearing", "testimony", "other"];

type EventDates = {
  kind: CaseEventKind;
  occurredOn: string;
  nextDate: string | null;
  outcome: string | null;
  verdict: string | null;
};

/** An event may be past or planned, but an outcome (or a verdict) is recorded only once it has happened. */
export function eventDateProblem(
  event: EventDates,
  rule: EventDateRule,
): { field: "occurredOn" | "nextDate" | "outcome"; message: string } | null {
  const { min, max } = eventDateBounds(rule);
  const { today } = rule;
  const from = `${formatDate(min)}${rule.firYear ? " (the year before the FIR)" : ""}`;
  if (event.occurredOn < min || event.occurredOn > max) {
    return {
      field: "occurredOn",
      message: `An event can be dated from ${from} up to two years ahead (${formatDate(max)}).`,
    };
  }
  if (event.nextDate && event.nextDate > max) {
    return { field: "nextDate", message: `The next date can be up to two years ahead (${formatDate(max)}).` };
  }
  if (event.occurredOn <= today) return null;
  if (!plannable.includes(event.kind)) {
    return {
      field: "occurredOn",
      message: `This event is recorded once it has happened: the date can be today (${formatDate(today)}) at the latest. Only hearings and testimonies are planned ahead.`,
    };
  }
  if (event.outcome || event.verdict) {
    return {
      field: "outcome",
      message: `An outcome cannot be in the future: leave it empty for a planned event, and record it on or after ${formatDate(event.occurredOn)}.`,
    };
  }
  return null;
}
