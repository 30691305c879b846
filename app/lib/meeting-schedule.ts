// When meetings happen: the collective's rule ("second Thursday at 11:00") and the conversion
// between a wall-clock time in its zone and the UTC instant we store. Pure; never reads the clock.
import { addDays, dateInZone } from "./dates";

/** Minutes the zone is ahead of UTC at an instant (e.g. 330 for Asia/Kolkata). */
function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant at which the clocks in `timeZone` show `date` `time`. Independent of the machine's TZ. */
export function zonedWallTimeToInstant(date: string, time: string, timeZone: string): Date {
  // A part that is missing is NaN, as Number() makes of a malformed one: the instant is then invalid.
  const [y = NaN, m = NaN, d = NaN] = date.split("-").map(Number);
  const [hh = NaN, mm = NaN] = time.split(":").map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes settle the offset even across a daylight-saving change.
  let instant = new Date(guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000);
  instant = new Date(guess - zoneOffsetMinutes(instant, timeZone) * 60_000);
  return instant;
}

export function instantToZonedParts(instant: Date, timeZone: string): { date: string; time: string } {
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
  return { date: dateInZone(instant, timeZone), time };
}

export type MeetingRule = { weekday: number; weekOfMonth: number };

/** ISO weekday (1 = Monday … 7 = Sunday) of a date. */
function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The n-th (or, for -1, the last) given weekday of the month that `monthOf` falls in. */
export function meetingDayOfMonth(rule: MeetingRule, monthOf: string): string {
  const first = `${monthOf.slice(0, 7)}-01`;
  const firstMatch = addDays(first, (rule.weekday - isoWeekday(first) + 7) % 7);
  if (rule.weekOfMonth > 0) return addDays(firstMatch, 7 * (rule.weekOfMonth - 1));
  let last = firstMatch;
  while (addDays(last, 7).slice(0, 7) === first.slice(0, 7)) last = addDays(last, 7);
  return last;
}

function firstOfNextMonth(date: string): string {
  const [y = NaN, m = NaN] = date.split("-").map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

/** The first meeting day strictly after `after`. */
export function proposeMeetingDate(rule: MeetingRule, after: string): string {
  let month = `${after.slice(0, 7)}-01`;
  for (let i = 0; i < 3; i++) {
    const candidate = meetingDayOfMonth(rule, month);
    if (candidate > after) return candidate;
    month = firstOfNextMonth(month);
  }
  throw new Error("No meeting day found within three months");
}

type CollectiveDefaults = {
  meetingWeekday: number;
  meetingWeekOfMonth: number;
  meetingStartTime: string;
  meetingDurationMinutes: number;
  meetingVenue: string | null;
  meetingLink: string | null;
  timeZone: string;
};

/** The next meeting by the collective's defaults: after today, and after the last meeting. */
export function proposeNextMeeting(collective: CollectiveDefaults, lastMeetingDate: string | null, today: string) {
  const after = lastMeetingDate && lastMeetingDate > today ? lastMeetingDate : addDays(today, -1);
  const date = proposeMeetingDate(
    { weekday: collective.meetingWeekday, weekOfMonth: collective.meetingWeekOfMonth },
    after,
  );
  return {
    date,
    startTime: collective.meetingStartTime,
    durationMinutes: collective.meetingDurationMinutes,
    venue: collective.meetingVenue,
    onlineLink: collective.meetingLink,
    startsAt: zonedWallTimeToInstant(date, collective.meetingStartTime, collective.timeZone).toISOString(),
  };
}
