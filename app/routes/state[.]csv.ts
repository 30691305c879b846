import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { stateCsv } from "~/lib/state-display";
import { requireUserWithPermission } from "~/services/auth.server";
import { downloadResponse } from "~/services/download.server";
import { computeStateRollup, storedStateRollup } from "~/services/state-rollup.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:state");
  const db = getDb();
  // Never computed yet (a new deployment, before the job's first run ends): computed here, once.
  const stored = storedStateRollup(db) ?? { computedAt: new Date().toISOString(), view: computeStateRollup(db) };
  return downloadResponse(db, user, {
    body: stateCsv(stored.view),
    contentType: "text/csv; charset=utf-8",
    filename: `state-rollup-${stored.computedAt.slice(0, 10)}.csv`,
    record: { entity: "report", entityId: null },
  });
}
