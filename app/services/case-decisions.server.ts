import type { Conn } from "#db/client";
import { isEscalated, isUnfinished } from "~/lib/escalation";
import { formatDate } from "~/lib/dates";
import { itemStatusLabels } from "~/lib/labels";
import { allows, can, scopeOf } from "~/lib/permissions";
import { listActions } from "~/models/action-item.server";
import { listMeetings, meetingDate } from "~/models/meeting.server";
import type { SessionUser } from "~/models/user.server";
import { minutesDocumentOf } from "./minutes.server";

export type CaseDecisions = ReturnType<typeof caseDecisions>;

/** An item of the minutes concerns a case when it is named by the case's code (see agendaItemTitle). */
const concerns = (title: string, code: string) => title === `Case review: ${code}` || title.endsWith(` (${code})`);

/**
 * What the collective decided about one case: its action items, unfinished first (soonest due)
 * then finished (latest first), and the decisions recorded for it in each meeting's minutes,
 * newest meeting first. A representative sees their own department's action items only (as on
 * /actions) and minutes once circulated; the secretariat also sees draft minutes.
 */
export function caseDecisions(
  db: Conn,
  user: SessionUser,
  kase: { id: number; code: string },
  today: string,
  timeZone: string,
) {
  const actions = listActions(db, user.collectiveId, { caseId: kase.id })
    .filter((a) => allows(user, "read:action-item:own", { departmentId: a.departmentId }))
    .map((a) => ({
      id: a.id,
      description: a.description,
      department: a.departmentName,
      due: formatDate(a.dueOn),
      status: a.status,
      meetingNumber: a.meetingNumber,
      completedOn: a.completedOn,
      unfinished: isUnfinished(a.status),
      overdue: isUnfinished(a.status) && a.dueOn < today,
      escalated: isEscalated({ ...a }, today),
      dueOn: a.dueOn,
    }));
  const unfinished = actions
    .filter((a) => a.unfinished)
    .sort((x, y) => (x.dueOn < y.dueOn ? -1 : x.dueOn > y.dueOn ? 1 : x.id - y.id));
  const finishedOn = (a: (typeof actions)[number]) => a.completedOn ?? a.dueOn;
  const finished = actions
    .filter((a) => !a.unfinished)
    .sort((x, y) => (finishedOn(x) > finishedOn(y) ? -1 : finishedOn(x) < finishedOn(y) ? 1 : y.id - x.id));
  const seesDrafts = can(user.role, "read:draft-minutes");
  const meetings = listMeetings(db, user.collectiveId)
    .filter((m) => m.status === "held" && (seesDrafts || m.minutesState !== "draft"))
    .flatMap((m) => {
      const doc = minutesDocumentOf(db, m);
      const items = (doc?.items ?? []).filter((i) => concerns(i.title, kase.code) && (i.decisions || i.discussion));
      if (!items.length) return [];
      return [
        {
          meetingId: m.id,
          meetingNumber: m.number,
          date: formatDate(meetingDate(m, timeZone)),
          minutes:
            m.minutesState === "draft" ? "draft minutes" : `minutes ${m.minutesState}, version ${doc?.version ?? 1}`,
          items: items.map((i) => ({
            title: i.title,
            status: itemStatusLabels[i.status] ?? i.status,
            decisions: i.decisions,
            discussion: i.discussion,
          })),
        },
      ];
    });
  return {
    actions: [...unfinished, ...finished],
    meetings,
    ownDepartmentOnly: scopeOf(user.role, "read:action-item") === "own",
  };
}
