import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { parseForm, type FieldErrors } from "~/lib/forms";
import type { ItemConflict } from "./item-conflict";
import { lazySchema } from "./lazy-schema";
import { useCaptured } from "./offline-capture";

/** What the run page's action (or offline capture) answers to an item's save. */
export type ItemSaveFeedback = {
  intent?: string;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  savedAt?: string;
  version?: number;
  conflict?: ItemConflict;
  offline?: boolean;
};

// The browser runs the action's own schema first: a box over its limit is not sent, and says why.
const itemMinutesSchema = lazySchema(() => import("~/schemas/minutes").then((m) => m.itemMinutesSchema));

const savedVersion = (f: ItemSaveFeedback | undefined) =>
  f?.intent === "item" && typeof f.version === "number" ? f.version : undefined;

/**
 * One agenda item's save on the run page: the version it is based on, the answer shown (its own
 * save's, a kept save's replay, or the page's), and the autosave. With JavaScript, a pause in
 * typing saves the item; the Save button still works without it. One save at a time: a save that
 * starts while another is on its way would carry the version from before it and conflict with
 * the person's own edit, so it waits its turn. While a conflict is shown nothing saves by itself:
 * the person chooses.
 */
export function useItemSave(item: { id: number; version: number }, feedback: ItemSaveFeedback | undefined) {
  const fetcher = useFetcher<ItemSaveFeedback>();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // Offline capture: a save kept on this device, a replay's conflict or refusal, or "Sent".
  const { capture, captured, restored } = useCaptured(`item:${item.id}`);
  const own = fetcher.data && !("kept" in fetcher.data) ? fetcher.data : undefined;
  const latest = (own ?? captured.held ?? feedback) as ItemSaveFeedback | undefined;
  // The version to send: the item's, or the one the last save returned (whichever changed last).
  const [version, setVersion] = useState(savedVersion(latest) ?? item.version);
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
  const errors = localErrors ?? (latest?.intent === "item" ? latest.errors : undefined) ?? {};

  const busy = useRef(false);
  const inConflict = useRef(false);
  useEffect(() => {
    busy.current = fetcher.state !== "idle";
    inConflict.current = !!conflict;
  });
  /** The schema's refusals, or null when the form may go (also when the schema has not arrived yet). */
  const refusals = (form: HTMLFormElement) => {
    const schema = itemMinutesSchema.loaded;
    const checked = schema ? parseForm(schema, new FormData(form)) : null;
    return checked && !checked.ok ? checked.errors : null;
  };
  const save = () => {
    if (!formRef.current || inConflict.current) return;
    if (busy.current) {
      timer.current = setTimeout(save, 400);
      return;
    }
    if (!itemMinutesSchema.loaded) {
      // Typed before the schema arrived: check once it has (or, if it cannot come, let the action check).
      itemMinutesSchema.load().then(save, () => formRef.current && fetcher.submit(formRef.current));
      return;
    }
    const refused = refusals(formRef.current);
    setLocalErrors(refused);
    if (!refused) fetcher.submit(formRef.current);
  };
  const scheduleSave = () => {
    clearTimeout(timer.current);
    if (!inConflict.current) timer.current = setTimeout(save, 1500);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    clearTimeout(timer.current);
    const refused = refusals(event.currentTarget);
    if (refused) {
      event.preventDefault();
      setLocalErrors(refused);
    }
  };
  const saveState =
    fetcher.state !== "idle"
      ? "Saving…"
      : Object.keys(errors).length
        ? "Not saved"
        : captured.label || (latest?.intent === "item" && latest.savedAt ? `Saved at ${latest.savedAt}` : "");
  return {
    fetcher,
    formRef,
    capture,
    captured,
    /** The boxes' text: a refused or kept save's, or the page's. */
    kept: latest?.intent === "item" && latest.values ? latest.values : restored,
    restored,
    latest,
    conflict,
    errors,
    version: conflict ? conflict.version : version,
    scheduleSave,
    onSubmit,
    onFocus: () => void itemMinutesSchema.load().catch(() => undefined),
    saveState,
  };
}
