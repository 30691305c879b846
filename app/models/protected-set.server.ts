// What the leak guard protects for a collective: every entry of its identity records, its accused
// persons' names and its FIR numbers, each mapped to what stands in for it. The set is kept per
// database file and collective. When the protected revision moves (a trigger bumps it whenever a
// record entry, an accused person, or a case's code or FIR changes), the kept set is brought up to
// date in place: only what changed is read again and fingerprinted, never the whole set.
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Conn } from "#db/client";
import { accused, cases, identityRecordEntries, protectedRevision, victims } from "#db/schema";
import { config } from "~/config.server";
import { firKey } from "~/lib/fir-citation";
import { protectedForms, type Hasher } from "~/lib/protected-forms";
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

type Kept = {
  revision: number;
  key: string;
  set: ProtectedSet;
  /** Case id → its code and FIR number, as the stand-ins and the FIR numbers were made from. */
  cases: Map<number, { code: string; fir: string | null }>;
  /** Accused id → the name fingerprinted, the stand-in given ("the accused (A-2 of …)") and the case. */
  people: Map<number, { name: string; who: Protectee; position: number; code: string }>;
  /** The record entries in the set (ids, and the highest), and the highest id read outside a transaction. */
  entryIds: Set<number>;
  entryMax: number;
  trusted: number;
};

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

const entryColumns = {
  id: identityRecordEntries.id,
  caseId: identityRecordEntries.caseId,
  subjectKind: identityRecordEntries.subjectKind,
  subjectId: identityRecordEntries.subjectId,
  attribute: identityRecordEntries.attribute,
  guardFps: identityRecordEntries.guardFps,
};
type Entry = { [K in keyof typeof entryColumns]: (typeof entryColumns)[K]["_"]["data"] };

/**
 * Brings the kept set up to date with the database: cases compared by code and FIR, accused
 * persons by name and place, record entries by id (only new ones are read whole), and the
 * stand-ins of entries whose case code or accused's place changed made again. Rows are read as
 * plain arrays and compared; only what differs is fingerprinted or moved.
 */
function refresh(db: Conn, collectiveId: number, kept: Kept, inTransaction: boolean) {
  const { set } = kept;
  const caseRows = db
    .select({ id: cases.id, code: cases.code, fir: cases.firNumber })
    .from(cases)
    .where(eq(cases.collectiveId, collectiveId))
    .orderBy(asc(cases.id))
    .values() as [number, string, string | null][];
  // Cases whose code changed: the stand-ins of their entries change with it.
  const restand = new Set<number>();
  let firsMoved = caseRows.length !== kept.cases.size;
  for (const [id, code, fir] of caseRows) {
    const was = kept.cases.get(id);
    if (was?.code === code && was.fir === fir) continue;
    firsMoved = true;
    if (was && was.code !== code) restand.add(id);
    kept.cases.set(id, { code, fir });
  }
  if (firsMoved) {
    if (caseRows.length !== kept.cases.size) {
      const ids = new Set(caseRows.map(([id]) => id));
      for (const id of kept.cases.keys()) if (!ids.has(id)) kept.cases.delete(id);
    }
    set.firs.clear();
    // In the order of the cases' ids (the map's order: new cases come last): the first case with a number keeps it.
    for (const c of kept.cases.values()) {
      const fir = c.fir ? firKey(c.fir) : "";
      if (fir && !set.firs.has(fir)) set.firs.set(fir, firStandIn(c.code));
    }
  }

  const people = db
    .select({ id: accused.id, caseId: accused.caseId, name: accused.name })
    .from(accused)
    .innerJoin(cases, eq(cases.id, accused.caseId))
    .where(eq(cases.collectiveId, collectiveId))
    .orderBy(asc(accused.id))
    .values() as [number, number, string][];
  const positions = new Map<number, number>();
  for (const [id, caseId, name] of people) {
    const position = (positions.get(caseId) ?? 0) + 1;
    positions.set(caseId, position);
    const was = kept.people.get(id);
    const code = kept.cases.get(caseId)?.code ?? "";
    if (was?.name === name && was.position === position && was.code === code) continue;
    const who = accusedStandIn(position, code);
    addToSet(set, `a:${id}`, accusedForms(kept.key, set.hash, name), who);
    if (was && was.who.replacement !== who.replacement) restand.add(caseId);
    kept.people.set(id, { name, who, position, code });
  }
  if (people.length !== kept.people.size) {
    const ids = new Set(people.map(([id]) => id));
    for (const id of kept.people.keys())
      if (!ids.has(id)) {
        removeFromSet(set, `a:${id}`);
        kept.people.delete(id);
      }
  }

  const ofCollective = eq(identityRecordEntries.collectiveId, collectiveId);
  const [count, max] = (db
    .select({ count: sql<number>`count(*)`, max: sql<number>`coalesce(max(${identityRecordEntries.id}), 0)` })
    .from(identityRecordEntries)
    .where(ofCollective)
    .values()[0] ?? [0, 0]) as [number, number];
  if (count !== kept.entryIds.size || max !== kept.entryMax) {
    const ids = new Set(
      (
        db.select({ id: identityRecordEntries.id }).from(identityRecordEntries).where(ofCollective).values() as [
          number,
        ][]
      ).map(([id]) => id),
    );
    for (const id of kept.entryIds) if (!ids.has(id)) removeFromSet(set, `e:${id}`);
    kept.entryIds = ids;
    kept.entryMax = max;
  }
  // Entries written since the last read outside a transaction are read whole (an id can come back
  // after a rollback), and so are the entries whose stand-in changed.
  const fresh: Entry[] = db
    .select(entryColumns)
    .from(identityRecordEntries)
    .where(and(ofCollective, gt(identityRecordEntries.id, kept.trusted)))
    .all();
  const restood: Entry[] = restand.size
    ? db
        .select(entryColumns)
        .from(identityRecordEntries)
        .where(and(ofCollective, inArray(identityRecordEntries.caseId, [...restand])))
        .all()
    : [];
  const read = new Map([...fresh, ...restood].map((e) => [e.id, e]));
  if (read.size) {
    const victimIds = [
      ...new Set([...read.values()].filter((e) => e.subjectKind === "victim").map((e) => e.subjectId)),
    ];
    const victimCodes = new Map(
      victimIds.length
        ? (db
            .select({ id: victims.id, code: victims.code })
            .from(victims)
            .where(read.size > 500 ? eq(victims.collectiveId, collectiveId) : inArray(victims.id, victimIds))
            .values() as [number, string][])
        : [],
    );
    const whoOf = (e: Entry): Protectee => {
      if (e.subjectKind === "victim")
        return standInFor(e.attribute, victimStandIn(victimCodes.get(e.subjectId) ?? "the victim"));
      return standInFor(
        e.attribute,
        kept.people.get(e.subjectId)?.who ?? accusedStandIn(0, kept.cases.get(e.caseId)?.code ?? ""),
      );
    };
    for (const e of read.values()) addToSet(set, `e:${e.id}`, JSON.parse(e.guardFps) as string[], whoOf(e));
  }
  if (!inTransaction) for (const e of fresh) kept.trusted = Math.max(kept.trusted, e.id);
}

const emptyKept = (key: string): Kept => ({
  revision: -1,
  key,
  set: buildProtectedSet(key, [], []),
  cases: new Map(),
  people: new Map(),
  entryIds: new Set(),
  entryMax: 0,
  trusted: 0,
});

/** A kept set per database file and collective. */
const setCache = new Map<string, Kept>();

function revisionState(db: Conn) {
  const state = db.get<{ revision: number; file: string }>(
    sql`select revision, (select file from pragma_database_list where name = 'main') as file from ${protectedRevision} where id = 1`,
  );
  return { revision: state?.revision ?? 0, file: state?.file || null };
}

/** The protected revision now: a change's own triggers move it, so a caller can tell its change from another's. */
export const protectedRevisionNow = (db: Conn) => revisionState(db).revision;

/**
 * What may never leave the app for this collective, each form mapped to whose it is, so that a
 * match can say what stands in for it. A save or a document reads the revision and reuses the
 * kept set; a change since is applied to it in place. Read inside a transaction, the set is
 * brought up to date with what the transaction sees, and checked again by the next read (the
 * transaction may be rolled back).
 */
export function protectedSet(db: Conn, collectiveId: number, key = config().IDENTITY_KEY): ProtectedSet {
  const { revision, file } = revisionState(db);
  const slot = file ? `${file}|${collectiveId}` : null;
  let kept = slot ? setCache.get(slot) : undefined;
  if (kept && kept.revision === revision && kept.key === key) return kept.set;
  if (!kept || kept.key !== key) {
    kept = emptyKept(key);
    if (slot) setCache.set(slot, kept);
  }
  const inTransaction = !("$client" in db) || db.$client.inTransaction;
  refresh(db, collectiveId, kept, inTransaction);
  kept.revision = inTransaction ? -1 : revision;
  return kept.set;
}

/** A set built afresh, kept nowhere: for the bench, to compare with the kept one. */
export function protectedSetAfresh(db: Conn, collectiveId: number, key = config().IDENTITY_KEY): ProtectedSet {
  const kept = emptyKept(key);
  refresh(db, collectiveId, kept, false);
  return kept.set;
}
