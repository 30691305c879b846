import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { caseStages, type CaseStage } from "#db/schema/enums";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, useFieldError, ValidatedForm } from "~/components/form";
import { getDb } from "~/db.server";
import { readForm } from "~/lib/forms";
import { label, stageLabels } from "~/lib/labels";
import { indicatorDescriptions, indicatorKeys, type Indicator } from "~/lib/participation";
import { audited } from "~/models/audit.server";
import { participationIndicatorsFor, saveParticipationIndicators } from "~/models/outcome.server";
import { participationSchema } from "~/schemas/participation";
import { parseGuardedForm } from "~/services/input-guard.server";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "Participation index indicators · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:collective");
  return { indicators: participationIndicatorsFor(getDb(), user.collectiveId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:collective");
  const form = parseGuardedForm(
    getDb(),
    user,
    participationSchema,
    await readForm(request),
    "the participation settings",
    Object.fromEntries(indicatorKeys.map((key, n) => [`${key}.label`, `the label of indicator ${n + 1}`])),
  );
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const v = form.data as Record<string, unknown>;
  const indicators: Indicator[] = indicatorKeys.map((key) => ({
    key,
    label: String(v[`${key}.label`]),
    weight: Number(v[`${key}.weight`]),
    active: !!v[`${key}.active`],
    stages: v[`${key}.stages`] as CaseStage[],
  }));
  const db = getDb();
  audited(
    db,
    (tx) => saveParticipationIndicators(tx, user.collectiveId, indicators),
    () => ({ collectiveId: user.collectiveId, userId: user.id, action: "update", entity: "participation_indicators" }),
  );
  return redirect("/reports/outcomes");
}

function StageBoxes({ indicator, kept }: { indicator: Indicator; kept?: string[] }) {
  const error = useFieldError(`${indicator.key}.stages`);
  const chosen = new Set(kept ?? indicator.stages);
  return (
    <fieldset>
      <legend>Applies at these stages</legend>
      <div className="stage-boxes">
        {caseStages.map((s) => (
          <label key={s} className="checkbox">
            <input type="checkbox" name={`${indicator.key}.stages`} value={s} defaultChecked={chosen.has(s)} />
            {label(stageLabels, s)}
          </label>
        ))}
      </div>
      {error ? <span className="field-error">{error}</span> : null}
    </fieldset>
  );
}

export default function ParticipationSettings() {
  const { indicators } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const keptStages = (key: string) => {
    if (!feedback?.values) return undefined;
    const v = feedback.values[`${key}.stages`];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  return (
    <div>
      <p>
        <Link to="/reports/outcomes">Outcomes</Link>
      </p>
      <h1>Participation index indicators</h1>
      <p>
        A victim's index is the weighted share of the indicators that apply at her case's stage (and to her: a bail
        hearing held, a summons, a threat reported) and that the system delivered. It measures the system, never the
        victim. Changes apply to every figure at once.
      </p>
      <ValidatedForm schema={participationSchema} method="post" feedback={feedback}>
        {indicators.map((i) => (
          <section key={i.key} className="card" aria-labelledby={`ind-${i.key}`}>
            <h2 id={`ind-${i.key}`}>{i.label}</h2>
            <p className="muted">{indicatorDescriptions[i.key]}</p>
            <div className="form-row">
              <Field name={`${i.key}.label`} label="Label" defaultValue={i.label} />
              <Field
                name={`${i.key}.weight`}
                label="Weight (0–10)"
                type="number"
                min={0}
                max={10}
                defaultValue={i.weight}
              />
              <label className="checkbox">
                <input
                  type="checkbox"
                  name={`${i.key}.active`}
                  defaultChecked={feedback?.values ? !!feedback.values[`${i.key}.active`] : i.active}
                />
                Counted in the index
              </label>
            </div>
            <StageBoxes indicator={i} kept={keptStages(i.key)} />
          </section>
        ))}
        <button type="submit" className="button">
          Save indicators
        </button>
      </ValidatedForm>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
