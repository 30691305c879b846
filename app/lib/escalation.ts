// When unfinished work slips far enough that the collective must look at it together.
import { daysBetween } from "./dates";

export const escalateAfterCarried = 2;
export const escalateAfterDaysOverdue = 30;
export const unfinishedStatuses = ["open", "in_progress", "blocked"] as const;

export function isUnfinished(status: string): boolean {
  return (unfinishedStatuses as readonly string[]).includes(status);
}

/** Carried to two or more meetings, or overdue by more than 30 days. */
export function isEscalated(item: { status: string; dueOn: string; carried: number }, today: string): boolean {
  if (!isUnfinished(item.status)) return false;
  return item.carried >= escalateAfterCarried || daysBetween(item.dueOn, today) > escalateAfterDaysOverdue;
}

export function isOverdue(item: { status: string; dueOn: string }, today: string): boolean {
  return isUnfinished(item.status) && item.dueOn < today;
}
