import fs from "node:fs";
import path from "node:path";
import { openDatabase, type Conn, type Db } from "#db/client";
import { migrateDatabase, pendingMigrations } from "#db/migrate";
import { config, persistedSecret } from "~/config.server";
import { getDb } from "~/db.server";
import { dailyFolder, rotateBackups } from "~/lib/backup-rotation";
import { audit, sealAuditLog } from "~/models/audit.server";
import { listCollectiveIds } from "~/models/collective.server";
import { holdsData, markBackup, openBackupMarks, stampRestored } from "~/models/backup.server";
import { endAllSessions } from "~/models/session.server";
import { errorFields, log } from "./log.server";

// A backup is the database (copied with SQLite's online backup API, so a running server can keep
// writing) and the secrets files beside it. A restore ends every session: a cookie issued before
// it must not open the restored data (defect 12 of issue 13).

export const databaseFile = "testa.db";
/** Copied with the database. Without the identity key every fingerprint is worthless. */
export const secretFiles = ["session-secret", "identity-key"] as const;
/** Put back by a restore; the session secret is written anew instead, so that no old cookie opens the data. */
const restoredFiles = ["identity-key"] as const;
/** Where the server keeps its own backups: `<data folder>/backups/`. */
export const backupsDir = (dataDir: string) => path.join(dataDir, "backups");

export class RestoreRefused extends Error {}

function auditEveryCollective(db: Conn, action: string, detail: string) {
  for (const id of listCollectiveIds(db)) audit(db, { collectiveId: id, userId: null, action, entity: "data", detail });
}

/** Copies the live database and its secrets into `dir`. The copy carries no session and a mark saying it is a backup. */
export async function backupTo(db: Db, dataDir: string, dir: string, now = new Date(), why = "taken"): Promise<string> {
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, databaseFile);
  if (fs.existsSync(target)) throw new Error(`${target} already exists: back up into an empty folder.`);
  auditEveryCollective(db, "backup", `${why} ${now.toISOString()}`);
  const staged = `${target}.partial`;
  // All pages in one step: a step that another process's write overtakes starts the copy again, so
  // small steps under steady writes might never finish. One step reads one consistent snapshot.
  await db.$client.backup(staged, { progress: () => 0x7fffffff });
  const copy = openDatabase(staged);
  try {
    copy.transaction((tx) => {
      endAllSessions(tx);
      markBackup(tx, now.toISOString());
    });
    copy.$client.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    copy.$client.close();
  }
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(staged + suffix, { force: true });
  // Renamed only when whole: a folder holding testa.db holds a complete backup.
  fs.renameSync(staged, target);
  for (const name of secretFiles) {
    const from = path.join(dataDir, name);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(dir, name));
  }
  return target;
}

/**
 * The server's daily backup: once a day into `backups/daily-YYYY-MM-DD` (the UTC date of `now`),
 * then the rotation: the newest 7 daily folders and the newest of each of the 4 weeks before them
 * are kept, the other daily folders deleted. Folders of any other name (the copies made before a
 * migration, anything put there by hand) are never touched.
 */
export async function dailyBackup(
  db: Db,
  dataDir: string,
  now = new Date(),
): Promise<{ taken: string | null; removed: string[] }> {
  const root = backupsDir(dataDir);
  const folder = path.join(root, dailyFolder(now.toISOString().slice(0, 10)));
  let taken: string | null = null;
  if (!fs.existsSync(path.join(folder, databaseFile))) {
    fs.rmSync(folder, { recursive: true, force: true }); // an attempt cut short
    taken = await backupTo(db, dataDir, folder, now, "daily");
  }
  const { remove } = rotateBackups(fs.readdirSync(root));
  for (const name of remove) fs.rmSync(path.join(root, name), { recursive: true, force: true });
  return { taken, removed: remove };
}

/** The daily backup inside the server: checked every hour (first a minute after start), taken once a UTC day. */
export function startBackupJob({ intervalMs = 3_600_000 }: { intervalMs?: number } = {}): () => void {
  if (!config().DAILY_BACKUP) return () => {};
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    const started = Date.now();
    try {
      const { taken, removed } = await dailyBackup(getDb(), config().dataDir);
      if (taken) log("info", "job", { job: "backup", removed: removed.length, ms: Date.now() - started });
    } catch (error) {
      log("error", "job failed", { job: "backup", ...errorFields(error), ms: Date.now() - started });
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, 60_000);
  const timer = setInterval(tick, intervalMs);
  first.unref?.();
  timer.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/**
 * Runs whenever the app opens its database (start-up, `npm run restore`): a file that still carries
 * an open backup mark was restored from a backup. Every session ends, the mark is stamped and the
 * restore is audited. Returns whether this was a restore.
 */
export function completeRestore(db: Db, now = new Date()): boolean {
  const open = openBackupMarks(db);
  if (!open.length) return false;
  db.transaction((tx) => {
    endAllSessions(tx);
    stampRestored(tx, now.toISOString());
    auditEveryCollective(tx, "restore", `backup taken ${open.map((m) => m.takenAt).join(", ")}`);
  });
  return true;
}

/**
 * What the app does to its database before serving: back it up when a migration is due (into
 * `backups/pre-migration-<instant>`), migrate, hash entries from before the chain, finish a restore.
 */
export async function prepareDatabase(
  db: Db,
  now = new Date(),
): Promise<{ restored: boolean; backedUpTo: string | null }> {
  let backedUpTo: string | null = null;
  if (pendingMigrations(db) > 0 && holdsData(db)) {
    const dataDir = path.dirname(path.resolve(db.$client.name));
    const folder = path.join(backupsDir(dataDir), `pre-migration-${now.toISOString().replace(/[:.]/g, "-")}`);
    backedUpTo = await backupTo(db, dataDir, folder, now, "before a migration");
  }
  migrateDatabase(db);
  sealAuditLog(db);
  return { restored: completeRestore(db, now), backedUpTo };
}

function refuseToOverwrite(target: string) {
  if (!fs.existsSync(target)) return;
  const existing = openDatabase(target);
  try {
    if (!holdsData(existing)) return;
  } finally {
    existing.$client.close();
  }
  throw new RestoreRefused(
    `${target} already holds data. A restore replaces it: back it up first (npm run backup -- DIR), then run the restore again with --force.`,
  );
}

/**
 * Puts a backup in place of the data folder's database (the server must be stopped). Refuses a
 * database that holds data unless `force`. Old session cookies stop working twice over: the
 * sessions are gone and the cookie-signing secret is new.
 */
export async function restoreFrom(
  dir: string,
  databasePath: string,
  { keepSessionSecret = false, force = false }: { keepSessionSecret?: boolean; force?: boolean } = {},
) {
  const source = path.join(dir, databaseFile);
  if (!fs.existsSync(source))
    throw new RestoreRefused(`No ${databaseFile} in ${dir}: give the folder a backup was written to.`);
  const target = path.resolve(databasePath);
  if (!force) refuseToOverwrite(target);
  const dataDir = path.dirname(target);
  fs.mkdirSync(dataDir, { recursive: true });
  const staged = `${target}.restoring`;
  fs.copyFileSync(source, staged);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(staged, target);
  for (const name of restoredFiles) {
    const from = path.join(dir, name);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(dataDir, name));
  }
  if (!keepSessionSecret) {
    fs.rmSync(path.join(dataDir, "session-secret"), { force: true });
    persistedSecret(dataDir, "session-secret");
  }
  const db = openDatabase(target);
  try {
    await prepareDatabase(db);
  } finally {
    db.$client.close();
  }
  return target;
}
