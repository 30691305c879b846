import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField, Field, ValidatedForm } from "~/components/form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/lib/dates";
import { readForm } from "~/lib/forms";
import { isMeetingOver } from "~/lib/meeting-state";
import { idParam } from "~/lib/params";
import { getCollective } from "~/models/collective.server";
import { getMeeting } from "~/models/meeting.server";
import { cancelGuardFields, cancelMeetingSchema } from "~/schemas/meeting";
import { requireUserWithPermission } from "~/services/auth.server";
import { parseGuardedForm } from "~/services/input-guard.server";
import { answerSendOut } from "~/services/refusals.server";
import { cancelMeeting } from "~/services/meeting-mail.server";

export const meta: MetaFunction = () => [{ title: "Cancel meeting · TESTA Desk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: idParam(params, "meetingId"), collectiveId: user.collectiveId });
  const { timeZone } = getCollective(db, user.collectiveId);
  return {
    meeting: {
      id: meeting.id,
      number: meeting.number,
      version: meeting.version,
      when: formatDateTime(meeting.startsAt, timeZone),
      status: meeting.status,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: idParam(params, "meetingId"), collectiveId: user.collectiveId });
  const form = parseGuardedForm(
    db,
    user,
    cancelMeetingSchema,
    await readForm(request),
    `Meeting ${meeting.number}'s cancellation`,
    cancelGuardFields,
  );
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  return answerSendOut(db, user, { meetingId: meeting.id, values: form.values }, () =>
    cancelMeeting(db, meeting, user.id, form.data.version, form.data.reason ?? null),
  );
}

export default function CancelMeeting() {
  const { meeting } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const over = isMeetingOver(meeting);
  return (
    <div className="page page--narrow">
      <h1>Cancel Meeting {meeting.number}?</h1>
      <p>
        Meeting {meeting.number} on {meeting.when} will be cancelled.
        {meeting.status === "agenda_published"
          ? " Every seat holder gets an email, and the cancellation removes the meeting from their calendars."
          : " The agenda was not sent, so nobody is notified."}{" "}
        This cannot be undone; schedule a new meeting instead.
      </p>
      <div className="card">
        <ValidatedForm schema={cancelMeetingSchema} method="post" feedback={feedback}>
          <input type="hidden" name="version" value={meeting.version} />
          {meeting.status === "agenda_published" ? (
            <Field
              name="reason"
              label="Reason (optional)"
              hint="Goes into every seat holder's email. Refer to cases and victims by their codes."
              multiline
            />
          ) : null}
          <CheckboxField name="confirm" label="Yes, cancel this meeting" />
          <div className="actions">
            <button type="submit" className="button button--danger" disabled={over}>
              Cancel the meeting
            </button>
            <Link to={`/meetings/${meeting.id}`}>Keep it</Link>
          </div>
        </ValidatedForm>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
