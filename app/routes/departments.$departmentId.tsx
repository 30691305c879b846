import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db.server";
import { formatDate } from "~/lib/dates";
import { departmentKindLabels, label } from "~/lib/labels";
import { can } from "~/lib/permissions";
import { requireDepartment, tenureHistory } from "~/models/department.server";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.department.name ?? "Department"} · TESTA Desk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:departments");
  const db = getDb();
  const department = requireDepartment(db, user.collectiveId, params.departmentId);
  const history = tenureHistory(db, department.id);
  return {
    department: { id: department.id, name: department.name, kind: label(departmentKindLabels, department.kind), active: department.active },
    tenures: history.map((t) => ({
      id: t.id,
      officerName: t.officerName,
      designation: t.designation,
      email: t.email,
      phone: t.phone,
      from: formatDate(t.startsOn),
      to: t.endsOn ? formatDate(t.endsOn) : null,
    })),
    canTransfer: can(user.role, "manage:departments"),
    canReadBrief: user.role !== "representative" || user.departmentId === department.id,
  };
}

export default function Department() {
  const { department, tenures, canTransfer, canReadBrief } = useLoaderData<typeof loader>();
  const current = tenures.find((t) => t.to === null);
  return (
    <div>
      <p>
        <Link to="/departments">All departments</Link>
      </p>
      <div className="page-head">
        <h1>{department.name}</h1>
        <div className="actions">
          {canReadBrief ? (
            <Link className="button button--quiet" to={`/departments/${department.id}/brief`}>
              Onboarding brief
            </Link>
          ) : null}
          {canTransfer ? (
            <Link className="button" to={`/departments/${department.id}/transfer`}>
              Record a transfer
            </Link>
          ) : null}
        </div>
      </div>
      <p className="muted">
        {department.kind}
        {department.active ? "" : " · inactive"}
      </p>
      <section className="card" aria-labelledby="holder">
        <h2 id="holder">Current holder of the seat</h2>
        {current ? (
          <dl className="facts">
            <dt>Officer</dt>
            <dd>{current.officerName}</dd>
            <dt>Designation</dt>
            <dd>{current.designation}</dd>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${current.email}`}>{current.email}</a>
            </dd>
            {current.phone ? (
              <>
                <dt>Phone</dt>
                <dd>{current.phone}</dd>
              </>
            ) : null}
            <dt>Holding the seat since</dt>
            <dd>{current.from}</dd>
          </dl>
        ) : (
          <p className="empty">The seat is vacant. Record a transfer to seat the new officer.</p>
        )}
      </section>
      <section aria-labelledby="history">
        <h2 id="history">Tenure history</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Officer</th>
                <th scope="col">Designation</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
              </tr>
            </thead>
            <tbody>
              {tenures.map((t) => (
                <tr key={t.id}>
                  <td>{t.officerName}</td>
                  <td>{t.designation}</td>
                  <td>{t.from}</td>
                  <td>{t.to ?? "Current"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
