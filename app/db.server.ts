import { openDatabase, type Db } from "#db/client";
import { config } from "./config.server";

let db: Db | undefined;

/** The app's one connection. Opened on first use; migrations are run by scripts, never here. */
export function getDb(): Db {
  db ??= openDatabase(config().DATABASE_PATH);
  return db;
}
