import { and, asc, desc, eq, gte, inArray, isNull, lte, max, or } from "drizzle-orm";
import type { Conn } from "#db/client";
import { actionItems, agendaItems, attendance, departments, meetings, minutesVersions, tenures } from "#db/schema";
import type { attendanceStatuses, agendaItemStatuses } from "#db/schema/enums";
import { actionItemRows } from "./action-item.server";
import { meetingDate, type Meeting } from "./meeting.server";

type AttendanceStatus = (typeof attendanceStatuses)[number];
type ItemStatus = (typeof agendaItemStatuses)[number];

/** One row per active department: what was recorded, or the seat holder on the meeting day. */
export function attendanceGrid(db: Conn, meeting: Meeting, timeZone: string) {
  const day = meetingDate(meeting, timeZone);
  const depts = db
    .select()
    .from(departments)
    .where(and(eq(departments.collectiveId, meeting.collectiveId), eq(departments.active, true)))
    .orderBy(asc(departments.name))
    .all();
  const recorded = new Map(
    db
      .select()
      .from(attendance)
      .where(eq(attendance.meetingId, meeting.id))
      .all()
      .map((a) => [a.departmentId, a]),
  );
  const holders = new Map(
    db
      .select()
      .from(tenures)
      .where(
        and(
          inArray(
            tenures.departmentId,
            depts.map((d) => d.id),
          ),
          lte(tenures.startsOn, day),
          or(isNull(tenures.endsOn), gte(tenures.endsOn, day)),
        ),
      )
      .all()
      .map((t) => [t.departmentId, t]),
  );
  return depts.map((d) => {
    const row = recorded.get(d.id);
    const holder = holders.get(d.id);
    return {
      departmentId: d.id,
      departmentName: d.name,
      recorded: !!row,
      status: (row?.status ?? "present") as AttendanceStatus,
      attendeeName: row?.attendeeName ?? holder?.officerName ?? "",
      attendeeDesignation: row?.attendeeDesignation ?? holder?.designation ?? "",
      isSubstitute: row?.isSubstitute ?? false,
      tenureId: row?.tenureId ?? holder?.id ?? null,
      version: row?.version ?? 0,
    };
  });
}

export type AttendanceInput = {
  departmentId: number;
  status: AttendanceStatus;
  attendeeName: string | null;
  attendeeDesignation: string | null;
  isSubstitute: boolean;
  version: number;
};

/** Saves the grid in one transaction; a row someone else saved meanwhile is a conflict, and nothing is written. */
export function saveAttendance(
  db: Conn,
  meeting: Meeting,
  rows: AttendanceInput[],
  tenureOf: Map<number, number | null>,
): { ok: true } | { ok: false; departmentId: number } {
  return db.transaction((tx): { ok: true } | { ok: false; departmentId: number } => {
    const existing = new Map(
      tx
        .select()
        .from(attendance)
        .where(eq(attendance.meetingId, meeting.id))
        .all()
        .map((a) => [a.departmentId, a]),
    );
    const stale = rows.find((r) => (existing.get(r.departmentId)?.version ?? 0) !== r.version);
    if (stale) return { ok: false, departmentId: stale.departmentId };
    for (const r of rows) {
      const current = existing.get(r.departmentId);
      const fields = {
        status: r.status,
        attendeeName: r.status === "present" ? r.attendeeName : null,
        attendeeDesignation: r.status === "present" ? r.attendeeDesignation : null,
        isSubstitute: r.status === "present" && r.isSubstitute,
        tenureId: tenureOf.get(r.departmentId) ?? null,
      };
      if (current)
        tx.update(attendance)
          .set({ ...fields, version: current.version + 1 })
          .where(and(eq(attendance.meetingId, meeting.id), eq(attendance.departmentId, r.departmentId)))
          .run();
      else
        tx.insert(attendance)
          .values({ meetingId: meeting.id, departmentId: r.departmentId, ...fields })
          .run();
    }
    return { ok: true };
  });
}

export type ItemMinutesInput = {
  discussion: string | null;
  decisions: string | null;
  status: ItemStatus | null;
  minutesUsed: number | null;
  version: number;
};
export type ItemSaveResult =
  | { ok: true; version: number }
  | {
      ok: false;
      conflict: {
        discussion: string | null;
        decisions: string | null;
        status: string | null;
        minutesUsed: number | null;
        version: number;
      };
    }
  | { ok: false; missing: true };

/** Saves one item's minutes if nobody else changed it since it was loaded; otherwise hands back theirs. */
export function saveItemMinutes(db: Conn, meetingId: number, itemId: number, input: ItemMinutesInput): ItemSaveResult {
  return db.transaction((tx): ItemSaveResult => {
    const item = tx
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId)))
      .get();
    if (!item) return { ok: false, missing: true };
    if (item.version !== input.version) {
      return {
        ok: false,
        conflict: {
          discussion: item.discussion,
          decisions: item.decisions,
          status: item.status,
          minutesUsed: item.minutesUsed,
          version: item.version,
        },
      };
    }
    const { version: _v, ...fields } = input;
    tx.update(agendaItems)
      .set({ ...fields, version: item.version + 1 })
      .where(eq(agendaItems.id, item.id))
      .run();
    return { ok: true, version: item.version + 1 };
  });
}

/** One meeting's action items, by department, for its minutes and its run page. */
export function actionItemsOfMeeting(db: Conn, meetingId: number) {
  return actionItemRows(db, eq(actionItems.meetingId, meetingId), [
    asc(departments.name),
    asc(actionItems.dueOn),
    asc(actionItems.id),
  ]);
}

export function addActionItem(
  db: Conn,
  meeting: Meeting,
  input: { agendaItemId: number; description: string; departmentId: number; dueOn: string; caseId: number | null },
) {
  return db
    .insert(actionItems)
    .values({ collectiveId: meeting.collectiveId, meetingId: meeting.id, ...input })
    .returning()
    .get();
}

export function minutesHistory(db: Conn, meetingId: number) {
  return db
    .select()
    .from(minutesVersions)
    .where(eq(minutesVersions.meetingId, meetingId))
    .orderBy(desc(minutesVersions.version))
    .all();
}

export function nextMinutesVersion(db: Conn, meetingId: number): number {
  return (
    (db
      .select({ v: max(minutesVersions.version) })
      .from(minutesVersions)
      .where(eq(minutesVersions.meetingId, meetingId))
      .get()?.v ?? 0) + 1
  );
}

/** A frozen version of the minutes (circulated, confirmed or amended). */
export function insertMinutesVersion(db: Conn, version: typeof minutesVersions.$inferInsert) {
  db.insert(minutesVersions).values(version).run();
}

export function setMinutesState(db: Conn, meeting: Meeting, state: Meeting["minutesState"]) {
  db.update(meetings)
    .set({ minutesState: state, version: meeting.version + 1 })
    .where(eq(meetings.id, meeting.id))
    .run();
}

export function markHeld(db: Conn, meeting: Meeting) {
  db.update(meetings)
    .set({ status: "held", version: meeting.version + 1 })
    .where(and(eq(meetings.id, meeting.id), eq(meetings.version, meeting.version)))
    .run();
}
