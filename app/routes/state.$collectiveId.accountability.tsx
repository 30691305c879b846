import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AccountabilityReport } from "~/components/accountability-matrix";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StateDistrictHead } from "~/components/state-district-head";
import { getDb } from "~/db.server";
import { idParam, invariantResponse } from "~/lib/params";
import { findDistrictCollective } from "~/models/collective.server";
import { matrixFor, parsePeriod } from "~/services/accountability.server";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Accountability · ${data?.collective.name ?? "District"} · State · TESTA Desk` },
];

/** One district's accountability matrix, read-only: departments' work, which no small-count rule hides. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:state");
  const db = getDb();
  const collective = findDistrictCollective(db, idParam(params, "collectiveId"));
  invariantResponse(collective, "Collective not found", { status: 404 });
  const url = new URL(request.url);
  const period = parsePeriod(url.searchParams.get("period"));
  const byTenure = url.searchParams.get("split") === "tenure";
  return {
    collective: { id: collective.id, name: collective.name },
    period,
    byTenure,
    rows: matrixFor(db, collective.id, period, byTenure),
  };
}

export default function StateDistrictAccountability() {
  const { collective, rows, period, byTenure } = useLoaderData<typeof loader>();
  return (
    <div>
      <StateDistrictHead collective={collective} page="accountability" />
      <p className="muted">
        Read-only. What each department agreed at the meetings, whether it did it, and whether it came.
      </p>
      <AccountabilityReport rows={rows} period={period} byTenure={byTenure} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
