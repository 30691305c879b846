import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Conn, Db } from "#db/client";
import { collectives, departments, tenures, users } from "#db/schema";
import { todayIn } from "~/lib/dates";
import { invariantResponse } from "~/lib/params";
import type { DepartmentKind } from "#db/schema/enums";
import { audit } from "./audit.server";
import { findUserByEmail } from "./user.server";

type Tenure = typeof tenures.$inferSelect;

/** Active departments of a collective, by name: for pickers and labels. */
export function listDepartmentNames(db: Conn, collectiveId: number): { id: number; name: string }[] {
  return db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(and(eq(departments.collectiveId, collectiveId), eq(departments.active, true)))
    .orderBy(asc(departments.name))
    .all();
}

/** Tenures that hold a seat on `day`: started, and not yet ended. */
const inForceOn = (day: string) =>
  and(lte(tenures.startsOn, day), or(isNull(tenures.endsOn), gte(tenures.endsOn, day)));

/**
 * Who holds each active seat on a day (by default today in the collective's zone): the people
 * meeting mail goes to. After a transfer recorded ahead of its date, the outgoing officer stays the
 * holder until the day it takes effect; the successor is reached by the welcome email meanwhile.
 */
export function currentSeatHolders(db: Conn, collectiveId: number, on?: string) {
  const day =
    on ??
    todayIn(
      db.select({ timeZone: collectives.timeZone }).from(collectives).where(eq(collectives.id, collectiveId)).get()
        ?.timeZone ?? "Asia/Kolkata",
    );
  return db
    .select({
      tenureId: tenures.id,
      departmentId: departments.id,
      departmentName: departments.name,
      officerName: tenures.officerName,
      designation: tenures.designation,
      email: tenures.email,
      phone: tenures.phone,
    })
    .from(tenures)
    .innerJoin(departments, eq(departments.id, tenures.departmentId))
    .where(and(eq(departments.collectiveId, collectiveId), eq(departments.active, true), inForceOn(day)))
    .orderBy(asc(departments.name))
    .all();
}

/**
 * A seat on a given day: the holder in force (started, not ended) and, when a transfer has been
 * recorded ahead of its date, the incoming successor. Pure, so the list and the page agree.
 */
export function seatOn<T extends Pick<Tenure, "startsOn" | "endsOn">>(
  history: readonly T[],
  today: string,
): { holder: T | null; incoming: T | null } {
  const holder = history.find((t) => t.startsOn <= today && (t.endsOn === null || t.endsOn >= today)) ?? null;
  const incoming =
    history.filter((t) => t.startsOn > today).sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0] ?? null;
  return { holder, incoming };
}

/** Every department of a collective with its seat today (holder in force, and any incoming one). */
export function listDepartmentsWithHolders(db: Conn, collectiveId: number, today: string) {
  const all = db
    .select()
    .from(departments)
    .where(eq(departments.collectiveId, collectiveId))
    .orderBy(asc(departments.name))
    .all();
  const live = all.length
    ? db
        .select()
        .from(tenures)
        .where(
          and(
            inArray(
              tenures.departmentId,
              all.map((d) => d.id),
            ),
            or(isNull(tenures.endsOn), gte(tenures.endsOn, today)),
          ),
        )
        .all()
    : [];
  return all.map((d) => ({
    ...d,
    ...seatOn(
      live.filter((t) => t.departmentId === d.id),
      today,
    ),
  }));
}

/** A department of this collective, or a 404 for another collective's or one that does not exist. */
export function requireDepartment(db: Conn, collectiveId: number, departmentId: number) {
  const row = db
    .select()
    .from(departments)
    .where(and(eq(departments.id, departmentId), eq(departments.collectiveId, collectiveId)))
    .get();
  invariantResponse(row, "Department not found", { status: 404 });
  return row;
}

/** Every holding of a department's seat, newest first. */
export function tenureHistory(db: Conn, departmentId: number) {
  return db
    .select()
    .from(tenures)
    .where(eq(tenures.departmentId, departmentId))
    .orderBy(desc(tenures.startsOn), desc(tenures.id))
    .all();
}

/** The open tenure of a seat (no end date yet): the one a transfer ends. */
export function currentTenure(db: Conn, departmentId: number) {
  return db
    .select()
    .from(tenures)
    .where(and(eq(tenures.departmentId, departmentId), isNull(tenures.endsOn)))
    .get();
}

/** Ends a tenure on its last day (the day before its successor's begins). */
export function endTenure(db: Conn, tenureId: number, endsOn: string) {
  db.update(tenures).set({ endsOn }).where(eq(tenures.id, tenureId)).run();
}

/** Seats a new holder from `startsOn`, with no end date. */
export function startTenure(db: Conn, values: typeof tenures.$inferInsert) {
  return db.insert(tenures).values(values).returning().get();
}

/** A tenure of this department that a person can still act in (in force, or starting later). */
export function liveTenure(
  db: Conn,
  { departmentId, tenureId, today }: { departmentId: number; tenureId: number; today: string },
) {
  return db
    .select()
    .from(tenures)
    .where(
      and(
        eq(tenures.id, tenureId),
        eq(tenures.departmentId, departmentId),
        or(isNull(tenures.endsOn), gte(tenures.endsOn, today)),
      ),
    )
    .get();
}

/** The earliest tenure of a user that has not started yet: a successor seated ahead of the date. */
export function upcomingTenureOf(db: Conn, userId: number, today: string) {
  return db
    .select()
    .from(tenures)
    .where(and(eq(tenures.userId, userId), gt(tenures.startsOn, today)))
    .orderBy(asc(tenures.startsOn))
    .get();
}

function nameTaken(db: Conn, collectiveId: number, name: string, exceptId?: number) {
  return !!db
    .select({ id: departments.id })
    .from(departments)
    .where(
      and(
        eq(departments.collectiveId, collectiveId),
        sql`lower(${departments.name}) = ${name.trim().toLowerCase()}`,
        exceptId ? ne(departments.id, exceptId) : undefined,
      ),
    )
    .get();
}

type Refusal<F extends string> = { ok: false; field: F; message: string };
const nameRefusal: Refusal<"name"> = {
  ok: false,
  field: "name",
  message: "A department with this name already exists.",
};

/** A new member department, with no holder yet: its first holder is seated by a transfer. */
export function addDepartment(
  db: Db,
  { collectiveId, byUserId }: { collectiveId: number; byUserId: number },
  input: { name: string; kind: DepartmentKind },
): { ok: true; department: typeof departments.$inferSelect } | Refusal<"name"> {
  return db.transaction((tx) => {
    if (nameTaken(tx, collectiveId, input.name)) return nameRefusal;
    const department = insertDepartment(tx, { collectiveId, byUserId }, input);
    return { ok: true as const, department };
  });
}

/** Writes a member department and its audit entry, in the caller's transaction (a new collective writes several). */
export function insertDepartment(
  tx: Conn,
  { collectiveId, byUserId }: { collectiveId: number; byUserId: number },
  input: { name: string; kind: DepartmentKind },
) {
  const department = tx
    .insert(departments)
    .values({ collectiveId, name: input.name, kind: input.kind })
    .returning()
    .get();
  audit(tx, { collectiveId, userId: byUserId, action: "create", entity: "department", entityId: department.id });
  return department;
}

/** Renames, re-kinds or (de)activates a department. Its seat, history and work are untouched. */
export function updateDepartment(
  db: Db,
  { collectiveId, departmentId, byUserId }: { collectiveId: number; departmentId: number; byUserId: number },
  input: { name: string; kind: DepartmentKind; active: boolean },
): { ok: true } | Refusal<"name"> {
  return db.transaction((tx) => {
    if (nameTaken(tx, collectiveId, input.name, departmentId)) return nameRefusal;
    tx.update(departments)
      .set(input)
      .where(and(eq(departments.id, departmentId), eq(departments.collectiveId, collectiveId)))
      .run();
    audit(tx, {
      collectiveId,
      userId: byUserId,
      action: "update",
      entity: "department",
      entityId: departmentId,
      detail: "name, kind, active",
    });
    return { ok: true as const };
  });
}

export type HolderContact = { officerName: string; designation: string; email: string; phone: string | null };

/**
 * Corrects a seat holder's name and contact details. The linked account follows (its sign-in
 * email is the holder's email), so an address already used by another account is refused.
 */
export function updateHolderContact(
  db: Db,
  { collectiveId, tenure, byUserId }: { collectiveId: number; tenure: Tenure; byUserId: number },
  input: HolderContact,
): { ok: true } | Refusal<"email"> {
  const email = input.email.trim().toLowerCase();
  return db.transaction((tx) => {
    const owner = findUserByEmail(tx, email);
    if (owner && owner.id !== tenure.userId) {
      return { ok: false as const, field: "email" as const, message: "This email already belongs to another account." };
    }
    tx.update(tenures)
      .set({ ...input, email })
      .where(eq(tenures.id, tenure.id))
      .run();
    if (tenure.userId)
      tx.update(users).set({ email, name: input.officerName }).where(eq(users.id, tenure.userId)).run();
    audit(tx, {
      collectiveId,
      userId: byUserId,
      action: "update",
      entity: "tenure",
      entityId: tenure.id,
      detail: "name, designation, email, phone",
    });
    return { ok: true as const };
  });
}
