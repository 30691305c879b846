import { sql } from "drizzle-orm";
import { integer, text } from "drizzle-orm/sqlite-core";

// Shared column shapes. Calendar dates are ISO `YYYY-MM-DD` text; instants are ISO-8601 UTC text.
export const id = () => integer().primaryKey({ autoIncrement: true });
export const isoDate = () => text();
export const createdAt = () =>
  text()
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
/** Row version for optimistic concurrency: every update bumps it and checks the old value. */
export const version = () => integer().notNull().default(1);
