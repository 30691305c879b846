import { and, asc, desc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import type { Conn } from "#db/client";
import { actionItemUpdates, actionItems, cases, departments, meetings, users } from "#db/schema";
import type { ActionItemStatus } from "#db/schema/enums";
import { invariantResponse } from "~/lib/params";
import { requirePermission } from "~/lib/permissions";
import type { SessionUser } from "./user.server";
import { at } from "~/lib/at";

export type ActionFilters = Partial<{
  id: number;
  unfinished: boolean;
  department: number;
  status: ActionItemStatus;
  dueFrom: string;
  dueTo: string;
  caseId: number;
  meetingId: number;
}>;

export function listActions(db: Conn, collectiveId: number, filters: ActionFilters) {
  return withCarried(
    db,
    collectiveId,
    actionItemRows(db, actionWhere(collectiveId, filters), [asc(actionItems.dueOn), asc(actionItems.id)]),
  );
}

/** The conditions a filter puts on action items, always within one collective. */
export function actionWhere(collectiveId: number, filters: ActionFilters) {
  return and(
    eq(actionItems.collectiveId, collectiveId),
    filters.id ? eq(actionItems.id, filters.id) : undefined,
    filters.unfinished ? inArray(actionItems.status, ["open", "in_progress", "blocked"]) : undefined,
    filters.department ? eq(actionItems.departmentId, filters.department) : undefined,
    filters.status ? eq(actionItems.status, filters.status) : undefined,
    filters.dueFrom ? gte(actionItems.dueOn, filters.dueFrom) : undefined,
    filters.dueTo ? lte(actionItems.dueOn, filters.dueTo) : undefined,
    filters.caseId ? eq(actionItems.caseId, filters.caseId) : undefined,
    filters.meetingId ? eq(actionItems.meetingId, filters.meetingId) : undefined,
  );
}

/** Each row with how many times it was carried forward (see `carriedCount`). */
export function withCarried<
  R extends { createdAt: string; meetingStartsAt: string | null; completedOn: string | null },
>(db: Conn, collectiveId: number, rows: R[]) {
  const held = db
    .select({ startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.collectiveId, collectiveId), eq(meetings.status, "held")))
    .orderBy(asc(meetings.startsAt))
    .all()
    .map((m) => m.startsAt);
  return rows.map(({ createdAt, meetingStartsAt, ...row }) => ({
    ...row,
    carried: carriedCount(held, meetingStartsAt ?? createdAt, row.completedOn),
  }));
}

/**
 * The one join every list of action items reads: the item, its department's name, its case's code
 * and the meeting that agreed it. `listActions` filters it for pages and documents; the minutes
 * read one meeting's (`actionItemsOfMeeting`).
 */
export function actionItemRows(
  db: Conn,
  where: SQL | undefined,
  orderBy: SQL[],
  window?: { limit: number; offset: number },
) {
  const query = db
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
      createdAt: actionItems.createdAt,
      meetingStartsAt: meetings.startsAt,
      version: actionItems.version,
    })
    .from(actionItems)
    .innerJoin(departments, eq(departments.id, actionItems.departmentId))
    .leftJoin(cases, eq(cases.id, actionItems.caseId))
    .leftJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .where(where)
    .orderBy(...orderBy);
  return (window ? query.limit(window.limit).offset(window.offset) : query).all();
}

/**
 * How many times an item was carried forward: meetings held after the one that agreed it (and,
 * for finished work, on or before the day it was finished). `held` is sorted.
 */
export function carriedCount(held: readonly string[], agreedAt: string, completedOn: string | null): number {
  const after = (instant: string) => {
    let lo = 0;
    let hi = held.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(held, mid) <= instant) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const from = after(agreedAt);
  const to = completedOn ? after(`${completedOn}T23:59:59.999Z`) : held.length;
  return Math.max(0, to - from);
}
export type ActionRow = ReturnType<typeof listActions>[number];

/** An item the user may see: 404 for anything a URL might forge; 403 for another department's. */
export function requireActionItem(db: Conn, user: SessionUser, id: number, { forUpdate = false } = {}) {
  const row = db
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.id, id), eq(actionItems.collectiveId, user.collectiveId)))
    .get();
  invariantResponse(row, "Action item not found", { status: 404 });
  requirePermission(user, forUpdate ? "update:action-item:own" : "read:action-item:own", {
    departmentId: row.departmentId,
  });
  return row;
}

export function actionHistory(db: Conn, itemId: number) {
  return db
    .select({
      id: actionItemUpdates.id,
      field: actionItemUpdates.field,
      fromValue: actionItemUpdates.fromValue,
      toValue: actionItemUpdates.toValue,
      comment: actionItemUpdates.comment,
      at: actionItemUpdates.at,
      who: users.name,
    })
    .from(actionItemUpdates)
    .leftJoin(users, eq(users.id, actionItemUpdates.userId))
    .where(eq(actionItemUpdates.actionItemId, itemId))
    .orderBy(desc(actionItemUpdates.at), desc(actionItemUpdates.id))
    .all();
}

export type ActionUpdate = {
  status: ActionItemStatus;
  reason: string | null;
  comment: string | null;
  dueOn: string;
  dueReason: string | null;
  version: number;
};

/** Applies an update and records every change as history. False when someone else updated it first. */
export function updateActionItem(
  db: Conn,
  item: typeof actionItems.$inferSelect,
  userId: number,
  update: ActionUpdate,
  today: string,
): boolean {
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
    if (update.status !== item.status)
      changes.push({
        field: "status",
        fromValue: item.status,
        toValue: update.status,
        comment: update.reason ?? update.comment,
      });
    if (update.dueOn !== item.dueOn)
      changes.push({ field: "due date", fromValue: item.dueOn, toValue: update.dueOn, comment: update.dueReason });
    if (!changes.length || (update.comment && update.status === item.status))
      changes.push({ field: "comment", fromValue: null, toValue: null, comment: update.comment });
    for (const c of changes)
      tx.insert(actionItemUpdates)
        .values({ actionItemId: item.id, userId, ...c })
        .run();
    return true;
  });
}

export type ActionFacts = { description: string; departmentId: number; caseId: number | null; dueOn: string };

/**
 * Corrects what was agreed (text, department, case, due date) if nobody changed the item since it
 * was loaded; each changed field becomes a line of history, worded with `nameOf` (department names,
 * case codes). False on a conflict; nothing is written then.
 */
export function correctActionItem(
  db: Conn,
  item: typeof actionItems.$inferSelect,
  userId: number,
  input: ActionFacts & { version: number },
  nameOf: { department: (id: number) => string; case: (id: number | null) => string | null },
): boolean {
  const result = db
    .update(actionItems)
    .set({
      description: input.description,
      departmentId: input.departmentId,
      caseId: input.caseId,
      dueOn: input.dueOn,
      version: item.version + 1,
    })
    .where(and(eq(actionItems.id, item.id), eq(actionItems.version, input.version)))
    .run();
  if (result.changes !== 1) return false;
  const changes: { field: string; fromValue: string | null; toValue: string | null }[] = [];
  if (input.description !== item.description)
    changes.push({ field: "action", fromValue: item.description, toValue: input.description });
  if (input.departmentId !== item.departmentId)
    changes.push({
      field: "department",
      fromValue: nameOf.department(item.departmentId),
      toValue: nameOf.department(input.departmentId),
    });
  if (input.caseId !== item.caseId)
    changes.push({ field: "case", fromValue: nameOf.case(item.caseId), toValue: nameOf.case(input.caseId) });
  if (input.dueOn !== item.dueOn) changes.push({ field: "due date", fromValue: item.dueOn, toValue: input.dueOn });
  for (const c of changes)
    db.insert(actionItemUpdates)
      .values({ actionItemId: item.id, userId, comment: "Corrected in the minutes", ...c })
      .run();
  return true;
}
