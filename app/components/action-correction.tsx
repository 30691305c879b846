import { useMemo } from "react";
import { dueDateBounds, type DueDateRule } from "~/lib/date-rules";
import type { FormFeedback } from "./form";
import { Field, SelectField, ValidatedForm } from "./form";
import { lazySchema } from "./lazy-schema";

// Fetched when a form is first used: the run page shows one of these under every action item.
const actionDropSchema = lazySchema(() => import("~/schemas/action-item").then((m) => m.actionDropSchema));

export type CorrectableAction = {
  id: number;
  description: string;
  departmentId: number;
  caseId: number | null;
  caseCode: string | null;
  dueOn: string;
  version: number;
};

/**
 * The secretariat's two changes to an action as agreed: correct it, or drop it with a reason.
 * Both post to the action's correction page, from wherever they are shown, and come back to `returnTo`.
 * Once the meeting's minutes are circulated a correction or a drop is an amendment, so each asks who moved it.
 */
export function ActionCorrection({
  action,
  dueRule,
  departments,
  cases,
  needsAmendment,
  settled,
  feedback,
  returnTo,
}: {
  action: CorrectableAction;
  /** The day the action was agreed and today: the due dates a correction may set. */
  dueRule: DueDateRule;
  departments: { id: number; name: string }[];
  cases: { id: number; code: string }[];
  needsAmendment: boolean;
  /** Why a change is an amendment: the minutes are "circulated" or "confirmed". */
  settled?: "circulated" | "confirmed" | null;
  feedback?: FormFeedback & { intent?: string };
  returnTo?: string;
}) {
  const caseOptions = [...cases];
  if (action.caseId && action.caseCode && !cases.some((c) => c.id === action.caseId))
    caseOptions.push({ id: action.caseId, code: action.caseCode });
  const correctionSchema = useMemo(
    () =>
      lazySchema(() => import("~/schemas/action-item").then((m) => m.actionCorrectionSchema(dueRule, action.dueOn))),
    [dueRule, action.dueOn],
  );
  const back = returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null;
  return (
    <div className="action-correction">
      <ValidatedForm
        schema={correctionSchema}
        method="post"
        action={`/actions/${action.id}/correct`}
        feedback={feedback?.intent === "correct" ? feedback : undefined}
      >
        <input type="hidden" name="intent" value="correct" />
        <input type="hidden" name="version" value={action.version} />
        {back}
        <Field
          name="description"
          label="Action"
          defaultValue={action.description}
          hint="What is to be done, by the department. Cases by code only."
        />
        <div className="form-row">
          <SelectField
            name="departmentId"
            label="Owning department"
            options={departments.map((d) => ({ value: String(d.id), label: d.name }))}
            defaultValue={action.departmentId}
          />
          <Field name="dueOn" label="Due date" type="date" defaultValue={action.dueOn} {...dueDateBounds(dueRule)} />
          <SelectField
            name="caseId"
            label="Linked case"
            placeholder="No case"
            options={caseOptions.map((c) => ({ value: String(c.id), label: c.code }))}
            defaultValue={action.caseId ?? ""}
          />
        </div>
        {needsAmendment ? (
          <Field
            name="movedBy"
            label="Amendment moved by"
            hint={`These minutes are ${settled ?? "confirmed"}: the correction is recorded as an amendment, in a new version.`}
          />
        ) : null}
        <button type="submit" className="button">
          {needsAmendment ? "Record the amendment" : "Save the correction"}
        </button>
      </ValidatedForm>
      <ValidatedForm
        schema={actionDropSchema}
        method="post"
        action={`/actions/${action.id}/correct`}
        feedback={feedback?.intent === "drop" ? feedback : undefined}
      >
        <input type="hidden" name="intent" value="drop" />
        <input type="hidden" name="version" value={action.version} />
        {back}
        <Field
          name="reason"
          label="Reason for dropping"
          hint="A dropped action leaves the agenda, the reviews and every count of open work; its history stays."
        />
        {needsAmendment ? (
          <Field
            name="movedBy"
            label="Drop moved by"
            hint={`These minutes are ${settled ?? "confirmed"}: dropping the action is recorded as an amendment, in a new version.`}
          />
        ) : null}
        <button type="submit" className="button button--quiet">
          {needsAmendment ? "Drop this action, as an amendment" : "Drop this action"}
        </button>
      </ValidatedForm>
    </div>
  );
}
