import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens (and creates, with its folder) the SQLite file. Never migrates: that is scripts/migrate.ts. */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // A writer waits this long for SQLite's one write lock before it fails. The longest holder is a
  // large case-register import's one transaction (about a second for 5,000 rows on two quiet
  // cores, several on a loaded machine): a save made meanwhile must wait for it, not fail.
  sqlite.pragma("busy_timeout = 15000");
  sqlite.pragma("synchronous = NORMAL");
  // Overwritten and deleted text is zeroed in the file, so an edited-out name cannot be read back from it.
  sqlite.pragma("secure_delete = ON");
  return drizzle(sqlite, { schema, casing: "snake_case" }) as Db;
}

export { schema };

/** A connection or an open transaction: query functions take either, so callers compose them. */
export type Conn = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];
