import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { departmentKinds } from "#db/schema/enums";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, SelectField, ValidatedForm } from "~/components/form";
import { getDb } from "~/db.server";
import { formatDate, todayIn } from "~/lib/dates";
import { readForm } from "~/lib/forms";
import { departmentKindLabels, label } from "~/lib/labels";
import { can } from "~/lib/permissions";
import { addDepartment, listDepartmentsWithHolders } from "~/models/department.server";
import { getCollective } from "~/models/collective.server";
import { newDepartmentSchema } from "~/schemas/collective";
import { parseGuardedForm } from "~/services/input-guard.server";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "Departments · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:departments");
  const db = getDb();
  const today = todayIn(getCollective(db, user.collectiveId).timeZone);
  return {
    departments: listDepartmentsWithHolders(db, user.collectiveId, today).map((d) => ({
      id: d.id,
      name: d.name,
      kind: label(departmentKindLabels, d.kind),
      active: d.active,
      holder: d.holder && {
        name: d.holder.officerName,
        designation: d.holder.designation,
        email: d.holder.email,
        phone: d.holder.phone,
        since: formatDate(d.holder.startsOn),
      },
      incoming: d.incoming && { name: d.incoming.officerName, from: formatDate(d.incoming.startsOn) },
    })),
    canManage: can(user.role, "manage:departments"),
  };
}

/** A new member department; its first holder is seated with "Record a transfer" on its page. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:departments");
  const form = parseGuardedForm(getDb(), user, newDepartmentSchema, await readForm(request), "a new department", {
    name: "the department's name",
  });
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const added = addDepartment(getDb(), { collectiveId: user.collectiveId, byUserId: user.id }, form.data);
  if (!added.ok) return data({ errors: { [added.field]: added.message }, values: form.values }, { status: 400 });
  return redirect(`/departments/${added.department.id}/transfer`);
}

export default function Departments() {
  const { departments, canManage } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  return (
    <div>
      <h1>Departments and seats</h1>
      <p className="muted">
        Members of the collective are departments. Each seat has one holder at a time; the work belongs to the
        department.
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Departments and their current seat holders</caption>
          <thead>
            <tr>
              <th scope="col">Department</th>
              <th scope="col">Current holder</th>
              <th scope="col">Contact</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link to={`/departments/${d.id}`}>{d.name}</Link>
                  <div className="muted">
                    {d.kind}
                    {d.active ? "" : " · inactive"}
                  </div>
                </td>
                <td>
                  {d.holder ? `${d.holder.name}, ${d.holder.designation}` : <span className="muted">Seat vacant</span>}
                  {d.incoming ? (
                    <div className="muted">
                      {d.incoming.name} takes the seat on {d.incoming.from}
                    </div>
                  ) : null}
                </td>
                <td>
                  {d.holder ? (
                    <>
                      <a href={`mailto:${d.holder.email}`}>{d.holder.email}</a>
                      {d.holder.phone ? <div>{d.holder.phone}</div> : null}
                    </>
                  ) : null}
                </td>
                <td>{d.holder?.since ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {departments.length === 0 ? (
        <p className="empty">No department yet. Add the collective's member departments below.</p>
      ) : null}
      {canManage ? (
        <section className="card" aria-labelledby="add-department">
          <h2 id="add-department">Add a department</h2>
          <p className="muted">
            Then seat its first holder: the next page records the officer, creates their account and sends their welcome
            email. <Link to="/settings/collective">Edit the collective's name, district code and meeting defaults</Link>
            , or <Link to="/settings/accounts">disable or enable an account</Link>. The{" "}
            <Link to="/settings/audit">audit log</Link> says who did what, and when. A district moving in can{" "}
            <Link to="/settings/import">import its existing case register</Link> from a spreadsheet; the{" "}
            <Link to="/settings/archive">archive</Link> takes the collective's whole record away as one verifiable file.
          </p>
          <ValidatedForm schema={newDepartmentSchema} method="post" feedback={feedback}>
            <div className="form-row">
              <Field name="name" label="Department name" />
              <SelectField
                name="kind"
                label="Kind"
                options={departmentKinds.map((k) => ({ value: k, label: label(departmentKindLabels, k) }))}
                defaultValue="other"
              />
            </div>
            <button type="submit" className="button">
              Add department
            </button>
          </ValidatedForm>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
