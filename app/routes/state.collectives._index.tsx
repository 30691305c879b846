import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db.server";
import { formatDate } from "~/lib/dates";
import { plural } from "~/lib/plural";
import { listCollectiveSummaries } from "~/models/collective.server";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "Collectives · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:collectives");
  return {
    collectives: listCollectiveSummaries(getDb()).map((c) => ({
      id: c.id,
      name: c.name,
      code: c.districtCode,
      departments: c.departments,
      administrators: c.administrators,
      accounts: c.accounts,
      since: formatDate(c.createdAt.slice(0, 10)),
      deactivatedOn: c.deactivatedAt ? formatDate(c.deactivatedAt.slice(0, 10)) : null,
    })),
  };
}

export default function Collectives() {
  const { collectives } = useLoaderData<typeof loader>();
  return (
    <div>
      <div className="page-head">
        <h1>District collectives</h1>
        <Link to="/state/collectives/new" className="button">
          New collective
        </Link>
      </div>
      <p className="muted">
        Each district's collective runs its own meetings, cases and seats; no district sees another's. A deactivated
        collective keeps its records, readable to the state; its accounts no longer sign in.
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">The state's district collectives</caption>
          <thead>
            <tr>
              <th scope="col">Collective</th>
              <th scope="col">Code</th>
              <th scope="col">Departments</th>
              <th scope="col">Accounts</th>
              <th scope="col">Since</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {collectives.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/state/collectives/${c.id}`}>{c.name}</Link>
                </td>
                <td>{c.code}</td>
                <td>{c.departments}</td>
                <td>
                  {c.accounts}
                  <div className="muted">
                    {c.administrators
                      ? plural(c.administrators, "administrator", "administrators")
                      : "No administrator"}
                  </div>
                </td>
                <td className="nowrap">{c.since}</td>
                <td>
                  {c.deactivatedOn ? (
                    <span className="badge badge--closed">Deactivated {c.deactivatedOn}</span>
                  ) : (
                    <span className="badge badge--open">Active</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {collectives.length === 0 ? <p className="empty">No district collective yet.</p> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
