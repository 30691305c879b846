import type Database from "better-sqlite3";
import type { Db } from "./client";

/**
 * Runs `work` with the connection's statements kept by their SQL text, so a batch that runs the
 * same few queries thousands of times (a case-register import) prepares each once: drizzle
 * prepares every query afresh, and preparing costs more than running it. A kept statement is
 * handed back in its default mode (rows as objects); drizzle asks for raw rows each time it wants them.
 * Not for work that iterates a statement while running it again.
 */
export function withStatementCache<T>(db: Db, work: () => T): T {
  const client = db.$client;
  const prepare = client.prepare.bind(client);
  const kept = new Map<string, Database.Statement>();
  client.prepare = ((source: string) => {
    let statement = kept.get(source);
    if (!statement) kept.set(source, (statement = prepare(source)));
    else if (statement.reader) statement.raw(false);
    return statement;
  }) as typeof client.prepare;
  try {
    return work();
  } finally {
    // The method of every connection again, not this one's own.
    delete (client as Partial<Pick<Database.Database, "prepare">>).prepare;
  }
}
