import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { importColumns } from "~/lib/case-import/columns";
import { toCsv } from "~/lib/csv";
import { requireUserWithPermission } from "~/services/auth.server";
import { downloadResponse } from "~/services/download.server";

/** The register template: the column names only, so nothing in it is ever imported by mistake. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:collective");
  return downloadResponse(getDb(), user, {
    body: toCsv(importColumns, []),
    contentType: "text/csv; charset=utf-8",
    filename: "case-register-template.csv",
    record: { entity: "data" },
  });
}
