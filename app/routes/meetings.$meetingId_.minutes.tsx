import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, ValidatedForm } from "~/components/form";
import { getDb } from "~/db.server";
import { itemStatusLabels, minutesStateLabels } from "~/lib/labels";
import { formatDateTime } from "~/lib/dates";
import { readForm } from "~/lib/forms";
import { can } from "~/lib/permissions";
import { audit } from "~/models/audit.server";
import { getCollective, getMeeting } from "~/models/meeting.server";
import { minutesHistory } from "~/models/minutes.server";
import { amendmentSchema } from "~/schemas/minutes";
import { parseGuardedForm } from "~/services/input-guard.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { refusalMessage } from "~/services/refusals.server";
import { amendMinutes, circulateMinutes, confirmMinutes, minutesDocumentOf } from "~/services/minutes.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Minutes of Meeting ${data?.meeting.number ?? ""} · TESTA Desk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: params.meetingId, collectiveId: user.collectiveId });
  const { timeZone } = getCollective(db, user.collectiveId);
  const history = minutesHistory(db, meeting.id);
  const wanted = Number(new URL(request.url).searchParams.get("version"));
  const shown = history.find((v) => v.version === wanted);
  const body = shown ? minutesDocumentOf(db, meeting, shown.version) : undefined;
  return {
    shown: shown && body ? { version: shown.version, state: shown.state, body } : null,
    meeting: { id: meeting.id, number: meeting.number, status: meeting.status, minutesState: meeting.minutesState, when: formatDateTime(meeting.startsAt, timeZone) },
    history: history.map((v) => ({
      version: v.version,
      state: v.state,
      at: formatDateTime(v.createdAt, timeZone),
      amendment: v.amendmentText,
      movedBy: v.amendmentMovedBy,
    })),
    canWrite: can(user.role, "write:meeting"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: params.meetingId, collectiveId: user.collectiveId });
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const entry = { collectiveId: user.collectiveId, userId: user.id, entity: "meeting", entityId: meeting.id };
  try {
    if (intent === "circulate") {
      const { batch, version } = await circulateMinutes(db, meeting, user.id);
      audit(db, { ...entry, action: "circulate:minutes", detail: `v${version}` });
      return redirect(`/meetings/${meeting.id}/sending?batch=${encodeURIComponent(batch)}`);
    }
    if (intent === "confirm") {
      confirmMinutes(db, meeting, user.id);
      audit(db, { ...entry, action: "confirm:minutes" });
      return redirect(`/meetings/${meeting.id}/minutes`);
    }
    if (intent === "amend") {
      const form = parseGuardedForm(db, user, amendmentSchema, formData, `Meeting ${meeting.number}'s minutes`, { amendmentText: "the amendment", movedBy: { label: "the “moved by” field", scope: "own-contact" } });
      if (!form.ok) return data({ intent, errors: form.errors, values: form.values }, { status: 400 });
      amendMinutes(db, meeting, user.id, { text: form.data.amendmentText, movedBy: form.data.movedBy });
      audit(db, { ...entry, action: "amend:minutes" });
      return redirect(`/meetings/${meeting.id}/minutes`);
    }
  } catch (error) {
    const message = refusalMessage(db, user, error);
    if (!message) throw error;
    return data({ intent, errors: { form: message }, values: {} }, { status: 409 });
  }
  return data({ intent, errors: { form: "Choose circulate, confirm or amend." }, values: {} }, { status: 400 });
}

export default function Minutes() {
  const { meeting, history, canWrite, shown } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const m = meeting;
  return (
    <div>
      <p>
        <Link to={`/meetings/${m.id}`}>Meeting {m.number}</Link>
        {canWrite ? (
          <>
            {" "}
            · <Link to={`/meetings/${m.id}/run`}>Run the meeting</Link>
          </>
        ) : null}
      </p>
      <h1>Minutes of Meeting {m.number}</h1>
      <p>
        {m.when}. <strong>{minutesStateLabels[m.minutesState]}</strong>.
      </p>
      {feedback?.errors?.form ? (
        <div className="form-error" role="alert">
          {feedback.errors.form}
        </div>
      ) : null}
      <div className="actions no-print">
        <a className="button button--quiet" href={`/meetings/${m.id}/minutes.pdf`}>
          {m.minutesState === "draft" ? "Draft minutes PDF" : "Minutes PDF, latest version"}
        </a>
        {canWrite && (m.minutesState === "draft" || m.minutesState === "circulated") ? (
          <Form method="post">
            <input type="hidden" name="intent" value="circulate" />
            <button type="submit" className="button" disabled={busy}>
              {busy ? "Preparing…" : m.minutesState === "draft" ? "Circulate the minutes" : "Circulate a corrected version"}
            </button>
          </Form>
        ) : null}
        {canWrite && m.minutesState === "circulated" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="confirm" />
            <button type="submit" className="button button--quiet">
              Confirm (as agreed at the next meeting)
            </button>
          </Form>
        ) : null}
      </div>
      {canWrite && (m.minutesState === "confirmed" || m.minutesState === "amended") ? (
        <section className="card" aria-labelledby="amend">
          <h2 id="amend">Record an amendment</h2>
          <ValidatedForm schema={amendmentSchema} method="post" feedback={feedback?.intent === "amend" ? feedback : undefined}>
            <input type="hidden" name="intent" value="amend" />
            <Field name="amendmentText" label="Amendment" multiline />
            <Field name="movedBy" label="Moved by (department or officer)" />
            <button type="submit" className="button">
              Record amendment
            </button>
          </ValidatedForm>
        </section>
      ) : null}
      {shown ? (
        <section className="card" aria-labelledby="shown">
          <h2 id="shown">
            Version {shown.version} ({shown.state}), as frozen
          </h2>
          <p>
            <a href={`/meetings/${meeting.id}/minutes.pdf?version=${shown.version}`}>PDF of version {shown.version}</a>
          </p>
          <p>
            <strong>Present:</strong> {shown.body.attendance.present.map((p) => `${p.department}: ${p.name}, ${p.designation}${p.substitute ? " (substitute)" : ""}`).join("; ") || "none recorded"}.
            {shown.body.attendance.absent.length ? ` Absent: ${shown.body.attendance.absent.join("; ")}.` : ""}
            {shown.body.attendance.excused.length ? ` Excused: ${shown.body.attendance.excused.join("; ")}.` : ""}
          </p>
          <ol>
            {shown.body.items.map((i) => (
              <li key={i.number}>
                <strong>{i.title}</strong> <span className="muted">({itemStatusLabels[i.status] ?? i.status})</span>
                {i.discussion ? <div>{i.discussion}</div> : null}
                {i.decisions ? <div>Decisions: {i.decisions}</div> : null}
              </li>
            ))}
          </ol>
          {shown.body.actions.length ? (
            <ul>
              {shown.body.actions.map((a, n) => (
                <li key={n}>
                  {a.department}: {a.description}
                  {a.caseCode ? ` (${a.caseCode})` : ""}, due {a.due}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="versions">
        <h2 id="versions">Versions</h2>
        {history.length ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">State</th>
                  <th scope="col">When</th>
                  <th scope="col">Amendment</th>
                </tr>
              </thead>
              <tbody>
                {history.map((v) => (
                  <tr key={v.version}>
                    <td>
                      <Link to={`?version=${v.version}`}>Version {v.version}</Link>
                    </td>
                    <td>{v.state}</td>
                    <td>{v.at}</td>
                    <td>{v.amendment ? `${v.amendment} (moved by ${v.movedBy})` : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">No version has been circulated yet.</p>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
