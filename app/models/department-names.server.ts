import { and, asc, eq, isNull } from "drizzle-orm";
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
    })
    .from(tenures)
    .innerJoin(departments, eq(departments.id, tenures.departmentId))
    .where(and(eq(departments.collectiveId, collectiveId), eq(departments.active, true), isNull(tenures.endsOn)))
    .orderBy(asc(departments.name))
    .all();
}
