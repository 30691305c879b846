import { Form, Link } from "@remix-run/react";
import { customItemSchema } from "~/schemas/meeting";
import { Field, SelectField, ValidatedForm, type FormFeedback } from "./form";
import { isOverdueReviewLine, OverdueBadge, overdueRowClass } from "./overdue";
import { plural } from "~/lib/plural";

type Item = {
  id: number;
  kind: string;
  title: string;
  minutes: number;
  pinned: boolean;
  version: number;
  caseId: number | null;
  caseCode: string | null;
  presentingDepartment: string | null;
  reasonList: string[];
};

type Agenda = {
  timed: (Item & { startTime: string })[];
  writtenUpdates: Item[];
  removed: Item[];
  totalMinutes: number;
  overrun: number;
  endTime: string;
};

/**
 * A button's accessible name begins with its visible text and adds the item it acts on, which
 * only a screen reader hears: "Set minutes: Case review: DEM-2026-0042". Speech users say what they see.
 */
const nameFor = (label: string, item: Item) => `${label}: ${item.title}`;

/** A one-button form: posts an intent for one item. Works without JavaScript. */
function ItemButton({
  item,
  intent,
  label,
  icon,
  extra,
}: {
  item: Item;
  intent: string;
  label: string;
  icon?: string;
  extra?: Record<string, string>;
}) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={item.id} />
      {Object.entries(extra ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" className="button button--small button--quiet" aria-label={nameFor(label, item)}>
        {icon ? <span aria-hidden="true">{icon} </span> : null}
        {label}
      </button>
    </Form>
  );
}

/** The standing items whose reasons are one line per action item. */
const listsActionItems = (item: Item) => item.kind === "action_review" || item.kind === "escalations";

/** A case review by its case's code; any other item by its title, with the code of the case it concerns (see agendaItemTitle). */
function Title({ item, canOpenCases }: { item: Item; canOpenCases: boolean }) {
  const code =
    !item.caseId || !item.caseCode ? null : canOpenCases ? (
      <Link to={`/cases/${item.caseId}`}>{item.caseCode}</Link>
    ) : (
      item.caseCode
    );
  if (item.kind === "case_review") return code && canOpenCases ? <>Case review: {code}</> : <>{item.title}</>;
  return code ? (
    <>
      {item.title} ({code})
    </>
  ) : (
    <>{item.title}</>
  );
}

function ReasonList({ item, lines }: { item: Item; lines: string[] }) {
  return (
    <ul className="reasons" aria-label="Why it is on the agenda">
      {lines.map((r) =>
        listsActionItems(item) && isOverdueReviewLine(r) ? (
          <li key={r} className={overdueRowClass}>
            {r} <OverdueBadge />
          </li>
        ) : (
          <li key={r}>{r}</li>
        ),
      )}
    </ul>
  );
}

/**
 * Why an item is on the agenda. An escalated action is already listed under the review of action
 * items: its second copy folds away (a disclosure that needs no JavaScript; print shows it).
 */
function Reasons({ item, reviewed }: { item: Item; reviewed?: Set<string> }) {
  if (!item.reasonList.length) return null;
  const again = reviewed ? item.reasonList.filter((r) => reviewed.has(r)) : [];
  if (!again.length) return <ReasonList item={item} lines={item.reasonList} />;
  return (
    <>
      <ReasonList item={item} lines={item.reasonList.filter((r) => !reviewed!.has(r))} />
      <details className="folded">
        <summary>
          {plural(again.length, "escalated action", "escalated actions")}, also listed under the review of action items
        </summary>
        <ReasonList item={item} lines={again} />
      </details>
    </>
  );
}

export function AgendaEditor({
  agenda,
  departments,
  canEdit,
  canOpenCases,
  feedback,
}: {
  agenda: Agenda;
  departments: { id: number; name: string }[];
  canEdit: boolean;
  canOpenCases: boolean;
  feedback?: FormFeedback;
}) {
  const reviewedLines = new Set(agenda.timed.find((i) => i.kind === "action_review")?.reasonList.slice(1));
  return (
    <>
      <p className="muted">
        {plural(agenda.timed.length, "item", "items")}, {plural(agenda.totalMinutes, "minute", "minutes")}, ending about{" "}
        {agenda.endTime}.
        {agenda.overrun > 0 ? (
          <strong className="overrun">
            {" "}
            Runs {plural(agenda.overrun, "minute", "minutes")} over the meeting's time.
          </strong>
        ) : null}
      </p>
      <ol className="agenda">
        {agenda.timed.map((item, index) => (
          <li key={item.id} className={`agenda-item${item.pinned ? " agenda-item--pinned" : ""}`}>
            <div className="agenda-item__time">{item.startTime}</div>
            <div className="agenda-item__body">
              <h3 className="agenda-item__title">
                <Title item={item} canOpenCases={canOpenCases} />
                {item.pinned ? <span className="badge badge--closed">Pinned</span> : null}
              </h3>
              <Reasons item={item} reviewed={item.kind === "escalations" ? reviewedLines : undefined} />
              <p className="muted agenda-item__meta">
                {plural(item.minutes, "minute", "minutes")}
                {item.presentingDepartment ? ` · presented by ${item.presentingDepartment}` : ""}
              </p>
              {canEdit ? (
                <div className="agenda-item__controls no-print">
                  <ItemButton item={item} intent="move" label="Move up" icon="↑" extra={{ direction: "up" }} />
                  <ItemButton item={item} intent="move" label="Move down" icon="↓" extra={{ direction: "down" }} />
                  <ItemButton
                    item={item}
                    intent={item.pinned ? "unpin" : "pin"}
                    label={item.pinned ? "Unpin" : "Pin"}
                  />
                  {item.kind === "case_review" && item.caseId ? (
                    <ItemButton item={item} intent="to-written-update" label="To written update" />
                  ) : null}
                  <ItemButton item={item} intent="remove" label="Remove" />
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="minutes" />
                    <input type="hidden" name="itemId" value={item.id} />
                    <input type="hidden" name="version" value={item.version} />
                    <label htmlFor={`minutes-${item.id}`} className="visually-hidden">
                      Minutes for item {index + 1}, {item.title}
                    </label>
                    <input
                      id={`minutes-${item.id}`}
                      name="minutes"
                      type="number"
                      min={1}
                      max={120}
                      defaultValue={item.minutes}
                      className="input--minutes"
                    />
                    <button
                      type="submit"
                      className="button button--small button--quiet"
                      aria-label={nameFor("Set minutes", item)}
                    >
                      Set minutes
                    </button>
                  </Form>
                </div>
              ) : null}
            </div>
          </li>
        ))}
      </ol>

      <section aria-labelledby="written-updates">
        <h2 id="written-updates">For written update</h2>
        {agenda.writtenUpdates.length ? (
          <>
            <p className="muted">
              These cases were flagged but did not fit in the meeting's time. The lead department sends a written
              update.
            </p>
            <details className="folded">
              <summary>{plural(agenda.writtenUpdates.length, "case", "cases")} for written update</summary>
              <ul className="written-updates">
                {agenda.writtenUpdates.map((item) => (
                  <li key={item.id}>
                    <strong>
                      <Title item={item} canOpenCases={canOpenCases} />
                    </strong>
                    : {item.reasonList.join("; ")}
                    {canEdit ? (
                      <span className="no-print">
                        {" "}
                        <ItemButton item={item} intent="to-agenda" label="To the agenda" />
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </details>
          </>
        ) : (
          <p className="empty">Every flagged case fits in the meeting's time.</p>
        )}
      </section>

      {canEdit && agenda.removed.length ? (
        <section aria-labelledby="removed" className="no-print">
          <h2 id="removed">Removed items</h2>
          <p className="muted">Regenerating the agenda does not bring these back.</p>
          <ul>
            {agenda.removed.map((item) => (
              <li key={item.id}>
                {item.title} <ItemButton item={item} intent="restore" label="Restore" />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {canEdit ? (
        <section aria-labelledby="add-item" className="card no-print">
          <h2 id="add-item">Add an item</h2>
          <p className="muted">A theme, a training, a guest. It goes before “Any other business” and is pinned.</p>
          <ValidatedForm schema={customItemSchema} method="post" feedback={feedback}>
            <input type="hidden" name="intent" value="add" />
            <Field name="title" label="Title" />
            <div className="form-row">
              <Field name="minutes" label="Minutes" type="number" min={1} max={120} defaultValue={10} />
              <SelectField
                name="presentingDepartmentId"
                label="Presented by"
                placeholder="No department"
                options={departments.map((d) => ({ value: String(d.id), label: d.name }))}
              />
            </div>
            <button type="submit" className="button">
              Add item
            </button>
          </ValidatedForm>
        </section>
      ) : null}
    </>
  );
}
