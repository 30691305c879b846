import type { Conn } from "#db/client";
import type { AgendaDocument } from "#templates/pdf/agenda";
import { agendaItemTitle, presentAgenda } from "~/lib/agenda/present";
import { formatDateTime } from "~/lib/dates";
import { listDepartmentNames } from "~/models/department.server";
import { agendaItemsOf, caseCodesFor } from "~/models/agenda-item.server";
import { getCollective } from "~/models/collective.server";
import { type Meeting } from "~/models/meeting.server";
import { listActions } from "~/models/action-item.server";
import { everyText, type GuardedText } from "./identity.server";

export function buildAgendaDocument(db: Conn, meeting: Meeting): AgendaDocument {
  const collective = getCollective(db, meeting.collectiveId);
  const items = agendaItemsOf(db, meeting.id);
  const codes = caseCodesFor(db, items);
  const deptName = new Map(listDepartmentNames(db, meeting.collectiveId).map((d) => [d.id, d.name]));
  const title = (i: (typeof items)[number]) => agendaItemTitle(i, i.caseId ? codes.get(i.caseId) : null);
  const agenda = presentAgenda(
    items.map((i) => ({
      ...i,
      title: title(i),
      presentingDepartment: i.presentingDepartmentId ? (deptName.get(i.presentingDepartmentId) ?? null) : null,
    })),
    meeting.startsAt,
    meeting.durationMinutes,
    collective.timeZone,
  );
  return {
    collectiveName: collective.name,
    district: collective.district,
    state: collective.state,
    meetingNumber: meeting.number,
    when: formatDateTime(meeting.startsAt, collective.timeZone),
    durationMinutes: meeting.durationMinutes,
    venue: meeting.venue,
    onlineLink: meeting.onlineLink,
    items: agenda.timed.map((i) => ({
      startTime: i.startTime,
      title: i.title,
      minutes: i.minutes,
      reasons: i.reasonList,
      presentingDepartment: i.presentingDepartment,
    })),
    writtenUpdates: agenda.writtenUpdates.map((i) => ({
      title: i.title,
      reasons: i.reasonList,
      presentingDepartment: i.presentingDepartment,
    })),
    endTime: agenda.endTime,
  };
}

/**
 * The agenda's free text, field by field, for the leak guard. With the connection, the unfinished
 * action items come first, each by its own name ("action 12's blocked reason"), since the standing
 * "Review of action items" quotes them: a block then says which one to correct, and where.
 */
export function agendaFields(doc: AgendaDocument, sources?: { db: Conn; collectiveId: number }): GuardedText[] {
  const actions = sources ? listActions(sources.db, sources.collectiveId, { unfinished: true }) : [];
  return [
    ...actions.flatMap((a): GuardedText[] => [
      [`action ${a.id}'s description`, a.description, `/actions/${a.id}`],
      [`action ${a.id}'s ${a.status === "blocked" ? "blocked" : "status"} reason`, a.statusReason, `/actions/${a.id}`],
    ]),
    ["the venue", doc.venue],
    ["the online link", doc.onlineLink],
    ...doc.items.flatMap((i, n): [string, string][] => [
      [`the title of agenda item ${n + 1}`, i.title],
      [`the reasons of agenda item ${n + 1}`, i.reasons.join(" · ")],
    ]),
    ...doc.writtenUpdates.map((w, n): [string, string] => [
      `written update ${n + 1}`,
      `${w.title} · ${w.reasons.join(" · ")}`,
    ]),
    ...everyText(doc),
  ];
}
