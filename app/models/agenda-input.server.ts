import { and, asc, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import type { Conn } from "#db/client";
import { accused, actionItems, agendaItems, caseDepartments, caseEvents, cases, meetings } from "#db/schema";
import { dateInZone } from "~/lib/dates";
import type { AgendaCase } from "~/lib/agenda/types";

const unfinished = ["open", "in_progress", "blocked"] as const;

type Window = {
  collectiveId: number;
  meetingDate: string;
  lastMeetingDate: string | null;
  meetingStartsAt: string;
  timeZone: string;
};

/**
 * Everything the agenda rules read, in a fixed number of queries whatever the number of cases:
 * open cases, plus closed cases with a judgment since the last meeting (they come back once).
 */
export function loadAgendaCases(db: Conn, w: Window): AgendaCase[] {
  const judgedSince = w.lastMeetingDate
    ? db
        .selectDistinct({ id: caseEvents.caseId })
        .from(caseEvents)
        .innerJoin(cases, eq(cases.id, caseEvents.caseId))
        .where(
          and(
            eq(cases.collectiveId, w.collectiveId),
            eq(caseEvents.kind, "judgment"),
            gt(caseEvents.occurredOn, w.lastMeetingDate),
          ),
        )
        .all()
        .map((r) => r.id)
    : [];
  const caseRows = db
    .select()
    .from(cases)
    .where(and(eq(cases.collectiveId, w.collectiveId), or(eq(cases.status, "open"), inArray(cases.id, judgedSince))))
    .all();
  if (caseRows.length === 0) return [];
  const scope = sql`(select id from ${cases} where ${cases.collectiveId} = ${w.collectiveId})`;

  // The two largest reads (every event and accused of the collective) skip drizzle's per-column
  // mapping: their columns are plain text and need no decoding, and this halves their cost.
  const eventsByCase = group(
    db.all<{ caseId: number } & AgendaCase["events"][number]>(
      sql`select ${caseEvents.caseId} as caseId, ${caseEvents.kind} as kind, ${caseEvents.occurredOn} as occurredOn, ${caseEvents.outcome} as outcome, ${caseEvents.nextDate} as nextDate
          from ${caseEvents} where ${caseEvents.caseId} in ${scope} order by ${caseEvents.caseId}, ${caseEvents.occurredOn}, ${caseEvents.id}`,
    ),
  );
  const accusedByCase = group(
    db.all<{ caseId: number } & AgendaCase["accused"][number]>(
      sql`select ${accused.caseId} as caseId, ${accused.arrestedOn} as arrestedOn, ${accused.bailStatus} as bailStatus from ${accused} where ${accused.caseId} in ${scope}`,
    ),
  );
  const leads = new Map(
    db
      .select({ caseId: caseDepartments.caseId, departmentId: caseDepartments.departmentId })
      .from(caseDepartments)
      .where(and(eq(caseDepartments.role, "lead"), sql`${caseDepartments.caseId} in ${scope}`))
      .all()
      .map((r) => [r.caseId, r.departmentId]),
  );
  const overdue = new Map(
    db
      .select({ caseId: actionItems.caseId, n: sql<number>`count(*)` })
      .from(actionItems)
      .where(
        and(
          eq(actionItems.collectiveId, w.collectiveId),
          inArray(actionItems.status, unfinished),
          lt(actionItems.dueOn, w.meetingDate),
        ),
      )
      .groupBy(actionItems.caseId)
      .all()
      .map((r) => [r.caseId, r.n]),
  );

  // Held meetings before this one, oldest first, and the last one at which each case was discussed.
  const held = db
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.collectiveId, w.collectiveId),
        eq(meetings.status, "held"),
        lt(meetings.startsAt, w.meetingStartsAt),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .all();
  const heldIndex = new Map(held.map((m, i) => [m.id, i]));
  const heldDates = held.map((m) => dateInZone(new Date(m.startsAt), w.timeZone));
  const lastDiscussed = new Map<number, number>();
  for (const r of db
    .select({ caseId: agendaItems.caseId, meetingId: agendaItems.meetingId })
    .from(agendaItems)
    .where(
      and(
        eq(agendaItems.status, "discussed"),
        sql`${agendaItems.caseId} is not null`,
        sql`${agendaItems.meetingId} in (select id from ${meetings} where ${meetings.collectiveId} = ${w.collectiveId})`,
      ),
    )
    .all()) {
    const i = heldIndex.get(r.meetingId);
    if (i !== undefined && r.caseId !== null)
      lastDiscussed.set(r.caseId, Math.max(i, lastDiscussed.get(r.caseId) ?? -1));
  }

  return caseRows.map((c) => {
    const registeredOn = dateInZone(new Date(c.createdAt), w.timeZone);
    const reviewed = lastDiscussed.get(c.id);
    const meetingsSinceReviewed =
      reviewed !== undefined ? held.length - 1 - reviewed : heldDates.filter((d) => d >= registeredOn).length;
    return {
      id: c.id,
      code: c.code,
      stage: c.stage,
      status: c.status,
      outcome: c.outcome,
      openedOn: c.openedOn,
      registeredOn,
      stageChangedOn: c.stageChangedOn,
      chargesheetLimitDays: c.chargesheetLimitDays,
      leadDepartmentId: leads.get(c.id) ?? null,
      events: eventsByCase.get(c.id) ?? [],
      accused: accusedByCase.get(c.id) ?? [],
      overdueActionItems: overdue.get(c.id) ?? 0,
      meetingsSinceReviewed,
    };
  });
}

/** Rows by case, in read order. The rows are kept as read (with their caseId): copying 100,000 of them costs more than it saves. */
function group<T extends { caseId: number }>(rows: T[]): Map<number, T[]> {
  const byCase = new Map<number, T[]>();
  for (const row of rows) {
    const list = byCase.get(row.caseId);
    if (list) list.push(row);
    else byCase.set(row.caseId, [row]);
  }
  return byCase;
}
