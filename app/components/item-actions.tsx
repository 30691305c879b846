import { Link } from "@remix-run/react";
import { useMemo } from "react";
import { dueDateBounds, type DueDateRule } from "~/lib/date-rules";
import { isOverdue } from "~/lib/escalation";
import { ActionCorrection, type CorrectableAction } from "./action-correction";
import { Field, SelectField, ValidatedForm, type FormFeedback } from "./form";
import { lazySchema } from "./lazy-schema";
import type { QueuedSave } from "~/lib/offline-queue";
import { OverdueBadge, overdueRowClass } from "./overdue";

// The action items agreed under one agenda item on the run page: those kept on this device while
// offline, those recorded, and the form that adds one.

export type ItemAction = CorrectableAction & {
  departmentName: string;
  due: string;
  status: string;
  statusReason: string | null;
};

/** New action items kept on this device while offline: not yet sent, or refused when replayed. */
function KeptActions({ saves, departments }: { saves: QueuedSave[]; departments: { id: number; name: string }[] }) {
  if (!saves.length) return null;
  return (
    <ul aria-label="Action items kept on this device">
      {saves.map((save) => {
        const fields = Object.fromEntries(save.fields);
        return (
          <li key={save.id} className="muted">
            <strong>{departments.find((d) => String(d.id) === fields.departmentId)?.name}</strong>: {fields.description}
            , due {fields.dueOn}.{" "}
            {save.held
              ? `Not added: ${Object.values((save.held.errors ?? {}) as Record<string, string>)[0] ?? "refused"}`
              : "Saved on this device, not yet sent"}
          </li>
        );
      })}
    </ul>
  );
}

export function ItemActions({
  itemId,
  number,
  caseId,
  actions,
  kept,
  departments,
  cases,
  editable,
  feedback,
  today,
  dueRule,
  returnTo,
}: {
  itemId: number;
  number: number;
  caseId: number | null;
  actions: ItemAction[];
  kept: QueuedSave[];
  departments: { id: number; name: string }[];
  cases: { id: number; code: string }[];
  editable: boolean;
  feedback?: FormFeedback & { intent?: string };
  today: string;
  /** The due dates an action of this meeting may have (lib/date-rules). */
  dueRule: DueDateRule;
  returnTo: string;
}) {
  const newActionSchema = useMemo(
    () => lazySchema(() => import("~/schemas/minutes").then((m) => m.actionItemSchema(dueRule))),
    [dueRule],
  );
  return (
    <>
      <h4>Action items</h4>
      <KeptActions saves={kept} departments={departments} />
      {actions.length ? (
        <ul>
          {actions.map((a) => {
            if (a.status === "dropped") {
              return (
                <li key={a.id} className="muted">
                  <s>
                    <strong>{a.departmentName}</strong>: {a.description}
                  </s>{" "}
                  Dropped: {a.statusReason}. <Link to={`/actions/${a.id}`}>History</Link>
                </li>
              );
            }
            const overdue = isOverdue(a, today);
            return (
              <li key={a.id} className={overdue ? overdueRowClass : undefined}>
                <strong>{a.departmentName}</strong>: {a.description}
                {a.caseCode ? ` (case ${a.caseCode})` : ""}, due {a.due}
                {overdue ? (
                  <>
                    {" "}
                    <OverdueBadge />
                  </>
                ) : null}
                {editable ? (
                  <details className="no-print">
                    <summary>Change or drop this action</summary>
                    <ActionCorrection
                      action={a}
                      dueRule={dueRule}
                      departments={departments}
                      cases={cases}
                      needsAmendment={false}
                      returnTo={returnTo}
                    />
                  </details>
                ) : (
                  <>
                    {" "}
                    <Link to={`/actions/${a.id}`}>Correct by amendment</Link>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">None yet.</p>
      )}
      {editable ? (
        <details open={feedback?.intent === "add-action"}>
          <summary>Add an action item to item {number}</summary>
          <ValidatedForm
            schema={newActionSchema}
            method="post"
            feedback={feedback?.intent === "add-action" ? feedback : undefined}
          >
            <input type="hidden" name="intent" value="add-action" />
            <input type="hidden" name="agendaItemId" value={itemId} />
            <Field name="description" label="Action" hint="What is to be done, by the department, not a person." />
            <div className="form-row">
              <SelectField
                name="departmentId"
                label="Owning department"
                placeholder="Choose a department"
                options={departments.map((d) => ({ value: String(d.id), label: d.name }))}
              />
              <Field name="dueOn" label="Due date" type="date" {...dueDateBounds(dueRule)} />
              <SelectField
                name="caseId"
                label="Linked case"
                placeholder="No case"
                options={cases.map((c) => ({ value: String(c.id), label: c.code }))}
                defaultValue={caseId ?? ""}
              />
            </div>
            <button type="submit" className="button">
              Add action item
            </button>
          </ValidatedForm>
        </details>
      ) : null}
    </>
  );
}
