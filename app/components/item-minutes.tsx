import { useRef } from "react";
import type { DueDateRule } from "~/lib/date-rules";
import { rewriteKey } from "~/lib/forms";
import { itemStatusLabels } from "~/lib/labels";
import { itemMinutesLimits } from "~/schemas/minutes-limits";
import { ItemActions, type ItemAction } from "./item-actions";
import { ItemConflictView } from "./item-conflict";
import { ItemTimer, MinutesText } from "./item-minutes-fields";
import { useItemSave, type ItemSaveFeedback } from "./use-item-save";

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
  actions: ItemAction[];
};

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** One agenda item on the run page: its minutes (saved as typed, or kept offline), and its action items. */
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
  feedback?: ItemSaveFeedback;
  /** The collective's today (ISO), from the loader, for the overdue marker. */
  today: string;
  /** The due dates an action of this meeting may have (lib/date-rules), from the loader. */
  dueRule: DueDateRule;
  /** Where a correction or a drop comes back to: the run page. */
  returnTo: string;
}) {
  const usedRef = useRef<HTMLInputElement>(null);
  const {
    fetcher,
    formRef,
    capture,
    captured,
    kept,
    restored,
    latest,
    conflict,
    errors,
    version,
    scheduleSave,
    onSubmit,
    onFocus,
    saveState,
  } = useItemSave(item, feedback);
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
        onFocus={editable ? onFocus : undefined}
        onSubmit={onSubmit}
      >
        <fieldset disabled={!editable} className="bare">
          <input type="hidden" name="intent" value="item" />
          <input type="hidden" name="itemId" value={item.id} />
          <input type="hidden" name="version" value={version} />
          {errors.form && !conflict ? (
            <div className="form-error" role="alert">
              {errors.form}
            </div>
          ) : null}
          {conflict ? (
            <ItemConflictView
              itemId={item.id}
              number={number}
              conflict={conflict}
              message={latest?.errors?.form}
              keptOnDevice={!!captured.held}
            />
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

      <ItemActions
        itemId={item.id}
        number={number}
        caseId={item.caseId}
        actions={item.actions}
        kept={capture.saves.filter((s) => s.key === `add-action:${item.id}`)}
        departments={departments}
        cases={cases}
        editable={editable}
        feedback={feedback}
        today={today}
        dueRule={dueRule}
        returnTo={returnTo}
      />
    </section>
  );
}
