import { formatDate } from "~/lib/dates";
import { escalationCutoff, isEscalated, isUnfinished } from "~/lib/escalation";
import { plural } from "~/lib/plural";

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

/**
 * The standing "Review of action items": every unfinished item, grouped by department, overdue
 * first, with how often it has been carried; and the escalations, which also lift their cases.
 */
export function actionReview(actions: readonly ReviewAction[], meetingDate: string, nextMeetingDate: string) {
  // One pass to classify, one sort, one line per item: this runs over every unfinished item of the collective.
  const byDepartment = new Map<string, { a: ReviewAction; overdue: boolean }[]>();
  let overdue = 0;
  let dueBeforeNextMeeting = 0;
  for (const a of actions) {
    if (!isUnfinished(a.status)) continue;
    const late = a.dueOn < meetingDate;
    if (late) overdue++;
    else if (a.dueOn < nextMeetingDate) dueBeforeNextMeeting++;
    const group = byDepartment.get(a.departmentName);
    if (group) group.push({ a, overdue: late });
    else byDepartment.set(a.departmentName, [{ a, overdue: late }]);
  }
  // Departments by name; within one, overdue first, then by due date and description.
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const unfinished = [...byDepartment.keys()]
    .sort(cmp)
    .flatMap((name) =>
      byDepartment
        .get(name)!
        .sort(
          (x, y) =>
            Number(y.overdue) - Number(x.overdue) || cmp(x.a.dueOn, y.a.dueOn) || cmp(x.a.description, y.a.description),
        ),
    );
  const cutoff = escalationCutoff(meetingDate);
  const lines: string[] = [];
  const escalationLines: string[] = [];
  const escalatedByCase = new Map<number, number>();
  for (const { a, overdue: late } of unfinished) {
    const text = line(a, late);
    lines.push(text);
    if (!isEscalated(a, meetingDate, cutoff)) continue;
    escalationLines.push(text);
    if (a.caseId) escalatedByCase.set(a.caseId, (escalatedByCase.get(a.caseId) ?? 0) + 1);
  }
  return {
    counts: { overdue, dueBeforeNextMeeting, departments: byDepartment.size, lines },
    escalationLines,
    escalatedByCase,
  };
}

function line(a: ReviewAction, overdue: boolean): string {
  const state =
    a.status === "in_progress"
      ? " (in progress)"
      : a.status === "blocked"
        ? ` (blocked${a.statusReason ? `: ${a.statusReason}` : ""})`
        : "";
  return `${a.departmentName}: ${a.description}${a.caseCode ? ` (${a.caseCode})` : ""}, due ${formatDate(a.dueOn)}${overdue ? ", overdue" : ""}${a.carried ? `, carried ${plural(a.carried, "meeting", "meetings")}` : ""}${state}`;
}
