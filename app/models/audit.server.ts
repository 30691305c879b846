import { and, asc, count, desc, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import type { Conn, Db } from "#db/client";
import { auditLog, cases, departments, meetings, tenures, users } from "#db/schema";
import { entryHash, genesisHash, verifyChain, type ChainReport, type StoredEntry } from "~/lib/audit-chain";

export type AuditEntry = {
  collectiveId: number;
  userId: number | null;
  /** e.g. "view:restricted", "create", "update", "transfer". */
  action: string;
  entity: string;
  entityId?: number | null;
  /** Field names or ids only: never a restricted value. */
  detail?: string;
};

const lastHash = (db: Conn, collectiveId: number, beforeId: number) =>
  db
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .where(and(eq(auditLog.collectiveId, collectiveId), lt(auditLog.id, beforeId)))
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get()?.hash ?? genesisHash;

/**
 * Writes one entry, chained to the collective's entry before it. Pass the transaction of the change
 * it records, so both are kept or neither. The insert comes first: it takes SQLite's write lock, so
 * no other writer (another process included) can slip an entry in between reading the previous
 * hash and writing this one.
 */
export function audit(db: Conn, entry: AuditEntry) {
  db.transaction((tx) => {
    const row = tx
      .insert(auditLog)
      .values({
        ...entry,
        entityId: entry.entityId ?? null,
        detail: entry.detail ?? null,
        at: new Date().toISOString(),
      })
      .returning()
      .get();
    const prevHash = lastHash(tx, row.collectiveId, row.id);
    tx.update(auditLog)
      .set({ prevHash, hash: entryHash(prevHash, row) })
      .where(eq(auditLog.id, row.id))
      .run();
  });
}

const chainColumns = {
  id: auditLog.id,
  collectiveId: auditLog.collectiveId,
  userId: auditLog.userId,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  detail: auditLog.detail,
  at: auditLog.at,
  prevHash: auditLog.prevHash,
  hash: auditLog.hash,
};

const entriesOf = (db: Conn, collectiveId: number): StoredEntry[] =>
  db.select(chainColumns).from(auditLog).where(eq(auditLog.collectiveId, collectiveId)).orderBy(asc(auditLog.id)).all();

export function verifyAuditLog(db: Conn, collectiveId: number): ChainReport {
  return verifyChain(entriesOf(db, collectiveId));
}

export function auditedCollectives(db: Conn): number[] {
  return db
    .selectDistinct({ id: auditLog.collectiveId })
    .from(auditLog)
    .orderBy(asc(auditLog.collectiveId))
    .all()
    .map((r) => r.id);
}

/**
 * Entries written before the chain existed get their hashes once, on the first start after the
 * migration: only in a collective with no hashed entry yet. Later, an unhashed entry is a break.
 */
export function sealAuditLog(db: Db): number {
  return db.transaction((tx) => {
    let sealed = 0;
    for (const collectiveId of auditedCollectives(tx)) {
      const hashed = tx
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(and(eq(auditLog.collectiveId, collectiveId), isNotNull(auditLog.hash)))
        .limit(1)
        .get();
      if (hashed) continue;
      let prevHash = genesisHash;
      for (const row of entriesOf(tx, collectiveId)) {
        const hash = entryHash(prevHash, row);
        tx.update(auditLog).set({ prevHash, hash }).where(eq(auditLog.id, row.id)).run();
        prevHash = hash;
        sealed += 1;
      }
    }
    return sealed;
  });
}

/**
 * A change and its audit entry in one transaction. `entryFor` sees what the change returned and
 * gives the entry, or null when nothing changed (a refused save writes no entry).
 */
export function audited<T>(db: Conn, change: (tx: Conn) => T, entryFor: (result: T) => AuditEntry | null): T {
  return db.transaction((tx) => {
    const result = change(tx);
    const entry = entryFor(result);
    if (entry) audit(tx, entry);
    return result;
  });
}

export const auditPerPage = 50;

/** The record an entry is about, by its name people know (a case code, a meeting number), where it has one. */
const recordName = sql<string | null>`case ${auditLog.entity}
  when 'case' then (select ${cases.code} from ${cases} where ${cases.id} = ${auditLog.entityId})
  when 'meeting' then (select ${meetings.number} from ${meetings} where ${meetings.id} = ${auditLog.entityId})
  when 'department' then (select ${departments.name} from ${departments} where ${departments.id} = ${auditLog.entityId})
  when 'tenure' then (select ${tenures.officerName} from ${tenures} where ${tenures.id} = ${auditLog.entityId})
  when 'user' then (select ${users.name} from ${users} where ${users.id} = ${auditLog.entityId})
  end`;

export type AuditQuery = {
  collectiveId: number;
  person?: number;
  entity?: string;
  record?: number;
  action?: string;
  /** Instants (ISO UTC): from inclusive, until exclusive. */
  fromInstant?: string;
  untilInstant?: string;
};

function auditWhere(q: AuditQuery) {
  return and(
    eq(auditLog.collectiveId, q.collectiveId),
    q.person !== undefined ? eq(auditLog.userId, q.person) : undefined,
    q.entity !== undefined ? eq(auditLog.entity, q.entity) : undefined,
    q.record !== undefined ? eq(auditLog.entityId, q.record) : undefined,
    q.action !== undefined ? eq(auditLog.action, q.action) : undefined,
    q.fromInstant !== undefined ? gte(auditLog.at, q.fromInstant) : undefined,
    q.untilInstant !== undefined ? lt(auditLog.at, q.untilInstant) : undefined,
  );
}

function auditRows(db: Conn, q: AuditQuery) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      userName: users.name,
      userRole: users.role,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      recordName,
      detail: auditLog.detail,
      hash: auditLog.hash,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(auditWhere(q))
    .orderBy(desc(auditLog.id));
}

export type AuditRow = ReturnType<ReturnType<typeof auditRows>["all"]>[number];

/** One page of entries, newest first, with the count that matches. */
export function listAuditEntries(db: Conn, q: AuditQuery, page: number) {
  const total = db.select({ n: count() }).from(auditLog).where(auditWhere(q)).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / auditPerPage));
  const rows = auditRows(db, q)
    .limit(auditPerPage)
    .offset((Math.min(page, pages) - 1) * auditPerPage)
    .all();
  return { rows, total, page: Math.min(page, pages), pages };
}

/** Every matching entry, for the CSV export. */
export function allAuditEntries(db: Conn, q: AuditQuery): AuditRow[] {
  return auditRows(db, q).all();
}

/** What the filters offer: the people, record kinds and actions that occur in this collective's log. */
export function auditFilterChoices(db: Conn, collectiveId: number) {
  const people = db
    .selectDistinct({ id: users.id, name: users.name, role: users.role })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.userId))
    .where(eq(auditLog.collectiveId, collectiveId))
    .orderBy(asc(users.name))
    .all();
  const entities = db
    .selectDistinct({ entity: auditLog.entity })
    .from(auditLog)
    .where(eq(auditLog.collectiveId, collectiveId))
    .orderBy(asc(auditLog.entity))
    .all()
    .map((r) => r.entity);
  const actions = db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.collectiveId, collectiveId))
    .orderBy(asc(auditLog.action))
    .all()
    .map((r) => r.action);
  return { people, entities, actions };
}

/** The name of one record, for the filter that narrows the log to it. */
export function auditRecordName(db: Conn, collectiveId: number, entity: string, entityId: number): string | null {
  return (
    db
      .select({ name: recordName })
      .from(auditLog)
      .where(and(eq(auditLog.collectiveId, collectiveId), eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
      .limit(1)
      .get()?.name ?? null
  );
}
