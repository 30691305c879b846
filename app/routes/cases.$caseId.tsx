import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CaseRecordForms } from "~/components/case-record-forms";
import type { EventDateRule } from "~/lib/date-rules";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db.server";
import { caseView } from "~/lib/case-view";
import { formatDate, todayIn } from "~/lib/dates";
import { byIntent, readForm } from "~/lib/forms";
import { eventKindLabels, label, outcomeLabels, stageLabels } from "~/lib/labels";
import { can, seesRestricted } from "~/lib/permissions";
import { audit } from "~/models/audit.server";
import { caseDetail, requireCase } from "~/models/case.server";
import { participationIndicatorsFor } from "~/models/outcome.server";
import { participationIndex } from "~/lib/participation";
import { getCollective } from "~/models/collective.server";
import { IdentityMatches } from "~/components/identity-matches";
import { accusedSchema, caseEventFormSchema, matchDecisionSchema, victimSchema } from "~/schemas/case";
import { accusedIdentitySchema, removeEntrySchema, victimIdentitySchema } from "~/schemas/identity";
import { entriesOfCase } from "~/models/identity.server";
import { matchesForCase } from "~/services/identity.server";
import { changeCaseRecord } from "~/services/case-page.server";
import { maskForReader } from "~/services/page-mask.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { parseGuardedForm, type GuardedFields } from "~/services/input-guard.server";
import { plural } from "~/lib/plural";
import { idParam } from "~/lib/params";
import { CaseDecisions } from "~/components/case-decisions";
import { CaseVictims } from "~/components/case-victims";
import { caseDecisions } from "~/services/case-decisions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.view.case.code} · Cases · TESTA Desk` : "Case · TESTA Desk" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:case:own");
  const db = getDb();
  const kase = requireCase(db, user, idParam(params, "caseId"));
  const restricted = seesRestricted(user.role);
  const today = todayIn(getCollective(db, user.collectiveId).timeZone);
  const view = caseView({ kase, ...caseDetail(db, kase.id) }, { restricted, today });
  const indicators = participationIndicatorsFor(db, user.collectiveId);
  const participation = Object.fromEntries(
    view.victims.map((v) => [v.id, participationIndex(v, kase.stage, indicators, today)]),
  );
  if (restricted) {
    // The values themselves never go into the log: only that they were shown, and to whom.
    audit(db, {
      collectiveId: user.collectiveId,
      userId: user.id,
      action: "view:restricted",
      entity: "case",
      entityId: kase.id,
      detail: "fir,accused,notes",
    });
  }
  const registered = new URL(request.url).searchParams.has("registered");
  const decisions = caseDecisions(db, user, kase, today, getCollective(db, user.collectiveId).timeZone);
  const canEdit = can(user.role, "write:case");
  // Which attributes each record holds, and when they were added: never a value, which is not kept.
  const records = canEdit && restricted ? entriesOfCase(db, kase.id) : [];
  return maskForReader(db, user, {
    view,
    participation,
    matches: restricted ? matchesForCase(db, kase.id) : [],
    records,
    canEdit,
    registered,
    decisions,
    // The FIR year is restricted: only those who add events (and see it) get the rule built on it.
    eventRule: canEdit && restricted ? { today, firYear: kase.firYear } : null,
  });
}

/** The forms of the case page; an event's dates are judged by the case's rule (lib/date-rules). */
const schemasFor = (eventRule: EventDateRule) => ({
  "add-event": caseEventFormSchema(eventRule),
  "add-victim": victimSchema,
  "update-victim": victimSchema,
  "add-accused": accusedSchema,
  "victim-identity": victimIdentitySchema,
  "accused-identity": accusedIdentitySchema,
  "decide-match": matchDecisionSchema,
  "remove-identity-entry": removeEntrySchema,
});

/** Identity attributes are never sent back, even on a mistake: the form starts empty again. */
const identityIntents = new Set(["victim-identity", "accused-identity"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:case");
  const db = getDb();
  const kase = requireCase(db, user, idParam(params, "caseId"));
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const today = todayIn(getCollective(db, user.collectiveId).timeZone);
  const schemas = schemasFor({ today, firYear: kase.firYear });
  const schema = byIntent<(typeof schemas)[keyof typeof schemas]>(schemas, intent);
  if (!schema)
    return data({ intent, errors: { form: "Choose what to add to the case." }, values: {} }, { status: 400 });
  // What others read is guarded: an event's outcome (representatives see it) is open text; its
  // note and an accused's name are restricted and may name the accused, never a victim.
  const guarded: Record<string, GuardedFields> = {
    "add-event": { outcome: "the event's outcome", note: { label: "the event's note", scope: "restricted" } },
    "add-accused": { name: { label: "the accused's name", scope: "restricted" } },
  };
  const form = parseGuardedForm(db, user, schema, formData, `case ${kase.code}`, byIntent(guarded, intent) ?? {});
  if (!form.ok) {
    const values = identityIntents.has(intent)
      ? { victimId: String(form.values.victimId ?? ""), accusedId: String(form.values.accusedId ?? "") }
      : form.values;
    return data({ intent, errors: form.errors, values }, { status: 400 });
  }
  const refused = changeCaseRecord(db, user, kase, form.data, today);
  if (refused)
    return data(
      { intent, errors: refused.errors, values: refused.keepInput ? form.values : {} },
      { status: refused.status },
    );
  return redirect(`/cases/${kase.id}`);
}

const roleLabel = (role: string) => ({ lead: "Lead", support: "Support", informed: "Informed" })[role] ?? role;
export default function CasePage() {
  const { view, participation, matches, records, canEdit, registered, decisions, eventRule } =
    useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const c = view.case;
  return (
    <div>
      <div className="page-head">
        <h1>{c.code}</h1>
        <div className="actions">
          <span className={`badge badge--${c.status}`}>{c.status === "open" ? "Open" : "Closed"}</span>
          {canEdit ? (
            <Link className="button button--quiet" to={`/cases/${c.id}/edit`}>
              Edit case
            </Link>
          ) : null}
        </div>
      </div>

      {registered ? (
        <p className="notice" role="status">
          Registered as {c.code}. Add its victims (by code) and accused below.
        </p>
      ) : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="facts">
          <h2 id="facts">Case</h2>
          <dl className="facts">
            <dt>Stage</dt>
            <dd>{label(stageLabels, c.stage)}</dd>
            {c.outcome ? (
              <>
                <dt>Outcome</dt>
                <dd>{label(outcomeLabels, c.outcome)}</dd>
              </>
            ) : null}
            <dt>Police station</dt>
            <dd>{c.policeStation}</dd>
            <dt>Sections</dt>
            <dd>{c.sections || "—"}</dd>
            <dt>Court</dt>
            <dd>{c.courtName ?? "—"}</dd>
            <dt>Court case no.</dt>
            <dd>{c.courtCaseNumber ?? "—"}</dd>
            <dt>Opened on</dt>
            <dd>{formatDate(c.openedOn)}</dd>
            {c.closedOn ? (
              <>
                <dt>Closed on</dt>
                <dd>{formatDate(c.closedOn)}</dd>
              </>
            ) : null}
            <dt>Chargesheet limit</dt>
            <dd>{plural(c.chargesheetLimitDays, "day", "days")} after arrest</dd>
            {view.restricted ? (
              <>
                <dt>
                  FIR <span className="restricted-label">Restricted</span>
                </dt>
                <dd>
                  {view.restricted.firNumber
                    ? `${view.restricted.firNumber}${view.restricted.firYear ? ` / ${view.restricted.firYear}` : ""}`
                    : "—"}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card" aria-labelledby="clocks">
          <h2 id="clocks">Statutory clocks</h2>
          {view.clocks.length ? (
            <ul className="clock-list">
              {view.clocks.map((k) => (
                <li key={k.kind} className={`clock clock--${k.severity}`}>
                  {k.label}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No clock is running: no arrest, next date or acquittal is recorded.</p>
          )}
          <h3>Departments involved</h3>
          <ul>
            {view.departments.map((d) => (
              <li key={d.departmentId}>
                <Link to={`/departments/${d.departmentId}`}>{d.name}</Link>: {roleLabel(d.role)}
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section className="card" aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        {view.events.length ? (
          <ol className="timeline">
            {view.events.map((e) => (
              <li key={e.id}>
                <strong>{formatDate(e.occurredOn)}</strong> · {label(eventKindLabels, e.kind)}
                {e.outcome ? `: ${e.outcome}` : ""}
                {e.nextDate ? <span className="muted"> (next date {formatDate(e.nextDate)})</span> : null}
                {view.restricted?.notes[e.id] ? (
                  <p className="restricted">
                    <span className="restricted-label">Note, restricted</span> {view.restricted.notes[e.id]}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">No event is recorded yet.</p>
        )}
      </section>

      <CaseDecisions decisions={decisions} />
      <CaseVictims victims={view.victims} participation={participation} />

      <section className={view.restricted ? "card restricted" : "card"} aria-labelledby="accused">
        <h2 id="accused">
          Accused
          {view.restricted ? (
            <>
              {" "}
              <span className="restricted-label">Restricted</span>
            </>
          ) : null}
        </h2>
        {view.accused.length ? (
          <ul>
            {view.accused.map((a) => (
              <li key={a.id}>
                {view.restricted?.accusedNames[a.id] ?? `Accused ${a.position}`}:{" "}
                {a.arrestedOn ? `arrested ${formatDate(a.arrestedOn)}` : "not arrested"}, bail{" "}
                {a.bailStatus.replace(/_/g, " ")}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No accused is recorded.</p>
        )}
        {view.restricted ? null : <p className="muted">Names are shown to the secretariat only.</p>}
      </section>

      {matches.length ? <IdentityMatches matches={matches} canDecide={canEdit} /> : null}
      {eventRule ? (
        <CaseRecordForms
          victims={view.victims}
          accused={view.accused.map((a) => ({
            id: a.id,
            name: view.restricted?.accusedNames[a.id] ?? `Accused ${a.position}`,
          }))}
          records={records}
          eventRule={eventRule}
          feedback={feedback}
        />
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
