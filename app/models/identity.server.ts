// Every query about identity records and matching: the fingerprints that match a person across
// cases, the matches the secretariat decides, and the entries of identity records. What the leak
// guard builds from them is models/protected-set.server.ts.
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { Conn } from "#db/client";
import { cases, identityFingerprints, identityMatches, identityRecordEntries, users } from "#db/schema";
import type { RecordAttribute } from "#db/schema/enums";
import type { Fingerprints } from "~/lib/identity";

export type RecordSubject = {
  collectiveId: number;
  caseId: number;
  subjectKind: "victim" | "accused";
  subjectId: number;
};

// ---- Fingerprints and matches across cases ---------------------------------------------------

/** The person's one cross-case fingerprint row, replacing any earlier one. */
export function replaceFingerprint(db: Conn, subject: RecordSubject, fps: Fingerprints) {
  db.delete(identityFingerprints)
    .where(
      and(
        eq(identityFingerprints.subjectKind, subject.subjectKind),
        eq(identityFingerprints.subjectId, subject.subjectId),
      ),
    )
    .run();
  db.insert(identityFingerprints)
    .values({ ...subject, nameFp: fps.nameFp, nameYearFp: fps.nameYearFp, extraFp: fps.extraFp })
    .run();
}

/** Fingerprints of the same kind on the collective's other cases whose name is one of `nameFps`. */
export function fingerprintsNamed(db: Conn, subject: RecordSubject, nameFps: string[]) {
  return db
    .select()
    .from(identityFingerprints)
    .where(
      and(
        eq(identityFingerprints.collectiveId, subject.collectiveId),
        // `+` keeps SQLite off the (subject_kind, subject_id) index: with two names in the list it
        // chose that one and read every fingerprint of the kind, for each accused a case adds.
        eq(sql`+${identityFingerprints.subjectKind}`, subject.subjectKind),
        inArray(identityFingerprints.nameFp, nameFps),
        ne(identityFingerprints.caseId, subject.caseId),
      ),
    )
    .all();
}

/** Records a match between the subject's case and another, unless the two are already matched. True when new. */
export function addMatchIfNew(db: Conn, subject: RecordSubject, otherCaseId: number): boolean {
  const pair = (a: number, b: number) => and(eq(identityMatches.caseId, a), eq(identityMatches.otherCaseId, b));
  const exists = db
    .select({ id: identityMatches.id })
    .from(identityMatches)
    .where(
      and(
        eq(identityMatches.subjectKind, subject.subjectKind),
        or(pair(subject.caseId, otherCaseId), pair(otherCaseId, subject.caseId)),
      ),
    )
    .get();
  if (exists) return false;
  db.insert(identityMatches)
    .values({
      collectiveId: subject.collectiveId,
      subjectKind: subject.subjectKind,
      caseId: subject.caseId,
      otherCaseId,
    })
    .run();
  return true;
}

/** The matches on a case, each naming the other case: for the secretariat only. */
export function matchesForCase(db: Conn, caseId: number) {
  const rows = db
    .select()
    .from(identityMatches)
    .where(or(eq(identityMatches.caseId, caseId), eq(identityMatches.otherCaseId, caseId)))
    .all();
  const otherIds = rows.map((r) => (r.caseId === caseId ? r.otherCaseId : r.caseId));
  const codes = new Map(
    otherIds.length
      ? db
          .select({ id: cases.id, code: cases.code })
          .from(cases)
          .where(inArray(cases.id, otherIds))
          .all()
          .map((c) => [c.id, c.code])
      : [],
  );
  return rows.map((r) => {
    const other = r.caseId === caseId ? r.otherCaseId : r.caseId;
    return { id: r.id, kind: r.subjectKind, status: r.status, otherCaseId: other, otherCode: codes.get(other) ?? "" };
  });
}

export function decideMatch(
  db: Conn,
  collectiveId: number,
  matchId: number,
  caseId: number,
  decision: "confirmed" | "dismissed",
  userId: number,
): boolean {
  return (
    db
      .update(identityMatches)
      .set({ status: decision, decidedByUserId: userId, decidedAt: new Date().toISOString() })
      .where(
        and(
          eq(identityMatches.id, matchId),
          eq(identityMatches.collectiveId, collectiveId),
          or(eq(identityMatches.caseId, caseId), eq(identityMatches.otherCaseId, caseId)),
        ),
      )
      .run().changes === 1
  );
}

/** Cases with a match not dismissed: the agenda gives them a reason, without naming the other case. */
export function casesWithOpenMatches(db: Conn, collectiveId: number): Map<number, "victim" | "accused"> {
  const rows = db
    .select()
    .from(identityMatches)
    .where(and(eq(identityMatches.collectiveId, collectiveId), ne(identityMatches.status, "dismissed")))
    .all();
  const map = new Map<number, "victim" | "accused">();
  for (const r of rows) {
    map.set(r.caseId, r.subjectKind);
    map.set(r.otherCaseId, r.subjectKind);
  }
  return map;
}

// ---- Identity record entries ---------------------------------------------------------------

/** Writes the entries (each entry's forms as the protected set reads them); returns how many. */
export function insertEntries(
  db: Conn,
  subject: RecordSubject,
  userId: number,
  entries: { attribute: RecordAttribute; forms: string[] }[],
): number {
  if (!entries.length) return 0;
  return db
    .insert(identityRecordEntries)
    .values(
      entries.map((e) => ({
        ...subject,
        attribute: e.attribute,
        guardFps: JSON.stringify(e.forms),
        createdByUserId: userId,
      })),
    )
    .run().changes;
}

/** What the case page lists of a record: which attribute, when and by whom; never a value. */
export function entriesOfCase(db: Conn, caseId: number) {
  return db
    .select({
      id: identityRecordEntries.id,
      subjectKind: identityRecordEntries.subjectKind,
      subjectId: identityRecordEntries.subjectId,
      attribute: identityRecordEntries.attribute,
      createdAt: identityRecordEntries.createdAt,
      addedBy: users.name,
    })
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
    .where(
      and(
        eq(identityRecordEntries.id, entryId),
        eq(identityRecordEntries.collectiveId, scope.collectiveId),
        eq(identityRecordEntries.caseId, scope.caseId),
      ),
    )
    .get();
  if (!entry) return null;
  db.delete(identityRecordEntries).where(eq(identityRecordEntries.id, entry.id)).run();
  if (entry.attribute === "name") {
    db.delete(identityFingerprints)
      .where(
        and(
          eq(identityFingerprints.subjectKind, entry.subjectKind),
          eq(identityFingerprints.subjectId, entry.subjectId),
        ),
      )
      .run();
  }
  return entry;
}
