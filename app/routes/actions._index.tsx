import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { Field, SelectField, ValidatedForm } from "~/components/form";
import { actionItemStatuses } from "#db/schema/enums";
import { ActionStatus, actionStatusWords } from "~/components/action-status";
import { getDb } from "~/db.server";
import { formatDate, todayIn } from "~/lib/dates";
import { isEscalated, isOverdue } from "~/lib/escalation";
import { listActions } from "~/models/action-item.server";
import { listDepartmentNames } from "~/models/department.server";
import { getCollective } from "~/models/meeting.server";
import { actionFilterFields } from "~/schemas/action-item";
import { filterFeedback, filtersPassThrough, parseFilters } from "~/schemas/filters";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "Action items · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:meeting");
  const db = getDb();
  const { filters, errors } = parseFilters(actionFilterFields, new URL(request.url).searchParams);
  // A representative's page is their own department's actions, whatever the URL says.
  const own = user.role === "representative";
  if (own) filters.department = user.departmentId ?? -1;
  const today = todayIn(getCollective(db, user.collectiveId).timeZone);
  const rows = listActions(db, user.collectiveId, filters).map((a) => ({
    ...a,
    due: formatDate(a.dueOn),
    overdue: isOverdue(a, today),
    escalated: isEscalated(a, today),
  }));
  const body = { rows, own, errors, departments: listDepartmentNames(db, user.collectiveId), ownDepartment: own ? listDepartmentNames(db, user.collectiveId).find((d) => d.id === user.departmentId)?.name : null };
  return Object.keys(errors).length ? data(body, { status: 400 }) : body;
}

export default function Actions() {
  const { rows, own, errors, departments, ownDepartment } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const unfinished = rows.filter((r) => ["open", "in_progress", "blocked"].includes(r.status));
  return (
    <div>
      <h1>{own ? `Our department's actions${ownDepartment ? `: ${ownDepartment}` : ""}` : "All actions"}</h1>
      <p className="muted">
        {unfinished.length} unfinished, {unfinished.filter((r) => r.overdue).length} overdue. Action items belong to the department and stay with it when
        officers are transferred.
      </p>
      <ValidatedForm schema={filtersPassThrough} method="get" className="card filters" aria-label="Filter action items" feedback={filterFeedback(params, errors)}>
        <div className="form-row">
          {own ? null : <SelectField name="department" label="Department" placeholder="Every department" options={departments.map((d) => ({ value: String(d.id), label: d.name }))} />}
          <SelectField name="status" label="Status" placeholder="Any status" options={actionItemStatuses.map((s) => ({ value: s, label: actionStatusWords[s] }))} />
          <Field name="dueFrom" label="Due from" type="date" />
          <Field name="dueTo" label="Due to" type="date" />
          {params.get("caseId") && !errors.caseId ? <input type="hidden" name="caseId" value={params.get("caseId")!} /> : null}
          {params.get("meetingId") && !errors.meetingId ? <input type="hidden" name="meetingId" value={params.get("meetingId")!} /> : null}
          <div className="field">
            <button type="submit" className="button">
              Filter
            </button>
          </div>
        </div>
        {errors.caseId || errors.meetingId ? <p className="field-error">{errors.caseId ?? errors.meetingId}</p> : null}
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
                  <td>{a.caseCode ?? ""}</td>
                  <td>{a.meetingNumber ? `Meeting ${a.meetingNumber}` : ""}</td>
                  <td>{a.due}</td>
                  <td>
                    <ActionStatus status={a.status} overdue={a.overdue} escalated={a.escalated} />
                  </td>
                  <td>{a.carried ? `${a.carried} meeting${a.carried === 1 ? "" : "s"}` : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">No action item matches.</p>
      )}
    </div>
  );
}
