// Every query about identity: the fingerprints that match a person across cases, the matches the
// secretariat decides, the entries of identity records, and what the leak guard protects (built
// into a protected set, kept per database file and collective until something protected changes).
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { Conn } from "#db/client";
import {
  accused,
  cases,
  identityFingerprints,
  identityMatches,
  identityRecordEntries,
  protectedRevision,
  users,
  victims,
} from "#db/schema";
import type { RecordAttribute } from "#db/schema/enums";
import { config } from "~/config.server";
import type { Fingerprints } from "~/lib/identity";
import { firKey } from "~/lib/fir-citation";
import {
  accusedStandIn,
  addToSet,
  buildProtectedSet,
  firStandIn,
  removeFromSet,
  standInFor,
  victimStandIn,
  type ProtectedSet,
  type Protectee,
} from "~/lib/protected-set";
import { keyedHasher, protectedForms, type Hasher } from "~/lib/protected-forms";

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

/** Every entry of every identity record of the collective, for the leak guard. */
export function entriesOfCollective(db: Conn, collectiveId: number) {
  return db
    .select({
      id: identityRecordEntries.id,
      caseId: identityRecordEntries.caseId,
      subjectKind: identityRecordEntries.subjectKind,
      subjectId: identityRecordEntries.subjectId,
      attribute: identityRecordEntries.attribute,
      guardFps: identityRecordEntries.guardFps,
    })
    .from(identityRecordEntries)
    .where(eq(identityRecordEntries.collectiveId, collectiveId))
    .all();
}

/** Writes the entries; returns them as the protected set reads them, ids included. */
export function insertEntries(
  db: Conn,
  subject: RecordSubject,
  userId: number,
  entries: { attribute: RecordAttribute; forms: string[] }[],
) {
  if (!entries.length) return [];
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
    .returning({
      id: identityRecordEntries.id,
      caseId: identityRecordEntries.caseId,
      subjectKind: identityRecordEntries.subjectKind,
      subjectId: identityRecordEntries.subjectId,
      attribute: identityRecordEntries.attribute,
      guardFps: identityRecordEntries.guardFps,
    })
    .all();
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

// ---- What the leak guard protects ----------------------------------------------------------

// Every outbound document is guarded against every accused name of the collective. Their
// forms depend only on the key and the name, so a process computes each once.
const accusedFormsCache = new Map<string, Map<string, string[]>>();
function accusedForms(key: string, hash: Hasher, name: string): string[] {
  let byName = accusedFormsCache.get(key);
  if (!byName) accusedFormsCache.set(key, (byName = new Map()));
  let forms = byName.get(name);
  if (!forms) byName.set(name, (forms = protectedForms(hash, "name", name)));
  return forms;
}

type Entry = ReturnType<typeof entriesOfCollective>[number];

/** What stands in for the people of a collective: victims by code, accused persons by their place on the case ("A-2"). */
function standIns(db: Conn, collectiveId: number) {
  const caseRows = db
    .select({ id: cases.id, code: cases.code, fir: cases.firNumber })
    .from(cases)
    .where(eq(cases.collectiveId, collectiveId))
    .orderBy(asc(cases.id))
    .all();
  const codeOf = new Map(caseRows.map((c) => [c.id, c.code]));
  const ids = caseRows.map((c) => c.id);
  const people = ids.length
    ? db
        .select({ id: accused.id, caseId: accused.caseId, name: accused.name })
        .from(accused)
        .where(inArray(accused.caseId, ids))
        .orderBy(asc(accused.id))
        .all()
    : [];
  const accusedStandIns = new Map<number, Protectee>();
  const positions = new Map<number, number>();
  for (const a of people) {
    const position = (positions.get(a.caseId) ?? 0) + 1;
    positions.set(a.caseId, position);
    accusedStandIns.set(a.id, accusedStandIn(position, codeOf.get(a.caseId) ?? ""));
  }
  const victimCodes = new Map(
    db
      .select({ id: victims.id, code: victims.code })
      .from(victims)
      .where(eq(victims.collectiveId, collectiveId))
      .all()
      .map((v) => [v.id, v.code]),
  );
  const whoOf = (e: Omit<Entry, "id" | "guardFps">) =>
    standInFor(
      e.attribute,
      e.subjectKind === "victim"
        ? victimStandIn(victimCodes.get(e.subjectId) ?? "the victim")
        : (accusedStandIns.get(e.subjectId) ?? accusedStandIn(0, codeOf.get(e.caseId) ?? "")),
    );
  return { caseRows, people, accusedStandIns, whoOf };
}

/** The stand-in of one entry, read for its subject alone (as standIns reads it for all). */
function standInOfEntry(db: Conn, e: Omit<Entry, "id" | "guardFps">): Protectee {
  const code = db.select({ code: cases.code }).from(cases).where(eq(cases.id, e.caseId)).get()?.code ?? "";
  if (e.subjectKind === "victim")
    return standInFor(
      e.attribute,
      victimStandIn(
        db.select({ code: victims.code }).from(victims).where(eq(victims.id, e.subjectId)).get()?.code ?? "the victim",
      ),
    );
  const onCase = db
    .select({ id: accused.id })
    .from(accused)
    .where(eq(accused.caseId, e.caseId))
    .orderBy(asc(accused.id))
    .all();
  return standInFor(e.attribute, accusedStandIn(onCase.findIndex((a) => a.id === e.subjectId) + 1, code));
}

function buildSet(db: Conn, collectiveId: number, key: string): ProtectedSet {
  const hash = keyedHasher(key);
  const { caseRows, people, accusedStandIns, whoOf } = standIns(db, collectiveId);
  const entries = function* () {
    for (const e of entriesOfCollective(db, collectiveId))
      yield { id: `e:${e.id}`, forms: JSON.parse(e.guardFps) as string[], who: whoOf(e) };
    for (const a of people)
      yield { id: `a:${a.id}`, forms: accusedForms(key, hash, a.name), who: accusedStandIns.get(a.id)! };
  };
  const firs = caseRows.filter((c) => c.fir).map((c) => [firKey(c.fir!), firStandIn(c.code)] as [string, Protectee]);
  return buildProtectedSet(key, entries(), firs);
}

/** A built set per database file and collective, kept until the protected revision (bumped by triggers) moves. */
const setCache = new Map<string, { revision: number; key: string; set: ProtectedSet }>();

function revisionState(db: Conn) {
  const state = db.get<{ revision: number; file: string }>(
    sql`select revision, (select file from pragma_database_list where name = 'main') as file from ${protectedRevision} where id = 1`,
  );
  return { revision: state?.revision ?? 0, file: state?.file || null };
}

/** The protected revision now: a change's own triggers move it, so a caller can tell its change from another's. */
export const protectedRevisionNow = (db: Conn) => revisionState(db).revision;

/**
 * What may never leave the app for this collective: every entry of its identity records, its
 * accused persons' names and its FIR numbers, each mapped to whose it is, so that a match can say
 * what stands in for it. Built once; a save or a document only reads the revision.
 */
export function protectedSet(db: Conn, collectiveId: number, key = config().IDENTITY_KEY): ProtectedSet {
  const { revision, file } = revisionState(db);
  const slot = file ? `${file}|${collectiveId}` : null;
  const cached = slot ? setCache.get(slot) : undefined;
  if (cached && cached.revision === revision && cached.key === key) return cached.set;
  const set = buildSet(db, collectiveId, key);
  if (slot) setCache.set(slot, { revision, key, set });
  return set;
}

/**
 * After a committed change of record entries that moved the revision from `before` to `after`
 * and nothing else, the kept set is updated in place (the entries added, the ids removed) rather
 * than rebuilt. If anything else moved the revision meanwhile, the next read rebuilds it.
 */
export function patchProtectedSet(
  db: Conn,
  collectiveId: number,
  change: { before: number; after: number; added?: Entry[]; removed?: number[] },
) {
  const { file } = revisionState(db);
  const cached = file ? setCache.get(`${file}|${collectiveId}`) : undefined;
  if (!cached || cached.key !== config().IDENTITY_KEY || cached.revision !== change.before) return;
  for (const id of change.removed ?? []) removeFromSet(cached.set, `e:${id}`);
  for (const e of change.added ?? [])
    addToSet(cached.set, `e:${e.id}`, JSON.parse(e.guardFps) as string[], standInOfEntry(db, e));
  cached.revision = change.after;
}
