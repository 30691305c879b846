import type { z } from "zod";
import { translated, type Language } from "~/lib/i18n";

// One zod schema per form, run by the browser before submitting and by the action after.
// Both sides produce the same shape, so a form renders server errors and client errors alike.

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string | string[]>;
export type FormFailure = { ok: false; errors: FieldErrors; values: FormValues };
export type FormResult<T> = { ok: true; data: T; values: FormValues } | FormFailure;

// C0 controls but tab and newline, DEL, and C1 controls: nothing a person types, and NUL in
// particular ends strings in other tools. A lone CR (or CRLF from a textarea) becomes a newline.
// eslint-disable-next-line no-control-regex -- these are the characters it removes
const controlCharacters = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function stripControlCharacters(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(controlCharacters, "");
}

/** Larger bodies are refused before they are read: no form of the app comes near this. */
export const maxFormBytes = 1_000_000;

/**
 * The one way an action reads its form. A body that is not form data (empty, JSON, plain text,
 * truncated multipart) reads as an empty form, so the schema answers with the page's usual
 * messages and a 400 rather than a 500. Control characters are stripped here, at the edge, from
 * names and values alike; files are dropped (no form of the app uploads one).
 */
export async function readForm(request: Request): Promise<FormData> {
  if (Number(request.headers.get("content-length") ?? 0) > maxFormBytes) {
    throw new Response("The form is too large.", { status: 413, statusText: "Payload Too Large" });
  }
  let received: FormData;
  try {
    received = await request.formData();
  } catch {
    return new FormData();
  }
  const clean = new FormData();
  for (const [name, value] of received.entries()) {
    if (typeof value === "string") clean.append(stripControlCharacters(name), stripControlCharacters(value));
  }
  return clean;
}

/**
 * A refused save offers a rewrite of the field: a submit button named `rewrite:<field>` carries
 * the rewritten text, which then stands in for what the field held. The offer itself travels
 * beside the field's message, in the errors under the same key, so every form carries it.
 */
export const rewriteKey = (field: string) => `rewrite:${field}`;
/** The text the rewrite was made from: a field edited since then keeps the person's own edit. */
export const rewriteFromKey = (field: string) => `rewrite-from:${field}`;

/**
 * FormData as plain values: repeated names (checkbox groups) become arrays; a rewrite replaces
 * its field. Built with own properties only, so a field named `__proto__` or `constructor` is an
 * ordinary key.
 */
export function formValues(formData: FormData): FormValues {
  const values = new Map<string, string | string[]>();
  const rewrites: [string, string][] = [];
  for (const [key, raw] of formData.entries()) {
    if (typeof raw !== "string") continue;
    if (key.startsWith(rewriteKey(""))) {
      rewrites.push([key.slice(rewriteKey("").length), raw]);
      continue;
    }
    if (key.startsWith(rewriteFromKey(""))) continue;
    const prior = values.get(key);
    values.set(key, prior === undefined ? raw : Array.isArray(prior) ? [...prior, raw] : [prior, raw]);
  }
  for (const [field, text] of rewrites) {
    if (field && formData.get(rewriteFromKey(field)) === (values.get(field) ?? "")) values.set(field, text);
  }
  return Object.fromEntries(values);
}

/** A handler (or schema) chosen by a form's `intent`: own entries only, never `toString` or `__proto__`. */
export function byIntent<T>(table: Record<string, T>, intent: unknown): T | undefined {
  return typeof intent === "string" && Object.hasOwn(table, intent) ? table[intent] : undefined;
}

/** A hidden field a form was loaded with (a version, an id) is missing or altered: said once, for the whole form. */
export const staleFormMessage =
  "This form is missing what it was loaded with. Reload the page and make your change again.";

/**
 * Checks a form against its schema. A schema's message may be a catalogue key ("errors.emailRequired"):
 * it comes back in `language`, English (India) unless the action says otherwise.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  language: Language = "en-IN",
): FormResult<z.infer<S>> {
  const values = formValues(formData);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length && issue.message !== staleFormMessage ? issue.path.join(".") : "form";
    if (!Object.hasOwn(errors, key)) errors[key] = translated(language, issue.message);
  }
  return { ok: false, errors, values };
}

export function firstValue(values: FormValues | undefined, name: string): string | undefined {
  const v = values?.[name];
  return Array.isArray(v) ? v[0] : v;
}

/** What a form says when its request never reached the server. */
export const offlineMessage =
  "Not saved: the network is down. Your text is still here; save again when the connection is back.";

/** Feedback from a clientAction whose request failed to leave the browser. */
export const isOffline = (result: unknown): boolean =>
  typeof result === "object" && result !== null && "offline" in result && result.offline === true;
