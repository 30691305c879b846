import { and, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Conn } from "#db/client";
import { sessions, users } from "#db/schema";

/** How long a session lasts: an absolute end, and an idle limit counted from its last request. */
export type SessionLimits = { absoluteHours: number; idleMinutes: number };

/** A session's last request is written at most this often, so reading pages does not write on every request. */
export const lastSeenEveryMs = 60_000;

export function idleCutoff(now: Date, idleMinutes: number): string {
  return new Date(now.getTime() - idleMinutes * 60_000).toISOString();
}

/** Whether a session may still carry a request at `now`. */
export function sessionAlive(session: typeof sessions.$inferSelect, now: Date, idleMinutes: number): boolean {
  const lastSeen = session.lastSeenAt ?? session.createdAt;
  return session.expiresAt > now.toISOString() && lastSeen > idleCutoff(now, idleMinutes);
}

export function touchSession(db: Conn, session: typeof sessions.$inferSelect, now: Date) {
  const lastSeen = session.lastSeenAt ?? session.createdAt;
  if (now.getTime() - Date.parse(lastSeen) < lastSeenEveryMs) return;
  db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, session.id)).run();
}

/** Ends every session of one person: a transfer, a new password, a disabled account. */
export function endSessionsOf(db: Conn, userId: number): number {
  return db.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}

/** Ends every session of a collective's accounts: the state has deactivated it. */
export function endSessionsInCollective(db: Conn, collectiveId: number): number {
  return db
    .delete(sessions)
    .where(
      inArray(sessions.userId, db.select({ id: users.id }).from(users).where(eq(users.collectiveId, collectiveId))),
    )
    .run().changes;
}

/** Ends every session of everyone: after a restore, a cookie from before it must not open the app. */
export function endAllSessions(db: Conn): number {
  return db.delete(sessions).run().changes;
}

/** Removes sessions past their absolute end or idle for longer than the limit. Run on a schedule. */
export function purgeExpiredSessions(db: Conn, now: Date, idleMinutes: number): number {
  const cutoff = idleCutoff(now, idleMinutes);
  return db
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, now.toISOString()),
        lt(sessions.lastSeenAt, cutoff),
        and(isNull(sessions.lastSeenAt), lt(sessions.createdAt, cutoff)),
      ),
    )
    .run().changes;
}

/** The session with this (hashed) id and its account, or undefined. */
export function findSessionWithUser(db: Conn, sessionId: string) {
  return db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .get();
}

export function endSession(db: Conn, sessionId: string) {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

export function insertSession(db: Conn, session: { id: string; userId: number; expiresAt: string }, now = new Date()) {
  db.insert(sessions)
    .values({ ...session, lastSeenAt: now.toISOString() })
    .run();
}
