import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, SelectField, ValidatedForm } from "~/components/form";
import { actionItemStatuses } from "#db/schema/enums";
import { ActionStatus, actionStatusWords } from "~/components/action-status";
import { RaiseMatter, RaisedNotice, type RaiseMatterCard } from "~/components/raise-matter";
import { getDb } from "~/db.server";
import { formatDate, todayIn } from "~/lib/dates";
import { isEscalated, isOverdue, isUnfinished } from "~/lib/escalation";
import { readForm } from "~/lib/forms";
import { can, scopeOf } from "~/lib/permissions";
import { listActions } from "~/models/action-item.server";
import { openCasesOfDepartment } from "~/models/case.server";
import { listDepartmentNames } from "~/models/department.server";
import { getCollective } from "~/models/collective.server";
import { listMeetings, meetingDate } from "~/models/meeting.server";
import { actionFilterFields } from "~/schemas/action-item";
import { filterFeedback, filtersPassThrough, parseFilters } from "~/schemas/filters";
import { raiseMatterSchema } from "~/schemas/meeting";
import { matterTarget, raiseMatter } from "~/services/agenda-edit.server";
import { parseGuardedForm } from "~/services/input-guard.server";
import { maskForReader } from "~/services/page-mask.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { plural } from "~/lib/plural";

export const meta: MetaFunction = () => [{ title: "Action items · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:action-item:own");
  const db = getDb();
  const { filters, errors } = parseFilters(actionFilterFields, new URL(request.url).searchParams);
  // A representative's page is their own department's actions, whatever the URL says.
  const own = scopeOf(user.role, "read:action-item") === "own";
  if (own) filters.department = user.departmentId ?? -1;
  const { timeZone } = getCollective(db, user.collectiveId);
  const today = todayIn(timeZone);
  // The case and meeting lists offer what the reader's actions refer to. A value from the URL
  // outside them (forged, another collective's, or an item since deleted) is reported and ignored.
  const visible = listActions(db, user.collectiveId, own ? { department: filters.department } : {});
  const caseCodes = new Map(
    visible.filter((a) => a.caseId !== null && a.caseCode !== null).map((a) => [a.caseId!, a.caseCode!]),
  );
  const cases = [...caseCodes]
    .map(([id, code]) => ({ value: String(id), label: code }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const meetingIds = new Set(visible.map((a) => a.meetingId));
  const meetings = listMeetings(db, user.collectiveId)
    .filter((m) => meetingIds.has(m.id))
    .map((m) => ({ value: String(m.id), label: `Meeting ${m.number}, ${formatDate(meetingDate(m, timeZone))}` }));
  if (filters.caseId !== undefined && !caseCodes.has(filters.caseId)) {
    errors.caseId = "That case has no action items you can see. Choose a case from the list.";
    delete filters.caseId;
  }
  if (filters.meetingId !== undefined && !meetingIds.has(filters.meetingId)) {
    errors.meetingId = "That meeting has no action items you can see. Choose a meeting from the list.";
    delete filters.meetingId;
  }
  // Work still to do comes first, soonest due at the top; finished and dropped items follow, latest first.
  const rows = listActions(db, user.collectiveId, filters)
    .map((a) => ({
      ...a,
      due: formatDate(a.dueOn),
      overdue: isOverdue(a, today),
      escalated: isEscalated(a, today),
      unfinished: isUnfinished(a.status),
    }))
    .sort((a, b) =>
      a.unfinished !== b.unfinished
        ? a.unfinished
          ? -1
          : 1
        : a.unfinished
          ? a.dueOn.localeCompare(b.dueOn)
          : b.dueOn.localeCompare(a.dueOn),
    );
  const departments = listDepartmentNames(db, user.collectiveId);
  const ownDepartment = own ? departments.find((d) => d.id === user.departmentId)?.name : null;
  // A representative may raise a matter for the next meeting; the card says why when none can take it.
  let raise: RaiseMatterCard | null = null;
  if (can(user.role, "raise:agenda-matter") && user.departmentId !== null) {
    const target = matterTarget(db, user.collectiveId);
    raise = target.ok
      ? {
          open: true,
          label: target.label,
          cases: openCasesOfDepartment(db, user.collectiveId, user.departmentId).map((c) => ({
            value: String(c.id),
            label: c.code,
          })),
        }
      : { open: false, reason: target.message };
  }
  const body = maskForReader(db, user, { rows, own, errors, departments, ownDepartment, cases, meetings, raise });
  return Object.keys(errors).length ? data(body, { status: 400 }) : body;
}

/** The only thing posted here: a representative raising a matter for the next agenda, for the department of their seat. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "raise:agenda-matter");
  const form = parseGuardedForm(
    getDb(),
    user,
    raiseMatterSchema,
    await readForm(request),
    "a matter raised for the agenda",
    { title: "the title of the matter" },
  );
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = raiseMatter(getDb(), user, form.data);
  if (!result.ok) return data({ errors: result.errors, values: form.values }, { status: result.status });
  return { raised: { ...result.meeting, at: new Date().toISOString() } };
}

export default function Actions() {
  const { rows, own, errors, departments, ownDepartment, cases, meetings, raise } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const raised = outcome && "raised" in outcome ? outcome.raised : null;
  const refused =
    outcome && "errors" in outcome
      ? { errors: outcome.errors as Record<string, string>, values: outcome.values }
      : undefined;
  const [params] = useSearchParams();
  const unfinished = rows.filter((r) => r.unfinished);
  return (
    <div>
      <h1>{own ? `Our department's actions${ownDepartment ? `: ${ownDepartment}` : ""}` : "All actions"}</h1>
      <p className="muted">
        {unfinished.length} unfinished, {unfinished.filter((r) => r.overdue).length} overdue. Action items belong to the
        department and stay with it when officers are transferred.
      </p>
      {raised ? <RaisedNotice meeting={raised} /> : null}
      <ValidatedForm
        schema={filtersPassThrough}
        method="get"
        className="card filters"
        aria-label="Filter action items"
        feedback={filterFeedback(params, errors)}
      >
        <div className="form-row">
          {own ? null : (
            <SelectField
              name="department"
              label="Department"
              placeholder="Every department"
              options={departments.map((d) => ({ value: String(d.id), label: d.name }))}
            />
          )}
          <SelectField
            name="status"
            label="Status"
            placeholder="Any status"
            options={actionItemStatuses.map((s) => ({ value: s, label: actionStatusWords[s] ?? s }))}
          />
          <Field name="dueFrom" label="Due from" type="date" />
          <Field name="dueTo" label="Due to" type="date" />
          <SelectField name="caseId" label="Case" placeholder="Every case" options={cases} />
          <SelectField name="meetingId" label="Meeting" placeholder="Every meeting" options={meetings} />
          <div className="field">
            <button type="submit" className="button">
              Filter
            </button>
          </div>
        </div>
      </ValidatedForm>
      {rows.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Action items</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                {own ? null : <th scope="col">Department</th>}
                <th scope="col">Case</th>
                <th scope="col">Agreed at</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col">Carried</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id} className={a.overdue ? "row--overdue" : undefined}>
                  <td>
                    <Link to={`/actions/${a.id}`}>{a.description}</Link>
                  </td>
                  {own ? null : <td>{a.departmentName}</td>}
                  <td className="nowrap">{a.caseCode ?? ""}</td>
                  <td className="nowrap">{a.meetingNumber ? `Meeting ${a.meetingNumber}` : ""}</td>
                  <td className="nowrap">{a.due}</td>
                  <td>
                    <ActionStatus status={a.status} overdue={a.overdue} escalated={a.escalated} />
                  </td>
                  <td>{a.carried ? plural(a.carried, "meeting", "meetings") : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">No action item matches.</p>
      )}
      {raise ? <RaiseMatter card={raise} feedback={refused} formKey={raised?.at ?? "raise"} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
