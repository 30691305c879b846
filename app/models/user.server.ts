import { and, asc, eq, gt, gte, isNull, lte, or, sql } from "drizzle-orm";
import type { Conn } from "#db/client";
import { tenures, users } from "#db/schema";
import type { Role } from "#db/schema/enums";

export type SessionUser = {
  id: number;
  collectiveId: number;
  email: string;
  name: string;
  role: Role;
  /** For a representative: the department of their tenure in force today. */
  departmentId: number | null;
  tenureId: number | null;
};

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
): { ok: true; user: SessionUser } | { ok: false; reason: "disabled" | "tenure_ended" } | { ok: false; reason: "tenure_not_started"; startsOn: string } {
  if (!user.active) return { ok: false, reason: "disabled" };
  const tenure = tenureInForce(db, user.id, today);
  // Whoever signs in by holding a seat (every representative, and a secretariat member who holds
  // the NGO seat, say) signs in only while a tenure is in force: a transfer ends it. The admin is
  // never shut out this way, so someone can always manage the seats.
  const seated = user.role === "representative" || (user.role !== "admin" && !!db.select({ id: tenures.id }).from(tenures).where(eq(tenures.userId, user.id)).get());
  if (seated && !tenure) {
    // A successor seated ahead of the transfer date is waiting, not shut out.
    const upcoming = db
      .select({ startsOn: tenures.startsOn })
      .from(tenures)
      .where(and(eq(tenures.userId, user.id), gt(tenures.startsOn, today)))
      .orderBy(asc(tenures.startsOn))
      .get();
    return upcoming ? { ok: false, reason: "tenure_not_started", startsOn: upcoming.startsOn } : { ok: false, reason: "tenure_ended" };
  }
  return {
    ok: true,
    user: {
      id: user.id,
      collectiveId: user.collectiveId,
      email: user.email,
      name: user.name,
      role: user.role,
      departmentId: user.role === "representative" ? (tenure?.departmentId ?? null) : null,
      tenureId: tenure?.id ?? null,
    },
  };
}
