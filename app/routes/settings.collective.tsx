import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, ValidatedForm } from "~/components/form";
import { MeetingRuleFields } from "~/components/meeting-rule-fields";
import { getDb } from "~/db.server";
import { readForm } from "~/lib/forms";
import { getCollective, updateCollectiveSettings } from "~/models/collective.server";
import { collectiveSchema } from "~/schemas/collective";
import { refreshDraftAgendas } from "~/services/agenda.server";
import { parseGuardedForm } from "~/services/input-guard.server";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "The collective · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:collective");
  return { collective: getCollective(getDb(), user.collectiveId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:collective");
  const form = parseGuardedForm(getDb(), user, collectiveSchema, await readForm(request), "the collective's settings", {
    name: "the collective's name",
    district: "the district",
    state: "the state",
    meetingVenue: "the usual venue",
    meetingLink: "the usual online link",
  });
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const db = getDb();
  updateCollectiveSettings(db, user, form.data);
  // The meeting rule sets the next meeting's date, which a draft agenda's action review counts to.
  refreshDraftAgendas(db, user.collectiveId);
  return redirect("/settings/collective?saved=1");
}

export default function CollectiveSettings() {
  const { collective: c } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="page">
      <h1>The collective</h1>
      {params.get("saved") ? (
        <div className="notice" role="status">
          Saved.
        </div>
      ) : null}
      <ValidatedForm schema={collectiveSchema} method="post" feedback={feedback} className="card">
        <div className="grid-2">
          <Field name="name" label="Name" defaultValue={c.name} />
          <Field name="district" label="District" defaultValue={c.district} />
          <Field
            name="districtCode"
            label="District code (in case codes)"
            hint="2 to 5 capital letters; new cases get codes such as NGP-2026-0001."
            defaultValue={c.districtCode}
          />
          <Field name="state" label="State" defaultValue={c.state} />
        </div>
        <h2>Monthly meeting</h2>
        <MeetingRuleFields rule={c} zone="IST" />
        <Field name="meetingVenue" label="Usual venue" defaultValue={c.meetingVenue} />
        <Field name="meetingLink" label="Usual online-meeting link" type="url" defaultValue={c.meetingLink} />
        <button type="submit" className="button">
          Save
        </button>
      </ValidatedForm>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
