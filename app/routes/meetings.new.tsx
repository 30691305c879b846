import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MeetingScheduleFields } from "~/components/meeting-schedule-fields";
import { ValidatedForm } from "~/components/form";
import { getDb } from "~/db.server";
import { meetingDateBounds } from "~/lib/date-rules";
import { formatDate, todayIn } from "~/lib/dates";
import { readForm } from "~/lib/forms";
import { proposeNextMeeting, zonedWallTimeToInstant } from "~/lib/meeting-schedule";
import { audit } from "~/models/audit.server";
import { getCollective } from "~/models/collective.server";
import { createMeeting, latestMeeting, meetingDate } from "~/models/meeting.server";
import { meetingPlaceFields, meetingScheduleSchema } from "~/schemas/meeting";
import { regenerateAgenda } from "~/services/agenda.server";
import { parseGuardedForm } from "~/services/input-guard.server";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "Schedule next meeting · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:meeting");
  const db = getDb();
  const collective = getCollective(db, user.collectiveId);
  const last = latestMeeting(db, user.collectiveId);
  const proposal = proposeNextMeeting(
    collective,
    last ? meetingDate(last, collective.timeZone) : null,
    todayIn(collective.timeZone),
  );
  return {
    proposal,
    today: todayIn(collective.timeZone),
    lastMeeting: last ? { number: last.number, date: formatDate(meetingDate(last, collective.timeZone)) } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:meeting");
  const db = getDb();
  const collective = getCollective(db, user.collectiveId);
  const schema = meetingScheduleSchema(todayIn(collective.timeZone));
  const form = parseGuardedForm(db, user, schema, await readForm(request), "a new meeting", meetingPlaceFields);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const startsAt = zonedWallTimeToInstant(form.data.date, form.data.startTime, collective.timeZone).toISOString();
  // The meeting and its first agenda are written together, or not at all.
  const meeting = db.transaction((tx) => {
    const m = createMeeting(tx, {
      collectiveId: user.collectiveId,
      startsAt,
      durationMinutes: form.data.durationMinutes,
      venue: form.data.venue,
      onlineLink: form.data.onlineLink,
    });
    regenerateAgenda(tx, m);
    audit(tx, {
      collectiveId: user.collectiveId,
      userId: user.id,
      action: "create",
      entity: "meeting",
      entityId: m.id,
    });
    return m;
  });
  return redirect(`/meetings/${meeting.id}`);
}

export default function NewMeeting() {
  const { proposal, lastMeeting, today } = useLoaderData<typeof loader>();
  const schema = useMemo(() => meetingScheduleSchema(today), [today]);
  const feedback = useActionData<typeof action>();
  return (
    <div className="page page--narrow">
      <h1>Schedule next meeting</h1>
      <p className="muted">
        Proposed from the collective's meeting defaults
        {lastMeeting ? `, after Meeting ${lastMeeting.number} on ${lastMeeting.date}` : ""}. The agenda is generated as
        soon as the meeting is scheduled; nothing is sent until you publish it.
      </p>
      <div className="card">
        <ValidatedForm schema={schema} method="post" feedback={feedback}>
          <MeetingScheduleFields defaults={proposal} dateBounds={meetingDateBounds(today)} />
          <button type="submit" className="button">
            Schedule and generate the agenda
          </button>
        </ValidatedForm>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
