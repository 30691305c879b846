import { and, asc, eq, gt, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { Conn } from "#db/client";
import { departments, tenures, users } from "#db/schema";
import type { Language, Role } from "#db/schema/enums";
import { actsForSeat } from "~/lib/permissions";
import { isDeactivated } from "./collective.server";
import { endSessionsOf } from "./session.server";

export type SessionUser = {
  id: number;
  collectiveId: number;
  email: string;
  name: string;
  role: Role;
  /** For a representative: the department of their tenure in force today. */
  departmentId: number | null;
  tenureId: number | null;
  /** The language the person chose on My account; null follows the collective's default. */
  language?: Language | null;
};

/** The address an account signs in with. */
export function userEmail(db: Conn, userId: number): string | null {
  return db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get()?.email ?? null;
}

/** The role of an account, if it exists. */
export function userRole(db: Conn, userId: number): Role | undefined {
  return db.select({ role: users.role }).from(users).where(eq(users.id, userId)).get()?.role;
}

/** A new account with no password yet: its holder sets one through the welcome link. */
export function createAccount(db: Conn, values: { collectiveId: number; email: string; name: string; role: Role }) {
  return db
    .insert(users)
    .values({ ...values, email: values.email.trim().toLowerCase(), passwordHash: null })
    .returning()
    .get();
}

export function findUserByEmail(db: Conn, email: string) {
  return db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .get();
}

/** The tenure a user holds on `today`, if any: started, and not yet ended. */
export function tenureInForce(db: Conn, userId: number, today: string) {
  return db
    .select()
    .from(tenures)
    .where(
      and(
        eq(tenures.userId, userId),
        lte(tenures.startsOn, today),
        or(isNull(tenures.endsOn), gte(tenures.endsOn, today)),
      ),
    )
    .get();
}

type UserRow = typeof users.$inferSelect;

/**
 * Who this account acts as today, or the reason it may not sign in. A representative acts for
 * the department of the tenure in force; when that tenure has ended, the account is shut.
 */
export function resolveSessionUser(
  db: Conn,
  user: UserRow,
  today: string,
):
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "disabled" | "tenure_ended" | "collective_deactivated" }
  | { ok: false; reason: "tenure_not_started"; startsOn: string } {
  if (!user.active) return { ok: false, reason: "disabled" };
  // A collective the state has deactivated keeps its records (the state still reads them); its
  // accounts no longer sign in.
  if (isDeactivated(db, user.collectiveId)) return { ok: false, reason: "collective_deactivated" };
  const tenure = tenureInForce(db, user.id, today);
  // A representative signs in for a seat, so only while a tenure is in force: a transfer ends it.
  // A secretariat member who held the NGO's seat stays on the project team, and the admin must
  // always be able to manage the seats: their accounts stay open until the admin disables them.
  if (actsForSeat(user.role) && !tenure) {
    // A successor seated ahead of the transfer date is waiting, not shut out.
    const upcoming = db
      .select({ startsOn: tenures.startsOn })
      .from(tenures)
      .where(and(eq(tenures.userId, user.id), gt(tenures.startsOn, today)))
      .orderBy(asc(tenures.startsOn))
      .get();
    return upcoming
      ? { ok: false, reason: "tenure_not_started", startsOn: upcoming.startsOn }
      : { ok: false, reason: "tenure_ended" };
  }
  return {
    ok: true,
    user: {
      id: user.id,
      collectiveId: user.collectiveId,
      email: user.email,
      name: user.name,
      role: user.role,
      departmentId: actsForSeat(user.role) ? (tenure?.departmentId ?? null) : null,
      tenureId: tenure?.id ?? null,
      language: user.language,
    },
  };
}

export type Account = { id: number; name: string; email: string; role: Role; active: boolean; seat: string | null };

/** Every account of the collective, with the seat it holds today, for the admin's accounts page. */
export function listAccounts(db: Conn, collectiveId: number, today: string): Account[] {
  const seats = new Map(
    db
      .select({ userId: tenures.userId, department: departments.name })
      .from(tenures)
      .innerJoin(departments, eq(departments.id, tenures.departmentId))
      .where(
        and(
          eq(departments.collectiveId, collectiveId),
          lte(tenures.startsOn, today),
          or(isNull(tenures.endsOn), gte(tenures.endsOn, today)),
        ),
      )
      .all()
      .map((r) => [r.userId, r.department]),
  );
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.collectiveId, collectiveId))
    .orderBy(asc(users.role), asc(users.name))
    .all()
    .map((u) => ({ ...u, seat: seats.get(u.id) ?? null }));
}

/**
 * The admin disables an account (its open sessions end at once) or enables it again. Accounts are
 * never deleted, so history keeps its authors. False when there is no such account in the collective.
 */
export function setAccountActive(
  db: Conn,
  { collectiveId, userId, active }: { collectiveId: number; userId: number; active: boolean },
): boolean {
  return db.transaction((tx) => {
    const res = tx
      .update(users)
      .set({ active })
      .where(and(eq(users.id, userId), eq(users.collectiveId, collectiveId)))
      .run();
    if (res.changes !== 1) return false;
    if (!active) endSessionsOf(tx, userId);
    return true;
  });
}

/** A person's own language (null: the collective's default). False when there is no such account. */
export function setUserLanguage(
  db: Conn,
  { collectiveId, userId, language }: { collectiveId: number; userId: number; language: Language | null },
): boolean {
  return (
    db
      .update(users)
      .set({ language })
      .where(and(eq(users.id, userId), eq(users.collectiveId, collectiveId)))
      .run().changes === 1
  );
}
