// When unfinished work slips far enough that the collective must look at it together.
import { addDays } from "./dates";

export const escalateAfterCarried = 2;
export const escalateAfterDaysOverdue = 30;
export const unfinishedStatuses = ["open", "in_progress", "blocked"] as const;

export function isUnfinished(status: string): boolean {
  return (unfinishedStatuses as readonly string[]).includes(status);
}

/** Items due before this day, still unfinished, are overdue by more than 30 days on `today`. */
export function escalationCutoff(today: string): string {
  return addDays(today, -escalateAfterDaysOverdue);
}

/** Carried to two or more meetings, or overdue by more than 30 days. Pass a cutoff when checking many. */
export function isEscalated(
  item: { status: string; dueOn: string; carried: number },
  today: string,
  cutoff = escalationCutoff(today),
): boolean {
  if (!isUnfinished(item.status)) return false;
  return item.carried >= escalateAfterCarried || item.dueOn < cutoff;
}

export function isOverdue(item: { status: string; dueOn: string }, today: string): boolean {
  return isUnfinished(item.status) && item.dueOn < today;
}
