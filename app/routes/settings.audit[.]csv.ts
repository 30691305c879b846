import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { allAuditEntries } from "~/models/audit.server";
import { getCollective } from "~/models/collective.server";
import { parseAuditFilters } from "~/schemas/audit";
import { auditCsv, auditQuery } from "~/services/audit-log.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { downloadResponse } from "~/services/download.server";
import { invariantResponse } from "~/lib/params";

/** The entries the page's filters select, all of them; the export itself is audited, with its filters. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:audit");
  const params = new URL(request.url).searchParams;
  const { filters, errors } = parseAuditFilters(params);
  invariantResponse(!Object.keys(errors).length, `Export refused: ${Object.values(errors).join(" ")}`, { status: 400 });
  const db = getDb();
  const { timeZone } = getCollective(db, user.collectiveId);
  const rows = allAuditEntries(db, auditQuery(user.collectiveId, filters, timeZone));
  const { page: _page, ...applied } = filters;
  const described = Object.entries(applied)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  return downloadResponse(db, user, {
    body: auditCsv(rows, timeZone),
    contentType: "text/csv; charset=utf-8",
    filename: "audit-log.csv",
    record: { entity: "audit" },
    detail: `audit-log.csv, ${rows.length} entries${described ? `, ${described}` : ""}`,
  });
}
