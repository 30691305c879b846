import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions, users } from "#db/schema";
import { getDb } from "~/db.server";
import { createPasswordToken, redeemPasswordToken } from "~/models/password-token.server";
import { purgeExpiredSessions } from "~/models/session.server";
import { findUserByEmail } from "~/models/user.server";
import { getSessionUser } from "~/services/auth.server";
import { cookieFor, getRequest } from "../support/remix";

const minutes = (n: number) => n * 60_000;
const userOf = (email: string) => findUserByEmail(getDb(), email)!;
const sessionsOf = (email: string) =>
  getDb()
    .select()
    .from(sessions)
    .where(eq(sessions.userId, userOf(email).id))
    .all();

describe("sessions", () => {
  it("end after 60 minutes without a request, though the 12-hour end is still ahead", async () => {
    const cookie = await cookieFor("secretariat@demo.testa");
    const start = new Date();
    expect(
      await getSessionUser(getRequest("/meetings", cookie), new Date(start.getTime() + minutes(50))),
    ).toMatchObject({ email: "secretariat@demo.testa" });
    // Each request moves the idle clock: 50 minutes after the last one, still open.
    expect(
      await getSessionUser(getRequest("/meetings", cookie), new Date(start.getTime() + minutes(100))),
    ).not.toBeNull();
    // 61 minutes after the last request: ended, and the row is gone.
    const count = sessionsOf("secretariat@demo.testa").length;
    expect(await getSessionUser(getRequest("/meetings", cookie), new Date(start.getTime() + minutes(161)))).toBeNull();
    expect(sessionsOf("secretariat@demo.testa").length).toBe(count - 1);
  });

  it("end at the absolute limit, however busy", async () => {
    const cookie = await cookieFor("police@demo.testa");
    const start = Date.now();
    let open = true;
    for (let m = 55; m <= 12 * 60 + 55 && open; m += 55)
      open = !!(await getSessionUser(getRequest("/actions", cookie), new Date(start + minutes(m))));
    expect(open).toBe(false);
    expect(await getSessionUser(getRequest("/actions", cookie), new Date(start + minutes(11 * 60 + 50)))).toBeNull();
  });

  it("past their end or idle are purged by the scheduled job, and live ones are kept", async () => {
    const db = getDb();
    const userId = userOf("dcpu@demo.testa").id;
    const now = new Date();
    const row = (lastSeenAt: string | null, expiresAt: string, createdAt = now.toISOString()) => ({
      id: crypto.randomUUID(),
      userId,
      lastSeenAt,
      expiresAt,
      createdAt,
    });
    const later = new Date(now.getTime() + minutes(600)).toISOString();
    const live = row(now.toISOString(), later);
    const idle = row(new Date(now.getTime() - minutes(61)).toISOString(), later);
    const idleNeverSeen = row(null, later, new Date(now.getTime() - minutes(90)).toISOString());
    const expired = row(now.toISOString(), new Date(now.getTime() - 1000).toISOString());
    db.insert(sessions).values([live, idle, idleNeverSeen, expired]).run();
    expect(purgeExpiredSessions(db, now, 60)).toBeGreaterThanOrEqual(3);
    const left = new Set(
      db
        .select({ id: sessions.id })
        .from(sessions)
        .all()
        .map((s) => s.id),
    );
    expect(left.has(live.id)).toBe(true);
    expect([idle, idleNeverSeen, expired].some((s) => left.has(s.id))).toBe(false);
  });

  it("all end when the person sets a new password", async () => {
    const first = await cookieFor("dcpu@demo.testa");
    const second = await cookieFor("dcpu@demo.testa");
    const { raw } = createPasswordToken(getDb(), userOf("dcpu@demo.testa").id);
    const hash = getDb().select().from(users).where(eq(users.email, "dcpu@demo.testa")).get()!.passwordHash!;
    expect(redeemPasswordToken(getDb(), raw, hash).status).toBe("valid");
    expect(await getSessionUser(getRequest("/actions", first))).toBeNull();
    expect(await getSessionUser(getRequest("/actions", second))).toBeNull();
    expect(sessionsOf("dcpu@demo.testa")).toEqual([]);
  });
});
