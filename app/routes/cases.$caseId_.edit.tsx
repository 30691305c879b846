import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import type { cases } from "#db/schema";
import { CaseConflict, caseConflictRows } from "~/components/case-conflict";
import { CaseForm } from "~/components/case-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db.server";
import { todayIn } from "~/lib/dates";
import { readForm } from "~/lib/forms";
import { idParam } from "~/lib/params";
import { audit, audited } from "~/models/audit.server";
import { caseDetail, requireCase, unknownDepartments, updateCase } from "~/models/case.server";
import { listDepartmentNames } from "~/models/department.server";
import { getCollective } from "~/models/collective.server";
import { caseGuardFields, caseSchema } from "~/schemas/case";
import { parseGuardedForm } from "~/services/input-guard.server";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.kase.code ?? "case"} · Cases · TESTA Desk` },
];

const conflictMessage =
  "Someone else changed this case while you were editing. Their version is shown; your changes are kept below but were not saved. Check them against theirs, then save again.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:case");
  const db = getDb();
  const kase = requireCase(db, user, idParam(params, "caseId"));
  const involved = caseDetail(db, kase.id).departments;
  // The form offers the active departments, and keeps any inactive one the case already involves.
  const active = listDepartmentNames(db, user.collectiveId);
  const departments = [
    ...active,
    ...involved
      .filter((d) => !active.some((a) => a.id === d.departmentId))
      .map((d) => ({ id: d.departmentId, name: `${d.name} (inactive)` })),
  ];
  // The edit form shows the FIR number: that is a view of a restricted field.
  audit(db, {
    collectiveId: user.collectiveId,
    userId: user.id,
    action: "view:restricted",
    entity: "case",
    entityId: kase.id,
    detail: "fir",
  });
  return { kase: editable(kase, involved), departments };
}

type CaseRow = typeof cases.$inferSelect;

/** The case's columns the form edits (and the conflict view compares). */
const editedColumns = [
  "id",
  "code",
  "version",
  "policeStation",
  "firNumber",
  "firYear",
  "courtName",
  "courtCaseNumber",
  "sections",
  "stage",
  "status",
  "outcome",
  "openedOn",
  "closedOn",
  "chargesheetLimitDays",
] as const satisfies readonly (keyof CaseRow)[];

/** What the form edits, with the departments' roles keyed by department id. */
function editable(kase: CaseRow, involved: { departmentId: number; role: string }[]) {
  const columns = Object.fromEntries(editedColumns.map((c) => [c, kase[c]])) as Pick<
    CaseRow,
    (typeof editedColumns)[number]
  >;
  return {
    ...columns,
    departments: Object.fromEntries(involved.map((d) => [d.departmentId, d.role])) as Record<number, string>,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:case");
  const db = getDb();
  const kase = requireCase(db, user, idParam(params, "caseId"));
  const form = parseGuardedForm(db, user, caseSchema, await readForm(request), `case ${kase.code}`, caseGuardFields);
  if (!form.ok) return data({ errors: form.errors, values: form.values, theirs: null }, { status: 400 });
  const { version } = form.data;
  if (version === undefined) {
    return data(
      {
        errors: { form: "This form is missing the case's version. Reload the page and make your changes again." },
        values: form.values,
        theirs: null,
      },
      { status: 400 },
    );
  }
  const alreadyInvolved = caseDetail(db, kase.id).departments.map((d) => d.departmentId);
  if (
    unknownDepartments(
      db,
      user.collectiveId,
      form.data.departments.map((d) => d.departmentId),
      { activeOnly: true, alreadyInvolved },
    ).length
  ) {
    return data(
      {
        errors: {
          departments:
            "One of the departments chosen is not an active department of this collective. Reload the page and choose again.",
        },
        values: form.values,
        theirs: null,
      },
      { status: 400 },
    );
  }
  const today = todayIn(getCollective(db, user.collectiveId).timeZone);
  const saved = audited(
    db,
    (tx) => updateCase(tx, kase, { ...form.data, version }, today),
    (ok) =>
      ok
        ? { collectiveId: user.collectiveId, userId: user.id, action: "update", entity: "case", entityId: kase.id }
        : null,
  );
  if (!saved) {
    // Their version is read again (loaders do not rerun after a 4xx), and the form takes its
    // version number, so saving again after checking overwrites knowingly.
    const current = requireCase(db, user, kase.id);
    const theirs = editable(current, caseDetail(db, kase.id).departments);
    return data(
      { errors: { form: conflictMessage }, values: { ...form.values, version: String(current.version) }, theirs },
      { status: 409 },
    );
  }
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
      {feedback?.theirs ? (
        <CaseConflict rows={caseConflictRows(feedback.theirs, feedback.values, departments)} />
      ) : null}
      <div className="card">
        <CaseForm
          key={version}
          defaults={{ ...kase, version }}
          departments={departments}
          feedback={feedback}
          submitLabel="Save changes"
        />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
