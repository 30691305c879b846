import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { matrixCsv } from "~/lib/accountability";
import { requireUserWithPermission } from "~/services/auth.server";
import { matrixFor, parsePeriod } from "~/services/accountability.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:reports");
  const url = new URL(request.url);
  const rows = matrixFor(getDb(), user.collectiveId, parsePeriod(url.searchParams.get("period")), url.searchParams.get("split") === "tenure");
  return new Response(matrixCsv(rows), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="accountability.csv"', "Cache-Control": "private, no-store" },
  });
}
