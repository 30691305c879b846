import { needsAmendment } from "~/lib/minutes-state";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ClientActionFunctionArgs,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { AttendanceGrid } from "~/components/attendance-grid";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ItemMinutes } from "~/components/item-minutes";
import { OfflineCapture, sendOrKeep } from "~/components/offline-capture";
import { getDb } from "~/db.server";
import { agendaItemTitle } from "~/lib/agenda/present";
import { daysBetween, formatDate, formatDateTime, todayIn } from "~/lib/dates";
import { isOffline, parseForm, readForm } from "~/lib/forms";
import { idParam, parseId } from "~/lib/params";
import { audited } from "~/models/audit.server";
import { isCaseOfCollective, unknownDepartments } from "~/models/case.server";
import { listDepartmentNames } from "~/models/department.server";
import { agendaItemsOf, caseCodesFor } from "~/models/agenda-item.server";
import { getCollective } from "~/models/collective.server";
import { getMeeting, meetingDate, previousHeldMeeting, type Meeting } from "~/models/meeting.server";
import {
  actionItemsOfMeeting,
  addActionItem,
  attendanceGrid,
  markHeld,
  saveAttendance,
  saveItemMinutes,
} from "~/models/minutes.server";
import { actionItemSchema, attendanceSchema, itemMinutesSchema, runIntentSchema } from "~/schemas/minutes";
import { refreshDraftAgendas } from "~/services/agenda.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { parseGuardedForm } from "~/services/input-guard.server";
import { assertMinutesEditable, confirmMinutes, MinutesRefused } from "~/services/minutes.server";
import { answeredBefore, applyOnce, replayOf } from "~/services/offline-replay.server";
import { refusalMessage } from "~/services/refusals.server";
import type { SessionUser } from "~/models/user.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Run Meeting ${data?.meeting.number ?? ""} · TESTA Desk` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: idParam(params, "meetingId"), collectiveId: user.collectiveId });
  const { timeZone } = getCollective(db, user.collectiveId);
  const items = agendaItemsOf(db, meeting.id).filter((i) => !i.removed && !i.forWrittenUpdate);
  const codes = caseCodesFor(db, items);
  const actions = actionItemsOfMeeting(db, meeting.id);
  return {
    meeting: {
      id: meeting.id,
      number: meeting.number,
      status: meeting.status,
      when: formatDateTime(meeting.startsAt, timeZone),
      minutesState: meeting.minutesState,
    },
    attendance: attendanceGrid(db, meeting, timeZone),
    items: items.map((i) => ({
      id: i.id,
      title: agendaItemTitle(i, i.caseId ? codes.get(i.caseId) : null),
      minutes: i.minutes,
      caseId: i.caseId,
      discussion: i.discussion ?? "",
      decisions: i.decisions ?? "",
      status: i.status ?? "",
      minutesUsed: i.minutesUsed,
      version: i.version,
      actions: actions.filter((a) => a.agendaItemId === i.id).map((a) => ({ ...a, due: formatDate(a.dueOn) })),
    })),
    departments: listDepartmentNames(db, user.collectiveId),
    cases: [...codes.entries()].map(([id, code]) => ({ id, code })),
    today: todayIn(timeZone),
    dueRule: dueRuleOf(meeting, timeZone),
    // Only the draft is edited here: from circulation on, the minutes change by an amendment.
    editable: !needsAmendment(meeting.minutesState),
    previous: (() => {
      const p = previousHeldMeeting(db, meeting);
      return p ? { id: p.id, number: p.number, minutesState: p.minutesState } : null;
    })(),
  };
}

/** An action agreed here falls due from the meeting's day (lib/date-rules). */
const dueRuleOf = (meeting: Meeting, timeZone: string) => ({
  agreedOn: meetingDate(meeting, timeZone),
  today: todayIn(timeZone),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: idParam(params, "meetingId"), collectiveId: user.collectiveId });
  const formData = await readForm(request);
  const intent = parseForm(runIntentSchema, formData);
  if (!intent.ok) return data({ intent: "", errors: intent.errors, values: intent.values }, { status: 400 });
  if (intent.data.intent === "confirm-previous") return confirmPrevious(user, meeting);
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
  const savedAt = formatDateTime(new Date(), getCollective(db, user.collectiveId).timeZone).split(", ").slice(-1)[0];
  switch (intent.data.intent) {
    case "attendance": {
      const deptName = new Map(listDepartmentNames(db, user.collectiveId).map((d) => [d.id, d.name]));
      // An attendee is an officer: their own name is never compared with accused persons' names.
      const form = parseGuardedForm(
        db,
        user,
        attendanceSchema,
        formData,
        `Meeting ${meeting.number}'s attendance`,
        (d) =>
          Object.fromEntries(
            d.rows.flatMap((r) => [
              [
                `name.${r.departmentId}`,
                {
                  label: `the name of ${deptName.get(r.departmentId) ?? "the department"}'s attendee`,
                  scope: "own-contact" as const,
                },
              ],
              [
                `designation.${r.departmentId}`,
                {
                  label: `the designation of ${deptName.get(r.departmentId) ?? "the department"}'s attendee`,
                  scope: "own-contact" as const,
                },
              ],
            ]),
          ),
      );
      if (!form.ok) return data({ intent: "attendance", errors: form.errors, values: form.values }, { status: 400 });
      const grid = attendanceGrid(db, meeting, getCollective(db, user.collectiveId).timeZone);
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
    case "item": {
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
    case "add-action": {
      const rule = dueRuleOf(meeting, getCollective(db, user.collectiveId).timeZone);
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
      const { intent: _i, ...input } = form.data;
      if (unknownDepartments(db, user.collectiveId, [input.departmentId]).length) {
        return data(
          {
            intent: "add-action",
            errors: { departmentId: "Choose a department of this collective." },
            values: form.values,
          },
          { status: 400 },
        );
      }
      if (input.caseId && !isCaseOfCollective(db, user.collectiveId, input.caseId)) {
        return data(
          { intent: "add-action", errors: { caseId: "Choose a case from the list, or none." }, values: form.values },
          { status: 400 },
        );
      }
      if (!agendaItemsOf(db, meeting.id).some((i) => i.id === input.agendaItemId)) {
        return data(
          {
            intent: "add-action",
            errors: { form: "That agenda item is not part of this meeting." },
            values: form.values,
          },
          { status: 400 },
        );
      }
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
    case "held": {
      // Marking a meeting held before its day is usually a slip of the mouse: it asks once more.
      const { timeZone } = getCollective(db, user.collectiveId);
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
  }
}

/**
 * A save that cannot reach the server (the network dropped) is kept on this device and sent when
 * the network is back (see OfflineCapture), instead of an error page: the text stays in the boxes
 * and the item says so.
 */
export async function clientAction({ request, params, serverAction }: ClientActionFunctionArgs) {
  return sendOrKeep(request, parseId(params.meetingId) ?? 0, () => serverAction<typeof action>());
}

/** After a save that never reached the server, reloading the page would fail the same way. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  !isOffline(actionResult) && defaultShouldRevalidate;

/**
 * The collective agrees the previous meeting's minutes under this meeting's first item: confirmed
 * here, in place, so the secretariat never leaves the meeting it is running.
 */
function confirmPrevious(user: SessionUser, meeting: Meeting) {
  const db = getDb();
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

type RunFeedback = {
  confirmed?: number;
  intent?: string;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  savedAt?: string;
  itemId?: number;
  version?: number;
  confirmEarly?: { date: string; days: number };
  conflict?: {
    discussion: string | null;
    decisions: string | null;
    status: string | null;
    minutesUsed: number | null;
    version: number;
  };
};

export default function RunMeeting() {
  const { meeting, attendance, items, departments, cases, editable, previous, today, dueRule } =
    useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>() as RunFeedback | undefined;
  const topError =
    feedback?.errors && !["add-action", "attendance", "item"].includes(feedback.intent ?? "")
      ? feedback.errors.form
      : null;
  return (
    <div className="run-meeting">
      <p className="no-print">
        <Link to={`/meetings/${meeting.id}`}>Meeting {meeting.number}</Link> ·{" "}
        <Link to={`/meetings/${meeting.id}/minutes`}>Minutes</Link>
      </p>
      <div className="page-head">
        <h1>Run Meeting {meeting.number}</h1>
        <span className="muted">{meeting.when}</span>
      </div>
      {editable ? <OfflineCapture meetingId={meeting.id} /> : null}
      {!editable ? (
        <div className="notice" role="status">
          These minutes are {meeting.minutesState}. They change only by an amendment, on the{" "}
          <Link to={`/meetings/${meeting.id}/minutes`}>minutes page</Link>.
        </div>
      ) : null}
      {topError ? (
        <div className="form-error" role="alert">
          {topError}
        </div>
      ) : null}
      <AttendanceGrid
        rows={attendance}
        editable={editable}
        feedback={feedback?.intent === "attendance" ? feedback : undefined}
      />
      {feedback?.confirmed ? (
        <div className="notice no-print" role="status">
          The minutes of Meeting {feedback.confirmed} are confirmed.{" "}
          <Link to={`/meetings/${previous?.id}/minutes`}>See them</Link>.
        </div>
      ) : null}
      {previous?.minutesState === "circulated" ? (
        <Form method="post" className="card no-print">
          <h2>Confirmation of the previous minutes</h2>
          <p>
            The minutes of Meeting {previous.number} were circulated. When the collective agrees them under the first
            item, confirm them here.
          </p>
          <input type="hidden" name="intent" value="confirm-previous" />
          <button type="submit" className="button">
            Confirm the minutes of Meeting {previous.number}
          </button>
        </Form>
      ) : null}
      <h2>Agenda items</h2>
      {items.map((item, index) => (
        <ItemMinutes
          key={item.id}
          number={index + 1}
          item={item}
          departments={departments}
          cases={cases}
          editable={editable}
          today={today}
          dueRule={dueRule}
          returnTo={`/meetings/${meeting.id}/run#item-${item.id}`}
          feedback={
            feedback &&
            (feedback.itemId === item.id ||
              (feedback.intent === "add-action" && feedback.values?.agendaItemId === String(item.id)))
              ? feedback
              : undefined
          }
        />
      ))}
      {editable && meeting.status !== "held" ? (
        <Form method="post" className="card no-print" id="close">
          <h2>Close the meeting</h2>
          <input type="hidden" name="intent" value="held" />
          {feedback?.confirmEarly ? (
            <div className="notice" role="alert">
              <p>
                Meeting {meeting.number} is on {feedback.confirmEarly.date},{" "}
                {feedback.confirmEarly.days === 1 ? "tomorrow" : `in ${feedback.confirmEarly.days} days`}. Mark it as
                held before its day?
              </p>
              <input type="hidden" name="early" value="yes" />
              <p className="actions">
                <button type="submit" className="button">
                  Yes, Meeting {meeting.number} was held early
                </button>
                <Link to={`/meetings/${meeting.id}/run`}>No, keep it planned</Link>
              </p>
            </div>
          ) : (
            <>
              <p>
                When the meeting is over, mark it as held. The minutes can then be circulated from the minutes page.
              </p>
              <button type="submit" className="button">
                Mark Meeting {meeting.number} as held
              </button>
            </>
          )}
        </Form>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
