// What a draft agenda's document is built from, reduced to one string that changes whenever any
// of it does: the meeting, its items, the collective's departments and unfinished action items,
// the collective's names, and the protected set the leak guard reads.
import { sql } from "drizzle-orm";
import type { Conn } from "#db/client";
import type { Meeting } from "./meeting.server";
import { protectedRevisionNow } from "./protected-set.server";

export function agendaInputsStamp(db: Conn, meeting: Meeting): string {
  const row = db.get<Record<string, string | number | null>>(sql`select
    (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(id), 0) from agenda_items where meeting_id = ${meeting.id}) as items,
    (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(id), 0) from action_items where collective_id = ${meeting.collectiveId}) as actions,
    (select group_concat(id || '=' || name, ',') from departments where collective_id = ${meeting.collectiveId}) as departments,
    (select name || '|' || district || '|' || state || '|' || time_zone from collectives where id = ${meeting.collectiveId}) as collective`);
  return JSON.stringify([
    meeting.id,
    meeting.version,
    meeting.standingRefreshedAt,
    meeting.startsAt,
    meeting.durationMinutes,
    meeting.venue,
    meeting.onlineLink,
    protectedRevisionNow(db),
    row,
  ]);
}
