import { and, count, eq, gte } from "drizzle-orm";
import type { Conn } from "#db/client";
import { loginAttempts } from "#db/schema";

/** Keys are keyed hashes (services/auth.server.ts): the table holds neither what was typed nor who typed it. */
export type AttemptKeys = { accountKey: string; clientKey: string };

/** Failed attempts since `since`, from one client address, or (with an account key) for one account from it. */
export function failedAttemptsSince(
  db: Conn,
  { accountKey, clientKey }: { accountKey?: string; clientKey: string },
  since: string,
): number {
  return (
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.clientKey, clientKey),
          accountKey === undefined ? undefined : eq(loginAttempts.accountKey, accountKey),
          eq(loginAttempts.succeeded, false),
          gte(loginAttempts.at, since),
        ),
      )
      .get()?.n ?? 0
  );
}

export function recordLoginAttempt(db: Conn, keys: AttemptKeys, succeeded: boolean, now: Date) {
  db.insert(loginAttempts)
    .values({ ...keys, succeeded, at: now.toISOString() })
    .run();
}

/** An account's failed attempts since `since`, counted per client address. */
export function failedAttemptsByClient(db: Conn, accountKey: string, since: string): number[] {
  return db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(eq(loginAttempts.accountKey, accountKey), eq(loginAttempts.succeeded, false), gte(loginAttempts.at, since)),
    )
    .groupBy(loginAttempts.clientKey)
    .all()
    .map((r) => r.n);
}

/** Forgets an account's failed attempts, from every address. Returns how many. */
export function forgetFailedAttempts(db: Conn, accountKey: string): number {
  return db
    .delete(loginAttempts)
    .where(and(eq(loginAttempts.accountKey, accountKey), eq(loginAttempts.succeeded, false)))
    .run().changes;
}
