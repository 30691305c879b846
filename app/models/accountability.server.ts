import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Conn } from "#db/client";
import { actionItemUpdates, actionItems, agendaItems, attendance, departments, meetings, tenures } from "#db/schema";
import { dateInZone } from "~/lib/dates";
import type { MatrixInput } from "~/lib/accountability";

/** What the matrix reads, in a handful of queries. */
export function matrixInput(db: Conn, collectiveId: number, timeZone: string): MatrixInput {
  const depts = db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.collectiveId, collectiveId))
    .orderBy(departments.name)
    .all();
  const deptIds = depts.map((d) => d.id);
  const held = db
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.collectiveId, collectiveId), eq(meetings.status, "held")))
    .all();
  return {
    departments: depts,
    tenures: deptIds.length
      ? db
          .select({
            id: tenures.id,
            departmentId: tenures.departmentId,
            officerName: tenures.officerName,
            startsOn: tenures.startsOn,
            endsOn: tenures.endsOn,
          })
          .from(tenures)
          .where(inArray(tenures.departmentId, deptIds))
          .all()
      : [],
    meetings: held.map((m) => ({ id: m.id, date: dateInZone(new Date(m.startsAt), timeZone) })),
    attendance: held.length
      ? db
          .select({ meetingId: attendance.meetingId, departmentId: attendance.departmentId, status: attendance.status })
          .from(attendance)
          .where(
            inArray(
              attendance.meetingId,
              held.map((m) => m.id),
            ),
          )
          .all()
      : [],
    actions: db
      .select({
        departmentId: actionItems.departmentId,
        dueOn: actionItems.dueOn,
        status: actionItems.status,
        completedOn: actionItems.completedOn,
      })
      .from(actionItems)
      .where(eq(actionItems.collectiveId, collectiveId))
      .all(),
    // An update counts for a department when someone holding its seat posted it.
    updates: db
      .select({ departmentId: actionItems.departmentId, at: actionItemUpdates.at })
      .from(actionItemUpdates)
      .innerJoin(actionItems, eq(actionItems.id, actionItemUpdates.actionItemId))
      .innerJoin(
        tenures,
        and(eq(tenures.userId, actionItemUpdates.userId), eq(tenures.departmentId, actionItems.departmentId)),
      )
      .where(eq(actionItems.collectiveId, collectiveId))
      .all()
      .map((u) => ({ departmentId: u.departmentId, on: dateInZone(new Date(u.at), timeZone) })),
    // Every matter a department raised counts, whatever became of the item or its meeting later.
    raised: db
      .select({ departmentId: agendaItems.raisedByDepartmentId, on: agendaItems.raisedOn })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(
        and(
          eq(meetings.collectiveId, collectiveId),
          isNotNull(agendaItems.raisedByDepartmentId),
          isNotNull(agendaItems.raisedOn),
        ),
      )
      .all()
      .map((r) => ({ departmentId: r.departmentId!, on: r.on! })),
  };
}
