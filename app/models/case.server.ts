import { and, asc, count, desc, eq, inArray, isNotNull, like, or, sql, type SQL } from "drizzle-orm";
import type { Conn } from "#db/client";
import { accused, caseDepartments, caseEvents, cases, collectives, departments, victims } from "#db/schema";
import { caseStages } from "#db/schema/enums";
import { nextCaseCode, normaliseCaseCode } from "~/lib/case-code";
import { firMatches } from "~/lib/fir-citation";
import { stagesMatching } from "~/lib/labels";
import { invariantResponse } from "~/lib/params";
import { requirePermission, scopeOf } from "~/lib/permissions";
import type { SessionUser } from "./user.server";
import type { CaseInput, CaseFilters } from "~/schemas/case";

export const casesPerPage = 50;

/** Written out in full: drizzle drops the table name in a single-table select, which a subquery would misread. */
const caseIdRef = sql.raw(`"cases"."id"`);

/**
 * The latest next date recorded on a case's events (its next hearing or testimony), as the
 * statutory clock reads it (see nextDateOf in app/lib/clocks.ts).
 */
const latestNextDateSql = sql<
  string | null
>`(select e.next_date from ${caseEvents} e where e.case_id = ${caseIdRef} and e.next_date is not null order by e.occurred_on desc, e.id desc limit 1)`;

/** A reader of their own department's cases (a representative) sees only those it is involved in. */
function visibleTo(user: SessionUser): SQL | undefined {
  if (scopeOf(user.role, "read:case") === "any") return undefined;
  return sql`exists (select 1 from ${caseDepartments} cd where cd.case_id = ${caseIdRef} and cd.department_id = ${user.departmentId ?? -1})`;
}

/** A case's next date counts only while it is ahead: a range keeps the cases with one inside it. */
function nextDateWithin(filters: CaseFilters, today: string): SQL | undefined {
  if (!filters.from && !filters.to) return undefined;
  const from = filters.from && filters.from > today ? filters.from : today;
  return and(sql`${latestNextDateSql} >= ${from}`, filters.to ? sql`${latestNextDateSql} <= ${filters.to}` : undefined);
}

/**
 * The register's search box: a case code, police station, court case number, section or stage
 * (by its value or its name in any language of the labels: "Chargesheet filed", "दोषारोपपत्र"), in part and in any case. The schema lets no % or _ through.
 */
function matchesSearch(q: string): SQL {
  const pattern = `%${q}%`;
  const stages = stagesMatching(caseStages, q);
  return or(
    like(cases.code, `%${normaliseCaseCode(q)}%`),
    like(cases.policeStation, pattern),
    like(cases.courtCaseNumber, pattern),
    like(cases.sections, pattern),
    stages.length ? inArray(cases.stage, stages) : undefined,
  )!;
}

/** The collective's cases whose FIR number is the searched one, compared as the leak guard compares them (firMatches). */
function casesWithFir(db: Conn, collectiveId: number, fir: string): number[] {
  return db
    .select({ id: cases.id, fir: cases.firNumber, year: cases.firYear })
    .from(cases)
    .where(and(eq(cases.collectiveId, collectiveId), isNotNull(cases.firNumber)))
    .all()
    .filter((c) => firMatches(fir, { fir: c.fir!, year: c.year }))
    .map((c) => c.id);
}

/**
 * One page of the case register, newest first, as the user may see it. `today` is the
 * collective's date: a next date before it is not a next date any more.
 */
export function listCases(db: Conn, user: SessionUser, filters: CaseFilters, today: string) {
  const where = and(
    eq(cases.collectiveId, user.collectiveId),
    visibleTo(user),
    filters.q ? matchesSearch(filters.q) : undefined,
    // Restricted: the route lets only the secretariat and the admin search by FIR number, and audits it.
    filters.fir ? inArray(cases.id, casesWithFir(db, user.collectiveId, filters.fir)) : undefined,
    filters.stage ? eq(cases.stage, filters.stage) : undefined,
    filters.status ? eq(cases.status, filters.status) : undefined,
    filters.department
      ? sql`exists (select 1 from ${caseDepartments} cd where cd.case_id = ${caseIdRef} and cd.department_id = ${filters.department})`
      : undefined,
    nextDateWithin(filters, today),
  );
  const total = db.select({ n: count() }).from(cases).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / casesPerPage));
  const page = filters.page ?? 1;
  const rows = db
    .select({
      id: cases.id,
      code: cases.code,
      stage: cases.stage,
      status: cases.status,
      outcome: cases.outcome,
      policeStation: cases.policeStation,
      chargesheetLimitDays: cases.chargesheetLimitDays,
      latestNextDate: latestNextDateSql,
      leadDepartment: sql<
        string | null
      >`(select d.name from ${caseDepartments} cd join ${departments} d on d.id = cd.department_id where cd.case_id = ${caseIdRef} and cd.role = 'lead' order by d.name limit 1)`,
    })
    .from(cases)
    .where(where)
    .orderBy(desc(cases.openedOn), desc(cases.code))
    .limit(casesPerPage)
    .offset((page - 1) * casesPerPage)
    .all()
    .map(({ latestNextDate, ...row }) => ({
      ...row,
      nextDate: latestNextDate && latestNextDate >= today ? latestNextDate : null,
    }));
  return { rows, total, page, pages };
}

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
