import { data } from "@remix-run/node";
import type { Db } from "#db/client";
import type { DueDateRule } from "~/lib/date-rules";
import { daysBetween, formatDate, formatDateTime, todayIn } from "~/lib/dates";
import { parseForm } from "~/lib/forms";
import { audited } from "~/models/audit.server";
import { agendaItemsOf } from "~/models/agenda-item.server";
import { isCaseOfCollective, unknownDepartments } from "~/models/case.server";
import { getCollective } from "~/models/collective.server";
import { listDepartmentNames } from "~/models/department.server";
import { meetingDate, previousHeldMeeting, type Meeting } from "~/models/meeting.server";
import { addActionItem, attendanceGrid, markHeld, saveAttendance, saveItemMinutes } from "~/models/minutes.server";
import type { SessionUser } from "~/models/user.server";
import { actionItemSchema, attendanceSchema, itemMinutesSchema, runIntentSchema } from "~/schemas/minutes";
import { refreshDraftAgendas } from "./agenda.server";
import { parseGuardedForm } from "./input-guard.server";
import { assertMinutesEditable, confirmMinutes, MinutesRefused } from "./minutes.server";
import type { ReplayKey } from "~/models/offline-replay.server";
import { answeredBefore, applyOnce, replayOf } from "./offline-replay.server";
import { refusalMessage } from "./refusals.server";

// The run page's saves: attendance, an item's minutes, a new action item, the meeting held, and
// the previous minutes confirmed. Each answers as the page shows it: the saved time, or the
// messages with the input kept (400), a conflict (409). A save kept on a device while offline and
// replayed goes through the same checks, and is applied once (see offline-replay.server.ts).

type Save = { db: Db; user: SessionUser; meeting: Meeting; formData: FormData; replay: ReplayKey | null };

export function runMeetingAction(db: Db, user: SessionUser, meeting: Meeting, formData: FormData) {
  const intent = parseForm(runIntentSchema, formData);
  if (!intent.ok) return data({ intent: "", errors: intent.errors, values: intent.values }, { status: 400 });
  if (intent.data.intent === "confirm-previous") return confirmPrevious(db, user, meeting);
  try {
    assertMinutesEditable(meeting);
  } catch (error) {
    if (error instanceof MinutesRefused)
      return data(
        { intent: intent.data.intent, errors: { form: error.message }, values: intent.values },
        { status: 409 },
      );
    throw error;
  }
  // A save kept on the device while offline, replayed: if it was applied before, the same answer again.
  const replay = replayOf(formData, user.id, meeting.id);
  const before = answeredBefore(db, replay);
  if (before) return before;
  const save: Save = { db, user, meeting, formData, replay };
  switch (intent.data.intent) {
    case "attendance":
      return saveAttendanceForm(save);
    case "item":
      return saveItemForm(save);
    case "add-action":
      return addActionForm(save);
    case "held":
      return markHeldForm(save);
  }
}

/** An action agreed here falls due from the meeting's day (lib/date-rules). */
export const dueRuleOf = (meeting: Meeting, timeZone: string): DueDateRule => ({
  agreedOn: meetingDate(meeting, timeZone),
  today: todayIn(timeZone),
});

const timeZoneOf = ({ db, user }: Save) => getCollective(db, user.collectiveId).timeZone;
const savedAtNow = (save: Save) => formatDateTime(new Date(), timeZoneOf(save)).split(", ").slice(-1)[0];

function saveAttendanceForm(save: Save) {
  const { db, user, meeting, formData, replay } = save;
  const savedAt = savedAtNow(save);
  const deptName = new Map(listDepartmentNames(db, user.collectiveId).map((d) => [d.id, d.name]));
  // An attendee is an officer: their own name is never compared with accused persons' names.
  const attendeeField = (departmentId: number, what: string) => ({
    label: `the ${what} of ${deptName.get(departmentId) ?? "the department"}'s attendee`,
    scope: "own-contact" as const,
  });
  const form = parseGuardedForm(db, user, attendanceSchema, formData, `Meeting ${meeting.number}'s attendance`, (d) =>
    Object.fromEntries(
      d.rows.flatMap((r) => [
        [`name.${r.departmentId}`, attendeeField(r.departmentId, "name")],
        [`designation.${r.departmentId}`, attendeeField(r.departmentId, "designation")],
      ]),
    ),
  );
  if (!form.ok) return data({ intent: "attendance", errors: form.errors, values: form.values }, { status: 400 });
  const grid = attendanceGrid(db, meeting, timeZoneOf(save));
  const known = new Map(grid.map((r) => [r.departmentId, r.tenureId]));
  if (form.data.rows.some((r) => !known.has(r.departmentId))) {
    return data(
      {
        intent: "attendance",
        errors: { form: "A department in the grid is not part of this collective. Reload the page." },
        values: form.values,
      },
      { status: 400 },
    );
  }
  const answer = { intent: "attendance", savedAt };
  const saved = applyOnce(
    db,
    replay,
    (db) =>
      audited(
        db,
        (tx) => saveAttendance(tx, meeting, form.data.rows, known),
        (r) =>
          r.ok
            ? {
                collectiveId: user.collectiveId,
                userId: user.id,
                action: "update:attendance",
                entity: "meeting",
                entityId: meeting.id,
              }
            : null,
      ),
    (r) => (r.ok ? answer : null),
  );
  if (!saved.ok) {
    return data(
      {
        intent: "attendance",
        errors: {
          form: "Someone else saved the attendance while you were editing. Reload the page to see it; your entries were not saved.",
        },
        values: form.values,
      },
      { status: 409 },
    );
  }
  return answer;
}

function saveItemForm(save: Save) {
  const { db, user, meeting, formData, replay } = save;
  const savedAt = savedAtNow(save);
  const form = parseGuardedForm(db, user, itemMinutesSchema, formData, `Meeting ${meeting.number}'s minutes`, {
    discussion: "the discussion",
    decisions: "the decisions",
  });
  // The item's number comes back with the refusal, so the page shows it beside that item's fields, with the text kept.
  if (!form.ok)
    return data(
      { intent: "item", itemId: Number(form.values.itemId), errors: form.errors, values: form.values },
      { status: 400 },
    );
  const { intent: _i, itemId, ...input } = form.data;
  const answerFor = (r: ReturnType<typeof saveItemMinutes>) =>
    r.ok ? { intent: "item", itemId, version: r.version, savedAt } : null;
  const result = applyOnce(db, replay, (tx) => saveItemMinutes(tx, meeting.id, itemId, input), answerFor);
  if (result.ok) return answerFor(result)!;
  if ("missing" in result)
    return data(
      { intent: "item", errors: { form: "That agenda item no longer exists." }, values: form.values },
      { status: 404 },
    );
  return data(
    {
      intent: "item",
      itemId,
      conflict: result.conflict,
      values: form.values,
      errors: {
        form: "Someone else changed this item while you were writing. Both versions are shown: choose which to keep.",
      },
    },
    { status: 409 },
  );
}

function addActionForm(save: Save) {
  const { db, user, meeting, formData, replay } = save;
  const savedAt = savedAtNow(save);
  const rule = dueRuleOf(meeting, timeZoneOf(save));
  const form = parseGuardedForm(
    db,
    user,
    actionItemSchema(rule),
    formData,
    `Meeting ${meeting.number}'s action items`,
    {
      description: "the action",
    },
  );
  if (!form.ok) return data({ intent: "add-action", errors: form.errors, values: form.values }, { status: 400 });
  const refuse = (errors: Record<string, string>) =>
    data({ intent: "add-action", errors, values: form.values }, { status: 400 });
  const { intent: _i, ...input } = form.data;
  if (unknownDepartments(db, user.collectiveId, [input.departmentId]).length)
    return refuse({ departmentId: "Choose a department of this collective." });
  if (input.caseId && !isCaseOfCollective(db, user.collectiveId, input.caseId))
    return refuse({ caseId: "Choose a case from the list, or none." });
  if (!agendaItemsOf(db, meeting.id).some((i) => i.id === input.agendaItemId))
    return refuse({ form: "That agenda item is not part of this meeting." });
  const answer = { intent: "add-action", savedAt };
  applyOnce(
    db,
    replay,
    (tx) => {
      addActionItem(tx, meeting, input);
      refreshDraftAgendas(tx, meeting.collectiveId);
    },
    () => answer,
  );
  return answer;
}

function markHeldForm(save: Save) {
  const { db, user, meeting, formData } = save;
  const savedAt = savedAtNow(save);
  // Marking a meeting held before its day is usually a slip of the mouse: it asks once more.
  const timeZone = timeZoneOf(save);
  const day = meetingDate(meeting, timeZone);
  const daysEarly = daysBetween(todayIn(timeZone), day);
  if (daysEarly > 0 && formData.get("early") !== "yes") {
    return { intent: "held", confirmEarly: { date: formatDate(day), days: daysEarly } };
  }
  audited(
    db,
    (tx) => {
      markHeld(tx, meeting);
      refreshDraftAgendas(tx, meeting.collectiveId);
    },
    () => ({
      collectiveId: user.collectiveId,
      userId: user.id,
      action: "held",
      entity: "meeting",
      entityId: meeting.id,
    }),
  );
  return { intent: "held", savedAt };
}

/**
 * The collective agrees the previous meeting's minutes under this meeting's first item: confirmed
 * here, in place, so the secretariat never leaves the meeting it is running.
 */
function confirmPrevious(db: Db, user: SessionUser, meeting: Meeting) {
  const previous = previousHeldMeeting(db, meeting);
  if (!previous || previous.minutesState !== "circulated") {
    return data(
      {
        intent: "confirm-previous",
        errors: { form: "There are no circulated minutes of a previous meeting to confirm. Reload the page." },
        values: {},
      },
      { status: 409 },
    );
  }
  try {
    confirmMinutes(db, previous, user.id);
  } catch (error) {
    const message = refusalMessage(db, user, error);
    if (!message) throw error;
    return data({ intent: "confirm-previous", errors: { form: message }, values: {} }, { status: 409 });
  }
  return { intent: "confirm-previous", confirmed: previous.number };
}
