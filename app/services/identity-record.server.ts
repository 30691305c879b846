import type { Db } from "#db/client";
import type { RecordAttribute } from "#db/schema/enums";
import { config } from "~/config.server";
import { recordAttributeLabels } from "~/lib/labels";
import { keyedHasher, protectedForms } from "~/lib/protected-forms";
import { audit } from "~/models/audit.server";
import { deleteEntry, insertEntries, type RecordSubject } from "~/models/identity.server";
import { recordIdentity } from "./identity.server";

const attributeLabel = (a: RecordAttribute) => recordAttributeLabels[a].toLowerCase();

/** "name, 2 × other name, phone number": what was added, never the values. */
function summary(entries: { attribute: RecordAttribute }[]): string {
  const counts = new Map<RecordAttribute, number>();
  for (const e of entries) counts.set(e.attribute, (counts.get(e.attribute) ?? 0) + 1);
  return [...counts].map(([a, n]) => (n > 1 ? `${n} × ${attributeLabel(a)}` : attributeLabel(a))).join(", ");
}

/**
 * Adds to a person's identity record: each value is fingerprinted in the forms the leak guard
 * looks for, and the clear text goes no further than this function. A name given with a birth
 * year or district (or an accused person's father's name) is fingerprinted for matching across
 * cases too. The audit entry says what kinds were added, never what.
 */
export function addToIdentityRecord(
  db: Db,
  subject: RecordSubject,
  userId: number,
  entries: { attribute: RecordAttribute; value: string }[],
  crossCase: { name: string; birthYear: number | null; extra: string | null } | null,
): { added: number; matches: number } {
  const hash = keyedHasher(config().IDENTITY_KEY);
  const forms = entries
    .map((e) => ({ attribute: e.attribute, forms: protectedForms(hash, e.attribute, e.value) }))
    .filter((e) => e.forms.length);
  // The entries' triggers move the protected revision: the next check adds their forms to the kept set in place.
  return db.transaction((tx) => {
    const added = insertEntries(tx, subject, userId, forms);
    const { matches } = crossCase ? recordIdentity(tx, subject, crossCase) : { matches: 0 };
    const what = [summary(forms), crossCase && subject.subjectKind === "accused" ? "father's name or birth year" : null]
      .filter(Boolean)
      .join(", ");
    audit(tx, {
      collectiveId: subject.collectiveId,
      userId,
      entity: "case",
      entityId: subject.caseId,
      action: `fingerprint:${subject.subjectKind}`,
      detail: `${subject.subjectKind} ${subject.subjectId}: ${what || "nothing"}; ${matches} new match(es)`,
    });
    return { added, matches };
  });
}

/** Removes one fingerprint from a record on this case, audited by kind, never by value. False when it is not there. */
export function removeFromIdentityRecord(
  db: Db,
  scope: { collectiveId: number; caseId: number },
  userId: number,
  entryId: number,
): boolean {
  return db.transaction((tx) => {
    const entry = deleteEntry(tx, scope, entryId);
    if (!entry) return false;
    audit(tx, {
      collectiveId: scope.collectiveId,
      userId,
      entity: "case",
      entityId: scope.caseId,
      action: "fingerprint:remove",
      detail: `${entry.subjectKind} ${entry.subjectId}: ${attributeLabel(entry.attribute)} (entry ${entry.id})`,
    });
    return true;
  });
}
