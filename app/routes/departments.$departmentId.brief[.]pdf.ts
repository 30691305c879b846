import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderBriefPdf } from "#templates/pdf/brief";
import { getDb } from "~/db.server";
import { requireDepartment } from "~/models/department.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { briefFields, buildBrief } from "~/services/brief.server";
import { downloadResponse } from "~/services/download.server";
import { guardOrRefuse } from "~/services/identity.server";
import { idParam } from "~/lib/params";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const departmentId = idParam(params, "departmentId");
  const user = await requireUserWithPermission(request, "read:brief:own", { departmentId });
  const db = getDb();
  const department = requireDepartment(db, user.collectiveId, departmentId);
  const brief = buildBrief(db, user.collectiveId, department.id);
  guardOrRefuse(db, user, "the onboarding brief", briefFields(brief));
  const pdf = await renderBriefPdf(brief);
  return downloadResponse(db, user, {
    body: pdf,
    contentType: "application/pdf",
    filename: `brief-department-${department.id}.pdf`,
    inline: true,
    record: { entity: "department", entityId: department.id },
  });
}
