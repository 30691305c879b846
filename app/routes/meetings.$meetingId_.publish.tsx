import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/lib/dates";
import { MeetingConflict } from "~/lib/meeting-state";
import { currentSeatHolders } from "~/models/department.server";
import { agendaItemsOf } from "~/models/agenda-item.server";
import { getCollective } from "~/models/collective.server";
import { getMeeting, publishedAgendaVersions } from "~/models/meeting.server";
import { refreshStandingItems } from "~/services/agenda.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { refusalMessage } from "~/services/refusals.server";
import { publishAgenda } from "~/services/meeting-mail.server";
import { readForm } from "~/lib/forms";
import { plural } from "~/lib/plural";
import { idParam } from "~/lib/params";

export const meta: MetaFunction = () => [{ title: "Publish agenda · TESTA Desk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: idParam(params, "meetingId"), collectiveId: user.collectiveId });
  const { timeZone } = getCollective(db, user.collectiveId);
  const holders = currentSeatHolders(db, user.collectiveId);
  return {
    meeting: {
      id: meeting.id,
      number: meeting.number,
      version: meeting.version,
      when: formatDateTime(meeting.startsAt, timeZone),
      status: meeting.status,
    },
    items: agendaItemsOf(db, meeting.id).filter((i) => !i.removed).length,
    published: publishedAgendaVersions(db, meeting.id).length,
    recipients: holders.map((h) => ({ department: h.departmentName, name: h.officerName, designation: h.designation })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:meeting");
  const db = getDb();
  // What is published has its standing items current; if they had to change, the version check asks for a second look.
  const { meeting } = refreshStandingItems(
    db,
    getMeeting(db, { id: idParam(params, "meetingId"), collectiveId: user.collectiveId }),
  );
  const form = await readForm(request);
  try {
    const { batch } = await publishAgenda(db, meeting, user.id, Number(form.get("version")));
    return redirect(`/meetings/${meeting.id}/sending?batch=${encodeURIComponent(batch)}`);
  } catch (error) {
    const message = refusalMessage(db, user, error);
    if (!message) throw error;
    return data({ error: message }, { status: error instanceof MeetingConflict ? error.status : 409 });
  }
}

export default function Publish() {
  const { meeting, items, published, recipients } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <div className="page">
      <h1>
        {published ? "Publish an updated agenda" : "Publish the agenda"} for Meeting {meeting.number}
      </h1>
      <p>
        Publishing freezes this version of the agenda ({plural(items, "item", "items")}) for the meeting on{" "}
        {meeting.when} and emails it, with the agenda PDF and a calendar invitation, to the {recipients.length} current
        seat holders below.
      </p>
      {feedback?.error ? (
        <div className="form-error" role="alert">
          {feedback.error}
        </div>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Recipients</caption>
          <thead>
            <tr>
              <th scope="col">Department</th>
              <th scope="col">Seat holder</th>
            </tr>
          </thead>
          <tbody>
            {recipients.map((r) => (
              <tr key={r.department}>
                <td>{r.department}</td>
                <td>
                  {r.name}, {r.designation}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Form method="post" className="actions">
        <input type="hidden" name="version" value={meeting.version} />
        <button type="submit" className="button" disabled={busy}>
          {busy
            ? "Preparing the agenda and emails…"
            : `Publish and email ${plural(recipients.length, "seat holder", "seat holders")}`}
        </button>
        <Link to={`/meetings/${meeting.id}`}>Back to the agenda</Link>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
