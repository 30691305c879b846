import fs from "node:fs";
import path from "node:path";
import { isNull } from "drizzle-orm";
import { openDatabase, type Db } from "#db/client";
import { migrateDatabase } from "#db/migrate";
import { backupMarks, collectives } from "#db/schema";
import { persistedSecret } from "~/config.server";
import { audit, sealAuditLog } from "~/models/audit.server";
import { endAllSessions } from "~/models/session.server";

// A backup is the database (copied with SQLite's online backup API, so a running server can keep
// writing) and the identity key beside it. A restore ends every session: a cookie issued before
// it must not open the restored data (defect 12 of issue 13).

export const databaseFile = "testa.db";
/** Copied with the database; without the identity key every fingerprint is worthless. */
export const keptFiles = ["identity-key"] as const;

function auditEveryCollective(db: Db, action: string, detail: string) {
  for (const { id } of db.select({ id: collectives.id }).from(collectives).all()) {
    audit(db, { collectiveId: id, userId: null, action, entity: "data", detail });
  }
}

/** Copies the live database and its key into `dir`. The copy carries no session and a mark saying it is a backup. */
export async function backupTo(db: Db, dataDir: string, dir: string, now = new Date()): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, databaseFile);
  if (fs.existsSync(target)) throw new Error(`${target} already exists: back up into an empty folder.`);
  auditEveryCollective(db, "backup", `taken ${now.toISOString()}`);
  await db.$client.backup(target);
  const copy = openDatabase(target);
  copy.transaction((tx) => {
    endAllSessions(tx);
    tx.insert(backupMarks).values({ takenAt: now.toISOString() }).run();
  });
  copy.$client.pragma("wal_checkpoint(TRUNCATE)");
  copy.$client.close();
  for (const name of keptFiles) {
    const from = path.join(dataDir, name);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(dir, name));
  }
  return target;
}

/**
 * Runs whenever the app opens its database (start-up, `npm run restore`): a file that still carries
 * an open backup mark was restored from a backup. Every session ends, the mark is stamped and the
 * restore is audited. Returns whether this was a restore.
 */
export function completeRestore(db: Db, now = new Date()): boolean {
  const open = db.select().from(backupMarks).where(isNull(backupMarks.restoredAt)).all();
  if (!open.length) return false;
  db.transaction((tx) => {
    endAllSessions(tx);
    tx.update(backupMarks).set({ restoredAt: now.toISOString() }).where(isNull(backupMarks.restoredAt)).run();
  });
  auditEveryCollective(db, "restore", `backup taken ${open.map((m) => m.takenAt).join(", ")}`);
  return true;
}

/** What the app does to its database before serving: migrate, hash entries from before the chain, finish a restore. */
export function prepareDatabase(db: Db) {
  migrateDatabase(db);
  sealAuditLog(db);
  return { restored: completeRestore(db) };
}

/**
 * Puts a backup in place of the data folder's database (the server must be stopped). Old session
 * cookies stop working twice over: the sessions are gone and the cookie-signing secret is new.
 */
export function restoreFrom(dir: string, databasePath: string, { keepSessionSecret = false }: { keepSessionSecret?: boolean } = {}) {
  const source = path.join(dir, databaseFile);
  if (!fs.existsSync(source)) throw new Error(`No ${databaseFile} in ${dir}: give the folder a backup was written to.`);
  const target = path.resolve(databasePath);
  const dataDir = path.dirname(target);
  fs.mkdirSync(dataDir, { recursive: true });
  const staged = `${target}.restoring`;
  fs.copyFileSync(source, staged);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(staged, target);
  for (const name of keptFiles) {
    const from = path.join(dir, name);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(dataDir, name));
  }
  if (!keepSessionSecret) {
    fs.rmSync(path.join(dataDir, "session-secret"), { force: true });
    persistedSecret(dataDir, "session-secret");
  }
  const db = openDatabase(target);
  try {
    prepareDatabase(db);
  } finally {
    db.$client.close();
  }
  return target;
}
