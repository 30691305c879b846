import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, SelectField, ValidatedForm } from "~/components/form";
import { actionItemStatuses } from "#db/schema/enums";
import { ActionStatus, actionStatusWords } from "~/components/action-status";
import { Pager } from "~/components/pager";
import { RaiseMatter, RaisedNotice, type RaiseMatterCard } from "~/components/raise-matter";
import { getDb } from "~/db.server";
import { formatDate, todayIn } from "~/lib/dates";
import { isEscalated, isOverdue } from "~/lib/escalation";
import { readForm } from "~/lib/forms";
import { can, scopeOf } from "~/lib/permissions";
import { actionFilterChoices, actionsPage } from "~/models/action-list.server";
import { openCasesOfDepartment } from "~/models/case.server";
import { listDepartmentNames } from "~/models/department.server";
import { getCollective } from "~/models/collective.server";
import { listMeetings, meetingDate } from "~/models/meeting.server";
import { actionFilterFields, caseChoicesListed } from "~/schemas/action-item";
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
  const choices = actionFilterChoices(db, user.collectiveId, own ? filters.department : undefined);
  // A long list of cases is a case code to type: thousands of options would be most of the page.
  const caseByCode = choices.cases.length > caseChoicesListed;
  const cases = caseByCode ? [] : choices.cases.map((c) => ({ value: String(c.id), label: c.code }));
  const { caseCode, ...chosen } = filters;
  if (caseCode !== undefined) {
    const found = choices.cases.find((c) => c.code.toLowerCase() === caseCode.toLowerCase());
    if (found) chosen.caseId = found.id;
    else errors.caseCode = "No case with that code has action items you can see. Check the code.";
  }
  const meetings = listMeetings(db, user.collectiveId)
    .filter((m) => choices.meetingIds.has(m.id))
    .map((m) => ({ value: String(m.id), label: `Meeting ${m.number}, ${formatDate(meetingDate(m, timeZone))}` }));
  if (chosen.caseId !== undefined && !choices.cases.some((c) => c.id === chosen.caseId)) {
    errors.caseId = "That case has no action items you can see. Choose a case from the list.";
    delete chosen.caseId;
  }
  if (chosen.meetingId !== undefined && !choices.meetingIds.has(chosen.meetingId)) {
    errors.meetingId = "That meeting has no action items you can see. Choose a meeting from the list.";
    delete chosen.meetingId;
  }
  const { page: asked = 1, ...listFilters } = chosen;
  const list = actionsPage(db, user.collectiveId, listFilters, asked, today);
  if (asked > list.pages) errors.page = `There is no page ${asked}: the list has ${list.pages}. This is the last page.`;
  const rows = list.rows.map((a) => ({
    ...a,
    due: formatDate(a.dueOn),
    overdue: isOverdue(a, today),
    escalated: isEscalated(a, today),
  }));
  const counts = { total: list.total, unfinished: list.unfinished, overdue: list.overdue };
  const paging = { page: list.page, pages: list.pages, pageSize: list.pageSize };
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
  const body = maskForReader(db, user, {
    rows,
    counts,
    paging,
    caseByCode,
    own,
    errors,
    departments,
    ownDepartment,
    cases,
    meetings,
    raise,
  });
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
  const { rows, counts, paging, caseByCode, own, errors, departments, ownDepartment, cases, meetings, raise } =
    useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const raised = outcome && "raised" in outcome ? outcome.raised : null;
  const refused =
    outcome && "errors" in outcome
      ? { errors: outcome.errors as Record<string, string>, values: outcome.values }
      : undefined;
  const [params] = useSearchParams();
  const first = (paging.page - 1) * paging.pageSize + 1;
  const filtered = [...params.keys()].some((k) => k !== "page");
  return (
    <div>
      <h1>{own ? `Our department's actions${ownDepartment ? `: ${ownDepartment}` : ""}` : "All actions"}</h1>
      <p className="muted">
        {counts.unfinished} unfinished, {counts.overdue} overdue. Action items belong to the department and stay with it
        when officers are transferred.
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
          {caseByCode ? (
            <Field name="caseCode" label="Case code" hint="For example BEN-2024-0017" />
          ) : (
            <SelectField name="caseId" label="Case" placeholder="Every case" options={cases} />
          )}
          <SelectField name="meetingId" label="Meeting" placeholder="Every meeting" options={meetings} />
          <div className="field">
            <button type="submit" className="button">
              Filter
            </button>
          </div>
        </div>
        {filtered ? <Link to="/actions">Clear filters</Link> : null}
      </ValidatedForm>
      <p role="status">
        {rows.length
          ? `Showing ${first}–${first + rows.length - 1} of ${plural(counts.total, "action item", "action items")}, ${paging.pageSize} a page${paging.pages > 1 ? `: page ${paging.page} of ${paging.pages}` : ""}.`
          : ""}
      </p>
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
        <p className="empty">
          {filtered
            ? "No action item matches these filters. Change a filter or clear them to see every action item."
            : "No action items yet. They are agreed in meetings and appear here."}
        </p>
      )}
      <Pager page={paging.page} pages={paging.pages} />
      {raise ? <RaiseMatter card={raise} feedback={refused} formKey={raised?.at ?? "raise"} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
