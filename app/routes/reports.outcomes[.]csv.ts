import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { figuresCsv } from "~/lib/outcomes-display";
import { requireUserWithPermission } from "~/services/auth.server";
import { downloadResponse } from "~/services/download.server";
import { outcomesFor } from "~/services/outcomes.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:reports");
  const db = getDb();
  const { figures } = outcomesFor(db, user);
  return downloadResponse(db, user, {
    body: figuresCsv(figures),
    contentType: "text/csv; charset=utf-8",
    filename: "outcomes.csv",
    record: { entity: "report", entityId: null },
  });
}
