import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, ValidatedForm } from "~/components/form";
import { MinutesDocument } from "~/components/minutes-document";
import { getDb } from "~/db.server";
import { minutesStateLabels } from "~/lib/labels";
import { formatDateTime } from "~/lib/dates";
import { readForm } from "~/lib/forms";
import { can } from "~/lib/permissions";
import { idParam, parseId } from "~/lib/params";
import { getCollective } from "~/models/collective.server";
import { getMeeting } from "~/models/meeting.server";
import { minutesHistory } from "~/models/minutes.server";
import { redactionsOf } from "~/models/stored-text.server";
import { amendmentSchema } from "~/schemas/minutes";
import { parseGuardedForm } from "~/services/input-guard.server";
import { maskForReader } from "~/services/page-mask.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { refusalMessage } from "~/services/refusals.server";
import { amendMinutes, circulateMinutes, confirmMinutes, minutesDocumentOf } from "~/services/minutes.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Minutes of Meeting ${data?.meeting.number ?? ""} · TESTA Desk` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: idParam(params, "meetingId"), collectiveId: user.collectiveId });
  const { timeZone } = getCollective(db, user.collectiveId);
  const history = minutesHistory(db, meeting.id);
  // The version asked for, else what the PDF gives: the draft while it is one, then the latest version.
  const asked = new URL(request.url).searchParams.get("version");
  const wanted = asked === null ? undefined : history.find((v) => v.version === parseId(asked));
  // Representatives read what was circulated, never a draft (issue 13, defect 13).
  const drafts = can(user.role, "read:draft-minutes");
  const body = minutesDocumentOf(db, meeting, wanted?.version, { drafts });
  const frozen = wanted ?? (meeting.minutesState === "draft" ? undefined : history[0]);
  const page = maskForReader(db, user, {
    shown: body ? { version: frozen?.version ?? null, state: frozen?.state ?? "draft", body } : null,
    missing:
      asked !== null && !wanted
        ? `There is no version “${asked.slice(0, 12)}” of these minutes. Choose one from the list below.`
        : null,
    meeting: {
      id: meeting.id,
      number: meeting.number,
      status: meeting.status,
      minutesState: meeting.minutesState,
      when: formatDateTime(meeting.startsAt, timeZone),
    },
    history: history.map((v) => ({
      version: v.version,
      state: v.state,
      at: formatDateTime(v.createdAt, timeZone),
      amendment: v.amendmentText,
      movedBy: v.amendmentMovedBy,
    })),
    redactions: redactionsOf(db, user.collectiveId, meeting.id).map((r) => ({
      ...r,
      at: formatDateTime(r.at, timeZone),
    })),
    canWrite: can(user.role, "write:meeting"),
    notCirculated: !drafts && meeting.minutesState === "draft",
  });
  return page.missing ? data(page, { status: 404 }) : page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: idParam(params, "meetingId"), collectiveId: user.collectiveId });
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  try {
    if (intent === "circulate") {
      const { batch } = await circulateMinutes(db, meeting, user.id);
      return redirect(`/meetings/${meeting.id}/sending?batch=${encodeURIComponent(batch)}`);
    }
    if (intent === "confirm") {
      confirmMinutes(db, meeting, user.id);
      return redirect(`/meetings/${meeting.id}/minutes`);
    }
    if (intent === "amend") {
      const form = parseGuardedForm(db, user, amendmentSchema, formData, `Meeting ${meeting.number}'s minutes`, {
        amendmentText: "the amendment",
        movedBy: { label: "the “moved by” field", scope: "own-contact" },
      });
      if (!form.ok) return data({ intent, errors: form.errors, values: form.values }, { status: 400 });
      amendMinutes(db, meeting, user.id, { text: form.data.amendmentText, movedBy: form.data.movedBy });
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
  const { meeting, history, canWrite, shown, missing, notCirculated, redactions } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const m = meeting;
  return (
    <div>
      <p className="no-print">
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
        {notCirculated ? null : (
          <a className="button button--quiet" href={`/meetings/${m.id}/minutes.pdf`}>
            {m.minutesState === "draft" ? "Draft minutes PDF" : "Minutes PDF, latest version"}
          </a>
        )}
        {canWrite && (m.minutesState === "draft" || m.minutesState === "circulated") ? (
          <Form method="post">
            <input type="hidden" name="intent" value="circulate" />
            <button type="submit" className="button" disabled={busy}>
              {busy
                ? "Preparing…"
                : m.minutesState === "draft"
                  ? "Circulate the minutes"
                  : "Circulate again, with the amendments"}
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
      {canWrite && m.minutesState !== "draft" ? (
        <section className="card" aria-labelledby="amend">
          <h2 id="amend">Record an amendment</h2>
          <p className="muted">
            {m.minutesState === "circulated"
              ? "These minutes are circulated: a change is an amendment, frozen as a new version with who moved it, and they are confirmed at the next meeting as amended."
              : "These minutes are confirmed: a change is an amendment, frozen as a new version with who moved it."}
          </p>
          <ValidatedForm
            schema={amendmentSchema}
            method="post"
            feedback={feedback?.intent === "amend" ? feedback : undefined}
          >
            <input type="hidden" name="intent" value="amend" />
            <Field name="amendmentText" label="Amendment" multiline />
            <Field name="movedBy" label="Moved by (department or officer)" />
            <button type="submit" className="button">
              Record amendment
            </button>
          </ValidatedForm>
        </section>
      ) : null}
      {missing ? (
        <div className="form-error" role="alert">
          {missing}
        </div>
      ) : null}
      {notCirculated ? (
        <p className="empty">
          The minutes of this meeting have not been circulated yet. You will get them by email when they are.
        </p>
      ) : null}
      {shown ? (
        <section aria-labelledby="shown">
          <h2 id="shown">
            {shown.version ? `Version ${shown.version} (${shown.state})` : "The draft, not yet circulated"}
          </h2>
          <p className="no-print">
            <a href={`/meetings/${meeting.id}/minutes.pdf${shown.version ? `?version=${shown.version}` : ""}`}>
              PDF of {shown.version ? `version ${shown.version}` : "the draft"}
            </a>
            {" · "}
            <span className="muted">Print this page for a paper copy without the controls.</span>
          </p>
          <MinutesDocument doc={shown.body} />
        </section>
      ) : null}
      <section aria-labelledby="versions" className="no-print">
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
                      <Link
                        to={`?version=${v.version}`}
                        aria-current={shown?.version === v.version ? "page" : undefined}
                      >
                        Version {v.version}
                      </Link>
                      {shown?.version === v.version ? <span className="muted"> (shown)</span> : null}
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
        {redactions.length ? (
          <ul aria-label="Redactions">
            {redactions.map((r) => (
              <li key={r.id}>
                {r.what} redacted on {r.at}
                {r.who ? ` by ${r.who}` : ""}: each protected name or number in it now reads “[redacted]”.
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
