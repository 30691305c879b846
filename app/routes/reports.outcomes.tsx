import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OutcomeSections } from "~/components/outcome-sections";
import { getDb } from "~/db.server";
import { can } from "~/lib/permissions";
import { requireUserWithPermission } from "~/services/auth.server";
import { outcomesFor } from "~/services/outcomes.server";

export const meta: MetaFunction = () => [{ title: "Outcomes · Reports · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:reports");
  return { ...outcomesFor(getDb(), user), canConfigure: can(user.role, "manage:collective") };
}

export default function Outcomes() {
  const { figures, exact, canConfigure } = useLoaderData<typeof loader>();
  return (
    <div>
      <div className="page-head">
        <h1>Outcomes</h1>
        <div className="actions no-print">
          <a className="button button--quiet" href="/reports/outcomes.csv" download>
            Download CSV
          </a>
          {canConfigure ? (
            <Link className="button button--quiet" to="/settings/participation">
              Index indicators
            </Link>
          ) : null}
        </div>
      </div>
      <p className="muted">
        Counts only; no case is named here. Each figure carries its definition beside it.{" "}
        {exact ? (
          "You see exact counts."
        ) : (
          <>
            Counts from 1 to 4 show as “&lt;5”, and a rate or median computed from a hidden count shows as “–”. Where a
            hidden count could be worked out by subtracting the other counts from their total, the next smallest count
            (or else the total) is hidden too, as “–”.
          </>
        )}
      </p>
      <OutcomeSections figures={figures} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
