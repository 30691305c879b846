import { and, asc, eq } from "drizzle-orm";
import type { Conn } from "#db/client";
import { identityFingerprints, identityRecordEntries, users } from "#db/schema";
import type { RecordAttribute } from "#db/schema/enums";

export type RecordSubject = { collectiveId: number; caseId: number; subjectKind: "victim" | "accused"; subjectId: number };

/** Every entry of every identity record of the collective, for the leak guard. */
export function entriesOfCollective(db: Conn, collectiveId: number) {
  return db
    .select({ caseId: identityRecordEntries.caseId, subjectKind: identityRecordEntries.subjectKind, subjectId: identityRecordEntries.subjectId, attribute: identityRecordEntries.attribute, guardFps: identityRecordEntries.guardFps })
    .from(identityRecordEntries)
    .where(eq(identityRecordEntries.collectiveId, collectiveId))
    .all();
}

export function insertEntries(db: Conn, subject: RecordSubject, userId: number, entries: { attribute: RecordAttribute; forms: string[] }[]) {
  if (!entries.length) return;
  db.insert(identityRecordEntries)
    .values(entries.map((e) => ({ ...subject, attribute: e.attribute, guardFps: JSON.stringify(e.forms), createdByUserId: userId })))
    .run();
}

/** What the case page lists of a record: which attribute, when and by whom; never a value. */
export function entriesOfCase(db: Conn, caseId: number) {
  return db
    .select({ id: identityRecordEntries.id, subjectKind: identityRecordEntries.subjectKind, subjectId: identityRecordEntries.subjectId, attribute: identityRecordEntries.attribute, createdAt: identityRecordEntries.createdAt, addedBy: users.name })
    .from(identityRecordEntries)
    .leftJoin(users, eq(users.id, identityRecordEntries.createdByUserId))
    .where(eq(identityRecordEntries.caseId, caseId))
    .orderBy(asc(identityRecordEntries.id))
    .all();
}

/**
 * Removes one entry of a record on this case. Removing the name also removes the fingerprint that
 * matches the person across cases, which was made from it. Returns the entry removed, or null.
 */
export function deleteEntry(db: Conn, scope: { collectiveId: number; caseId: number }, entryId: number) {
  const entry = db
    .select()
    .from(identityRecordEntries)
    .where(and(eq(identityRecordEntries.id, entryId), eq(identityRecordEntries.collectiveId, scope.collectiveId), eq(identityRecordEntries.caseId, scope.caseId)))
    .get();
  if (!entry) return null;
  db.delete(identityRecordEntries).where(eq(identityRecordEntries.id, entry.id)).run();
  if (entry.attribute === "name") {
    db.delete(identityFingerprints).where(and(eq(identityFingerprints.subjectKind, entry.subjectKind), eq(identityFingerprints.subjectId, entry.subjectId))).run();
  }
  return entry;
}
