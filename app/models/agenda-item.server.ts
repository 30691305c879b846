import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Conn } from "#db/client";
import { agendaItems, cases } from "#db/schema";

export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type NewAgendaItem = typeof agendaItems.$inferInsert;
/** What an edit may change on one item; never its meeting or its id. */
export type AgendaItemChanges = Partial<Omit<AgendaItemRow, "id" | "meetingId" | "createdAt">>;

/** A meeting's agenda items in their order, removed ones included. */
export function agendaItemsOf(db: Conn, meetingId: number): AgendaItemRow[] {
  return db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position))
    .all();
}

export function insertAgendaItem(db: Conn, item: NewAgendaItem): void {
  db.insert(agendaItems).values(item).run();
}

export function updateAgendaItem(db: Conn, id: number, changes: AgendaItemChanges): void {
  db.update(agendaItems).set(changes).where(eq(agendaItems.id, id)).run();
}

export function deleteAgendaItems(db: Conn, ids: number[]): void {
  if (ids.length) db.delete(agendaItems).where(inArray(agendaItems.id, ids)).run();
}

/** Moves every item of the meeting after `position` one place on, freeing `position + 1`. */
export function shiftAgendaItemsAfter(db: Conn, meetingId: number, position: number): void {
  db.update(agendaItems)
    .set({ position: sql`${agendaItems.position} + 1` })
    .where(and(eq(agendaItems.meetingId, meetingId), gt(agendaItems.position, position)))
    .run();
}

/** Codes of the cases on an agenda, for pages and documents. */
export function caseCodesFor(db: Conn, items: Pick<AgendaItemRow, "caseId">[]): Map<number, string> {
  const ids = [...new Set(items.map((i) => i.caseId).filter((id): id is number => id !== null))];
  if (!ids.length) return new Map();
  return new Map(
    db
      .select({ id: cases.id, code: cases.code })
      .from(cases)
      .where(inArray(cases.id, ids))
      .all()
      .map((r) => [r.id, r.code]),
  );
}
