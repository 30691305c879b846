import { and, asc, desc, eq, isNotNull, lt } from "drizzle-orm";
import type { Conn, Db } from "#db/client";
import { auditLog } from "#db/schema";
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
      .values({ ...entry, entityId: entry.entityId ?? null, detail: entry.detail ?? null, at: new Date().toISOString() })
      .returning()
      .get();
    const prevHash = lastHash(tx, row.collectiveId, row.id);
    tx.update(auditLog).set({ prevHash, hash: entryHash(prevHash, row) }).where(eq(auditLog.id, row.id)).run();
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
  return db.selectDistinct({ id: auditLog.collectiveId }).from(auditLog).orderBy(asc(auditLog.collectiveId)).all().map((r) => r.id);
}

/**
 * Entries written before the chain existed get their hashes once, on the first start after the
 * migration: only in a collective with no hashed entry yet. Later, an unhashed entry is a break.
 */
export function sealAuditLog(db: Db): number {
  return db.transaction((tx) => {
    let sealed = 0;
    for (const collectiveId of auditedCollectives(tx)) {
      const hashed = tx.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.collectiveId, collectiveId), isNotNull(auditLog.hash))).limit(1).get();
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
