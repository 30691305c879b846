import type { z } from "zod";
import type { Conn } from "#db/client";
import { firstValue, parseForm, rewriteKey, type FieldErrors, type FormResult, type FormValues } from "~/lib/forms";
import { matchWords, outOfScope, protectedMask, refusalSentence, type GuardScope } from "~/lib/protected-text";
import { config } from "~/config.server";
import { keyedHasher } from "~/lib/protected-forms";
import { audit } from "~/models/audit.server";
import { rememberRefusal } from "~/models/input-refusal.server";
import { findProtected, protectedSet, rewriteProtected } from "./identity.server";

/**
 * A field that others (another role, an email, a PDF) will read, checked when it is saved.
 * `label` names it in the message ("the blocked reason"); `scope` says what it may hold (GuardScope).
 */
export type GuardedField = { label: string; scope?: GuardScope };
export type GuardedFields = Record<string, string | GuardedField>;

type Who = { collectiveId: number; id: number | null };

// Autosave sends a form again after every pause in typing, the refused text unchanged while the
// person edits another box: one audit entry per refused value is the record, not one per save.
// Each refusal is remembered in the database by a keyed hash (never the text), so a restart does
// not audit the same value again.
function auditFirstRefusal(db: Conn, who: Who, where: string, label: string, text: string) {
  const hash = keyedHasher(config().IDENTITY_KEY)(`refused:${who.collectiveId}|${who.id}|${where}|${label}|${text}`);
  db.transaction((tx) => {
    if (rememberRefusal(tx, who.collectiveId, hash))
      audit(tx, {
        collectiveId: who.collectiveId,
        userId: who.id,
        action: "input:refused",
        entity: "form",
        detail: `${where}: ${label}`,
      });
  });
}

/**
 * Checks the named fields of a submitted form. Returns null when all are clean; otherwise a
 * message per refused field naming it and the words that matched (shown only to the person who
 * typed them), and, under `rewrite:<field>`, the field's text with each match replaced. The
 * refusal is audited with the field's label only, never the text.
 */
export function refuseProtectedInput(
  db: Conn,
  who: Who,
  where: string,
  values: FormValues,
  fields: GuardedFields,
): FieldErrors | null {
  const set = protectedSet(db, who.collectiveId);
  const errors: FieldErrors = {};
  for (const [name, spec] of Object.entries(fields)) {
    const { label, scope = "open" } = typeof spec === "string" ? { label: spec } : spec;
    const text = firstValue(values, name);
    if (!text) continue;
    // A page masks protected text for some readers; saving that page's text back unchanged would
    // write the mask over what is stored, so the mask itself is refused.
    if (text.includes(protectedMask)) {
      errors[name] =
        `${label[0]?.toUpperCase()}${label.slice(1)} was not saved: it still holds “${protectedMask}”, where the page hid a protected name. Write that part again by case or victim code.`;
      continue;
    }
    const matches = outOfScope(findProtected(text, set), scope);
    if (!matches.length) continue;
    errors[name] = refusalSentence(label, matchWords(text, matches));
    errors[rewriteKey(name)] = rewriteProtected(text, matches);
    auditFirstRefusal(db, who, where, label, text);
  }
  return Object.keys(errors).length ? errors : null;
}

/**
 * parseForm, then the guard over the named fields: one call for every form whose text others
 * read. A refusal comes back as an ordinary form failure (messages and the input kept).
 */
export function parseGuardedForm<S extends z.ZodType>(
  db: Conn,
  who: Who,
  schema: S,
  formData: FormData,
  where: string,
  fields: GuardedFields | ((data: z.infer<S>) => GuardedFields),
): FormResult<z.infer<S>> {
  const form = parseForm(schema, formData);
  if (!form.ok) return form;
  const errors = refuseProtectedInput(
    db,
    who,
    where,
    form.values,
    typeof fields === "function" ? fields(form.data) : fields,
  );
  return errors ? { ok: false, errors, values: form.values } : form;
}
