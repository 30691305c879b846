import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { Conn } from "#db/client";
import { actionItems, cases } from "#db/schema";
import { actionItemRows, actionWhere, withCarried, type ActionFilters } from "./action-item.server";

// The /actions list, a page at a time, and the choices its filters offer.

export const actionsPerPage = 50;
const unfinishedSql = sql`${actionItems.status} in ('open', 'in_progress', 'blocked')`;

/**
 * One page of the action list: work still to do first, soonest due at the top; finished and
 * dropped items after it, latest first. With the counts the page's summary states for the whole
 * filtered list (every item, unfinished, overdue on `today`). `page` past the end reads the last.
 */
export function actionsPage(db: Conn, collectiveId: number, filters: ActionFilters, page: number, today: string) {
  const where = actionWhere(collectiveId, filters);
  const totals = db
    .select({
      total: count(),
      unfinished: sql<number>`coalesce(sum(${unfinishedSql}), 0)`,
      overdue: sql<number>`coalesce(sum(${unfinishedSql} and ${actionItems.dueOn} < ${today}), 0)`,
    })
    .from(actionItems)
    .where(where)
    .get() ?? { total: 0, unfinished: 0, overdue: 0 };
  const pages = Math.max(1, Math.ceil(totals.total / actionsPerPage));
  const shown = Math.min(Math.max(1, page), pages);
  const rows = actionItemRows(
    db,
    where,
    [
      sql`case when ${unfinishedSql} then 0 else 1 end`,
      sql`case when ${unfinishedSql} then ${actionItems.dueOn} end`,
      desc(actionItems.dueOn),
      asc(actionItems.id),
    ],
    { limit: actionsPerPage, offset: (shown - 1) * actionsPerPage },
  );
  return { rows: withCarried(db, collectiveId, rows), ...totals, page: shown, pages, pageSize: actionsPerPage };
}

/** The cases and meetings a reader's action items refer to, for the list's filters (one department's, for a representative). */
export function actionFilterChoices(db: Conn, collectiveId: number, department?: number) {
  const where = and(
    eq(actionItems.collectiveId, collectiveId),
    department ? eq(actionItems.departmentId, department) : undefined,
  );
  const caseChoices = db
    .selectDistinct({ id: cases.id, code: cases.code })
    .from(actionItems)
    .innerJoin(cases, eq(cases.id, actionItems.caseId))
    .where(where)
    .orderBy(asc(cases.code))
    .all();
  const meetingIds = db
    .selectDistinct({ id: actionItems.meetingId })
    .from(actionItems)
    .where(and(where, sql`${actionItems.meetingId} is not null`))
    .all()
    .map((m) => m.id!);
  return { cases: caseChoices, meetingIds: new Set(meetingIds) };
}
