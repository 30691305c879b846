import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { meetingDateBounds } from "~/lib/date-rules";
import { todayIn } from "~/lib/dates";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ValidatedForm } from "~/components/form";
import { MeetingScheduleFields } from "~/components/meeting-schedule-fields";
import { getDb } from "~/db.server";
import { readForm } from "~/lib/forms";
import { instantToZonedParts, zonedWallTimeToInstant } from "~/lib/meeting-schedule";
import { isMeetingOver } from "~/lib/meeting-state";
import { idParam } from "~/lib/params";
import { getCollective } from "~/models/collective.server";
import { getMeeting } from "~/models/meeting.server";
import { meetingPlaceFields, rescheduleSchema } from "~/schemas/meeting";
import { parseGuardedForm } from "~/services/input-guard.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { answerSendOut } from "~/services/refusals.server";
import { rescheduleMeeting } from "~/services/meeting-mail.server";

export const meta: MetaFunction = () => [{ title: "Reschedule meeting · TESTA Desk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: idParam(params, "meetingId"), collectiveId: user.collectiveId });
  const { timeZone } = getCollective(db, user.collectiveId);
  const { date, time } = instantToZonedParts(new Date(meeting.startsAt), timeZone);
  return {
    today: todayIn(timeZone),
    meeting: {
      id: meeting.id,
      number: meeting.number,
      version: meeting.version,
      published: meeting.status === "agenda_published",
      closed: isMeetingOver(meeting),
    },
    defaults: {
      date,
      startTime: time,
      durationMinutes: meeting.durationMinutes,
      venue: meeting.venue,
      onlineLink: meeting.onlineLink,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: idParam(params, "meetingId"), collectiveId: user.collectiveId });
  const { timeZone } = getCollective(db, user.collectiveId);
  const form = parseGuardedForm(
    db,
    user,
    rescheduleSchema(todayIn(timeZone)),
    await readForm(request),
    `Meeting ${meeting.number}'s new date`,
    meetingPlaceFields,
  );
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  return answerSendOut(db, user, { meetingId: meeting.id, values: form.values }, () =>
    rescheduleMeeting(
      db,
      meeting,
      {
        startsAt: zonedWallTimeToInstant(form.data.date, form.data.startTime, timeZone).toISOString(),
        durationMinutes: form.data.durationMinutes,
        venue: form.data.venue,
        onlineLink: form.data.onlineLink,
      },
      user.id,
      form.data.version,
    ),
  );
}

export default function Reschedule() {
  const { meeting, defaults, today } = useLoaderData<typeof loader>();
  const schema = useMemo(() => rescheduleSchema(today), [today]);
  const feedback = useActionData<typeof action>();
  return (
    <div className="page page--narrow">
      <h1>Reschedule Meeting {meeting.number}</h1>
      {meeting.published ? (
        <p>The agenda has been sent, so every seat holder will get an updated calendar invitation.</p>
      ) : (
        <p className="muted">The agenda has not been sent yet, so nobody is notified.</p>
      )}
      <div className="card">
        <ValidatedForm schema={schema} method="post" feedback={feedback}>
          <input type="hidden" name="version" value={meeting.version} />
          <MeetingScheduleFields defaults={defaults} dateBounds={meetingDateBounds(today)} />
          <div className="actions">
            <button type="submit" className="button" disabled={meeting.closed}>
              {meeting.published ? "Reschedule and notify" : "Reschedule"}
            </button>
            <Link to={`/meetings/${meeting.id}`}>Back to the meeting</Link>
          </div>
        </ValidatedForm>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
