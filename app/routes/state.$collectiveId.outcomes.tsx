import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StateDistrictHead } from "~/components/state-district-head";
import { OutcomeSections } from "~/components/outcome-sections";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/lib/dates";
import { idParam, invariantResponse } from "~/lib/params";
import { findDistrictCollective, getCollective } from "~/models/collective.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { storedDrillDown } from "~/services/state-rollup.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Outcomes · ${data?.collective.name ?? "District"} · State · TESTA Desk` },
];

/** One district's outcomes, read-only, as the state roll-up computed them (small counts hidden across the state). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:state");
  const db = getDb();
  const collective = findDistrictCollective(db, idParam(params, "collectiveId"));
  invariantResponse(collective, "Collective not found", { status: 404 });
  const stored = storedDrillDown(db, collective.id);
  return {
    collective: { id: collective.id, name: collective.name },
    stored,
    timeZone: getCollective(db, user.collectiveId).timeZone,
  };
}

export default function StateDistrictOutcomes() {
  const { collective, stored, timeZone } = useLoaderData<typeof loader>();
  return (
    <div>
      <StateDistrictHead collective={collective} page="outcomes" />
      {stored ? (
        <>
          <p className="muted">
            Read-only, as of {formatDateTime(stored.computedAt, timeZone)} (recomputed every hour with the roll-up).
            Counts from 1 to 4 show as “&lt;5”, and a count that would let one be worked out, here or with the other
            districts and the state total, as “–”; so does a rate or median computed from a hidden count.
          </p>
          <OutcomeSections figures={stored.figures} />
        </>
      ) : (
        <p role="status">This district’s figures are computed with the next roll-up, within the hour.</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
