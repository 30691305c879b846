import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { instantToZonedParts } from "~/lib/meeting-schedule";

export type InviteMethod = "REQUEST" | "CANCEL" | "PUBLISH";

export type InviteInput = {
  /** Stable for the meeting's whole life, so updates and cancellations replace the first invite. */
  uid: string;
  sequence: number;
  /** REQUEST and CANCEL for email (iTIP); PUBLISH for a download, which has no attendees to answer. */
  method: InviteMethod;
  /** A cancelled meeting published (downloaded) is STATUS:CANCELLED too. */
  cancelled?: boolean;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  summary: string;
  location: string;
  url: string;
  /** Links to the app only: never case details. */
  description: string;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
  /** DTSTAMP; defaults to now. */
  stamp?: Date;
};

/** "+0530" for a zone at an instant. */
function offsetOf(timeZone: string, at: Date): string {
  const name =
    new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? `${m[1]}${m[2]}${m[3]}` : "+0000";
}

/**
 * A VTIMEZONE for zones without daylight saving (India's has none since 1945): one STANDARD
 * rule at the zone's offset. A zone with DST would need its transitions; the collective's zone
 * defaults to Asia/Kolkata, and others get the offset in force at the meeting.
 */
function fixedOffsetTimezone(at: Date) {
  return (timeZone: string) => {
    const offset = offsetOf(timeZone, at);
    return [
      "BEGIN:VTIMEZONE",
      `TZID:${timeZone}`,
      `X-LIC-LOCATION:${timeZone}`,
      "BEGIN:STANDARD",
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      `TZNAME:${timeZone === "Asia/Kolkata" ? "IST" : offset}`,
      "DTSTART:19700101T000000",
      "END:STANDARD",
      "END:VTIMEZONE",
    ].join("\r\n");
  };
}

/**
 * The wall-clock time in the zone, as a string without an offset. ical-generator formats a
 * zoned date with the machine's local clock, and parses an offset-less string with the same
 * clock, so the wall-clock time survives whatever TZ the server runs under.
 */
function wallClock(instant: Date, timeZone: string): string {
  const { date, time } = instantToZonedParts(instant, timeZone);
  return `${date}T${time}:00`;
}

export function meetingInvite(input: InviteInput): string {
  const start = new Date(input.startsAt);
  const end = new Date(start.getTime() + input.durationMinutes * 60_000);
  const calendar = ical({
    prodId: { company: "TESTA Desk", product: "Meetings", language: "EN" },
    method:
      input.method === "CANCEL"
        ? ICalCalendarMethod.CANCEL
        : input.method === "PUBLISH"
          ? ICalCalendarMethod.PUBLISH
          : ICalCalendarMethod.REQUEST,
    timezone: { name: input.timeZone, generator: fixedOffsetTimezone(start) },
  });
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    // ical-generator writes DTSTAMP in the calendar's zone clock without a Z; hand it the UTC digits
    // and mark them UTC below, as RFC 5545 requires.
    stamp: (input.stamp ?? new Date()).toISOString().slice(0, 19),
    start: wallClock(start, input.timeZone),
    end: wallClock(end, input.timeZone),
    timezone: input.timeZone,
    summary: input.summary,
    location: input.location || null,
    url: input.url,
    description: input.description,
    organizer: input.organizer,
    // RFC 5546: a PUBLISH carries no attendees, so there is nothing to accept or decline.
    attendees:
      input.method === "PUBLISH"
        ? []
        : input.attendees.map((a) => ({ name: a.name, email: a.email, rsvp: true, role: ICalAttendeeRole.REQ })),
    status: input.method === "CANCEL" || input.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString().replace(/^DTSTAMP:(\d{8}T\d{6})\r$/m, "DTSTAMP:$1Z\r");
}
