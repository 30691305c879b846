import crypto from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { and, count, eq, gte } from "drizzle-orm";
import { collectives, loginAttempts, sessions, users } from "#db/schema";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { formatDate, todayIn } from "~/lib/dates";
import { can, type Permission } from "~/lib/permissions";
import { purgeExpiredSessions, sessionAlive, touchSession } from "~/models/session.server";
import { findUserByEmail, resolveSessionUser, type SessionUser } from "~/models/user.server";
import { verifyPassword } from "./password.server";
import { plural } from "~/lib/plural";

/** The absolute end of a session; the idle limit is SESSION_IDLE_MINUTES (60 by default). */
export const sessionHours = 12;
export const lockout = { attempts: 5, minutes: 15 } as const;

function sessionCookie() {
  return createCookie("testa_session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: config().APP_URL.startsWith("https://"),
    secrets: [config().SESSION_SECRET],
    maxAge: sessionHours * 3600,
  });
}

const sha256 = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

function collectiveZone(collectiveId: number): string {
  const row = getDb().select({ tz: collectives.timeZone }).from(collectives).where(eq(collectives.id, collectiveId)).get();
  return row?.tz ?? "Asia/Kolkata";
}

async function sessionToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export async function getSessionUser(request: Request, now = new Date()): Promise<SessionUser | null> {
  const token = await sessionToken(request);
  if (!token) return null;
  const db = getDb();
  const row = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sha256(token)))
    .get();
  if (!row) return null;
  const resolved = resolveSessionUser(db, row.user, todayIn(collectiveZone(row.user.collectiveId), now));
  // A session past its end, idle too long, or of an account that may no longer sign in ends here.
  if (!sessionAlive(row.session, now, config().SESSION_IDLE_MINUTES) || !resolved.ok) {
    db.delete(sessions).where(eq(sessions.id, row.session.id)).run();
    return null;
  }
  touchSession(db, row.session, now);
  return resolved.user;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

/** The one gate every loader and action passes. A refusal is a 403 page, never a 500. */
export async function requireUserWithPermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user.role, permission)) {
    throw new Response("Your role does not allow this.", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

export type SignInResult =
  | { ok: true; user: SessionUser }
  | { ok: false; message: string };

/** Checks a password, with a lock after repeated failures for one account. Records every attempt. */
export async function signIn(emailInput: string, password: string, now = new Date()): Promise<SignInResult> {
  const db = getDb();
  const email = emailInput.trim().toLowerCase();
  const since = new Date(now.getTime() - lockout.minutes * 60_000).toISOString();
  const failures =
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gte(loginAttempts.at, since)))
      .get()?.n ?? 0;
  if (failures >= lockout.attempts) {
    return {
      ok: false,
      message: `Too many failed attempts for this account. Sign-in is locked for ${plural(lockout.minutes, "minute", "minutes")}; try again later or ask the administrator.`,
    };
  }
  const user = findUserByEmail(db, email);
  const valid = !!user?.passwordHash && (await verifyPassword(user.passwordHash, password));
  db.insert(loginAttempts).values({ email, succeeded: valid, at: now.toISOString() }).run();
  if (!user || !valid) return { ok: false, message: "The email or password is not right." };
  const resolved = resolveSessionUser(db, user, todayIn(collectiveZone(user.collectiveId), now));
  if (!resolved.ok) {
    return {
      ok: false,
      message:
        resolved.reason === "tenure_not_started"
          ? `Your tenure in this seat begins on ${formatDate(resolved.startsOn)}. You can sign in from that day.`
          : resolved.reason === "tenure_ended"
            ? "Your tenure in this seat has ended, so this account can no longer sign in. Your successor holds the seat now."
            : "This account is disabled. Ask the administrator.",
    };
  }
  return resolved;
}

/** Starts a fresh session (a new id at every sign-in) and ends the one the request carried. */
export async function createSessionCookie(request: Request, userId: number): Promise<string> {
  const db = getDb();
  const old = await sessionToken(request);
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + sessionHours * 3600_000).toISOString();
  db.transaction((tx) => {
    if (old) tx.delete(sessions).where(eq(sessions.id, sha256(old))).run();
    purgeExpiredSessions(tx, new Date(), config().SESSION_IDLE_MINUTES);
    tx.insert(sessions).values({ id: sha256(token), userId, expiresAt, lastSeenAt: new Date().toISOString() }).run();
  });
  return sessionCookie().serialize(token);
}

export async function destroySessionCookie(request: Request): Promise<string> {
  const token = await sessionToken(request);
  if (token) getDb().delete(sessions).where(eq(sessions.id, sha256(token))).run();
  return sessionCookie().serialize("", { maxAge: 0 });
}

/** Expired and idle sessions are removed every few minutes, not only when someone next signs in. */
export function startSessionPurge({ intervalMs = 10 * 60_000 }: { intervalMs?: number } = {}): () => void {
  const tick = () => {
    try {
      purgeExpiredSessions(getDb(), new Date(), config().SESSION_IDLE_MINUTES);
    } catch (error) {
      console.error("sessions: purge failed", error instanceof Error ? error.message : error);
    }
  };
  const timer = setInterval(tick, intervalMs);
  return () => clearInterval(timer);
}
