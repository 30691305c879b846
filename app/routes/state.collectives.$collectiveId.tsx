import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AppointedNotice } from "~/components/appointed-notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, ValidatedForm, type FormFeedback } from "~/components/form";
import { meetingRuleInWords } from "~/components/meeting-rule-fields";
import { getDb } from "~/db.server";
import { formatDate } from "~/lib/dates";
import { readForm, type FieldErrors, type FormValues } from "~/lib/forms";
import { idParam, invariantResponse } from "~/lib/params";
import { plural } from "~/lib/plural";
import { findDistrictCollective, listAdministrators } from "~/models/collective.server";
import { listDepartmentNames } from "~/models/department.server";
import { administratorGuardFields, appointSchema, deactivateSchema } from "~/schemas/new-collective";
import { requireUserWithPermission } from "~/services/auth.server";
import { appointAdministrator, deactivateCollective } from "~/services/collectives.server";
import { parseGuardedForm } from "~/services/input-guard.server";
import { wakeMailSender } from "~/services/mail.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.collective.name ?? "Collective"} · TESTA Desk` },
];

/** A district's collective as the state administrator reaches it; the state's own row and a forged id are a 404. */
function requireDistrict(params: LoaderFunctionArgs["params"]) {
  const collective = findDistrictCollective(getDb(), idParam(params, "collectiveId"));
  invariantResponse(collective, "Collective not found", { status: 404 });
  return collective;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:collectives");
  const c = requireDistrict(params);
  const db = getDb();
  return {
    collective: {
      id: c.id,
      name: c.name,
      code: c.districtCode,
      state: c.state,
      timeZone: c.timeZone,
      rule: meetingRuleInWords(c),
      since: formatDate(c.createdAt.slice(0, 10)),
      deactivatedOn: c.deactivatedAt ? formatDate(c.deactivatedAt.slice(0, 10)) : null,
    },
    departments: listDepartmentNames(db, c.id).map((d) => d.name),
    administrators: listAdministrators(db, c.id),
  };
}

/** The state administrator appoints another administrator, or deactivates the collective (after typing its name). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:collectives");
  const collective = requireDistrict(params);
  const db = getDb();
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const refuse = (errors: FieldErrors, values: FormValues, status = 400) =>
    data({ intent, errors, values }, { status });

  if (intent === "appoint") {
    const form = parseGuardedForm(db, user, appointSchema, formData, "an appointment", administratorGuardFields);
    if (!form.ok) return refuse(form.errors, form.values);
    if (collective.deactivatedAt) return refuse({ form: `${collective.name} is deactivated.` }, form.values, 409);
    const appointed = appointAdministrator(db, user, collective, form.data);
    if (!appointed.ok) return refuse({ [appointed.field]: appointed.message }, form.values);
    wakeMailSender();
    return { intent, appointment: appointed.appointment };
  }
  if (intent === "deactivate") {
    const form = parseGuardedForm(db, user, deactivateSchema, formData, "a deactivation", {});
    if (!form.ok) return refuse(form.errors, form.values);
    if (form.data.confirmDistrict.toLowerCase() !== collective.district.toLowerCase())
      return refuse({ confirmDistrict: `Type the district's name, ${collective.district}, to confirm.` }, form.values);
    deactivateCollective(db, user, collective.id);
    return redirect(`/state/collectives/${collective.id}?deactivated=1`);
  }
  return refuse({ form: "Unknown form." }, {});
}

export default function CollectivePage() {
  const { collective: c, departments, administrators } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const feedbackFor = (intent: string): FormFeedback =>
    result && "errors" in result && result.intent === intent ? result : undefined;
  return (
    <div className="page page--narrow">
      <p>
        <Link to="/state/collectives">All collectives</Link>
      </p>
      <h1>{c.name}</h1>
      {params.get("deactivated") ? (
        <div className="notice" role="status">
          {c.name} is deactivated. Its accounts can no longer sign in; its records are kept, readable to the state.
        </div>
      ) : null}
      {result && "errors" in result && result.errors.form && !["appoint", "deactivate"].includes(result.intent) ? (
        <div className="form-error" role="alert">
          {result.errors.form}
        </div>
      ) : null}
      <dl className="card">
        <dt>District code</dt>
        <dd>{c.code}</dd>
        <dt>State</dt>
        <dd>{c.state}</dd>
        <dt>Monthly meeting</dt>
        <dd>
          {c.rule} ({c.timeZone})
        </dd>
        <dt>Member departments</dt>
        <dd>{departments.length ? departments.join(", ") : "None yet"}</dd>
        <dt>Since</dt>
        <dd>{c.since}</dd>
        <dt>Status</dt>
        <dd>{c.deactivatedOn ? `Deactivated on ${c.deactivatedOn}` : "Active"}</dd>
      </dl>
      <section aria-labelledby="administrators">
        <h2 id="administrators">Administrators</h2>
        {administrators.length ? (
          <ul>
            {administrators.map((a) => (
              <li key={a.id}>
                {a.name} ({a.email}){" "}
                <span className="muted">
                  {!a.active ? "disabled" : a.passwordSet ? "has signed up" : "has not set a password yet"}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">No administrator yet.</p>
        )}
        {result && "appointment" in result ? (
          <AppointedNotice appointment={result.appointment} collectiveName={c.name} />
        ) : null}
        {c.deactivatedOn ? null : (
          <div className="card">
            <h3>Appoint an administrator</h3>
            <p className="muted">
              {plural(administrators.length, "administrator", "administrators")} so far. The new one gets a welcome
              email with a link to set a password.
            </p>
            <ValidatedForm schema={appointSchema} method="post" feedback={feedbackFor("appoint")}>
              <input type="hidden" name="intent" value="appoint" />
              <div className="grid-2">
                <Field name="adminName" label="Administrator's name" autoComplete="off" />
                <Field name="adminEmail" label="Administrator's official email" type="email" autoComplete="off" />
              </div>
              <button type="submit" className="button">
                Appoint
              </button>
            </ValidatedForm>
          </div>
        )}
      </section>
      {c.deactivatedOn ? null : (
        <section className="card" aria-labelledby="deactivate">
          <h2 id="deactivate">Deactivate {c.name}</h2>
          <p>
            Nothing is deleted: its cases, meetings and history stay, and the state still reads them. Its accounts can
            no longer sign in, and anyone signed in now is signed out. It cannot be undone from this page.
          </p>
          <ValidatedForm schema={deactivateSchema} method="post" feedback={feedbackFor("deactivate")}>
            <input type="hidden" name="intent" value="deactivate" />
            <Field
              name="confirmDistrict"
              label={`To confirm, type the district's name: ${c.name}`}
              autoComplete="off"
            />
            <button type="submit" className="button button--danger">
              Deactivate {c.name}
            </button>
          </ValidatedForm>
        </section>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
