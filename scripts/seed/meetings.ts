// The demo collective's meeting history: six monthly meetings already held, one coming up.
import { and, eq, gte, isNull, lte, or } from "drizzle-orm";
import type { Conn } from "#db/client";
import { agendaItems, cases, collectives, meetings, minutesVersions } from "#db/schema";
import { at } from "~/lib/at";
import { addDays } from "~/lib/dates";
import { meetingDayOfMonth, proposeNextMeeting, zonedWallTimeToInstant } from "~/lib/meeting-schedule";
import { createMeeting } from "~/models/meeting.server";
import { regenerateAgenda } from "~/services/agenda.server";
import { buildMinutesDocument } from "~/services/minutes.server";
import type { seededRandom } from "../../tests/factories";
import { decisions, discussions, seedActions, seedAttendance, seedRaisedMatters } from "./meeting-records";

/** The meeting days of the `n` months up to today (a meeting today counts as held), oldest first. */
function pastMeetingDays(rule: { weekday: number; weekOfMonth: number }, today: string, n: number): string[] {
  const days: string[] = [];
  let probe = today;
  while (days.length < n) {
    const day = meetingDayOfMonth(rule, probe);
    if (day <= today && !days.includes(day)) days.push(day);
    probe = addDays(`${probe.slice(0, 7)}-01`, -1);
  }
  return days.reverse();
}

/**
 * The demo's coming meeting is always after today, so that "the next meeting" (in briefs, welcome
 * emails, reminders) exists at any hour of any day the demo is seeded.
 */
export function demoNextMeeting(collective: Parameters<typeof proposeNextMeeting>[0], today: string) {
  return proposeNextMeeting(collective, null, addDays(today, 1));
}

export function seedDemoMeetings(
  tx: Conn,
  { collectiveId, today, rand }: { collectiveId: number; today: string; rand: ReturnType<typeof seededRandom> },
) {
  const collective = tx.select().from(collectives).where(eq(collectives.id, collectiveId)).get()!;
  const rule = { weekday: collective.meetingWeekday, weekOfMonth: collective.meetingWeekOfMonth };
  const past = pastMeetingDays(rule, today, 6);
  const held: number[] = [];
  past.forEach((day, index) => {
    const meeting = createMeeting(tx, {
      collectiveId,
      startsAt: zonedWallTimeToInstant(day, collective.meetingStartTime, collective.timeZone).toISOString(),
      durationMinutes: collective.meetingDurationMinutes,
      venue: index === 1 ? null : collective.meetingVenue,
      onlineLink: collective.meetingLink,
    });
    tx.update(meetings)
      .set({ status: "held", minutesState: index === past.length - 1 ? "circulated" : "confirmed" })
      .where(eq(meetings.id, meeting.id))
      .run();
    // The cases open on the day, and those closed in the two months before it (for outcome review).
    const open = tx
      .select({ id: cases.id, code: cases.code })
      .from(cases)
      .where(
        and(
          eq(cases.collectiveId, collectiveId),
          lte(cases.openedOn, day),
          or(isNull(cases.closedOn), gte(cases.closedOn, addDays(day, -60))),
        ),
      )
      .all();
    const reviewed = open.filter(() => rand.chance(0.3)).slice(0, 9);
    const items = [
      {
        kind: "minutes_confirmation" as const,
        title: "Confirmation of the previous meeting's minutes",
        minutes: 5,
        caseId: null,
      },
      { kind: "action_review" as const, title: "Review of action items", minutes: 15, caseId: null },
      ...reviewed.map((c) => ({
        kind: "case_review" as const,
        title: `Case review: ${c.code}`,
        minutes: 8,
        caseId: c.id,
      })),
      { kind: "any_other_business" as const, title: "Any other business", minutes: 10, caseId: null },
    ];
    const itemIds = items.map(
      (item, position) =>
        tx
          .insert(agendaItems)
          .values({
            meetingId: meeting.id,
            position,
            ...item,
            status: "discussed",
            reasons: "[]",
            discussion: item.caseId ? rand.pick(discussions) : null,
            decisions: item.caseId ? rand.pick(decisions) : null,
            minutesUsed: item.minutes + rand.int(-2, 3),
          })
          .returning({ id: agendaItems.id })
          .get().id,
    );
    seedAttendance(tx, { collectiveId, meetingId: meeting.id, day, index });
    seedActions(tx, {
      collectiveId,
      meetingId: meeting.id,
      day,
      today,
      index,
      rand,
      items: items.map((it, i) => ({ ...it, id: at(itemIds, i) })),
    });
    held.push(meeting.id);
  });
  seedRaisedMatters(tx, { collectiveId, held, days: past });

  const next = demoNextMeeting(collective, today);
  const upcoming = createMeeting(tx, {
    collectiveId,
    startsAt: next.startsAt,
    durationMinutes: next.durationMinutes,
    venue: next.venue,
    onlineLink: next.onlineLink,
  });
  regenerateAgenda(tx, upcoming);

  // Each held meeting's minutes, frozen as circulated (and, but for the last, confirmed at the
  // meeting after), once every meeting exists, so each version names the next meeting.
  for (const id of held) {
    const meeting = tx.select().from(meetings).where(eq(meetings.id, id)).get()!;
    const { departmentIdOf: _ids, ...doc } = buildMinutesDocument(tx, meeting);
    const states =
      meeting.minutesState === "confirmed" ? (["circulated", "confirmed"] as const) : (["circulated"] as const);
    states.forEach((state, i) =>
      tx
        .insert(minutesVersions)
        .values({
          meetingId: id,
          version: i + 1,
          state,
          bodyJson: JSON.stringify({ ...doc, minutesState: state, version: i + 1 }),
        })
        .run(),
    );
  }
}
