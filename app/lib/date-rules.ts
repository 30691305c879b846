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

/** An action falls due on or after the day it was agreed (or today, if earlier), and within two years. */
export function dueDateProblem(dueOn: string, agreedOn: string, today: string): string | null {
  const first = agreedOn < today ? agreedOn : today;
  const last = addDays(agreedOn > today ? agreedOn : today, dueHorizonDays);
  return dueOn < first || dueOn > last
    ? `The due date must be between ${formatDate(first)} (the day it was agreed) and ${formatDate(last)}.`
    : null;
}

/** Events that can be planned ahead; every other kind is recorded once it has happened. */
const plannable: readonly CaseEventKind[] = ["hearing", "testimony", "other"];
const earliestEvent = "1990-01-01";

/** An event may be past or planned, but an outcome (or a verdict) is recorded only once it has happened. */
export function eventDateProblem(
  event: { kind: CaseEventKind; occurredOn: string; outcome: string | null; verdict: string | null },
  today: string,
): { field: "occurredOn" | "outcome"; message: string } | null {
  const last = addDays(today, dueHorizonDays);
  if (event.occurredOn < earliestEvent || event.occurredOn > last) {
    return {
      field: "occurredOn",
      message: `The date must be between ${formatDate(earliestEvent)} and ${formatDate(last)}.`,
    };
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
      message: `A planned event has no outcome yet: leave the outcome empty, and record it on or after ${formatDate(event.occurredOn)}.`,
    };
  }
  return null;
}
