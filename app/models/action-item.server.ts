import { and, asc, desc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import type { Conn } from "#db/client";
import { actionItemUpdates, actionItems, cases, departments, meetings, users } from "#db/schema";
import type { ActionItemStatus } from "#db/schema/enums";
import type { SessionUser } from "./user.server";

export type ActionFilters = Partial<{ id: number; department: number; status: ActionItemStatus; dueFrom: string; dueTo: string; caseId: number; meetingId: number }>;

/**
 * Meetings held after the one that agreed an item (and, for finished work, before it was
 * finished): how many times it has been carried forward.
 */
const carriedSql = sql<number>`(select count(*) from ${meetings} m2 where m2.collective_id = "action_items"."collective_id" and m2.status = 'held'
  and m2.starts_at > coalesce((select m1.starts_at from ${meetings} m1 where m1.id = "action_items"."meeting_id"), "action_items"."created_at")
  and ("action_items"."completed_on" is null or substr(m2.starts_at, 1, 10) <= "action_items"."completed_on"))`;

export function listActions(db: Conn, collectiveId: number, filters: ActionFilters) {
  const where: (SQL | undefined)[] = [
    eq(actionItems.collectiveId, collectiveId),
    filters.id ? eq(actionItems.id, filters.id) : undefined,
    filters.department ? eq(actionItems.departmentId, filters.department) : undefined,
    filters.status ? eq(actionItems.status, filters.status) : undefined,
    filters.dueFrom ? gte(actionItems.dueOn, filters.dueFrom) : undefined,
    filters.dueTo ? lte(actionItems.dueOn, filters.dueTo) : undefined,
    filters.caseId ? eq(actionItems.caseId, filters.caseId) : undefined,
    filters.meetingId ? eq(actionItems.meetingId, filters.meetingId) : undefined,
  ];
  return db
    .select({
      id: actionItems.id,
      description: actionItems.description,
      dueOn: actionItems.dueOn,
      status: actionItems.status,
      statusReason: actionItems.statusReason,
      completedOn: actionItems.completedOn,
      departmentId: actionItems.departmentId,
      departmentName: departments.name,
      caseId: actionItems.caseId,
      caseCode: cases.code,
      meetingId: actionItems.meetingId,
      agendaItemId: actionItems.agendaItemId,
      meetingNumber: meetings.number,
      carried: carriedSql,
      version: actionItems.version,
    })
    .from(actionItems)
    .innerJoin(departments, eq(departments.id, actionItems.departmentId))
    .leftJoin(cases, eq(cases.id, actionItems.caseId))
    .leftJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .where(and(...where))
    .orderBy(asc(actionItems.dueOn), asc(actionItems.id))
    .all();
}
export type ActionRow = ReturnType<typeof listActions>[number];

/** An item the user may see: 404 for anything a URL might forge; 403 for another department's. */
export function requireActionItem(db: Conn, user: SessionUser, id: string | undefined, { forUpdate = false } = {}) {
  const n = Number(id);
  const row =
    Number.isSafeInteger(n) && n > 0
      ? db.select().from(actionItems).where(and(eq(actionItems.id, n), eq(actionItems.collectiveId, user.collectiveId))).get()
      : undefined;
  if (!row) throw new Response("Action item not found", { status: 404 });
  if (user.role === "representative" && row.departmentId !== user.departmentId) {
    throw new Response(forUpdate ? "Only the owning department or the secretariat can update this action item." : "This action item belongs to another department.", { status: 403 });
  }
  return row;
}

export function actionHistory(db: Conn, itemId: number) {
  return db
    .select({ id: actionItemUpdates.id, field: actionItemUpdates.field, fromValue: actionItemUpdates.fromValue, toValue: actionItemUpdates.toValue, comment: actionItemUpdates.comment, at: actionItemUpdates.at, who: users.name })
    .from(actionItemUpdates)
    .leftJoin(users, eq(users.id, actionItemUpdates.userId))
    .where(eq(actionItemUpdates.actionItemId, itemId))
    .orderBy(desc(actionItemUpdates.at), desc(actionItemUpdates.id))
    .all();
}

export type ActionUpdate = { status: ActionItemStatus; reason: string | null; comment: string | null; dueOn: string; dueReason: string | null; version: number };

/** Applies an update and records every change as history. False when someone else updated it first. */
export function updateActionItem(db: Conn, item: typeof actionItems.$inferSelect, userId: number, update: ActionUpdate, today: string): boolean {
  return db.transaction((tx) => {
    const completedOn = update.status === "done" ? (item.status === "done" ? item.completedOn : today) : null;
    const result = tx
      .update(actionItems)
      .set({
        status: update.status,
        statusReason: update.status === "blocked" || update.status === "dropped" ? update.reason : null,
        dueOn: update.dueOn,
        completedOn,
        version: item.version + 1,
      })
      .where(and(eq(actionItems.id, item.id), eq(actionItems.version, update.version)))
      .run();
    if (result.changes !== 1) return false;
    const changes: { field: string; fromValue: string | null; toValue: string | null; comment: string | null }[] = [];
    if (update.status !== item.status) changes.push({ field: "status", fromValue: item.status, toValue: update.status, comment: update.reason ?? update.comment });
    if (update.dueOn !== item.dueOn) changes.push({ field: "due date", fromValue: item.dueOn, toValue: update.dueOn, comment: update.dueReason });
    if (!changes.length || (update.comment && update.status === item.status)) changes.push({ field: "comment", fromValue: null, toValue: null, comment: update.comment });
    for (const c of changes) tx.insert(actionItemUpdates).values({ actionItemId: item.id, userId, ...c }).run();
    return true;
  });
}

