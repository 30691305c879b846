// Every query of the state's roll-up: the few figures a collective's outcome report and
// accountability matrix do not give (open cases, chargesheets overdue, minutes circulated), and the
// stored roll-up itself. The figures are put together by app/services/state-rollup.server.ts.
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { Conn } from "#db/client";
import { accused, caseEvents, cases, meetings, minutesVersions, stateDrillDowns, stateRollups } from "#db/schema";
import { addDays, dateInZone } from "~/lib/dates";
import type { DisplayFigure } from "~/lib/outcomes-display";
import type { StateView } from "~/lib/state-display";

export function openCaseCount(db: Conn, collectiveId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(cases)
      .where(and(eq(cases.collectiveId, collectiveId), eq(cases.status, "open")))
      .get()?.n ?? 0
  );
}

/**
 * Open cases without an outcome or a chargesheet, with the earliest arrest on record (an accused
 * person's, or an arrest event): what the chargesheet clock (app/lib/clocks.ts) needs to tell
 * whether the limit has passed. One query; cases without an arrest come back with none.
 */
export function casesAwaitingChargesheet(db: Conn, collectiveId: number) {
  return db
    .all<{ chargesheetLimitDays: number; arrestedOn: string | null }>(
      sql`
    select c.chargesheet_limit_days as chargesheetLimitDays,
      min(
        coalesce((select min(a.arrested_on) from ${accused} a where a.case_id = c.id), '9999'),
        coalesce((select min(e.occurred_on) from ${caseEvents} e where e.case_id = c.id and e.kind = 'arrest'), '9999')
      ) as arrestedOn
    from ${cases} c
    where c.collective_id = ${collectiveId} and c.status = 'open' and c.outcome is null
      and not exists (select 1 from ${caseEvents} e where e.case_id = c.id and e.kind = 'chargesheet_filed')`,
    )
    .map((r) => ({ ...r, arrestedOn: r.arrestedOn === "9999" ? null : r.arrestedOn }));
}

/** The meetings held since `from` (the collective's date), each with the day its minutes were first circulated, if they were. */
export function heldMeetingsWithCirculation(db: Conn, collectiveId: number, timeZone: string, from: string) {
  const held = db
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.collectiveId, collectiveId),
        eq(meetings.status, "held"),
        // A day's margin for the zone's midnight (an instant compared with a date); the exact cut is made below.
        gte(meetings.startsAt, addDays(from, -1)),
      ),
    )
    .all()
    .map((m) => ({ id: m.id, on: dateInZone(new Date(m.startsAt), timeZone) }))
    .filter((m) => m.on >= from);
  const circulated = new Map(
    held.length
      ? db
          .select({ meetingId: minutesVersions.meetingId, at: sql<string>`min(${minutesVersions.createdAt})` })
          .from(minutesVersions)
          .where(
            and(
              inArray(
                minutesVersions.meetingId,
                held.map((m) => m.id),
              ),
              eq(minutesVersions.state, "circulated"),
            ),
          )
          .groupBy(minutesVersions.meetingId)
          .all()
          .map((r) => [r.meetingId, dateInZone(new Date(r.at), timeZone)])
      : [],
  );
  return held.map((m) => ({ on: m.on, circulatedOn: circulated.get(m.id) ?? null }));
}

// ---- The stored roll-up -------------------------------------------------------------------------

/** Replaces the stored roll-up and every district's drill-down in one transaction. */
export function saveStateRollup(
  db: Conn,
  computedAt: string,
  view: StateView,
  drillDowns: { collectiveId: number; figures: DisplayFigure[] }[],
) {
  db.transaction((tx) => {
    tx.insert(stateRollups)
      .values({ id: 1, computedAt, viewJson: JSON.stringify(view) })
      .onConflictDoUpdate({ target: stateRollups.id, set: { computedAt, viewJson: JSON.stringify(view) } })
      .run();
    tx.delete(stateDrillDowns).run();
    for (const d of drillDowns)
      tx.insert(stateDrillDowns)
        .values({ collectiveId: d.collectiveId, computedAt, figuresJson: JSON.stringify(d.figures) })
        .run();
  });
}

export function readStateRollup(db: Conn): { computedAt: string; view: StateView } | null {
  const row = db.select().from(stateRollups).where(eq(stateRollups.id, 1)).get();
  return row ? { computedAt: row.computedAt, view: JSON.parse(row.viewJson) as StateView } : null;
}

export function readDrillDown(db: Conn, collectiveId: number): { computedAt: string; figures: DisplayFigure[] } | null {
  const row = db.select().from(stateDrillDowns).where(eq(stateDrillDowns.collectiveId, collectiveId)).get();
  return row ? { computedAt: row.computedAt, figures: JSON.parse(row.figuresJson) as DisplayFigure[] } : null;
}
