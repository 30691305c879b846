import { and, asc, count, desc, eq, inArray, like, sql, type SQL } from "drizzle-orm";
import type { Conn, Db } from "#db/client";
import { accused, caseDepartments, caseEvents, cases, collectives, departments, victims } from "#db/schema";
import { nextCaseCode } from "~/lib/case-code";
import type { SessionUser } from "./user.server";
import type { CaseInput, CaseFilters } from "~/schemas/case";

export const casesPerPage = 50;

/** Written out in full: drizzle drops the table name in a single-table select, which a subquery would misread. */
const caseIdRef = sql.raw(`"cases"."id"`);

/** The latest next date recorded on a case's events: its next hearing or testimony. */
const nextDateSql = sql<string | null>`(select e.next_date from ${caseEvents} e where e.case_id = ${caseIdRef} and e.next_date is not null order by e.occurred_on desc, e.id desc limit 1)`;

/** Representatives see only the cases their department is involved in. */
function visibleTo(user: SessionUser): SQL | undefined {
  if (user.role !== "representative") return undefined;
  return sql`exists (select 1 from ${caseDepartments} cd where cd.case_id = ${caseIdRef} and cd.department_id = ${user.departmentId ?? -1})`;
}

export function listCases(db: Db, user: SessionUser, filters: CaseFilters) {
  const where = and(
    eq(cases.collectiveId, user.collectiveId),
    visibleTo(user),
    filters.q ? like(cases.code, `%${filters.q.toUpperCase()}%`) : undefined,
    filters.stage ? eq(cases.stage, filters.stage) : undefined,
    filters.status ? eq(cases.status, filters.status) : undefined,
    filters.department
      ? sql`exists (select 1 from ${caseDepartments} cd where cd.case_id = ${caseIdRef} and cd.department_id = ${filters.department})`
      : undefined,
    filters.from ? sql`${nextDateSql} >= ${filters.from}` : undefined,
    filters.to ? sql`${nextDateSql} <= ${filters.to}` : undefined,
  );
  const total = db.select({ n: count() }).from(cases).where(where).get()?.n ?? 0;
  const page = filters.page ?? 1;
  const rows = db
    .select({
      id: cases.id,
      code: cases.code,
      stage: cases.stage,
      status: cases.status,
      policeStation: cases.policeStation,
      chargesheetLimitDays: cases.chargesheetLimitDays,
      nextDate: nextDateSql,
      leadDepartment: sql<string | null>`(select d.name from ${caseDepartments} cd join ${departments} d on d.id = cd.department_id where cd.case_id = ${caseIdRef} and cd.role = 'lead' limit 1)`,
    })
    .from(cases)
    .where(where)
    .orderBy(desc(cases.openedOn), desc(cases.code))
    .limit(casesPerPage)
    .offset((page - 1) * casesPerPage)
    .all();
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / casesPerPage)) };
}

/** What the statutory clocks read, for a set of cases in one pass. */
export function clockInputs(db: Conn, caseIds: number[]) {
  if (caseIds.length === 0) return new Map<number, { events: EventRow[]; accused: AccusedRow[] }>();
  const events = db.select().from(caseEvents).where(inArray(caseEvents.caseId, caseIds)).orderBy(asc(caseEvents.occurredOn), asc(caseEvents.id)).all();
  const people = db.select().from(accused).where(inArray(accused.caseId, caseIds)).all();
  return new Map(caseIds.map((id) => [id, { events: events.filter((e) => e.caseId === id), accused: people.filter((a) => a.caseId === id) }]));
}

type EventRow = typeof caseEvents.$inferSelect;
type AccusedRow = typeof accused.$inferSelect;

/**
 * A case the user may open. A forged, malformed or foreign id is a 404; a case outside a
 * representative's department is a 403.
 */
export function requireCase(db: Conn, user: SessionUser, caseId: string | number | undefined) {
  const id = Number(caseId);
  const row = Number.isSafeInteger(id) && id > 0
    ? db.select().from(cases).where(and(eq(cases.id, id), eq(cases.collectiveId, user.collectiveId))).get()
    : undefined;
  if (!row) throw new Response("Case not found", { status: 404 });
  if (user.role === "representative") {
    const involved = db
      .select({ n: count() })
      .from(caseDepartments)
      .where(and(eq(caseDepartments.caseId, row.id), eq(caseDepartments.departmentId, user.departmentId ?? -1)))
      .get();
    if (!involved?.n) throw new Response("Your department is not involved in this case.", { status: 403 });
  }
  return row;
}

export function caseDetail(db: Db, caseId: number) {
  return {
    events: db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.occurredOn), asc(caseEvents.id)).all(),
    victims: db.select().from(victims).where(eq(victims.caseId, caseId)).orderBy(asc(victims.code)).all(),
    accused: db.select().from(accused).where(eq(accused.caseId, caseId)).orderBy(asc(accused.id)).all(),
    departments: db
      .select({ departmentId: caseDepartments.departmentId, role: caseDepartments.role, name: departments.name, kind: departments.kind })
      .from(caseDepartments)
      .innerJoin(departments, eq(departments.id, caseDepartments.departmentId))
      .where(eq(caseDepartments.caseId, caseId))
      .orderBy(asc(departments.name))
      .all(),
  };
}

/** Ids in the form that are not active departments of this collective. */
export function unknownDepartments(db: Conn, collectiveId: number, ids: number[]): number[] {
  if (ids.length === 0) return [];
  const known = new Set(
    db.select({ id: departments.id }).from(departments).where(and(eq(departments.collectiveId, collectiveId), inArray(departments.id, ids))).all().map((d) => d.id),
  );
  return ids.filter((id) => !known.has(id));
}

type CaseFields = Omit<CaseInput, "departments" | "version">;

/** Registers a case under the next code for its year: the code is issued inside the transaction. */
export function createCase(db: Db, collectiveId: number, input: CaseInput, today: string) {
  return db.transaction((tx) => {
    const collective = tx.select().from(collectives).where(eq(collectives.id, collectiveId)).get()!;
    const year = Number(input.openedOn.slice(0, 4));
    const existing = tx
      .select({ code: cases.code })
      .from(cases)
      .where(and(eq(cases.collectiveId, collectiveId), like(cases.code, `${collective.districtCode}-${year}-%`)))
      .all()
      .map((r) => r.code);
    const { departments: involved, version: _v, ...fields } = input;
    const row = tx
      .insert(cases)
      .values({ ...(fields satisfies CaseFields), collectiveId, code: nextCaseCode(existing, collective.districtCode, year), stageChangedOn: today })
      .returning()
      .get();
    for (const d of involved) tx.insert(caseDepartments).values({ caseId: row.id, ...d }).run();
    return row;
  });
}

/** Saves an edit only if the case is still the version the form was loaded from. */
export function updateCase(db: Db, current: typeof cases.$inferSelect, input: CaseInput, today: string): boolean {
  return db.transaction((tx) => {
    const { departments: involved, version, ...fields } = input;
    const result = tx
      .update(cases)
      .set({ ...fields, version: current.version + 1, stageChangedOn: fields.stage !== current.stage ? today : current.stageChangedOn })
      .where(and(eq(cases.id, current.id), eq(cases.version, version ?? -1)))
      .run();
    if (result.changes !== 1) return false;
    tx.delete(caseDepartments).where(eq(caseDepartments.caseId, current.id)).run();
    for (const d of involved) tx.insert(caseDepartments).values({ caseId: current.id, ...d }).run();
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
