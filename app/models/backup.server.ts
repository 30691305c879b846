import { isNull, sql } from "drizzle-orm";
import type { Conn } from "#db/client";
import { backupMarks } from "#db/schema";

/** The mark a backup carries until it is first opened as a restored database. */
export function markBackup(db: Conn, takenAt: string) {
  db.insert(backupMarks).values({ takenAt }).run();
}

export function openBackupMarks(db: Conn) {
  return db.select().from(backupMarks).where(isNull(backupMarks.restoredAt)).all();
}

export function stampRestored(db: Conn, restoredAt: string) {
  db.update(backupMarks).set({ restoredAt }).where(isNull(backupMarks.restoredAt)).run();
}

/** Whether the file holds anything a restore would destroy: a collective or an account. */
export function holdsData(db: Conn): boolean {
  const tables = db.all<{ name: string }>(
    sql`select name from sqlite_master where type = 'table' and name in ('collectives', 'users')`,
  );
  return tables.some(({ name }) => db.get(sql`select 1 from ${sql.identifier(name)} limit 1`) !== undefined);
}
