import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { actionItemStatuses } from "#db/schema/enums";
import { ActionStatus, actionStatusWords } from "~/components/action-status";
import { dueDateBounds } from "~/lib/date-rules";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ActionCorrection } from "~/components/action-correction";
import { Field, SelectField, ValidatedForm } from "~/components/form";
import { getDb } from "~/db.server";
import { formatDate, formatDateTime, todayIn } from "~/lib/dates";
import { isEscalated, isOverdue } from "~/lib/escalation";
import { readForm } from "~/lib/forms";
import { allows, can } from "~/lib/permissions";
import { audited } from "~/models/audit.server";
import { actionHistory, listActions, requireActionItem, updateActionItem } from "~/models/action-item.server";
import { getCollective } from "~/models/collective.server";
import { actionUpdateSchema } from "~/schemas/action-item";
import { agreedOn, correctionChoices } from "~/services/action-items.server";
import { maskForReader } from "~/services/page-mask.server";
import { refreshDraftAgendas } from "~/services/agenda.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { parseGuardedForm } from "~/services/input-guard.server";
import { plural } from "~/lib/plural";
import { idParam } from "~/lib/params";
import { invariantResponse } from "~/lib/params";

export const meta: MetaFunction = () => [{ title: "Action item · TESTA Desk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:action-item:own");
  const db = getDb();
  const item = requireActionItem(db, user, idParam(params, "actionId"));
  const { timeZone } = getCollective(db, user.collectiveId);
  const today = todayIn(timeZone);
  const [row] = listActions(db, user.collectiveId, { id: item.id });
  invariantResponse(row, "Action item not found", { status: 404 });
  return maskForReader(db, user, {
    item: {
      ...row,
      due: formatDate(row.dueOn),
      completed: formatDate(row.completedOn),
      overdue: isOverdue(row, today),
      escalated: isEscalated(row, today),
    },
    history: actionHistory(db, item.id).map((h) => ({
      ...h,
      at: formatDateTime(h.at, timeZone),
      fromValue:
        h.field === "due date"
          ? formatDate(h.fromValue)
          : h.fromValue
            ? (actionStatusWords[h.fromValue] ?? h.fromValue)
            : null,
      toValue:
        h.field === "due date" ? formatDate(h.toValue) : h.toValue ? (actionStatusWords[h.toValue] ?? h.toValue) : null,
    })),
    canUpdate: allows(user, "update:action-item:own", { departmentId: item.departmentId }),
    dueRule: { agreedOn: agreedOn(db, item), today },
    correction: can(user.role, "write:meeting") && item.status !== "dropped" ? correctionChoices(db, user, item) : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:action-item:own");
  const db = getDb();
  const item = requireActionItem(db, user, idParam(params, "actionId"), { forUpdate: true });
  const formData = await readForm(request);
  const today = todayIn(getCollective(db, user.collectiveId).timeZone);
  const schema = actionUpdateSchema({ agreedOn: agreedOn(db, item), today }, item.dueOn);
  const form = parseGuardedForm(db, user, schema, formData, `action ${item.id}'s update`, (d) => ({
    reason: `action ${item.id}'s ${d.status === "dropped" ? "dropped" : "blocked"} reason`,
    comment: `action ${item.id}'s evidence`,
    dueReason: `action ${item.id}'s reason for the new due date`,
  }));
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const { currentDueOn: _c, ...update } = form.data;
  const saved = audited(
    db,
    (tx) => {
      const ok = updateActionItem(tx, item, user.id, update, today);
      // The action review of every draft agenda follows the item.
      if (ok) refreshDraftAgendas(tx, user.collectiveId);
      return ok;
    },
    (ok) =>
      ok
        ? {
            collectiveId: user.collectiveId,
            userId: user.id,
            action: "update",
            entity: "action_item",
            entityId: item.id,
          }
        : null,
  );
  if (!saved) {
    return data(
      {
        errors: {
          form: "Someone else updated this item while you were editing. Reload to see their change; yours was not saved.",
        },
        values: form.values,
      },
      { status: 409 },
    );
  }
  return redirect(`/actions/${item.id}`);
}

export default function ActionItem() {
  const { item, history, canUpdate, correction, dueRule } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const updateSchema = useMemo(() => actionUpdateSchema(dueRule, item.dueOn), [dueRule, item.dueOn]);

  return (
    <div>
      <p>
        <Link to="/actions">Action items</Link>
      </p>
      <h1>{item.description}</h1>
      <section className="card" aria-labelledby="facts">
        <h2 id="facts">Item</h2>
        <dl className="facts">
          <dt>Owner</dt>
          <dd>{item.departmentName}</dd>
          <dt>Status</dt>
          <dd>
            <ActionStatus status={item.status} overdue={item.overdue} escalated={item.escalated} />
            {item.statusReason ? ` ${item.statusReason}` : ""}
          </dd>
          <dt>Due</dt>
          <dd>{item.due}</dd>
          {item.completed ? (
            <>
              <dt>Done on</dt>
              <dd>{item.completed}</dd>
            </>
          ) : null}
          <dt>Agreed at</dt>
          <dd>
            {item.meetingNumber ? <Link to={`/meetings/${item.meetingId}`}>Meeting {item.meetingNumber}</Link> : "—"}
          </dd>
          <dt>Carried</dt>
          <dd>{item.carried ? plural(item.carried, "meeting", "meetings") : "Not yet"}</dd>
          {item.caseCode ? (
            <>
              <dt>Case</dt>
              <dd>{item.caseCode}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {canUpdate ? (
        <section className="card" aria-labelledby="update">
          <h2 id="update">Update</h2>
          <ValidatedForm schema={updateSchema} method="post" feedback={feedback}>
            <input type="hidden" name="version" value={item.version} />
            <input type="hidden" name="currentDueOn" value={item.dueOn} />
            <div className="form-row">
              <SelectField
                name="status"
                label="Status"
                options={actionItemStatuses.map((s) => ({ value: s, label: actionStatusWords[s] ?? s }))}
                defaultValue={item.status}
              />
              <Field name="dueOn" label="Due date" type="date" defaultValue={item.dueOn} {...dueDateBounds(dueRule)} />
            </div>
            <Field name="reason" label="Reason (for blocked or dropped)" defaultValue={item.statusReason} />
            <Field name="dueReason" label="Reason for a new due date" />
            <Field
              name="comment"
              label="What was done, and when"
              multiline
              hint="Text only: no names of victims, no documents."
            />
            <button type="submit" className="button">
              Save update
            </button>
          </ValidatedForm>
        </section>
      ) : null}
      {correction ? (
        <section className="card" aria-labelledby="correct">
          <h2 id="correct">Correct or drop the action as agreed</h2>
          <p className="muted">
            {correction.needsAmendment
              ? `The minutes of Meeting ${correction.meetingNumber} are ${correction.settled}: a correction is recorded as an amendment, in a new version.`
              : correction.meetingNumber
                ? `The minutes of Meeting ${correction.meetingNumber} are a draft: a correction changes them directly.`
                : "This action was not agreed at a meeting."}
          </p>
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
            departments={correction.departments}
            cases={correction.cases}
            needsAmendment={correction.needsAmendment}
            settled={correction.settled}
          />
        </section>
      ) : null}
      <section aria-labelledby="history">
        <h2 id="history">History</h2>
        {history.length ? (
          <ul className="timeline">
            {history.map((h) => (
              <li key={h.id}>
                <strong>{h.at}</strong> · {h.who ?? "Someone"}
                {h.field === "comment" ? "" : `: ${h.field} from ${h.fromValue ?? "—"} to ${h.toValue ?? "—"}`}
                {h.comment ? <div>{h.comment}</div> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No update yet.</p>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
