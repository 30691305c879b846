import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Conn, Db } from "#db/client";
import { passwordTokens, users } from "#db/schema";
import { audit } from "./audit.server";
import { endSessionsOf } from "./session.server";

export const passwordLinkDays = 7;

const sha256 = (raw: string) => crypto.createHash("sha256").update(raw).digest("hex");

/** A single-use link token. Only its hash is stored; the raw token exists only in the link. */
export function createPasswordToken(db: Conn, userId: number, now = new Date()) {
  const raw = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + passwordLinkDays * 86_400_000).toISOString();
  db.insert(passwordTokens)
    .values({ userId, tokenHash: sha256(raw), expiresAt })
    .run();
  return { raw, expiresAt };
}

export type TokenCheck =
  { status: "valid"; tokenId: number; user: typeof users.$inferSelect } | { status: "used" | "expired" | "unknown" };

export function checkPasswordToken(db: Conn, raw: string, now = new Date()): TokenCheck {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(raw)) return { status: "unknown" };
  const row = db
    .select({ token: passwordTokens, user: users })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(eq(passwordTokens.tokenHash, sha256(raw)))
    .get();
  if (!row) return { status: "unknown" };
  if (row.token.usedAt) return { status: "used" };
  if (row.token.expiresAt <= now.toISOString()) return { status: "expired" };
  return { status: "valid", tokenId: row.token.id, user: row.user };
}

/** Sets the password and spends the token together; a second use finds it spent. */
export function redeemPasswordToken(db: Db, raw: string, passwordHash: string, now = new Date()): TokenCheck {
  return db.transaction((tx) => {
    const check = checkPasswordToken(tx, raw, now);
    if (check.status !== "valid") return check;
    tx.update(passwordTokens).set({ usedAt: now.toISOString() }).where(eq(passwordTokens.id, check.tokenId)).run();
    tx.update(users).set({ passwordHash }).where(eq(users.id, check.user.id)).run();
    // A new password ends every session opened with the old one.
    endSessionsOf(tx, check.user.id);
    // Who set a password, and when: never the link's token or the password.
    audit(tx, {
      collectiveId: check.user.collectiveId,
      userId: check.user.id,
      action: "password_set",
      entity: "user",
      entityId: check.user.id,
    });
    return check;
  });
}

/**
 * A fresh link for an account (the first one expired, or the password is forgotten). Any earlier
 * unused link of the account stops working, so only the newest link in circulation is live.
 */
export function reissuePasswordLink(
  db: Db,
  { collectiveId, userId, byUserId }: { collectiveId: number; userId: number; byUserId: number },
  now = new Date(),
) {
  return db.transaction((tx) => {
    tx.delete(passwordTokens)
      .where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt)))
      .run();
    const link = createPasswordToken(tx, userId, now);
    audit(tx, { collectiveId, userId: byUserId, action: "password_link", entity: "user", entityId: userId });
    return link;
  });
}
