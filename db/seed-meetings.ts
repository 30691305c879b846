// The demo collective's meeting history: six monthly meetings already held, one coming up.
import { and, eq, lte } from "drizzle-orm";
import type { Conn } from "./client";
import { agendaItems, cases, collectives, meetings } from "./schema";
import { addDays } from "../app/lib/dates";
import { meetingDayOfMonth, proposeNextMeeting, zonedWallTimeToInstant } from "../app/lib/meeting-schedule";
import { createMeeting } from "../app/models/meeting.server";
import { regenerateAgenda } from "../app/services/agenda.server";
import type { seededRandom } from "../tests/factories";

/** The meeting days of the `n` months before `today`'s next meeting, oldest first. */
function pastMeetingDays(rule: { weekday: number; weekOfMonth: number }, today: string, n: number): string[] {
  const days: string[] = [];
  let probe = today;
  while (days.length < n) {
    const day = meetingDayOfMonth(rule, probe);
    if (day < today && !days.includes(day)) days.push(day);
    probe = addDays(`${probe.slice(0, 7)}-01`, -1);
  }
  return days.reverse();
}

export function seedDemoMeetings(tx: Conn, { collectiveId, today, rand }: { collectiveId: number; today: string; rand: ReturnType<typeof seededRandom> }) {
  const collective = tx.select().from(collectives).where(eq(collectives.id, collectiveId)).get()!;
  const rule = { weekday: collective.meetingWeekday, weekOfMonth: collective.meetingWeekOfMonth };
  const past = pastMeetingDays(rule, today, 6);
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
    const open = tx
      .select({ id: cases.id, code: cases.code })
      .from(cases)
      .where(and(eq(cases.collectiveId, collectiveId), lte(cases.openedOn, day)))
      .all();
    const reviewed = open.filter(() => rand.chance(0.3)).slice(0, 9);
    const items = [
      { kind: "minutes_confirmation" as const, title: "Confirmation of the previous meeting's minutes", minutes: 5, caseId: null },
      { kind: "action_review" as const, title: "Review of action items", minutes: 15, caseId: null },
      ...reviewed.map((c) => ({ kind: "case_review" as const, title: `Case review: ${c.code}`, minutes: 8, caseId: c.id })),
      { kind: "any_other_business" as const, title: "Any other business", minutes: 10, caseId: null },
    ];
    items.forEach((item, position) =>
      tx.insert(agendaItems).values({ meetingId: meeting.id, position, ...item, status: "discussed", reasons: "[]" }).run(),
    );
  });

  const next = proposeNextMeeting(collective, past.at(-1) ?? null, today);
  const upcoming = createMeeting(tx, {
    collectiveId,
    startsAt: next.startsAt,
    durationMinutes: next.durationMinutes,
    venue: next.venue,
    onlineLink: next.onlineLink,
  });
  regenerateAgenda(tx, upcoming);
}
