import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { actionItemStatuses } from "#db/schema/enums";
import { ActionStatus, actionStatusWords } from "~/components/action-status";
import { getDb } from "~/db.server";
import { formatDate, todayIn } from "~/lib/dates";
import { isEscalated, isOverdue } from "~/lib/escalation";
import { listActions } from "~/models/action-item.server";
import { listDepartmentNames } from "~/models/department.server";
import { getCollective } from "~/models/meeting.server";
import { actionFilterFields } from "~/schemas/action-item";
import { parseFilters } from "~/schemas/filters";
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
  const value = (n: string) => (errors[n as keyof typeof errors] ? "" : (params.get(n) ?? ""));
  const err = (n: string) => errors[n as keyof typeof errors];
  const unfinished = rows.filter((r) => ["open", "in_progress", "blocked"].includes(r.status));
  return (
    <div>
      <h1>{own ? `Our department's actions${ownDepartment ? `: ${ownDepartment}` : ""}` : "All actions"}</h1>
      <p className="muted">
        {unfinished.length} unfinished, {unfinished.filter((r) => r.overdue).length} overdue. Action items belong to the department and stay with it when
        officers are transferred.
      </p>
      <Form method="get" className="card filters" aria-label="Filter action items">
        <div className="form-row">
          {own ? null : (
            <div className="field">
              <label htmlFor="department">Department</label>
              <select id="department" name="department" defaultValue={value("department")} aria-invalid={err("department") ? true : undefined}>
                <option value="">Every department</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
              {err("department") ? <span className="field-error">{err("department")}</span> : null}
            </div>
          )}
          <div className="field">
            <label htmlFor="status">Status</label>
            <select id="status" name="status" defaultValue={value("status")} aria-invalid={err("status") ? true : undefined}>
              <option value="">Any status</option>
              {actionItemStatuses.map((s) => (
                <option key={s} value={s}>
                  {actionStatusWords[s]}
                </option>
              ))}
            </select>
            {err("status") ? <span className="field-error">{err("status")}</span> : null}
          </div>
          <div className="field">
            <label htmlFor="dueFrom">Due from</label>
            <input id="dueFrom" name="dueFrom" type="date" defaultValue={value("dueFrom")} aria-invalid={err("dueFrom") ? true : undefined} />
            {err("dueFrom") ? <span className="field-error">{err("dueFrom")}</span> : null}
          </div>
          <div className="field">
            <label htmlFor="dueTo">Due to</label>
            <input id="dueTo" name="dueTo" type="date" defaultValue={value("dueTo")} aria-invalid={err("dueTo") ? true : undefined} />
            {err("dueTo") ? <span className="field-error">{err("dueTo")}</span> : null}
          </div>
          {params.get("caseId") ? <input type="hidden" name="caseId" value={value("caseId")} /> : null}
          {params.get("meetingId") ? <input type="hidden" name="meetingId" value={value("meetingId")} /> : null}
          <div className="field">
            <button type="submit" className="button">
              Filter
            </button>
          </div>
        </div>
        {err("caseId") || err("meetingId") ? <p className="field-error">{err("caseId") ?? err("meetingId")}</p> : null}
      </Form>
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
