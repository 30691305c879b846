import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AgendaEditor } from "~/components/agenda-editor";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MeetingStatus } from "~/components/meeting-status";
import { OfflineCopyNotice, useKeptForOffline } from "~/components/offline-copy";
import { getDb } from "~/db.server";
import { presentAgenda } from "~/lib/agenda/present";
import { formatDateTime } from "~/lib/dates";
import { readForm } from "~/lib/forms";
import { isMeetingOver, MeetingConflict } from "~/lib/meeting-state";
import { can } from "~/lib/permissions";
import { listDepartmentNames } from "~/models/department.server";
import { agendaItemsOf, caseCodesFor } from "~/models/agenda-item.server";
import { getCollective } from "~/models/collective.server";
import { getMeeting, publishedAgendaVersions } from "~/models/meeting.server";
import { agendaEditSchema } from "~/schemas/meeting";
import { changeAgenda } from "~/services/agenda-edit.server";
import { standingSeen } from "~/services/agenda-notice.server";
import { parseGuardedForm } from "~/services/input-guard.server";
import { loadedNow, offlineCopyHeaders, offlineCopyIfClear } from "~/services/offline-copy.server";
import { maskForReader } from "~/services/page-mask.server";
import { agendaHold } from "~/services/meeting-mail.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { plural } from "~/lib/plural";
import { idParam } from "~/lib/params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Meeting ${data.meeting.number} · TESTA Desk` : "Meeting · TESTA Desk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: idParam(params, "meetingId"), collectiveId: user.collectiveId });
  // The standing items were brought up to date when the facts under them changed (never here, on a
  // GET); this browser is told once, the first time it shows the agenda since then.
  const seen = await standingSeen.read(request);
  const refreshed =
    meeting.status === "planned" &&
    meeting.standingRefreshedAt !== null &&
    seen[meeting.id] !== meeting.standingRefreshedAt;
  const collective = getCollective(db, user.collectiveId);
  const items = agendaItemsOf(db, meeting.id);
  const departments = listDepartmentNames(db, user.collectiveId);
  const codes = caseCodesFor(db, items);
  const deptName = new Map(departments.map((d) => [d.id, d.name]));
  const agenda = presentAgenda(
    items.map((i) => ({
      id: i.id,
      kind: i.kind,
      title: i.title,
      minutes: i.minutes,
      reasons: i.reasons,
      removed: i.removed,
      forWrittenUpdate: i.forWrittenUpdate,
      pinned: i.pinned,
      version: i.version,
      caseId: i.caseId,
      caseCode: i.caseId ? (codes.get(i.caseId) ?? null) : null,
      presentingDepartment: i.presentingDepartmentId ? (deptName.get(i.presentingDepartmentId) ?? null) : null,
    })),
    meeting.startsAt,
    meeting.durationMinutes,
    collective.timeZone,
  );
  const versions = publishedAgendaVersions(db, meeting.id);
  const page = maskForReader(db, user, {
    meeting: {
      id: meeting.id,
      number: meeting.number,
      status: meeting.status,
      when: formatDateTime(meeting.startsAt, collective.timeZone),
      durationMinutes: meeting.durationMinutes,
      venue: meeting.venue,
      onlineLink: meeting.onlineLink,
    },
    agenda,
    refreshed,
    departments,
    publishedVersion: versions[0]
      ? { version: versions[0].version, at: formatDateTime(versions[0].publishedAt, collective.timeZone) }
      : null,
    canEdit: can(user.role, "write:meeting") && !isMeetingOver(meeting),
    canOpenCases: can(user.role, "read:restricted-fields"),
    canRun: can(user.role, "write:meeting") && meeting.status !== "cancelled",
    held:
      can(user.role, "write:meeting") && (meeting.status === "planned" || meeting.status === "agenda_published")
        ? agendaHold(db, meeting)
        : null,
    loaded: loadedNow(collective.timeZone),
  });
  // A meeting still to be held: this device may keep its agenda for the meeting offline, if all clear.
  const headers = new Headers(isMeetingOver(meeting) ? {} : offlineCopyIfClear(db, user.collectiveId, page));
  if (refreshed)
    headers.set("Set-Cookie", await standingSeen.remember(request, meeting.id, meeting.standingRefreshedAt!));
  return data(page, { headers });
}

export const headers = offlineCopyHeaders;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: idParam(params, "meetingId"), collectiveId: user.collectiveId });
  const form = parseGuardedForm(
    db,
    user,
    agendaEditSchema,
    await readForm(request),
    `Meeting ${meeting.number}'s agenda`,
    { title: "the title of the new agenda item" },
  );
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  try {
    const result = changeAgenda(db, meeting, form.data);
    if (!result.ok) return data({ errors: result.errors, values: form.values }, { status: result.status });
    return { changes: result.changes };
  } catch (error) {
    if (!(error instanceof MeetingConflict)) throw error;
    return data({ errors: { form: error.message } }, { status: 409 });
  }
}

export default function MeetingPage() {
  const page = useLoaderData<typeof loader>();
  const { meeting, agenda, departments, canEdit, canOpenCases, canRun, publishedVersion, refreshed, held, loaded } =
    page;
  // Kept on this device for the meeting, as last loaded (the server says when it may be).
  useKeptForOffline(page);
  const feedback = useActionData<typeof action>();
  const navigation = useNavigation();
  const changes = feedback && "changes" in feedback ? feedback.changes : null;
  const errors = feedback && "errors" in feedback ? (feedback.errors as Record<string, string>) : null;
  const values = feedback && "values" in feedback ? (feedback.values as Record<string, unknown>) : null;
  // The "add an item" form shows its own field messages; any other refusal is shown at the top.
  const addFeedback =
    values?.intent === "add" ? { errors: errors ?? {}, values: values as Record<string, string> } : undefined;
  const topError = errors && !addFeedback ? (errors.form ?? Object.values(errors)[0]) : null;
  return (
    <div>
      <div className="page-head">
        <h1>Meeting {meeting.number}</h1>
        <MeetingStatus status={meeting.status} />
      </div>
      <OfflineCopyNotice loaded={loaded} what="the agenda" />
      {held ? (
        <div className="form-error" role="alert">
          {held.message} {held.fixUrl ? <Link to={held.fixUrl}>Correct it</Link> : null}
        </div>
      ) : null}
      <section className="card" aria-labelledby="details">
        <h2 id="details" className="visually-hidden">
          Details
        </h2>
        <dl className="facts">
          <dt>When</dt>
          <dd>
            {meeting.when} ({plural(meeting.durationMinutes, "minute", "minutes")})
          </dd>
          {meeting.venue ? (
            <>
              <dt>Venue</dt>
              <dd>{meeting.venue}</dd>
            </>
          ) : null}
          {meeting.onlineLink ? (
            <>
              <dt>Online</dt>
              <dd>
                <a href={meeting.onlineLink}>{meeting.onlineLink}</a>
              </dd>
            </>
          ) : null}
          <dt>Agenda</dt>
          <dd>
            {publishedVersion
              ? `Version ${publishedVersion.version} published ${publishedVersion.at}`
              : "Draft, not yet published: its standing items keep themselves up to date"}
          </dd>
        </dl>
        <div className="actions no-print">
          <a className="button button--quiet" href={`/meetings/${meeting.id}/agenda.pdf`}>
            Agenda PDF
          </a>
          <a className="button button--quiet" href={`/meetings/${meeting.id}/invite.ics`}>
            Calendar invite
          </a>
          <Link className="button button--quiet" to={`/meetings/${meeting.id}/minutes`}>
            Minutes
          </Link>
          {canRun ? (
            <Link className="button" to={`/meetings/${meeting.id}/run`}>
              Run the meeting
            </Link>
          ) : null}
          {canEdit ? (
            <>
              <Link className="button" to={`/meetings/${meeting.id}/publish`}>
                {publishedVersion ? "Publish an update" : "Publish agenda"}
              </Link>
              <Link className="button button--quiet" to={`/meetings/${meeting.id}/reschedule`}>
                Reschedule
              </Link>
              <Link className="button button--quiet" to={`/meetings/${meeting.id}/cancel`}>
                Cancel meeting
              </Link>
            </>
          ) : null}
        </div>
      </section>

      {topError ? (
        <div className="form-error" role="alert">
          {topError}
        </div>
      ) : null}
      {changes ? <ChangesNotice changes={changes} /> : null}
      {refreshed ? (
        <div className="notice" role="status">
          The standing items were brought up to date with the latest held meeting and the action items (minutes to
          confirm, action review, escalations). Your other changes to the agenda are kept.
        </div>
      ) : null}

      <div className="page-head">
        <h2>Agenda</h2>
        {canEdit ? (
          <Form method="post" className="no-print">
            <input type="hidden" name="intent" value="regenerate" />
            <button type="submit" className="button button--quiet" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" && navigation.formData?.get("intent") === "regenerate"
                ? "Regenerating…"
                : "Regenerate from cases"}
            </button>
          </Form>
        ) : null}
      </div>
      <AgendaEditor
        agenda={agenda}
        departments={departments}
        canEdit={canEdit}
        canOpenCases={canOpenCases}
        feedback={addFeedback}
      />
    </div>
  );
}

function ChangesNotice({
  changes,
}: {
  changes: { added: string[]; dropped: string[]; toWrittenUpdate: string[]; toAgenda: string[]; first: boolean };
}) {
  const lines = [
    changes.added.length ? `Added: ${changes.added.join(", ")}.` : null,
    changes.dropped.length ? `No longer flagged, so taken off: ${changes.dropped.join(", ")}.` : null,
    changes.toWrittenUpdate.length
      ? `Moved to written update for lack of time: ${changes.toWrittenUpdate.join(", ")}.`
      : null,
    changes.toAgenda.length ? `Moved from written update to the agenda: ${changes.toAgenda.join(", ")}.` : null,
  ].filter(Boolean);
  return (
    <div className="notice" role="status">
      <strong>Agenda regenerated.</strong>{" "}
      {lines.length ? lines.join(" ") : "No case came on or went off; reasons and times are up to date."} Pinned items,
      your own items and removals were kept.
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
