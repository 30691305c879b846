import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderBriefPdf } from "#templates/pdf/brief";
import { getDb } from "~/db.server";
import { requireDepartment } from "~/models/department.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { assertMayReadBrief, briefFields, buildBrief } from "~/services/brief.server";
import { guardOrRefuse } from "~/services/identity.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:departments");
  const db = getDb();
  const department = requireDepartment(db, user.collectiveId, params.departmentId);
  assertMayReadBrief(user, department.id);
  const brief = buildBrief(db, user.collectiveId, department.id);
  guardOrRefuse(db, user, "the onboarding brief", briefFields(brief));
  const pdf = await renderBriefPdf(brief);
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="brief-department-${department.id}.pdf"`, "Cache-Control": "private, no-store" },
  });
}
