import { and, asc, desc, eq, gt, gte, inArray, max, ne, sql } from "drizzle-orm";
import type { Conn } from "#db/client";
import { agendaVersions, meetings } from "#db/schema";
import { dateInZone } from "~/lib/dates";
import { invariantResponse } from "~/lib/params";

export type Meeting = typeof meetings.$inferSelect;

/** A meeting of this collective, or a 404 for another collective's or one that does not exist. */
export function getMeeting(db: Conn, { id, collectiveId }: { id: number; collectiveId: number }): Meeting {
  const row = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), eq(meetings.collectiveId, collectiveId)))
    .get();
  invariantResponse(row, "Meeting not found", { status: 404 });
  return row;
}

export function listMeetings(db: Conn, collectiveId: number) {
  return db
    .select()
    .from(meetings)
    .where(eq(meetings.collectiveId, collectiveId))
    .orderBy(desc(meetings.startsAt))
    .all();
}

/** The last meeting before this one that took place (held), for "since the last meeting" rules. */
export function previousHeldMeeting(db: Conn, meeting: Pick<Meeting, "collectiveId" | "startsAt">) {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.collectiveId, meeting.collectiveId), eq(meetings.status, "held")))
    .orderBy(desc(meetings.startsAt))
    .all()
    .find((m) => m.startsAt < meeting.startsAt);
}

/**
 * The collective's next meeting: the first still to take place (planned or agenda published) after
 * `now` (or at it, with `includeNow`, as the reminders count a meeting starting this instant).
 */
export function nextMeeting(
  db: Conn,
  collectiveId: number,
  now: Date = new Date(),
  { includeNow = false } = {},
): Meeting | undefined {
  const from = includeNow ? gte(meetings.startsAt, now.toISOString()) : gt(meetings.startsAt, now.toISOString());
  return db
    .select()
    .from(meetings)
    .where(
      and(eq(meetings.collectiveId, collectiveId), from, inArray(meetings.status, ["planned", "agenda_published"])),
    )
    .orderBy(asc(meetings.startsAt))
    .get();
}

/** The next meeting after this one that was not cancelled, held or not. */
export function meetingAfter(db: Conn, meeting: Pick<Meeting, "collectiveId" | "startsAt">): Meeting | undefined {
  return db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.collectiveId, meeting.collectiveId),
        gt(meetings.startsAt, meeting.startsAt),
        ne(meetings.status, "cancelled"),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .get();
}

export function latestMeeting(db: Conn, collectiveId: number) {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.collectiveId, collectiveId), ne(meetings.status, "cancelled")))
    .orderBy(desc(meetings.startsAt))
    .get();
}

export function createMeeting(
  db: Conn,
  input: {
    collectiveId: number;
    startsAt: string;
    durationMinutes: number;
    venue: string | null;
    onlineLink: string | null;
  },
): Meeting {
  const last = db
    .select({ n: max(meetings.number) })
    .from(meetings)
    .where(eq(meetings.collectiveId, input.collectiveId))
    .get();
  return db
    .insert(meetings)
    .values({ ...input, number: (last?.n ?? 0) + 1 })
    .returning()
    .get();
}

export function meetingDate(meeting: Pick<Meeting, "startsAt">, timeZone: string): string {
  return dateInZone(new Date(meeting.startsAt), timeZone);
}

/**
 * Any change to a meeting's agenda moves the meeting's version on, so that publishing, which
 * renders the agenda before its transaction and checks the version inside it, never freezes and
 * sends an agenda that changed in between (a matter raised at that moment, say).
 */
export function agendaChanged(db: Conn, meetingId: number, standing?: { refreshedAt: string | null }): void {
  db.update(meetings)
    .set({ version: sql`${meetings.version} + 1`, ...(standing ? { standingRefreshedAt: standing.refreshedAt } : {}) })
    .where(eq(meetings.id, meetingId))
    .run();
}

/** The collective's meetings whose agenda is still a draft. */
export function draftAgendaMeetings(db: Conn, collectiveId: number): Meeting[] {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.collectiveId, collectiveId), eq(meetings.status, "planned")))
    .orderBy(asc(meetings.startsAt))
    .all();
}

/** Freezes an agenda as the meeting's next version; returns its number. */
export function insertAgendaVersion(
  db: Conn,
  version: { meetingId: number; itemsJson: string; publishedByUserId: number },
): number {
  const last =
    db
      .select({ v: max(agendaVersions.version) })
      .from(agendaVersions)
      .where(eq(agendaVersions.meetingId, version.meetingId))
      .get()?.v ?? 0;
  db.insert(agendaVersions)
    .values({ ...version, version: last + 1 })
    .run();
  return last + 1;
}

export function publishedAgendaVersions(db: Conn, meetingId: number) {
  return db
    .select()
    .from(agendaVersions)
    .where(eq(agendaVersions.meetingId, meetingId))
    .orderBy(desc(agendaVersions.version))
    .all();
}

/**
 * Optimistic concurrency for a meeting: the update applies only if nobody changed the meeting
 * since the form was loaded. Returns false on a conflict, having written nothing.
 */
export function updateMeetingIfUnchanged(
  db: Conn,
  { id, version }: { id: number; version: number },
  changes: Partial<Omit<Meeting, "id" | "version" | "collectiveId" | "number" | "createdAt">>,
): boolean {
  const result = db
    .update(meetings)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(meetings.id, id), eq(meetings.version, version)))
    .run();
  return result.changes === 1;
}
