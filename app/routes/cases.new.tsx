import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CaseForm } from "~/components/case-form";
import { getDb } from "~/db.server";
import { todayIn } from "~/lib/dates";
import { readForm } from "~/lib/forms";
import { audited } from "~/models/audit.server";
import { createCase, unknownDepartments } from "~/models/case.server";
import { listDepartmentNames } from "~/models/department.server";
import { getCollective } from "~/models/collective.server";
import { caseGuardFields, caseSchema } from "~/schemas/case";
import { parseGuardedForm } from "~/services/input-guard.server";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "Register a case · Cases · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:case");
  const db = getDb();
  return {
    departments: listDepartmentNames(db, user.collectiveId),
    today: todayIn(getCollective(db, user.collectiveId).timeZone),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:case");
  const db = getDb();
  const form = parseGuardedForm(db, user, caseSchema, await readForm(request), "a new case", caseGuardFields);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  if (
    unknownDepartments(
      db,
      user.collectiveId,
      form.data.departments.map((d) => d.departmentId),
      { activeOnly: true },
    ).length
  ) {
    return data(
      {
        errors: {
          departments:
            "One of the departments chosen is not an active department of this collective. Reload the page and choose again.",
        },
        values: form.values,
      },
      { status: 400 },
    );
  }
  const today = todayIn(getCollective(db, user.collectiveId).timeZone);
  const kase = audited(
    db,
    (tx) => createCase(tx, user.collectiveId, form.data, today),
    (created) => ({
      collectiveId: user.collectiveId,
      userId: user.id,
      action: "create",
      entity: "case",
      entityId: created.id,
    }),
  );
  // The code is shown on the case page, with a note that it was just issued.
  return redirect(`/cases/${kase.id}?registered`);
}

export default function NewCase() {
  const { departments, today } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  return (
    <div>
      <h1>Register a case</h1>
      <p className="muted">
        The case code is issued when you save. Victims are recorded by pseudonym code only, on the case page.
      </p>
      <div className="card">
        <CaseForm
          defaults={{ openedOn: today }}
          departments={departments}
          feedback={feedback}
          submitLabel="Register case"
        />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
