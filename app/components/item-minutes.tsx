import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { dueDateBounds, type DueDateRule } from "~/lib/date-rules";
import { isOverdue } from "~/lib/escalation";
import { parseForm, type FieldErrors } from "~/lib/forms";
import { itemStatusLabels } from "~/lib/labels";
import { actionItemSchema, itemMinutesLimits, itemMinutesSchema } from "~/schemas/minutes";
import { rewriteKey } from "~/lib/forms";
import { ActionCorrection, type CorrectableAction } from "./action-correction";
import { discardKept, useCaptured } from "./offline-capture";
import { Field, RewriteOffer, SelectField, ValidatedForm } from "./form";
import { OverdueBadge, overdueRowClass } from "./overdue";

type Item = {
  id: number;
  title: string;
  minutes: number;
  caseId: number | null;
  discussion: string;
  decisions: string;
  status: string;
  minutesUsed: number | null;
  version: number;
  actions: (CorrectableAction & { departmentName: string; due: string; status: string; statusReason: string | null })[];
};
type Conflict = {
  discussion: string | null;
  decisions: string | null;
  status: string | null;
  minutesUsed: number | null;
  version: number;
};
type Feedback = {
  intent?: string;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  savedAt?: string;
  version?: number;
  conflict?: Conflict;
  offline?: boolean;
};

const str = (v: unknown) => (typeof v === "string" ? v : "");

const noSubscription = () => () => {};
/** False on the server and while hydrating, true once the browser runs the page. */
function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** Time used against time allotted; marks an overrun. Needs JavaScript; without it, type the minutes. */
function ItemTimer({ allotted, onUse }: { allotted: number; onUse: (minutes: number) => void }) {
  const [running, setRunning] = useState(false);
  const [seconds, setSeconds] = useState(0);
  const hydrated = useHydrated();
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(t);
  }, [running]);
  if (!hydrated) return null;
  const over = seconds > allotted * 60;
  const mmss = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  return (
    <div className="actions">
      <span className={`timer${over ? " timer--over" : ""}`} role="timer" aria-live="off">
        {mmss} of {allotted}:00{over ? ` (over by ${Math.ceil((seconds - allotted * 60) / 60)} min)` : ""}
      </span>
      <button type="button" className="button button--small button--quiet" onClick={() => setRunning((r) => !r)}>
        {running ? "Pause timer" : seconds ? "Resume timer" : "Start timer"}
      </button>
      <button
        type="button"
        className="button button--small button--quiet"
        onClick={() => onUse(Math.max(1, Math.round(seconds / 60)))}
        disabled={!seconds}
      >
        Record time used
      </button>
    </div>
  );
}

/** A minutes text box with its limit and a live count beside it, and its refusal under it. */
function MinutesText({
  itemId,
  name,
  label,
  limit,
  defaultValue,
  error,
  rewrite,
}: {
  itemId: number;
  name: "discussion" | "decisions";
  label: string;
  limit: number;
  defaultValue: string;
  error?: string;
  rewrite?: string;
}) {
  const [length, setLength] = useState(defaultValue.length);
  const id = `${name}-${itemId}`;
  const over = length > limit;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        defaultValue={defaultValue}
        onInput={(e) => setLength(e.currentTarget.value.length)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-count${error ? ` ${id}-error` : ""}`}
      />
      <span id={`${id}-count`} className={`hint${over ? " field-error" : ""}`}>
        {length.toLocaleString("en-IN")} of {limit.toLocaleString("en-IN")} characters
        {over ? `: ${(length - limit).toLocaleString("en-IN")} too many` : ""}
      </span>
      {error ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
      <RewriteOffer name={name} rewrite={rewrite} from={defaultValue} />
    </div>
  );
}

export function ItemMinutes({
  number,
  item,
  departments,
  cases,
  editable,
  feedback,
  today,
  dueRule,
  returnTo,
}: {
  number: number;
  item: Item;
  departments: { id: number; name: string }[];
  cases: { id: number; code: string }[];
  editable: boolean;
  feedback?: Feedback;
  /** The collective's today (ISO), from the loader, for the overdue marker. */
  today: string;
  /** The due dates an action of this meeting may have (lib/date-rules), from the loader. */
  dueRule: DueDateRule;
  /** Where a correction or a drop comes back to: the run page. */
  returnTo: string;
}) {
  const fetcher = useFetcher<Feedback>();
  const newActionSchema = useMemo(() => actionItemSchema(dueRule), [dueRule]);
  const formRef = useRef<HTMLFormElement>(null);
  const usedRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // Offline capture: a save kept on this device, a replay's conflict or refusal, or "Sent".
  const { capture, captured, restored } = useCaptured(`item:${item.id}`);
  const own = fetcher.data && !("kept" in fetcher.data) ? fetcher.data : undefined;
  const latest = (own ?? captured.held ?? feedback) as Feedback | undefined;
  // The version to send: the item's, or the one the last save returned (whichever changed last).
  const savedVersion = (f: Feedback | undefined) =>
    f?.intent === "item" && typeof f.version === "number" ? f.version : undefined;
  const [version, setVersion] = useState(savedVersion(latest) ?? item.version);
  // The browser runs the action's own schema first: a box over its limit is not sent, and says why.
  const [localErrors, setLocalErrors] = useState<FieldErrors | null>(null);
  // Adjusted while rendering (not in an effect), as React advises for state that follows a prop.
  const [seen, setSeen] = useState({ itemVersion: item.version, latest });
  if (seen.itemVersion !== item.version || seen.latest !== latest) {
    setSeen({ itemVersion: item.version, latest });
    if (seen.latest !== latest) setLocalErrors(null);
    setVersion(
      (seen.latest !== latest ? savedVersion(latest) : undefined) ??
        (seen.itemVersion !== item.version ? item.version : version),
    );
  }
  const conflict = latest?.intent === "item" ? latest.conflict : undefined;
  const kept = latest?.intent === "item" && latest.values ? latest.values : restored;
  const errors = localErrors ?? (latest?.intent === "item" ? latest.errors : undefined) ?? {};

  // With JavaScript, a pause in typing saves the item; the Save button still works without it.
  // One save at a time: a save that starts while another is on its way would carry the version
  // from before it and conflict with the person's own edit, so it waits its turn. While a
  // conflict is shown nothing saves by itself: the person chooses.
  const busy = useRef(false);
  const inConflict = useRef(false);
  useEffect(() => {
    busy.current = fetcher.state !== "idle";
    inConflict.current = !!conflict;
  });
  const save = () => {
    if (!formRef.current || inConflict.current) return;
    if (busy.current) {
      timer.current = setTimeout(save, 400);
      return;
    }
    const checked = parseForm(itemMinutesSchema, new FormData(formRef.current));
    setLocalErrors(checked.ok ? null : checked.errors);
    if (checked.ok) fetcher.submit(formRef.current);
  };
  const scheduleSave = () => {
    clearTimeout(timer.current);
    if (!inConflict.current) timer.current = setTimeout(save, 1500);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  const saveState =
    fetcher.state !== "idle"
      ? "Saving…"
      : Object.keys(errors).length
        ? "Not saved"
        : captured.label || (latest?.intent === "item" && latest.savedAt ? `Saved at ${latest.savedAt}` : "");
  const keptActions = capture.saves
    .filter((s) => s.key === `add-action:${item.id}`)
    .map((s) => ({ id: s.id, fields: Object.fromEntries(s.fields), held: s.held }));
  const headingId = `item-${item.id}`;
  return (
    <section className="card item-minutes" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {number}. {item.title} <span className="muted">({item.minutes} min)</span>
      </h3>
      <fetcher.Form
        key={restored ? "restored" : "loaded"}
        method="post"
        ref={formRef}
        noValidate
        onChange={editable ? scheduleSave : undefined}
        onSubmit={(event) => {
          clearTimeout(timer.current);
          const checked = parseForm(itemMinutesSchema, new FormData(event.currentTarget));
          if (!checked.ok) {
            event.preventDefault();
            setLocalErrors(checked.errors);
          }
        }}
      >
        <fieldset disabled={!editable} className="bare">
          <input type="hidden" name="intent" value="item" />
          <input type="hidden" name="itemId" value={item.id} />
          <input type="hidden" name="version" value={conflict ? conflict.version : version} />
          {errors.form && !conflict ? (
            <div className="form-error" role="alert">
              {errors.form}
            </div>
          ) : null}
          {conflict ? (
            <div className="conflict" role="alert">
              <strong>{latest?.errors?.form}</strong>
              <p>Their version (saved):</p>
              <dl className="facts">
                <dt>Discussion</dt>
                <dd className="mail-text">{conflict.discussion || "(empty)"}</dd>
                <dt>Decisions</dt>
                <dd className="mail-text">{conflict.decisions || "(empty)"}</dd>
                <dt>Status</dt>
                <dd>{itemStatusLabels[conflict.status ?? ""] ?? conflict.status}</dd>
                <dt>Minutes used</dt>
                <dd>{conflict.minutesUsed ?? "not recorded"}</dd>
              </dl>
              <p>
                Yours is in the boxes below; autosave waits until you choose.{" "}
                <strong>Save item {number} to keep yours</strong>, or{" "}
                <a
                  href="?"
                  onClick={(event) => {
                    if (!captured.held) return;
                    // Theirs wins: the save kept on this device goes, or the reload would bring it back.
                    event.preventDefault();
                    void discardKept(`item:${item.id}`).then(() => window.location.reload());
                  }}
                >
                  take theirs
                </a>{" "}
                (reloads the page).
              </p>
            </div>
          ) : null}
          <MinutesText
            itemId={item.id}
            name="discussion"
            label="Discussion"
            limit={itemMinutesLimits.discussion}
            defaultValue={kept ? str(kept.discussion) : item.discussion}
            error={errors.discussion}
            rewrite={errors[rewriteKey("discussion")]}
          />
          <MinutesText
            itemId={item.id}
            name="decisions"
            label="Decisions"
            limit={itemMinutesLimits.decisions}
            defaultValue={kept ? str(kept.decisions) : item.decisions}
            error={errors.decisions}
            rewrite={errors[rewriteKey("decisions")]}
          />
          <div className="form-row">
            <div className="field">
              <label htmlFor={`status-${item.id}`}>Status</label>
              <select id={`status-${item.id}`} name="status" defaultValue={kept ? str(kept.status) : item.status}>
                {Object.entries(itemStatusLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`used-${item.id}`}>Minutes used</label>
              <input
                ref={usedRef}
                id={`used-${item.id}`}
                name="minutesUsed"
                type="number"
                min={0}
                max={600}
                defaultValue={kept ? str(kept.minutesUsed) : (item.minutesUsed ?? "")}
                className="input--minutes"
                aria-invalid={errors.minutesUsed ? true : undefined}
                aria-describedby={errors.minutesUsed ? `used-${item.id}-error` : undefined}
              />
              {errors.minutesUsed ? (
                <span id={`used-${item.id}-error`} className="field-error">
                  {errors.minutesUsed}
                </span>
              ) : null}
            </div>
            <div className="field">
              <button type="submit" className="button">
                Save item {number}
              </button>
            </div>
            <span className="save-state" role="status">
              {saveState}
            </span>
          </div>
          {editable ? (
            <ItemTimer
              allotted={item.minutes}
              onUse={(m) => {
                if (usedRef.current) usedRef.current.value = String(m);
                scheduleSave();
              }}
            />
          ) : null}
        </fieldset>
      </fetcher.Form>

      <h4>Action items</h4>
      {keptActions.length ? (
        <ul aria-label="Action items kept on this device">
          {keptActions.map((a) => (
            <li key={a.id} className="muted">
              <strong>{departments.find((d) => String(d.id) === a.fields.departmentId)?.name}</strong>:{" "}
              {a.fields.description}, due {a.fields.dueOn}.{" "}
              {a.held
                ? `Not added: ${Object.values((a.held.errors ?? {}) as Record<string, string>)[0] ?? "refused"}`
                : "Saved on this device, not yet sent"}
            </li>
          ))}
        </ul>
      ) : null}
      {item.actions.length ? (
        <ul>
          {item.actions.map((a) => {
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
            <input type="hidden" name="agendaItemId" value={item.id} />
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
                defaultValue={item.caseId ?? ""}
              />
            </div>
            <button type="submit" className="button">
              Add action item
            </button>
          </ValidatedForm>
        </details>
      ) : null}
    </section>
  );
}
