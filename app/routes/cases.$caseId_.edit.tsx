import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CaseForm } from "~/components/case-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db.server";
import { todayIn } from "~/lib/dates";
import { parseForm } from "~/lib/forms";
import { audit } from "~/models/audit.server";
import { caseDetail, requireCase, unknownDepartments, updateCase } from "~/models/case.server";
import { listDepartmentNames } from "~/models/department.server";
import { getCollective } from "~/models/meeting.server";
import { caseSchema } from "~/schemas/case";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit ${data?.kase.code ?? "case"} · TESTA Desk` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:case");
  const db = getDb();
  const kase = requireCase(db, user, params.caseId);
  const roles = Object.fromEntries(caseDetail(db, kase.id).departments.map((d) => [d.departmentId, d.role]));
  audit(db, { collectiveId: user.collectiveId, userId: user.id, action: "view:restricted", entity: "case", entityId: kase.id, detail: "fir (edit form)" });
  return { kase: { ...kase, departments: roles }, departments: listDepartmentNames(db, user.collectiveId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:case");
  const db = getDb();
  const kase = requireCase(db, user, params.caseId);
  const form = parseForm(caseSchema, await request.formData());
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  if (unknownDepartments(db, user.collectiveId, form.data.departments.map((d) => d.departmentId)).length) {
    return data({ errors: { departments: "One of the departments chosen is not part of this collective. Reload the page and choose again." }, values: form.values }, { status: 400 });
  }
  if (!updateCase(db, kase, form.data, todayIn(getCollective(db, user.collectiveId).timeZone))) {
    return data(
      {
        errors: { form: "Someone else changed this case while you were editing. Your changes are kept below but were not saved: open the case in another tab to see theirs, then save again." },
        values: { ...form.values, version: String(kase.version) },
      },
      { status: 409 },
    );
  }
  audit(db, { collectiveId: user.collectiveId, userId: user.id, action: "update", entity: "case", entityId: kase.id });
  return redirect(`/cases/${kase.id}`);
}

export default function EditCase() {
  const { kase, departments } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const version = feedback?.values?.version ? Number(feedback.values.version) : kase.version;
  return (
    <div>
      <h1>Edit {kase.code}</h1>
      <p>
        <Link to={`/cases/${kase.id}`}>Back to the case</Link>
      </p>
      <div className="card">
        <CaseForm key={version} defaults={{ ...kase, version }} departments={departments} feedback={feedback} submitLabel="Save changes" />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
