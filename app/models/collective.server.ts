import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Conn, Db } from "#db/client";
import { collectives, departments, users } from "#db/schema";
import { roles } from "#db/schema/enums";
import { can } from "~/lib/permissions";
import type { CollectiveSettings } from "~/schemas/collective";
import { audited } from "./audit.server";

export type Collective = typeof collectives.$inferSelect;

export function getCollective(db: Conn, collectiveId: number): Collective {
  const row = db.select().from(collectives).where(eq(collectives.id, collectiveId)).get();
  if (!row) throw new Error(`Collective ${collectiveId} does not exist`);
  return row;
}

/**
 * Every district's collective, for the jobs that run in each (reminders, the archive), and for the
 * state's pages. Not the state's own row, which holds accounts and nothing else.
 */
export function listCollectives(db: Conn, { activeOnly = false }: { activeOnly?: boolean } = {}): Collective[] {
  return db
    .select()
    .from(collectives)
    .where(and(eq(collectives.kind, "district"), activeOnly ? isNull(collectives.deactivatedAt) : undefined))
    .orderBy(asc(collectives.id))
    .all();
}

/** A district's collective by id, for the state's pages; undefined for the state's own row or no such id. */
export function findDistrictCollective(db: Conn, collectiveId: number): Collective | undefined {
  return db
    .select()
    .from(collectives)
    .where(and(eq(collectives.id, collectiveId), eq(collectives.kind, "district")))
    .get();
}

/** Every collective's id, the state's own row too (it keeps an audit chain of the state's work). */
export function listCollectiveIds(db: Conn): number[] {
  return db
    .select({ id: collectives.id })
    .from(collectives)
    .all()
    .map((c) => c.id);
}

/** A real read of the database, for the health check. */
export function countCollectives(db: Db): number {
  return (db.$client.prepare("select count(*) as n from collectives").get() as { n: number }).n;
}

/** The settings page's save, audited in the same transaction. */
export function updateCollectiveSettings(
  db: Conn,
  user: { id: number; collectiveId: number },
  settings: CollectiveSettings,
) {
  audited(
    db,
    (tx) => tx.update(collectives).set(settings).where(eq(collectives.id, user.collectiveId)).run(),
    () => ({
      collectiveId: user.collectiveId,
      userId: user.id,
      action: "update",
      entity: "collective",
      entityId: user.collectiveId,
    }),
  );
}

/** The administrators' roles: who runs a collective (seats, settings), by permission, not by name. */
const administering = roles.filter((r) => can(r, "manage:collective"));

export type CollectiveSummary = Collective & { departments: number; administrators: number; accounts: number };

/** Every district's collective with its counts, for the state administrator's list. */
export function listCollectiveSummaries(db: Conn): CollectiveSummary[] {
  const counted = (rows: { collectiveId: number; n: number }[]) => new Map(rows.map((r) => [r.collectiveId, r.n]));
  const departmentsOf = counted(
    db
      .select({ collectiveId: departments.collectiveId, n: sql<number>`count(*)` })
      .from(departments)
      .groupBy(departments.collectiveId)
      .all(),
  );
  const accountsOf = (only?: readonly (typeof roles)[number][]) =>
    counted(
      db
        .select({ collectiveId: users.collectiveId, n: sql<number>`count(*)` })
        .from(users)
        .where(and(eq(users.active, true), only ? inArray(users.role, [...only]) : undefined))
        .groupBy(users.collectiveId)
        .all(),
    );
  const admins = accountsOf(administering);
  const accounts = accountsOf();
  return listCollectives(db).map((c) => ({
    ...c,
    departments: departmentsOf.get(c.id) ?? 0,
    administrators: admins.get(c.id) ?? 0,
    accounts: accounts.get(c.id) ?? 0,
  }));
}

/** A collective's administrators, for its page on the state's side: who was appointed, and whether they have signed up. */
export function listAdministrators(db: Conn, collectiveId: number) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      active: users.active,
      passwordSet: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(users)
    .where(and(eq(users.collectiveId, collectiveId), inArray(users.role, administering)))
    .orderBy(asc(users.id))
    .all()
    .map((u) => ({ ...u, passwordSet: Boolean(u.passwordSet) }));
}

/** The collective already using a district code or a district's name, if any (codes are unique in the state). */
export function collectiveNamed(db: Conn, { district, districtCode }: { district: string; districtCode: string }) {
  const byCode = db.select().from(collectives).where(eq(collectives.districtCode, districtCode)).get();
  const byName = db
    .select()
    .from(collectives)
    .where(sql`lower(${collectives.district}) = ${district.trim().toLowerCase()}`)
    .get();
  return { byCode, byName };
}

export function insertCollective(db: Conn, values: typeof collectives.$inferInsert): Collective {
  return db.insert(collectives).values(values).returning().get();
}

/** Marks a district's collective deactivated (once); false when it is not a district or already deactivated. */
export function markDeactivated(db: Conn, collectiveId: number, at: Date): boolean {
  return (
    db
      .update(collectives)
      .set({ deactivatedAt: at.toISOString() })
      .where(and(eq(collectives.id, collectiveId), eq(collectives.kind, "district"), isNull(collectives.deactivatedAt)))
      .run().changes === 1
  );
}

/** Whether the collective an account belongs to has been deactivated (its accounts then cannot sign in). */
export function isDeactivated(db: Conn, collectiveId: number): boolean {
  return !!db.select({ at: collectives.deactivatedAt }).from(collectives).where(eq(collectives.id, collectiveId)).get()
    ?.at;
}
