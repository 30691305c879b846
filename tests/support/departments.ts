import { eq } from "drizzle-orm";
import { departments } from "#db/schema";
import { departmentKinds, type DepartmentKind } from "#db/schema/enums";
import { getDb } from "~/db.server";

type Department = typeof departments.$inferSelect;

/** The kinds the demo collective has a department of: every kind but "other". */
export type SeededKind = Exclude<DepartmentKind, "other">;
const seededKinds = departmentKinds.filter((kind): kind is SeededKind => kind !== "other");

/**
 * The departments by kind. Of one collective when `collectiveId` is given, else the last of each kind
 * in the file. Fails when the seed's kinds are not all there.
 */
export function departmentsByKind(collectiveId?: number): Record<SeededKind, Department> {
  const query = getDb().select().from(departments);
  const rows = collectiveId === undefined ? query.all() : query.where(eq(departments.collectiveId, collectiveId)).all();
  const found = new Map(rows.map((d) => [d.kind, d]));
  const missing = seededKinds.filter((kind) => !found.has(kind));
  if (missing.length > 0) throw new Error(`No department of kind ${missing.join(", ")}`);
  return Object.fromEntries(found) as Record<SeededKind, Department>;
}

/** The ids of departmentsByKind. */
export function departmentIdsByKind(collectiveId?: number): Record<SeededKind, number> {
  const byKind = departmentsByKind(collectiveId);
  return Object.fromEntries(seededKinds.map((kind) => [kind, byKind[kind].id])) as Record<SeededKind, number>;
}
