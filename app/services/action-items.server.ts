import type { Conn, Db } from "#db/client";
import type { actionItems } from "#db/schema";
import { dateInZone, formatDate } from "~/lib/dates";
import { needsAmendment as changesByAmendment, settledAs } from "~/lib/minutes-state";
import { correctActionItem, updateActionItem, type ActionFacts } from "~/models/action-item.server";
import { audited } from "~/models/audit.server";
import { caseCodeOf, unknownDepartments } from "~/models/case.server";
import { listDepartmentNames } from "~/models/department.server";
import { agendaItemsOf, caseCodesFor } from "~/models/agenda-item.server";
import { getCollective } from "~/models/collective.server";
import { getMeeting, meetingDate, type Meeting } from "~/models/meeting.server";
import type { SessionUser } from "~/models/user.server";
import { refreshDraftAgendas } from "./agenda.server";
import { refusalMessage } from "./refusals.server";
import { amendMinutes } from "./minutes.server";

type ActionItem = typeof actionItems.$inferSelect;
export type ActionChangeResult =
  { ok: true; amended: boolean } | { ok: false; status: 400 | 409; errors: Record<string, string> };

/** A changed action item changes the action review of every draft agenda: brought up to date in the same transaction. */
function afterChange(tx: Conn, user: SessionUser): true {
  refreshDraftAgendas(tx, user.collectiveId);
  return true;
}

const conflict: ActionChangeResult = {
  ok: false,
  status: 409,
  errors: {
    form: "Someone else changed this action item while you were editing. Reload to see their change; yours was not saved.",
  },
};

/**
 * The meeting that agreed an item, and whether its minutes still change directly (only while a
 * draft): from circulation on, a change is an amendment. `settled` says which ("circulated", "confirmed").
 */
export function agreedAt(
  db: Db,
  item: ActionItem,
): { meeting: Meeting | null; needsAmendment: boolean; settled: "circulated" | "confirmed" | null } {
  if (!item.meetingId) return { meeting: null, needsAmendment: false, settled: null };
  const meeting = getMeeting(db, { id: item.meetingId, collectiveId: item.collectiveId });
  const needsAmendment = changesByAmendment(meeting.minutesState);
  return { meeting, needsAmendment, settled: needsAmendment ? settledAs(meeting.minutesState) : null };
}

/** The day an action was agreed, in the collective's zone: its meeting's day, or the day it was written down. */
export function agreedOn(db: Db, item: ActionItem): string {
  const { timeZone } = getCollective(db, item.collectiveId);
  const { meeting } = agreedAt(db, item);
  return meeting ? meetingDate(meeting, timeZone) : dateInZone(new Date(item.createdAt), timeZone);
}

/** What the correction form offers: the collective's departments, and the cases on the agreeing meeting's agenda. */
export function correctionChoices(db: Db, user: SessionUser, item: ActionItem) {
  const { meeting, needsAmendment, settled } = agreedAt(db, item);
  const cases = meeting
    ? [...caseCodesFor(db, agendaItemsOf(db, meeting.id)).entries()].map(([id, code]) => ({ id, code }))
    : [];
  return {
    departments: listDepartmentNames(db, user.collectiveId),
    cases,
    needsAmendment,
    settled,
    meetingNumber: meeting?.number ?? null,
  };
}

/**
 * The secretariat corrects an action as agreed. While its meeting's minutes are a draft the
 * change is made in place; once they are circulated it is an amendment, moved by someone, frozen
 * as a new version with the change. (The route guards the new text as it is typed, so the
 * corrected minutes can leave the app.)
 */
export function correctAction(
  db: Db,
  user: SessionUser,
  item: ActionItem,
  input: ActionFacts & { version: number; movedBy: string | null },
): ActionChangeResult {
  if (unknownDepartments(db, user.collectiveId, [input.departmentId]).length)
    return { ok: false, status: 400, errors: { departmentId: "Choose a department of this collective." } };
  if (input.caseId && !caseCodeOf(db, user.collectiveId, input.caseId))
    return { ok: false, status: 400, errors: { caseId: "Choose a case from the list, or none." } };
  const { meeting, needsAmendment, settled } = agreedAt(db, item);
  if (needsAmendment && !input.movedBy) {
    return {
      ok: false,
      status: 400,
      errors: { movedBy: `These minutes are ${settled}: a correction is an amendment. Say who moved it.` },
    };
  }
  const departments = new Map(listDepartmentNames(db, user.collectiveId).map((d) => [d.id, d.name]));
  const nameOf = {
    department: (id: number) => departments.get(id) ?? `department ${id}`,
    case: (id: number | null) => (id === null ? null : caseCodeOf(db, user.collectiveId, id)),
  };
  const apply = (tx: Conn) => correctActionItem(tx, item, user.id, input, nameOf) && afterChange(tx, user);
  if (!needsAmendment || !meeting) {
    const done = audited(db, apply, (ok) =>
      ok
        ? {
            collectiveId: user.collectiveId,
            userId: user.id,
            action: "correct",
            entity: "action_item",
            entityId: item.id,
          }
        : null,
    );
    return done ? { ok: true, amended: false } : conflict;
  }
  // The amendment's words name the item by its new text only: the old text may be what the guard refused.
  const text = `Action item corrected: ${input.description} (${nameOf.department(input.departmentId)}, due ${formatDate(input.dueOn)}${input.caseId ? `, case ${nameOf.case(input.caseId)}` : ""}).`;
  return asAmendment(db, user, meeting, { text, movedBy: input.movedBy! }, apply);
}

/** The change and the amendment that records it, in one transaction: a refusal (state, leak guard, conflict) writes neither. */
function asAmendment(
  db: Db,
  user: SessionUser,
  meeting: Meeting,
  amendment: { text: string; movedBy: string },
  apply: (tx: Conn) => boolean,
): ActionChangeResult {
  try {
    if (!amendMinutes(db, meeting, user.id, amendment, apply)) return conflict;
  } catch (error) {
    const message = refusalMessage(db, user, error);
    if (!message) throw error;
    return { ok: false, status: 409, errors: { form: message } };
  }
  return { ok: true, amended: true };
}

/**
 * Drops an action with a reason: it counts nowhere as open work, leaves the minutes, and keeps its
 * history. From circulation on, dropping it is an amendment, as a correction is.
 */
export function dropAction(
  db: Db,
  user: SessionUser,
  item: ActionItem,
  input: { reason: string; version: number; movedBy: string | null },
  today: string,
): ActionChangeResult {
  if (item.status === "dropped")
    return { ok: false, status: 409, errors: { form: "This action item is already dropped." } };
  const { meeting, needsAmendment, settled } = agreedAt(db, item);
  if (needsAmendment && !input.movedBy) {
    return {
      ok: false,
      status: 400,
      errors: { movedBy: `These minutes are ${settled}: dropping an action is an amendment. Say who moved it.` },
    };
  }
  const apply = (tx: Conn) =>
    updateActionItem(
      tx,
      item,
      user.id,
      {
        status: "dropped",
        reason: input.reason,
        comment: null,
        dueOn: item.dueOn,
        dueReason: null,
        version: input.version,
      },
      today,
    ) && afterChange(tx, user);
  if (!needsAmendment || !meeting) {
    const ok = audited(db, apply, (done) =>
      done
        ? { collectiveId: user.collectiveId, userId: user.id, action: "drop", entity: "action_item", entityId: item.id }
        : null,
    );
    return ok ? { ok: true, amended: false } : conflict;
  }
  // Named by number, department and due date: its text may be what the leak guard refused.
  const department =
    listDepartmentNames(db, user.collectiveId).find((d) => d.id === item.departmentId)?.name ??
    `department ${item.departmentId}`;
  const text = `Action item ${item.id} (${department}, due ${formatDate(item.dueOn)}) dropped: ${input.reason}`;
  return asAmendment(db, user, meeting, { text, movedBy: input.movedBy! }, apply);
}
