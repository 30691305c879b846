import crypto from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { formatDate, todayIn } from "~/lib/dates";
import { requirePermission, type Ownership, type Permission } from "~/lib/permissions";
import { audited } from "~/models/audit.server";
import { getCollective } from "~/models/collective.server";
import {
  failedAttemptsByClient,
  failedAttemptsSince,
  forgetFailedAttempts,
  recordLoginAttempt,
} from "~/models/login-attempt.server";
import {
  endSession,
  findSessionWithUser,
  insertSession,
  purgeExpiredSessions,
  sessionAlive,
  touchSession,
} from "~/models/session.server";
import { findUserByEmail, resolveSessionUser, type SessionUser } from "~/models/user.server";
import { hashPassword, verifyPassword } from "./password.server";
import { translator, type Language, type Message } from "~/lib/i18n";
import { errorFields, log, noteRequestUser } from "./log.server";

/** The absolute end of a session; the idle limit is SESSION_IDLE_MINUTES (60 by default). */
export const sessionHours = 12;

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

async function sessionToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export async function getSessionUser(request: Request, now = new Date()): Promise<SessionUser | null> {
  const token = await sessionToken(request);
  if (!token) return null;
  const db = getDb();
  const row = findSessionWithUser(db, sha256(token));
  if (!row) return null;
  const resolved = resolveSessionUser(db, row.user, todayIn(getCollective(db, row.user.collectiveId).timeZone, now));
  // A session past its end, idle too long, or of an account that may no longer sign in ends here.
  if (!sessionAlive(row.session, now, config().SESSION_IDLE_MINUTES) || !resolved.ok) {
    endSession(db, row.session.id);
    return null;
  }
  touchSession(db, row.session, now);
  noteRequestUser(resolved.user.id);
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

/**
 * The one gate every loader and action passes. A refusal is a 403 page, never a 500. With a
 * department (`{ departmentId }`, known from the URL), a `…:own` permission passes only for the
 * department of the user's seat; a record read after the door is checked with `requirePermission`
 * (app/lib/permissions.ts), which decides ownership the same way.
 */
export async function requireUserWithPermission(
  request: Request,
  permission: Permission,
  ownership: Ownership = {},
): Promise<SessionUser> {
  const user = await requireUser(request);
  requirePermission(user, permission, ownership);
  return user;
}

/** A refusal in words for the person signing in, in their language (English (India) unless given). */
export type SignInResult = { ok: true; user: SessionUser } | { ok: false; message: string };

/**
 * Throttling. Failures count per account *and* client address, so a stranger's wrong passwords
 * lock the account only for the stranger's address, never for its holder; and per client address
 * across accounts, so one address cannot try address after address. An administrator can unlock.
 */
export const lockout = { attempts: 5, clientAttempts: 20, minutes: 15 } as const;

const lockedMessage: Message = { key: "login.locked", values: { count: lockout.minutes } };
const throttledMessage: Message = { key: "login.throttled", values: { count: lockout.minutes } };

/** A keyed hash, so the attempts table holds neither what was typed nor who typed it. */
function attemptKey(kind: "account" | "client", value: string): string {
  const key = crypto.createHmac("sha256", config().IDENTITY_KEY).update("login-attempts").digest();
  return crypto.createHmac("sha256", key).update(`${kind}:${value}`).digest("base64url");
}

export const accountKeyOf = (email: string) => attemptKey("account", email.trim().toLowerCase());

// Unknown addresses (and accounts without a password yet) are checked against this, so that a
// sign-in takes as long whether or not the address has an account.
let dummyHash: Promise<string> | undefined;
const dummyPasswordHash = () => (dummyHash ??= hashPassword(crypto.randomBytes(16).toString("hex")));

/** Checks a password, throttled per account-and-address and per address. Records every attempt, keyed. */
export async function signIn(
  emailInput: string,
  password: string,
  {
    client = "unknown",
    now = new Date(),
    language = "en-IN",
  }: { client?: string; now?: Date; language?: Language } = {},
): Promise<SignInResult> {
  const refused = (reason: Message) => ({
    ok: false as const,
    message: translator(language)(reason.key, reason.values),
  });
  const db = getDb();
  const email = emailInput.trim().toLowerCase();
  const accountKey = accountKeyOf(email);
  const clientKey = attemptKey("client", client);
  const since = new Date(now.getTime() - lockout.minutes * 60_000).toISOString();
  if (failedAttemptsSince(db, { clientKey }, since) >= lockout.clientAttempts) return refused(throttledMessage);
  if (failedAttemptsSince(db, { accountKey, clientKey }, since) >= lockout.attempts) {
    return refused(lockedMessage);
  }
  const user = findUserByEmail(db, email);
  const checked = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const valid = !!user?.passwordHash && checked;
  recordLoginAttempt(db, { accountKey, clientKey }, valid, now);
  if (!user || !valid) return refused({ key: "login.wrong" });
  const resolved = resolveSessionUser(db, user, todayIn(getCollective(db, user.collectiveId).timeZone, now));
  if (!resolved.ok) {
    return refused(
      resolved.reason === "tenure_not_started"
        ? { key: "login.tenureNotStarted", values: { date: formatDate(resolved.startsOn) } }
        : {
            key:
              resolved.reason === "tenure_ended"
                ? "login.tenureEnded"
                : resolved.reason === "collective_deactivated"
                  ? "login.collectiveDeactivated"
                  : "login.disabled",
          },
    );
  }
  return resolved;
}

/** Whether an account is locked from any address now (what the administrator sees). */
export function isSignInLocked(email: string, now = new Date()): boolean {
  const since = new Date(now.getTime() - lockout.minutes * 60_000).toISOString();
  return failedAttemptsByClient(getDb(), accountKeyOf(email), since).some((n) => n >= lockout.attempts);
}

/**
 * The administrator's unlock: the account's failed attempts are forgotten, from every address, and
 * the audit entry says how many, in the same transaction. Returns how many.
 */
export function unlockSignIn(
  email: string,
  { collectiveId, userId, byUserId }: { collectiveId: number; userId: number; byUserId: number },
): number {
  return audited(
    getDb(),
    (tx) => forgetFailedAttempts(tx, accountKeyOf(email)),
    (forgotten) => ({
      collectiveId,
      userId: byUserId,
      action: "unlock:sign-in",
      entity: "user",
      entityId: userId,
      detail: `${forgotten} failed attempt(s) forgotten`,
    }),
  );
}

/** Starts a fresh session (a new id at every sign-in) and ends the one the request carried. */
export async function createSessionCookie(request: Request, userId: number): Promise<string> {
  const db = getDb();
  const old = await sessionToken(request);
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + sessionHours * 3600_000).toISOString();
  db.transaction((tx) => {
    if (old) endSession(tx, sha256(old));
    purgeExpiredSessions(tx, new Date(), config().SESSION_IDLE_MINUTES);
    insertSession(tx, { id: sha256(token), userId, expiresAt });
  });
  return sessionCookie().serialize(token);
}

export async function destroySessionCookie(request: Request): Promise<string> {
  const token = await sessionToken(request);
  if (token) endSession(getDb(), sha256(token));
  return sessionCookie().serialize("", { maxAge: 0 });
}

/** Expired and idle sessions are removed every few minutes, not only when someone next signs in. */
export function startSessionPurge({ intervalMs = 10 * 60_000 }: { intervalMs?: number } = {}): () => void {
  const tick = () => {
    const started = Date.now();
    try {
      purgeExpiredSessions(getDb(), new Date(), config().SESSION_IDLE_MINUTES);
      log("info", "job", { job: "session purge", ms: Date.now() - started });
    } catch (error) {
      log("error", "job failed", { job: "session purge", ...errorFields(error), ms: Date.now() - started });
    }
  };
  const timer = setInterval(tick, intervalMs);
  return () => clearInterval(timer);
}
