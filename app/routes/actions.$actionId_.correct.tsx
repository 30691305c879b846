import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ActionCorrection } from "~/components/action-correction";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import type { FormFeedback } from "~/components/form";
import { getDb } from "~/db.server";
import { todayIn } from "~/lib/dates";
import { readForm } from "~/lib/forms";
import { safeRedirect } from "~/lib/safe-redirect";
import { idParam } from "~/lib/params";
import { listActions, requireActionItem } from "~/models/action-item.server";
import { getCollective } from "~/models/collective.server";
import { actionCorrectionSchema, actionDropSchema } from "~/schemas/action-item";
import { agreedOn, correctAction, correctionChoices, dropAction } from "~/services/action-items.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { parseGuardedForm } from "~/services/input-guard.server";
import { invariantResponse } from "~/lib/params";

// The secretariat corrects an action as its meeting agreed it, or drops it. The forms also sit on
// the run page and the action's page; they post here, and a refusal is shown here, input kept.

export const meta: MetaFunction = () => [{ title: "Correct an action item · TESTA Desk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:meeting");
  const db = getDb();
  const item = requireActionItem(db, user, idParam(params, "actionId"));
  const [row] = listActions(db, user.collectiveId, { id: item.id });
  invariantResponse(row, "Action item not found", { status: 404 });
  const today = todayIn(getCollective(db, user.collectiveId).timeZone);
  return {
    item: row,
    dueRule: { agreedOn: agreedOn(db, item), today },
    choices: correctionChoices(db, user, item),
    returnTo: new URL(request.url).searchParams.get("returnTo") ?? "",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "write:meeting");
  const db = getDb();
  const item = requireActionItem(db, user, idParam(params, "actionId"), { forUpdate: true });
  const formData = await readForm(request);
  const intent = formData.get("intent") === "drop" ? "drop" : "correct";
  const today = todayIn(getCollective(db, user.collectiveId).timeZone);
  const correction = actionCorrectionSchema({ agreedOn: agreedOn(db, item), today }, item.dueOn);
  const form =
    intent === "correct"
      ? parseGuardedForm(db, user, correction, formData, `action ${item.id}'s correction`, {
          description: "the action",
          movedBy: "who moved the amendment",
        })
      : parseGuardedForm(db, user, actionDropSchema, formData, `action ${item.id}'s drop`, {
          reason: `action ${item.id}'s dropped reason`,
          movedBy: "who moved the amendment",
        });
  if (!form.ok) return data({ intent, errors: form.errors, values: form.values }, { status: 400 });
  const result =
    form.data.intent === "correct"
      ? correctAction(db, user, item, form.data)
      : dropAction(db, user, item, form.data, today);
  if (!result.ok) return data({ intent, errors: result.errors, values: form.values }, { status: result.status });
  return redirect(safeRedirect(formData.get("returnTo"), `/actions/${item.id}`));
}

export default function CorrectAction() {
  const { item, choices, returnTo, dueRule } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>() as (FormFeedback & { intent?: string }) | undefined;
  return (
    <div className="page page--narrow">
      <p>
        <Link to={`/actions/${item.id}`}>Back to the action item</Link>
      </p>
      <h1>Correct or drop: {item.description}</h1>
      <p className="muted">
        {choices.needsAmendment
          ? `The minutes of Meeting ${choices.meetingNumber} are ${choices.settled}: a correction or a drop is recorded as an amendment, in a new version.`
          : "A correction changes the minutes directly while they are a draft."}
      </p>
      {item.status === "dropped" ? (
        <p className="notice">This action item is dropped.</p>
      ) : (
        <ActionCorrection
          action={{
            id: item.id,
            description: item.description,
            departmentId: item.departmentId,
            caseId: item.caseId,
            caseCode: item.caseCode,
            dueOn: item.dueOn,
            version: item.version,
          }}
          dueRule={dueRule}
          departments={choices.departments}
          cases={choices.cases}
          needsAmendment={choices.needsAmendment}
          settled={choices.settled}
          feedback={feedback}
          returnTo={returnTo || undefined}
        />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
