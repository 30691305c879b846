// How an overdue action item looks wherever it appears: the "All actions" row treatment
// (`row--overdue`) and the word "Overdue" in a danger badge, so it never rests on colour alone.

export const overdueRowClass = "row--overdue";

export function OverdueBadge() {
  return <span className="badge badge--danger">Overdue</span>;
}

/**
 * The agenda keeps its "Review of action items" and "Escalations" lines as text (see
 * lib/agenda/action-review.ts): an overdue item's line reads "…, due DD/MM/YYYY, overdue…".
 * Anchored on the due date so a description that merely contains the word does not match.
 */
export function isOverdueReviewLine(line: string): boolean {
  return /, due \d{2}\/\d{2}\/\d{4}, overdue(?:,| \(|$)/.test(line);
}
