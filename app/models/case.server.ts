import { and, asc, eq, inArray, like, sql } from "drizzle-orm";
import type { Conn } from "#db/client";
import { accused, caseDepartments, caseEvents, cases, collectives, departments, victims } from "#db/schema";
import { nextCaseCode } from "~/lib/case-code";
import { invariantResponse } from "~/lib/params";
import { requirePermission } from "~/lib/permissions";
import type { SessionUser } from "./user.server";
import type { CaseInput } from "~/schemas/case";

/** What the statutory clocks read, for a set of cases in one pass. */
export function clockInputs(db: Conn, caseIds: number[]) {
  if (caseIds.length === 0) return new Map<number, { events: EventRow[]; accused: AccusedRow[] }>();
  const events = db
    .select()
    .from(caseEvents)
    .where(inArray(caseEvents.caseId, caseIds))
    .orderBy(asc(caseEvents.occurredOn), asc(caseEvents.id))
    .all();
  const people = db.select().from(accused).where(inArray(accused.caseId, caseIds)).all();
  return new Map(
    caseIds.map((id) => [
      id,
      { events: events.filter((e) => e.caseId === id), accused: people.filter((a) => a.caseId === id) },
    ]),
  );
}

type EventRow = typeof caseEvents.$inferSelect;
type AccusedRow = typeof accused.$inferSelect;

/**
 * A case the user may open. A foreign id (or none) is a 404; a case outside a
 * representative's department is a 403.
 */
export function requireCase(db: Conn, user: SessionUser, caseId: number) {
  const row = db
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.collectiveId, user.collectiveId)))
    .get();
  invariantResponse(row, "Case not found", { status: 404 });
  const involved = db
    .select({ id: caseDepartments.departmentId })
    .from(caseDepartments)
    .where(eq(caseDepartments.caseId, row.id))
    .all();
  requirePermission(user, "read:case:own", { departmentId: involved.map((d) => d.id) });
  return row;
}

export function caseDetail(db: Conn, caseId: number) {
  return {
    events: db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, caseId))
      .orderBy(asc(caseEvents.occurredOn), asc(caseEvents.id))
      .all(),
    victims: db.select().from(victims).where(eq(victims.caseId, caseId)).orderBy(asc(victims.code)).all(),
    accused: db.select().from(accused).where(eq(accused.caseId, caseId)).orderBy(asc(accused.id)).all(),
    departments: db
      .select({
        departmentId: caseDepartments.departmentId,
        role: caseDepartments.role,
        name: departments.name,
        kind: departments.kind,
      })
      .from(caseDepartments)
      .innerJoin(departments, eq(departments.id, caseDepartments.departmentId))
      .where(eq(caseDepartments.caseId, caseId))
      .orderBy(asc(departments.name))
      .all(),
  };
}

/**
 * Ids in a form that are not departments of this collective. With `activeOnly`, inactive ones
 * count as unknown too, except those in `alreadyInvolved` (an edit keeps what the case had).
 */
export function unknownDepartments(
  db: Conn,
  collectiveId: number,
  ids: number[],
  { activeOnly = false, alreadyInvolved = [] }: { activeOnly?: boolean; alreadyInvolved?: number[] } = {},
): number[] {
  if (ids.length === 0) return [];
  const known = new Set(
    db
      .select({ id: departments.id, active: departments.active })
      .from(departments)
      .where(and(eq(departments.collectiveId, collectiveId), inArray(departments.id, ids)))
      .all()
      .filter((d) => !activeOnly || d.active || alreadyInvolved.includes(d.id))
      .map((d) => d.id),
  );
  return ids.filter((id) => !known.has(id));
}

/** The open cases of this collective a department is involved in, by code. */
export function openCasesOfDepartment(
  db: Conn,
  collectiveId: number,
  departmentId: number,
): { id: number; code: string }[] {
  return db
    .select({ id: cases.id, code: cases.code })
    .from(caseDepartments)
    .innerJoin(cases, eq(cases.id, caseDepartments.caseId))
    .where(
      and(
        eq(caseDepartments.departmentId, departmentId),
        eq(cases.collectiveId, collectiveId),
        eq(cases.status, "open"),
      ),
    )
    .orderBy(asc(cases.code))
    .all();
}

/** Whether a case id (from a form, so possibly forged) is a case of this collective. */
export function caseCodeOf(db: Conn, collectiveId: number, id: number): string | null {
  return (
    db
      .select({ code: cases.code })
      .from(cases)
      .where(and(eq(cases.id, id), eq(cases.collectiveId, collectiveId)))
      .get()?.code ?? null
  );
}

export function isCaseOfCollective(db: Conn, collectiveId: number, id: number): boolean {
  return !!db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, id), eq(cases.collectiveId, collectiveId)))
    .get();
}

type CaseFields = Omit<CaseInput, "departments" | "version">;

/**
 * Registers a case under the next code for its year: the code is issued inside the transaction.
 * An import passes the code it has already issued (or that its register gives) instead.
 */
export function createCase(db: Conn, collectiveId: number, input: CaseInput, today: string, issuedCode?: string) {
  return db.transaction((tx) => {
    const code = issuedCode ?? nextCodeFor(tx, collectiveId, Number(input.openedOn.slice(0, 4)));
    const { departments: involved, version: _v, ...fields } = input;
    const row = tx
      .insert(cases)
      .values({ ...(fields satisfies CaseFields), collectiveId, code, stageChangedOn: today })
      .returning()
      .get();
    for (const d of involved)
      tx.insert(caseDepartments)
        .values({ caseId: row.id, ...d })
        .run();
    return row;
  });
}

function nextCodeFor(db: Conn, collectiveId: number, year: number): string {
  const collective = db.select().from(collectives).where(eq(collectives.id, collectiveId)).get()!;
  const existing = db
    .select({ code: cases.code })
    .from(cases)
    .where(and(eq(cases.collectiveId, collectiveId), like(cases.code, `${collective.districtCode}-${year}-%`)))
    .all()
    .map((r) => r.code);
  return nextCaseCode(existing, collective.districtCode, year);
}

/**
 * Saves an edit only if the case is still the version the form was loaded from: the UPDATE checks
 * the version and bumps it, so of two people saving the same version one wins and one is told.
 */
export function updateCase(
  db: Conn,
  current: typeof cases.$inferSelect,
  input: CaseInput & { version: number },
  today: string,
): boolean {
  return db.transaction((tx) => {
    const { departments: involved, version, ...fields } = input;
    const result = tx
      .update(cases)
      .set({
        ...(fields satisfies CaseFields),
        version: sql`${cases.version} + 1`,
        stageChangedOn: fields.stage !== current.stage ? today : current.stageChangedOn,
      })
      .where(and(eq(cases.id, current.id), eq(cases.collectiveId, current.collectiveId), eq(cases.version, version)))
      .run();
    if (result.changes !== 1) return false;
    tx.delete(caseDepartments).where(eq(caseDepartments.caseId, current.id)).run();
    for (const d of involved)
      tx.insert(caseDepartments)
        .values({ caseId: current.id, ...d })
        .run();
    return true;
  });
}

export function nextVictimCode(db: Conn, collectiveId: number): string {
  const highest = db
    .select({ code: victims.code })
    .from(victims)
    .where(eq(victims.collectiveId, collectiveId))
    .all()
    .map((v) => Number(v.code.slice(2)))
    .reduce((a, b) => Math.max(a, Number.isFinite(b) ? b : 0), 0);
  return `V-${String(highest + 1).padStart(4, "0")}`;
}
