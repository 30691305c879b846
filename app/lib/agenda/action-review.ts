import { formatDate } from "~/lib/dates";
import { escalationCutoff, isEscalated, isUnfinished } from "~/lib/escalation";

export type ReviewAction = {
  description: string;
  departmentName: string;
  caseId: number | null;
  caseCode: string | null;
  dueOn: string;
  status: string;
  statusReason?: string | null;
  carried: number;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The standing "Review of action items": every unfinished item, grouped by department, overdue
 * first, with how often it has been carried; and the escalations, which also lift their cases.
 */
export function actionReview(actions: readonly ReviewAction[], meetingDate: string, nextMeetingDate: string) {
  const unfinished = actions.filter((a) => isUnfinished(a.status));
  const line = (a: ReviewAction) =>
    `${a.departmentName}: ${a.description}${a.caseCode ? ` (${a.caseCode})` : ""}, due ${formatDate(a.dueOn)}${a.dueOn < meetingDate ? ", overdue" : ""}${a.carried ? `, carried ${plural(a.carried, "meeting")}` : ""}${
      a.status === "in_progress" ? " (in progress)" : a.status === "blocked" ? ` (blocked${a.statusReason ? `: ${a.statusReason}` : ""})` : ""
    }`;
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const ordered = [...unfinished].sort(
    (a, b) =>
      cmp(a.departmentName, b.departmentName) ||
      Number(b.dueOn < meetingDate) - Number(a.dueOn < meetingDate) ||
      cmp(a.dueOn, b.dueOn) ||
      cmp(a.description, b.description),
  );
  const cutoff = escalationCutoff(meetingDate);
  const escalated = ordered.filter((a) => isEscalated(a, meetingDate, cutoff));
  const escalatedByCase = new Map<number, number>();
  for (const a of escalated) if (a.caseId) escalatedByCase.set(a.caseId, (escalatedByCase.get(a.caseId) ?? 0) + 1);
  return {
    counts: {
      overdue: unfinished.filter((a) => a.dueOn < meetingDate).length,
      dueBeforeNextMeeting: unfinished.filter((a) => a.dueOn >= meetingDate && a.dueOn < nextMeetingDate).length,
      departments: new Set(unfinished.map((a) => a.departmentName)).size,
      lines: ordered.map(line),
    },
    escalationLines: escalated.map(line),
    escalatedByCase,
  };
}
