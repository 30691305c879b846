import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db.server";
import { formatDate } from "~/lib/dates";
import { departmentKindLabels, label } from "~/lib/labels";
import { listDepartmentsWithHolders } from "~/models/department.server";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "Departments · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:departments");
  return {
    departments: listDepartmentsWithHolders(getDb(), user.collectiveId).map((d) => ({
      id: d.id,
      name: d.name,
      kind: label(departmentKindLabels, d.kind),
      active: d.active,
      holder: d.holder && { name: d.holder.officerName, designation: d.holder.designation, email: d.holder.email, phone: d.holder.phone, since: formatDate(d.holder.startsOn) },
    })),
  };
}

export default function Departments() {
  const { departments } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Departments and seats</h1>
      <p className="muted">Members of the collective are departments. Each seat has one holder at a time; the work belongs to the department.</p>
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
                <td>{d.holder ? `${d.holder.name}, ${d.holder.designation}` : <span className="muted">Seat vacant</span>}</td>
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
    </div>
  );
}
