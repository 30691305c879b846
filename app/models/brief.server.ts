import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Conn } from "#db/client";
import { actionItemUpdates, agendaItems, caseDepartments, cases, meetings } from "#db/schema";

// What the onboarding brief reads about one department; services/brief.server.ts lays it out.

/** The open cases the department is involved in, with its role on each, by code. */
export function openCasesOfDepartment(db: Conn, departmentId: number) {
  return db
    .select({ id: cases.id, code: cases.code, stage: cases.stage, status: cases.status, role: caseDepartments.role })
    .from(caseDepartments)
    .innerJoin(cases, eq(cases.id, caseDepartments.caseId))
    .where(and(eq(caseDepartments.departmentId, departmentId), eq(cases.status, "open")))
    .orderBy(asc(cases.code))
    .all();
}

/** Each action item's latest update time (the map keeps the last of the ascending rows). */
export function lastUpdateOfActions(db: Conn, actionIds: number[]): Map<number, string> {
  if (!actionIds.length) return new Map();
  return new Map(
    db
      .select({ id: actionItemUpdates.actionItemId, at: actionItemUpdates.at })
      .from(actionItemUpdates)
      .where(inArray(actionItemUpdates.actionItemId, actionIds))
      .orderBy(asc(actionItemUpdates.at))
      .all()
      .map((u) => [u.id, u.at]),
  );
}

/** The collective's last `limit` held meetings, newest first. */
export function lastHeldMeetings(db: Conn, collectiveId: number, limit: number) {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.collectiveId, collectiveId), eq(meetings.status, "held")))
    .orderBy(desc(meetings.startsAt))
    .limit(limit)
    .all();
}

/** Every case the department is or was involved in, open or since closed. */
export function caseIdsOfDepartment(db: Conn, departmentId: number): Set<number> {
  return new Set(
    db
      .select({ id: caseDepartments.caseId })
      .from(caseDepartments)
      .where(eq(caseDepartments.departmentId, departmentId))
      .all()
      .map((c) => c.id),
  );
}

/** The agenda items of these meetings with their decisions and case code, in meeting and agenda order. */
export function decisionItemsOf(db: Conn, meetingIds: number[]) {
  if (!meetingIds.length) return [];
  return db
    .select({
      id: agendaItems.id,
      meetingId: agendaItems.meetingId,
      caseId: agendaItems.caseId,
      kind: agendaItems.kind,
      title: agendaItems.title,
      decisions: agendaItems.decisions,
      caseCode: cases.code,
    })
    .from(agendaItems)
    .leftJoin(cases, eq(cases.id, agendaItems.caseId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(inArray(agendaItems.meetingId, meetingIds))
    .orderBy(asc(meetings.startsAt), asc(agendaItems.position))
    .all();
}
