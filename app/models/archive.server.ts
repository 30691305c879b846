import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { alias, type SQLiteSelect } from "drizzle-orm/sqlite-core";
import type { Conn, Db } from "#db/client";
import {
  accused,
  actionItemUpdates,
  actionItems,
  agendaItems,
  agendaVersions,
  attendance,
  caseDepartments,
  caseEvents,
  cases,
  departments,
  meetings,
  minutesVersions,
  tenures,
  users,
  victims,
} from "#db/schema";
import { listCollectives } from "./collective.server";

// The reads of the archive export (app/services/archive.server.ts): every record of one
// collective, kind by kind. The long lists are read a page at a time, in id order, after the
// last id the caller has seen, so an export of a large collective never holds a whole table.

export const archivePageSize = 1000;

/** One read transaction: every read until `endSnapshot` sees the database as it was at the first. */
export function beginSnapshot(db: Db) {
  db.$client.exec("begin");
}

export function endSnapshot(db: Db) {
  db.$client.exec("commit");
}

/** The collective a command names by its district code; with none given, the only one there is. */
export function collectiveByCode(db: Conn, code: string | undefined) {
  const all = listCollectives(db);
  if (code === undefined) return all.length === 1 ? { collective: all[0]!, all } : { collective: undefined, all };
  return { collective: all.find((c) => c.districtCode.toLowerCase() === code.toLowerCase()), all };
}

export function casePage(db: Conn, collectiveId: number, after: number) {
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.collectiveId, collectiveId), gt(cases.id, after)))
    .orderBy(asc(cases.id))
    .limit(archivePageSize)
    .all();
}

/** Which departments work on each case, lead first. */
export function caseDepartmentsOf(db: Conn, caseIds: number[]) {
  if (!caseIds.length) return [];
  return db
    .select({ caseId: caseDepartments.caseId, department: departments.name, role: caseDepartments.role })
    .from(caseDepartments)
    .innerJoin(departments, eq(departments.id, caseDepartments.departmentId))
    .where(inArray(caseDepartments.caseId, caseIds))
    .orderBy(asc(caseDepartments.caseId), sql`${caseDepartments.role} <> 'lead'`, asc(departments.name))
    .all();
}

/**
 * One page of a kind of record kept on a case (accused, events), of the collective's cases, in id
 * order after `after`. The query names what it selects; this adds the rest.
 */
function caseRecordPage<Q extends SQLiteSelect>(
  query: Q,
  table: typeof accused | typeof caseEvents,
  collectiveId: number,
  after: number,
) {
  return query
    .innerJoin(cases, eq(cases.id, table.caseId))
    .where(and(eq(cases.collectiveId, collectiveId), gt(table.id, after)))
    .orderBy(asc(table.id))
    .limit(archivePageSize);
}

/** Accused persons, each with their place on the case ("A-2"), as the case page numbers them. */
export function accusedPage(db: Conn, collectiveId: number, after: number) {
  const fields = {
    id: accused.id,
    caseCode: cases.code,
    position: sql<number>`(select count(*) from accused as earlier where earlier.case_id = ${accused.caseId} and earlier.id <= ${accused.id})`,
    name: accused.name,
    arrestedOn: accused.arrestedOn,
    bailStatus: accused.bailStatus,
  };
  return caseRecordPage(db.select(fields).from(accused).$dynamic(), accused, collectiveId, after).all();
}

export function eventPage(db: Conn, collectiveId: number, after: number) {
  const fields = {
    id: caseEvents.id,
    caseCode: cases.code,
    kind: caseEvents.kind,
    occurredOn: caseEvents.occurredOn,
    outcome: caseEvents.outcome,
    nextDate: caseEvents.nextDate,
    note: caseEvents.note,
    createdAt: caseEvents.createdAt,
  };
  return caseRecordPage(db.select(fields).from(caseEvents).$dynamic(), caseEvents, collectiveId, after).all();
}

export function victimPage(db: Conn, collectiveId: number, after: number) {
  return db
    .select({ victim: victims, caseCode: cases.code })
    .from(victims)
    .innerJoin(cases, eq(cases.id, victims.caseId))
    .where(and(eq(victims.collectiveId, collectiveId), gt(victims.id, after)))
    .orderBy(asc(victims.id))
    .limit(archivePageSize)
    .all()
    .map(({ victim, caseCode }) => ({ ...victim, caseCode }));
}

export function departmentsOf(db: Conn, collectiveId: number) {
  return db
    .select()
    .from(departments)
    .where(eq(departments.collectiveId, collectiveId))
    .orderBy(asc(departments.id))
    .all();
}

export function tenuresOf(db: Conn, collectiveId: number) {
  return db
    .select({ tenure: tenures, department: departments.name })
    .from(tenures)
    .innerJoin(departments, eq(departments.id, tenures.departmentId))
    .where(eq(departments.collectiveId, collectiveId))
    .orderBy(asc(departments.name), asc(tenures.startsOn))
    .all()
    .map(({ tenure, department }) => ({ ...tenure, department }));
}

export function meetingsOf(db: Conn, collectiveId: number) {
  return db.select().from(meetings).where(eq(meetings.collectiveId, collectiveId)).orderBy(asc(meetings.number)).all();
}

const presenting = alias(departments, "presenting");
const raisedBy = alias(departments, "raised_by");

export function agendaItemPage(db: Conn, collectiveId: number, after: number) {
  return db
    .select({
      item: agendaItems,
      meetingNumber: meetings.number,
      caseCode: cases.code,
      presenting: presenting.name,
      raisedBy: raisedBy.name,
    })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .leftJoin(cases, eq(cases.id, agendaItems.caseId))
    .leftJoin(presenting, eq(presenting.id, agendaItems.presentingDepartmentId))
    .leftJoin(raisedBy, eq(raisedBy.id, agendaItems.raisedByDepartmentId))
    .where(and(eq(meetings.collectiveId, collectiveId), gt(agendaItems.id, after)))
    .orderBy(asc(agendaItems.id))
    .limit(archivePageSize)
    .all()
    .map(({ item, ...names }) => ({ ...item, ...names }));
}

export function attendanceOf(db: Conn, meetingId: number) {
  return db
    .select({ attendance, department: departments.name })
    .from(attendance)
    .innerJoin(departments, eq(departments.id, attendance.departmentId))
    .where(eq(attendance.meetingId, meetingId))
    .orderBy(asc(departments.name))
    .all()
    .map(({ attendance: row, department }) => ({ ...row, department }));
}

/** The frozen versions of a meeting's agenda and minutes, without their bodies. */
export function frozenVersionsOf(db: Conn, meetingId: number) {
  return {
    agenda: db
      .select({ id: agendaVersions.id, version: agendaVersions.version, publishedAt: agendaVersions.publishedAt })
      .from(agendaVersions)
      .where(eq(agendaVersions.meetingId, meetingId))
      .orderBy(asc(agendaVersions.version))
      .all(),
    minutes: db
      .select({
        id: minutesVersions.id,
        version: minutesVersions.version,
        state: minutesVersions.state,
        createdAt: minutesVersions.createdAt,
        amendmentText: minutesVersions.amendmentText,
        amendmentMovedBy: minutesVersions.amendmentMovedBy,
      })
      .from(minutesVersions)
      .where(eq(minutesVersions.meetingId, meetingId))
      .orderBy(asc(minutesVersions.version))
      .all(),
  };
}

/** One frozen document's body, read only when its PDF is written. */
export function agendaVersionBody(db: Conn, id: number): string {
  return db.select({ body: agendaVersions.itemsJson }).from(agendaVersions).where(eq(agendaVersions.id, id)).get()!
    .body;
}

export function minutesVersionBody(db: Conn, id: number): string {
  return db.select({ body: minutesVersions.bodyJson }).from(minutesVersions).where(eq(minutesVersions.id, id)).get()!
    .body;
}

export function actionItemPage(db: Conn, collectiveId: number, after: number) {
  return db
    .select({ item: actionItems, department: departments.name, caseCode: cases.code, meetingNumber: meetings.number })
    .from(actionItems)
    .innerJoin(departments, eq(departments.id, actionItems.departmentId))
    .leftJoin(cases, eq(cases.id, actionItems.caseId))
    .leftJoin(meetings, eq(meetings.id, actionItems.meetingId))
    .where(and(eq(actionItems.collectiveId, collectiveId), gt(actionItems.id, after)))
    .orderBy(asc(actionItems.id))
    .limit(archivePageSize)
    .all()
    .map(({ item, ...names }) => ({ ...item, ...names }));
}

export function actionUpdatePage(db: Conn, collectiveId: number, after: number) {
  return db
    .select({ update: actionItemUpdates, by: users.name })
    .from(actionItemUpdates)
    .innerJoin(actionItems, eq(actionItems.id, actionItemUpdates.actionItemId))
    .leftJoin(users, eq(users.id, actionItemUpdates.userId))
    .where(and(eq(actionItems.collectiveId, collectiveId), gt(actionItemUpdates.id, after)))
    .orderBy(asc(actionItemUpdates.id))
    .limit(archivePageSize)
    .all()
    .map(({ update, by }) => ({ ...update, by }));
}
