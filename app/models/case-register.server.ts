// The case register: one page of a collective's cases, searched and filtered, as the user may see
// it. Everything about one case (opening it, its detail, registering and editing it) is case.server.ts.
import { and, count, desc, eq, inArray, isNotNull, like, or, sql, type SQL } from "drizzle-orm";
import type { Conn } from "#db/client";
import { caseDepartments, caseEvents, cases, departments } from "#db/schema";
import { caseStages } from "#db/schema/enums";
import { normaliseCaseCode } from "~/lib/case-code";
import { firMatches } from "~/lib/fir-citation";
import { stagesMatching } from "~/lib/labels";
import { scopeOf } from "~/lib/permissions";
import type { SessionUser } from "./user.server";
import type { CaseFilters } from "~/schemas/case";

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
