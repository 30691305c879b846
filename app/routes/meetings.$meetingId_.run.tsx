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
import { OfflineCopyNotice } from "~/components/offline-copy";
import type { ItemSaveFeedback } from "~/components/use-item-save";
import { getDb } from "~/db.server";
import { agendaItemTitle } from "~/lib/agenda/present";
import { formatDate, formatDateTime, todayIn } from "~/lib/dates";
import { isOffline, readForm } from "~/lib/forms";
import { needsAmendment } from "~/lib/minutes-state";
import { idParam, parseId } from "~/lib/params";
import { agendaItemsOf, caseCodesFor } from "~/models/agenda-item.server";
import { getCollective } from "~/models/collective.server";
import { listDepartmentNames } from "~/models/department.server";
import { getMeeting, previousHeldMeeting } from "~/models/meeting.server";
import { actionItemsOfMeeting, attendanceGrid } from "~/models/minutes.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { dueRuleOf, runMeetingAction } from "~/services/meeting-run.server";
import { keepOffline, loadedNow, offlineCopyHeaders } from "~/services/offline-copy.server";

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
  // The page shows no FIR number and no accused's name: this device may keep it for a meeting offline.
  const page = {
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
    loaded: loadedNow(timeZone),
  };
  return data(page, { headers: keepOffline });
}

export const headers = offlineCopyHeaders;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: idParam(params, "meetingId"), collectiveId: user.collectiveId });
  return runMeetingAction(db, user, meeting, await readForm(request));
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

type RunFeedback = ItemSaveFeedback & {
  confirmed?: number;
  itemId?: number;
  confirmEarly?: { date: string; days: number };
};

export default function RunMeeting() {
  const { meeting, attendance, items, departments, cases, editable, previous, today, dueRule, loaded } =
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
      <OfflineCopyNotice loaded={loaded} what="the run page" />
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
