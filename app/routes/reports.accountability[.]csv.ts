import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { matrixCsv } from "~/lib/accountability";
import { requireUserWithPermission } from "~/services/auth.server";
import { downloadResponse } from "~/services/download.server";
import { matrixFor, parsePeriod } from "~/services/accountability.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:reports");
  const url = new URL(request.url);
  const db = getDb();
  const rows = matrixFor(
    db,
    user.collectiveId,
    parsePeriod(url.searchParams.get("period")),
    url.searchParams.get("split") === "tenure",
  );
  return downloadResponse(db, user, {
    body: matrixCsv(rows),
    contentType: "text/csv; charset=utf-8",
    filename: "accountability.csv",
    record: { entity: "report", entityId: null },
  });
}
