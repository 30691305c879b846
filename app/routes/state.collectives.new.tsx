import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { AppointedNotice } from "~/components/appointed-notice";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, useFieldError, ValidatedForm, type FormFeedback } from "~/components/form";
import { MeetingRuleFields } from "~/components/meeting-rule-fields";
import { getDb } from "~/db.server";
import { readForm } from "~/lib/forms";
import { typicalDepartments } from "~/lib/typical-departments";
import { administratorGuardFields, newCollectiveSchema } from "~/schemas/new-collective";
import { requireUserWithPermission } from "~/services/auth.server";
import { createCollective } from "~/services/collectives.server";
import { parseGuardedForm } from "~/services/input-guard.server";
import { wakeMailSender } from "~/services/mail.server";

export const meta: MetaFunction = () => [{ title: "New collective · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:collectives");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:collectives");
  const db = getDb();
  const form = parseGuardedForm(db, user, newCollectiveSchema, await readForm(request), "a new collective", {
    district: "the district",
    ...administratorGuardFields,
  });
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const created = createCollective(db, user, form.data);
  if (!created.ok) return data({ errors: { [created.field]: created.message }, values: form.values }, { status: 400 });
  wakeMailSender();
  return { created: { id: created.collective.id, name: created.collective.name, appointment: created.appointment } };
}

function StartingDepartments({ kept }: { kept: string[] | undefined }) {
  const error = useFieldError("departments");
  // All nine are ticked at first; after a refusal, what was ticked stays ticked.
  const chosen = new Set(kept ?? typicalDepartments.map((d) => d.kind));
  return (
    <fieldset aria-describedby={error ? "departments-error" : undefined}>
      <legend>Member departments to start with</legend>
      <p className="hint muted">
        The typical nine. Each starts with its seat vacant; the collective's administrator seats its officers, and can
        add others later.
      </p>
      <div className="grid-2">
        {typicalDepartments.map((d) => (
          <label key={d.kind} className="checkbox">
            <input type="checkbox" name="departments" value={d.kind} defaultChecked={chosen.has(d.kind)} />
            {d.name}
          </label>
        ))}
      </div>
      {error ? (
        <span id="departments-error" className="field-error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}

export default function NewCollective() {
  const result = useActionData<typeof action>();
  if (result && "created" in result) {
    const c = result.created;
    return (
      <div className="page page--narrow">
        <h1>Collective created: {c.name}</h1>
        <AppointedNotice appointment={c.appointment} collectiveName={c.name} />
        <p>
          <Link to={`/state/collectives/${c.id}`}>Open {c.name}</Link> ·{" "}
          <Link to="/state/collectives">All collectives</Link>
        </p>
      </div>
    );
  }
  const feedback: FormFeedback = result;
  const kept = feedback?.values?.departments;
  return (
    <div className="page page--narrow">
      <h1>New district collective</h1>
      <p>
        The district's collective, its monthly meeting and its member departments, and the officer who administers it.
        They get a welcome email with a link to set their password, and run the district from there.
      </p>
      <ValidatedForm schema={newCollectiveSchema} method="post" feedback={feedback} className="card">
        <div className="grid-2">
          <Field name="district" label="District" hint="As the district is officially named, e.g. Wardha." />
          <Field
            name="districtCode"
            label="District code (in case codes)"
            hint="2 to 5 capital letters, unique in the state; cases get codes such as WRD-2026-0001."
          />
        </div>
        <Field
          name="timeZone"
          label="Time zone"
          defaultValue="Asia/Kolkata"
          hint="Meetings and dates are shown in it. Region/City, e.g. Asia/Kolkata."
        />
        <h2>Monthly meeting</h2>
        <MeetingRuleFields
          rule={{ meetingWeekOfMonth: 2, meetingWeekday: 4, meetingStartTime: "11:00", meetingDurationMinutes: 120 }}
          zone="local time"
        />
        <StartingDepartments kept={kept === undefined ? (feedback ? [] : undefined) : [kept].flat()} />
        <h2>Its administrator</h2>
        <div className="grid-2">
          <Field name="adminName" label="Administrator's name" autoComplete="off" />
          <Field name="adminEmail" label="Administrator's official email" type="email" autoComplete="off" />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            Create the collective
          </button>
          <Link to="/state/collectives">Cancel</Link>
        </div>
      </ValidatedForm>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
