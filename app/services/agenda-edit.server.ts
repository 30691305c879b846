import type { Conn } from "#db/client";
import { formatDate, todayIn } from "~/lib/dates";
import { assertMeetingOpen } from "~/lib/meeting-state";
import { can } from "~/lib/permissions";
import { plural } from "~/lib/plural";
import {
  agendaItemsOf,
  insertAgendaItem,
  updateAgendaItem,
  type AgendaItemChanges,
  type AgendaItemRow,
} from "~/models/agenda-item.server";
import { openCasesOfDepartment, unknownDepartments } from "~/models/case.server";
import { listDepartmentNames } from "~/models/department.server";
import { getCollective } from "~/models/collective.server";
import { agendaChanged, meetingDate, nextMeeting, type Meeting } from "~/models/meeting.server";
import type { SessionUser } from "~/models/user.server";
import { regenerateAgenda, type AgendaChanges } from "./agenda.server";

export type AgendaEdit =
  | { intent: "move"; itemId: number; direction: "up" | "down" }
  | { intent: "remove" | "restore" | "pin" | "unpin" | "to-written-update" | "to-agenda"; itemId: number }
  | { intent: "minutes"; itemId: number; minutes: number; version: number }
  | {
      intent: "add";
      title: string;
      minutes: number;
      presentingDepartmentId: number | null;
      /** Set only by `raiseMatter`: the case it concerns, why it is on the agenda, and who raised it. */
      caseId?: number | null;
      reasons?: string[];
      raisedBy?: { departmentId: number; userId: number; on: string };
    };

export type EditResult = { ok: true } | { ok: false; status: 404 | 409; message: string };

/** One edit of the agenda by the secretariat, in one transaction. */
export function editAgenda(db: Conn, meeting: Meeting, edit: AgendaEdit): EditResult {
  return db.transaction((tx): EditResult => {
    const result = applyEdit(tx, meeting, edit);
    if (result.ok) agendaChanged(tx, meeting.id);
    return result;
  });
}

export type AgendaPageChange = Exclude<AgendaEdit, { intent: "add" }> | { intent: "regenerate" } | AddedItem;
type AddedItem = { intent: "add"; title: string; minutes: number; presentingDepartmentId: number | null };
export type AgendaPageResult =
  { ok: true; changes: AgendaChanges | null } | { ok: false; status: 400 | 404 | 409; errors: Record<string, string> };

/**
 * The secretariat's change on the meeting's page: a regeneration (which answers what changed) or
 * one edit. Refused, as a MeetingConflict, once the meeting is over or cancelled.
 */
export function changeAgenda(db: Conn, meeting: Meeting, change: AgendaPageChange): AgendaPageResult {
  assertMeetingOpen(meeting, "edit-agenda");
  if (change.intent === "regenerate") return { ok: true, changes: regenerateAgenda(db, meeting) };
  if (
    change.intent === "add" &&
    change.presentingDepartmentId &&
    unknownDepartments(db, meeting.collectiveId, [change.presentingDepartmentId]).length
  ) {
    return {
      ok: false,
      status: 400,
      errors: { presentingDepartmentId: "Choose a department of this collective, or none." },
    };
  }
  const result = editAgenda(db, meeting, change);
  return result.ok
    ? { ok: true, changes: null }
    : { ok: false, status: result.status, errors: { form: result.message } };
}

/**
 * Frees the position just before "Any other business" (or after the last timed item when it was
 * removed) by moving everything from there one place on, and returns that position.
 */
function makeRoomBeforeAob(tx: Conn, items: AgendaItemRow[]): number {
  const aob = items.find((i) => i.kind === "any_other_business" && !i.removed);
  const timed = items.filter((i) => !i.removed && !i.forWrittenUpdate);
  const at = aob ? aob.position : timed.length ? timed.at(-1)!.position + 1 : 0;
  for (const i of items.filter((i) => i.position >= at)) updateAgendaItem(tx, i.id, { position: i.position + 1 });
  return at;
}

/** The edit itself, inside the caller's transaction. */
function applyEdit(tx: Conn, meeting: Meeting, edit: AgendaEdit): EditResult {
  const items = agendaItemsOf(tx, meeting.id);
  if (edit.intent === "add") {
    const at = makeRoomBeforeAob(tx, items);
    insertAgendaItem(tx, {
      meetingId: meeting.id,
      position: at,
      kind: "custom",
      title: edit.title,
      minutes: edit.minutes,
      presentingDepartmentId: edit.presentingDepartmentId,
      pinned: true,
      caseId: edit.caseId ?? null,
      reasons: JSON.stringify(edit.reasons ?? []),
      raisedByDepartmentId: edit.raisedBy?.departmentId ?? null,
      raisedByUserId: edit.raisedBy?.userId ?? null,
      raisedOn: edit.raisedBy?.on ?? null,
    });
    return { ok: true };
  }
  const item = items.find((i) => i.id === edit.itemId);
  if (!item)
    return {
      ok: false,
      status: 404,
      message: "That agenda item no longer exists. The agenda may have been regenerated.",
    };
  const set = (changes: AgendaItemChanges) => updateAgendaItem(tx, item.id, { ...changes, version: item.version + 1 });
  switch (edit.intent) {
    case "move": {
      const group = items.filter((i) => !i.removed && i.forWrittenUpdate === item.forWrittenUpdate);
      const at = group.findIndex((i) => i.id === item.id);
      const other = group[edit.direction === "up" ? at - 1 : at + 1];
      if (!other) return { ok: true };
      updateAgendaItem(tx, item.id, { position: other.position });
      updateAgendaItem(tx, other.id, { position: item.position });
      return { ok: true };
    }
    case "remove":
      set({ removed: true, pinned: false });
      return { ok: true };
    case "restore":
      set({ removed: false });
      return { ok: true };
    case "pin":
      set({ pinned: true });
      return { ok: true };
    case "unpin":
      set({ pinned: false });
      return { ok: true };
    case "to-written-update":
      set({ forWrittenUpdate: true });
      return { ok: true };
    case "to-agenda": {
      // Back among the timed items, just before "Any other business", which stays last.
      const position = makeRoomBeforeAob(
        tx,
        items.filter((i) => i.id !== item.id),
      );
      set({ forWrittenUpdate: false, pinned: true, position });
      return { ok: true };
    }
    case "minutes": {
      if (item.version !== edit.version) {
        return {
          ok: false,
          status: 409,
          message: `Someone else changed “${item.title}” while you were editing; it now has ${plural(item.minutes, "minute", "minutes")}. Check and try again.`,
        };
      }
      // A changed time is a deliberate choice: pin it so regeneration keeps it.
      set({ minutes: edit.minutes, pinned: true });
      return { ok: true };
    }
  }
}

/** `label` reads "Meeting 7 (12/02/2026)": the number and the day in the collective's zone. */
export type MatterTarget = { ok: true; meeting: Meeting; date: string; label: string } | { ok: false; message: string };

/**
 * The meeting a department can raise a matter for: the collective's next meeting, while its agenda
 * is still a draft. Once the agenda is published, only the secretariat changes it.
 */
export function matterTarget(db: Conn, collectiveId: number, now: Date = new Date()): MatterTarget {
  const meeting = nextMeeting(db, collectiveId, now);
  if (!meeting) {
    return {
      ok: false,
      message:
        "No meeting is scheduled yet. Once the secretariat schedules the next meeting, you can raise a matter for its agenda here.",
    };
  }
  const date = formatDate(meetingDate(meeting, getCollective(db, collectiveId).timeZone));
  const label = `Meeting ${meeting.number} (${date})`;
  if (meeting.status === "agenda_published") {
    return {
      ok: false,
      message: `The agenda of ${label} is already published, so a matter can no longer be raised here. The secretariat can still add it: ask them to.`,
    };
  }
  return { ok: true, meeting, date, label };
}

/** The reason a raised matter carries on the agenda, its page and its PDF. */
export function raisedReason(departmentName: string, on: string): string {
  return `Raised by ${departmentName} on ${formatDate(on)}`;
}

export type RaisedMatter = { title: string; minutes: number; caseId: number | null };
export type RaiseResult =
  | { ok: true; meeting: { id: number; number: number; date: string } }
  | { ok: false; status: 400 | 403 | 409; errors: Record<string, string> };

/**
 * A department's representative puts a matter on the next meeting's agenda: a pinned item before
 * "Any other business", presented by the department, with the reason "Raised by …". The department
 * is always the one the representative holds a seat for; the accountability matrix counts it as
 * the department's initiative (level 4).
 */
export function raiseMatter(db: Conn, user: SessionUser, matter: RaisedMatter, now: Date = new Date()): RaiseResult {
  const departmentId = user.departmentId;
  if (!can(user.role, "raise:agenda-matter") || departmentId === null) {
    return {
      ok: false,
      status: 403,
      errors: { form: "Only a department's representative can raise a matter for the agenda." },
    };
  }
  return db.transaction((tx): RaiseResult => {
    const target = matterTarget(tx, user.collectiveId, now);
    if (!target.ok) return { ok: false, status: 409, errors: { form: target.message } };
    if (
      matter.caseId !== null &&
      !openCasesOfDepartment(tx, user.collectiveId, departmentId).some((c) => c.id === matter.caseId)
    ) {
      return {
        ok: false,
        status: 400,
        errors: { caseId: "Choose one of your department's open cases from the list, or none." },
      };
    }
    const department = listDepartmentNames(tx, user.collectiveId).find((d) => d.id === departmentId);
    if (!department)
      return {
        ok: false,
        status: 403,
        errors: { form: "Your department is no longer an active seat of this collective." },
      };
    const on = todayIn(getCollective(tx, user.collectiveId).timeZone, now);
    editAgenda(tx, target.meeting, {
      intent: "add",
      title: matter.title,
      minutes: matter.minutes,
      presentingDepartmentId: departmentId,
      caseId: matter.caseId,
      reasons: [raisedReason(department.name, on)],
      raisedBy: { departmentId, userId: user.id, on },
    });
    return { ok: true, meeting: { id: target.meeting.id, number: target.meeting.number, date: target.date } };
  });
}
