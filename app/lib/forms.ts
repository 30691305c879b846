import type { z } from "zod";

// One zod schema per form, run by the browser before submitting and by the action after.
// Both sides produce the same shape, so a form renders server errors and client errors alike.

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;
export type FormFailure = { ok: false; errors: FieldErrors; values: FormValues };
export type FormResult<T> = { ok: true; data: T; values: FormValues } | FormFailure;

/** FormData as plain values: repeated names (checkbox groups) become arrays. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, raw] of formData.entries()) {
    if (typeof raw !== "string") continue;
    const prior = values[key];
    if (prior === undefined) values[key] = raw;
    else values[key] = Array.isArray(prior) ? [...prior, raw] : [prior, raw];
  }
  return values;
}

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.infer<S>> {
  const values = formValues(formData);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    errors[key] ??= issue.message;
  }
  return { ok: false, errors, values };
}

export function firstValue(values: FormValues | undefined, name: string): string | undefined {
  const v = values?.[name];
  return Array.isArray(v) ? v[0] : v;
}

/** What a form says when its request never reached the server. */
export const offlineMessage = "Not saved: the network is down. Your text is still here; save again when the connection is back.";

/** Feedback from a clientAction whose request failed to leave the browser. */
export const isOffline = (result: unknown): boolean => typeof result === "object" && result !== null && "offline" in result && result.offline === true;
