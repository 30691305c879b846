import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Conn } from "#db/client";
import { departments, tenures } from "#db/schema";

/** Active departments of a collective, by name: for pickers and labels. */
export function listDepartmentNames(db: Conn, collectiveId: number): { id: number; name: string }[] {
  return db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(and(eq(departments.collectiveId, collectiveId), eq(departments.active, true)))
    .orderBy(asc(departments.name))
    .all();
}

/** Who holds each active seat today: the people meeting mail goes to. */
export function currentSeatHolders(db: Conn, collectiveId: number) {
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
    .where(and(eq(departments.collectiveId, collectiveId), eq(departments.active, true), isNull(tenures.endsOn)))
    .orderBy(asc(departments.name))
    .all();
}

export function listDepartmentsWithHolders(db: Conn, collectiveId: number) {
  const all = db.select().from(departments).where(eq(departments.collectiveId, collectiveId)).orderBy(asc(departments.name)).all();
  const holders = db
    .select()
    .from(tenures)
    .innerJoin(departments, eq(departments.id, tenures.departmentId))
    .where(and(eq(departments.collectiveId, collectiveId), isNull(tenures.endsOn)))
    .all();
  const byDept = new Map(holders.map((h) => [h.tenures.departmentId, h.tenures]));
  return all.map((d) => ({ ...d, holder: byDept.get(d.id) ?? null }));
}

/** A department of this collective, or a 404 for anything else a URL might name. */
export function requireDepartment(db: Conn, collectiveId: number, departmentId: string | number | undefined) {
  const id = Number(departmentId);
  const row =
    Number.isSafeInteger(id) && id > 0
      ? db.select().from(departments).where(and(eq(departments.id, id), eq(departments.collectiveId, collectiveId))).get()
      : undefined;
  if (!row) throw new Response("Department not found", { status: 404 });
  return row;
}

/** Every holding of a department's seat, newest first. */
export function tenureHistory(db: Conn, departmentId: number) {
  return db.select().from(tenures).where(eq(tenures.departmentId, departmentId)).orderBy(desc(tenures.startsOn), desc(tenures.id)).all();
}

export function currentTenure(db: Conn, departmentId: number) {
  return db.select().from(tenures).where(and(eq(tenures.departmentId, departmentId), isNull(tenures.endsOn))).get();
}
