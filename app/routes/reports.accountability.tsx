import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AccountabilityReport } from "~/components/accountability-matrix";
import { getDb } from "~/db.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { matrixFor, parsePeriod } from "~/services/accountability.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export const meta: MetaFunction = () => [{ title: "Accountability matrix · Reports · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:reports");
  const url = new URL(request.url);
  const period = parsePeriod(url.searchParams.get("period"));
  const byTenure = url.searchParams.get("split") === "tenure";
  return { period, byTenure, rows: matrixFor(getDb(), user.collectiveId, period, byTenure) };
}

export default function Accountability() {
  const { rows, period, byTenure } = useLoaderData<typeof loader>();
  return (
    <div>
      <div className="page-head">
        <h1>Accountability matrix</h1>
        <a
          className="button button--quiet no-print"
          href={`/reports/accountability.csv?period=${period}${byTenure ? "&split=tenure" : ""}`}
          download
        >
          Download CSV
        </a>
      </div>
      <p className="muted">
        What each department agreed at the meetings and whether it did it, and whether it came. Split by tenure, an
        officer is judged only on the time they held the seat: an action belongs to whoever held the seat when it fell
        due.
      </p>
      <AccountabilityReport rows={rows} period={period} byTenure={byTenure} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
