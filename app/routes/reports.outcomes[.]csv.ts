import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { figuresCsv } from "~/lib/outcomes";
import { requireUserWithPermission } from "~/services/auth.server";
import { outcomesFor } from "~/services/outcomes.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:reports");
  const { figures } = outcomesFor(getDb(), user);
  return new Response(figuresCsv(figures), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="outcomes.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
