import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { Conn } from "#db/client";
import { accused, cases, identityFingerprints, identityMatches, protectedRevision, victims } from "#db/schema";
import { config } from "~/config.server";
import { audit } from "~/models/audit.server";
import { fingerprintsOf, nearbyYearFps } from "~/lib/identity";
import { accusedStandIn, buildProtectedSet, findProtected, firKey, firStandIn, standInFor, victimStandIn, type ProtectedSet, type Protectee } from "~/lib/leak-guard";
import { keyedHasher, protectedForms, type Hasher } from "~/lib/protected-forms";
import { entriesOfCollective } from "~/models/identity-record.server";
import { outOfScope, type GuardScope } from "~/lib/protected-text";

export { findProtected, firKey, rewriteProtected, type ProtectedMatch, type ProtectedSet } from "~/lib/leak-guard";

type Subject = { collectiveId: number; caseId: number; subjectKind: "victim" | "accused"; subjectId: number };

/**
 * Fingerprints a person's attributes (the clear text goes no further than this function) and
 * flags every other case of the collective with the same person.
 */
export function recordIdentity(db: Conn, subject: Subject, person: { name: string; birthYear: number | null; extra: string | null }): { matches: number } {
  const key = config().IDENTITY_KEY;
  const fps = fingerprintsOf(key, person);
  if (!fps) return { matches: 0 };
  const nearby = person.birthYear ? new Set(nearbyYearFps(key, person.name, person.birthYear)) : null;
  return db.transaction((tx) => {
    tx.delete(identityFingerprints).where(and(eq(identityFingerprints.subjectKind, subject.subjectKind), eq(identityFingerprints.subjectId, subject.subjectId))).run();
    tx.insert(identityFingerprints).values({ ...subject, nameFp: fps.nameFp, nameYearFp: fps.nameYearFp, extraFp: fps.extraFp }).run();
    const candidates = tx
      .select()
      .from(identityFingerprints)
      .where(
        and(
          eq(identityFingerprints.collectiveId, subject.collectiveId),
          eq(identityFingerprints.subjectKind, subject.subjectKind),
          eq(identityFingerprints.nameFp, fps.nameFp),
          ne(identityFingerprints.caseId, subject.caseId),
        ),
      )
      .all()
      .filter((c) => (!nearby || !c.nameYearFp || nearby.has(c.nameYearFp)) && (!fps.extraFp || !c.extraFp || c.extraFp === fps.extraFp));
    let created = 0;
    for (const c of candidates) {
      const exists = tx
        .select()
        .from(identityMatches)
        .where(
          and(
            eq(identityMatches.subjectKind, subject.subjectKind),
            or(
              and(eq(identityMatches.caseId, subject.caseId), eq(identityMatches.otherCaseId, c.caseId)),
              and(eq(identityMatches.caseId, c.caseId), eq(identityMatches.otherCaseId, subject.caseId)),
            ),
          ),
        )
        .get();
      if (exists) continue;
      tx.insert(identityMatches).values({ collectiveId: subject.collectiveId, subjectKind: subject.subjectKind, caseId: subject.caseId, otherCaseId: c.caseId }).run();
      created++;
    }
    return { matches: created };
  });
}

/** The matches on a case, each naming the other case: for the secretariat only. */
export function matchesForCase(db: Conn, caseId: number) {
  const rows = db.select().from(identityMatches).where(or(eq(identityMatches.caseId, caseId), eq(identityMatches.otherCaseId, caseId))).all();
  const otherIds = rows.map((r) => (r.caseId === caseId ? r.otherCaseId : r.caseId));
  const codes = new Map(otherIds.length ? db.select({ id: cases.id, code: cases.code }).from(cases).where(inArray(cases.id, otherIds)).all().map((c) => [c.id, c.code]) : []);
  return rows.map((r) => {
    const other = r.caseId === caseId ? r.otherCaseId : r.caseId;
    return { id: r.id, kind: r.subjectKind, status: r.status, otherCaseId: other, otherCode: codes.get(other) ?? "" };
  });
}

export function decideMatch(db: Conn, collectiveId: number, matchId: number, caseId: number, decision: "confirmed" | "dismissed", userId: number): boolean {
  return (
    db
      .update(identityMatches)
      .set({ status: decision, decidedByUserId: userId, decidedAt: new Date().toISOString() })
      .where(and(eq(identityMatches.id, matchId), eq(identityMatches.collectiveId, collectiveId), or(eq(identityMatches.caseId, caseId), eq(identityMatches.otherCaseId, caseId))))
      .run().changes === 1
  );
}

/** Cases with a match not dismissed: the agenda gives them a reason, without naming the other case. */
export function casesWithOpenMatches(db: Conn, collectiveId: number): Map<number, "victim" | "accused"> {
  const rows = db.select().from(identityMatches).where(and(eq(identityMatches.collectiveId, collectiveId), ne(identityMatches.status, "dismissed"))).all();
  const map = new Map<number, "victim" | "accused">();
  for (const r of rows) {
    map.set(r.caseId, r.subjectKind);
    map.set(r.otherCaseId, r.subjectKind);
  }
  return map;
}

// ---- The leak guard ------------------------------------------------------------------------

/**
 * A document stopped by the guard, naming where the protected text is ("action 12's blocked
 * reason") and, when known, the page to correct it on. The message says what did not happen.
 */
export class LeakBlocked extends Error {
  constructor(
    readonly document: string,
    readonly field: string,
    readonly fixUrl: string | null = null,
    /** What did not happen: "sent", "confirmed", "saved". */
    readonly outcome = "sent",
  ) {
    super(`There is a protected name or number in ${field}, so ${document} ${/minutes$/.test(document) ? "were" : "was"} not ${outcome}. Correct it there and try again.`);
  }

  /** The same for a download: nothing is sent, the file is just not produced. */
  get downloadMessage() {
    return `There is a protected name or number in ${this.field}, so ${this.document} cannot be downloaded until it is corrected.`;
  }
}

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

/** A built set per database file and collective, kept until the protected revision (bumped by triggers) moves. */
const setCache = new Map<string, { revision: number; key: string; set: ProtectedSet }>();

/**
 * What may never leave the app for this collective: every entry of its identity records, its
 * accused persons' names and its FIR numbers, each mapped to whose it is, so that a match can say
 * what stands in for it. Built once per change: a save or a document only reads the revision.
 */
export function protectedSet(db: Conn, collectiveId: number): ProtectedSet {
  const key = config().IDENTITY_KEY;
  const state = db.get<{ revision: number; file: string }>(sql`select revision, (select file from pragma_database_list where name = 'main') as file from ${protectedRevision} where id = 1`);
  const slot = state?.file ? `${state.file}|${collectiveId}` : null;
  const cached = slot ? setCache.get(slot) : undefined;
  if (cached && cached.revision === state!.revision && cached.key === key) return cached.set;
  const set = buildSet(db, collectiveId, key);
  if (slot) setCache.set(slot, { revision: state!.revision, key, set });
  return set;
}

function buildSet(db: Conn, collectiveId: number, key: string): ProtectedSet {
  const hash = keyedHasher(key);
  const caseRows = db.select({ id: cases.id, code: cases.code, fir: cases.firNumber }).from(cases).where(eq(cases.collectiveId, collectiveId)).orderBy(asc(cases.id)).all();
  const codeOf = new Map(caseRows.map((c) => [c.id, c.code]));
  const ids = caseRows.map((c) => c.id);
  // An accused is "A-2" by the order of entry on the case, as the case page numbers them.
  const people = ids.length ? db.select({ id: accused.id, caseId: accused.caseId, name: accused.name }).from(accused).where(inArray(accused.caseId, ids)).orderBy(asc(accused.id)).all() : [];
  const accusedStandIns = new Map<number, Protectee>();
  const positions = new Map<number, number>();
  for (const a of people) {
    const position = (positions.get(a.caseId) ?? 0) + 1;
    positions.set(a.caseId, position);
    accusedStandIns.set(a.id, accusedStandIn(position, codeOf.get(a.caseId) ?? ""));
  }
  const victimCodes = new Map(db.select({ id: victims.id, code: victims.code }).from(victims).where(eq(victims.collectiveId, collectiveId)).all().map((v) => [v.id, v.code]));
  const entries = function* () {
    for (const e of entriesOfCollective(db, collectiveId)) {
      const who = e.subjectKind === "victim" ? victimStandIn(victimCodes.get(e.subjectId) ?? "the victim") : (accusedStandIns.get(e.subjectId) ?? accusedStandIn(0, codeOf.get(e.caseId) ?? ""));
      yield { forms: JSON.parse(e.guardFps) as string[], who: standInFor(e.attribute, who) };
    }
    for (const a of people) yield { forms: accusedForms(key, hash, a.name), who: accusedStandIns.get(a.id)! };
  };
  const firs = caseRows.filter((c) => c.fir).map((c) => [firKey(c.fir!), firStandIn(c.code)] as [string, Protectee]);
  return buildProtectedSet(key, entries(), firs);
}

/** True when the text holds a protected name, place, number or FIR. */
export function containsProtected(text: string, set: ProtectedSet): boolean {
  return findProtected(text, set).length > 0;
}

/**
 * Every piece of text in a document, for the guard. A document lists the fields it can name
 * exactly ("the minutes of item 4") first, then all its text, so that nothing in it goes
 * unguarded; each piece is named by its top-level key ("nextMeeting" is "the next meeting").
 * `scopes` marks top-level keys that hold officers' own details (a seat holder's name and phone).
 */
export function everyText(doc: object, scopes: Partial<Record<string, GuardScope>> = {}): GuardedText[] {
  const out: GuardedText[] = [];
  const walk = (value: unknown, label: string, scope: GuardScope | undefined) => {
    if (typeof value === "string") out.push([label, value, null, scope]);
    else if (Array.isArray(value)) value.forEach((v) => walk(v, label, scope));
    else if (value && typeof value === "object") for (const v of Object.values(value)) walk(v, label, scope);
  };
  for (const [key, value] of Object.entries(doc)) walk(value, `the ${key.replace(/([A-Z])/g, " $1").toLowerCase()}`, scopes[key]);
  return out;
}

/** A piece of a document: where it is (as a person would name it), its text, where to correct it, and what it may hold. */
export type GuardedText = [field: string, text: string | null | undefined, fixUrl?: string | null, scope?: GuardScope];

/** Checks every field of an outbound document; throws LeakBlocked naming the document and the field. */
export function guardDocument(db: Conn, collectiveId: number, document: string, fields: GuardedText[], set = protectedSet(db, collectiveId), outcome = "sent") {
  for (const [field, text, fixUrl, scope] of fields) {
    if (text && outOfScope(findProtected(text, set), scope).length) throw new LeakBlocked(document, field, fixUrl ?? null, outcome);
  }
}

/** Between a block's place and the page to correct it on, in its audit entry. */
export const fixSeparator = " · correct at ";

/** The block goes to the audit log, naming the document and the field, never the value. */
export function auditLeakBlock(db: Conn, who: { collectiveId: number; id: number | null }, error: LeakBlocked) {
  audit(db, { collectiveId: who.collectiveId, userId: who.id, action: "leak:blocked", entity: "document", detail: `${error.document}: ${error.field}${error.fixUrl ? `${fixSeparator}${error.fixUrl}` : ""}` });
}

/** For a download: a blocked document is a 409 page with the message, and an audit entry. */
export function guardOrRefuse(db: Conn, user: { collectiveId: number; id: number }, document: string, fields: GuardedText[]) {
  try {
    guardDocument(db, user.collectiveId, document, fields);
  } catch (error) {
    if (!(error instanceof LeakBlocked)) throw error;
    auditLeakBlock(db, user, error);
    throw new Response(error.downloadMessage, { status: 409, statusText: "Protected text" });
  }
}
