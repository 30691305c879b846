import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, ValidatedForm } from "~/components/form";
import { getDb } from "~/db.server";
import { defaultWeights, ruleDescriptions, urgencySteps, weightsFrom } from "~/lib/agenda/settings";
import { agendaRuleIds } from "~/lib/agenda/types";
import { parseForm, readForm } from "~/lib/forms";
import { updateAgendaWeights } from "~/models/agenda-settings.server";
import { getCollective } from "~/models/collective.server";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "Agenda rules · TESTA Desk" }];

const weight = z.coerce
  .number({ error: "Give a whole number from 0 to 100." })
  .int("Give a whole number from 0 to 100.")
  .min(0, "Give a whole number from 0 to 100.")
  .max(100, "Give a whole number from 0 to 100.");
const agendaWeightsSchema = z.object(
  Object.fromEntries(agendaRuleIds.map((id) => [id, weight])) as Record<(typeof agendaRuleIds)[number], typeof weight>,
);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:collective");
  return { weights: weightsFrom(getCollective(getDb(), user.collectiveId).agendaWeights), defaults: defaultWeights };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:collective");
  const form = parseForm(agendaWeightsSchema, await readForm(request));
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  updateAgendaWeights(getDb(), user, form.data);
  return redirect("/settings/agenda?saved=1");
}

export default function AgendaSettings() {
  const { weights, defaults } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  return (
    <div className="page">
      <p>
        <Link to="/meetings">Meetings</Link>
      </p>
      <h1>Agenda rules</h1>
      <p>
        A case comes on the agenda when a rule flags it. Its place is the sum of the weights of its reasons, highest
        first; ties go by case code. A weight of 0 keeps the reason but gives it no priority. New weights apply the next
        time an agenda is generated.
      </p>
      <section className="card" aria-labelledby="urgency">
        <h2 id="urgency">Deadlines first</h2>
        <p>
          <strong>A statutory clock that has run out by the day of the meeting comes before everything else</strong>: a
          chargesheet overdue (the accused may claim default bail) or an acquittal's appeal window closing. Such cases
          take the meeting's time first, whatever the scores of cases whose dates are only coming up.
        </p>
        <p>
          A dated reason (a hearing or testimony, a chargesheet due, an appeal window) weighs more as its date nears.
          Its weight is multiplied by:
        </p>
        <ul>
          {urgencySteps.map((step) => (
            <li key={step.upToDays}>
              {step.factor}× when the date is {step.words}
            </li>
          ))}
        </ul>
        <p className="muted">Days are counted from the meeting's date. Other reasons count their weight as it is.</p>
      </section>
      <ValidatedForm schema={agendaWeightsSchema} method="post" feedback={feedback} className="card">
        {agendaRuleIds.map((id) => (
          <Field
            key={id}
            name={id}
            label={ruleDescriptions[id]}
            hint={`Default ${defaults[id]}`}
            type="number"
            min={0}
            max={100}
            defaultValue={weights[id]}
          />
        ))}
        <button type="submit" className="button">
          Save weights
        </button>
      </ValidatedForm>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
