import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Db } from "./client";

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

export function migrateDatabase(db: Db) {
  migrate(db, { migrationsFolder });
}

/** How many migrations `migrateDatabase` would apply; a file never migrated counts them all. */
export function pendingMigrations(db: Db): number {
  const all = readMigrationFiles({ migrationsFolder });
  const table = db.get<{ n: number }>(
    sql`select count(*) as n from sqlite_master where type = 'table' and name = '__drizzle_migrations'`,
  );
  if (!table?.n) return all.length;
  const last = db.get<{ at: number | null }>(sql`select max(created_at) as at from __drizzle_migrations`)?.at ?? 0;
  return all.filter((m) => m.folderMillis > Number(last)).length;
}
