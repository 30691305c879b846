import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { findProtected, buildProtectedSet } from "~/lib/leak-guard";
import { inviteText } from "~/lib/invite-text";
import { meetingInvite, type InviteInput } from "~/services/calendar.server";

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

const input = (over: Partial<InviteInput> = {}): InviteInput => ({
  uid: "testa-meeting-7@desk.example.org",
  sequence: 0,
  method: "REQUEST",
  startsAt: "2026-12-10T05:30:00.000Z",
  durationMinutes: 120,
  timeZone: "Asia/Kolkata",
  summary: "Demo District TESTA collective – Meeting 7",
  location: "Collector's Office, Conference Hall 2",
  url: "https://desk.example.org/meetings/7",
  description: "Agenda and papers: https://desk.example.org/meetings/7",
  organizer: { name: "TESTA Desk secretariat", email: "desk@example.org" },
  attendees: [
    { name: "Sanjay Patil", email: "police@demo.testa" },
    { name: "Meena Kulkarni", email: "dcpu@demo.testa" },
  ],
  stamp: new Date("2026-11-28T10:00:00Z"),
  ...over,
});

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const tz of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const vevent = calendar.getFirstSubcomponent("vevent")!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe("meeting invite", () => {
  for (const tz of ["UTC", "Asia/Kolkata"]) {
    it(`carries the meeting's real time under TZ=${tz}`, () => {
      process.env.TZ = tz;
      const ics = meetingInvite(input());
      const { calendar, event, vevent } = parse(ics);
      expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
      expect(ics).toContain("DTSTART;TZID=Asia/Kolkata:20261210T110000");
      expect(ics).toContain("DTEND;TZID=Asia/Kolkata:20261210T130000");
      expect(ics).toContain("DTSTAMP:20261128T100000Z");
      expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-10T05:30:00.000Z");
      expect(event.endDate.toJSDate().toISOString()).toBe("2026-12-10T07:30:00.000Z");
      expect(event.uid).toBe("testa-meeting-7@desk.example.org");
      expect(vevent.getFirstPropertyValue("sequence")).toBe(0);
      expect(event.location).toBe("Collector's Office, Conference Hall 2");
      expect(String(vevent.getFirstPropertyValue("url"))).toBe("https://desk.example.org/meetings/7");
      expect(String(vevent.getFirstPropertyValue("organizer"))).toBe("mailto:desk@example.org");
      expect(vevent.getAllProperties("attendee").map((p) => String(p.getFirstValue()).toLowerCase())).toEqual([
        "mailto:police@demo.testa",
        "mailto:dcpu@demo.testa",
      ]);
      expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Asia/Kolkata");
    });
  }

  it("is byte-identical whatever the machine's time zone", () => {
    process.env.TZ = "UTC";
    const utc = meetingInvite(input());
    process.env.TZ = "Asia/Kolkata";
    expect(meetingInvite(input())).toBe(utc);
  });

  it("keeps the UID and raises SEQUENCE on a reschedule", () => {
    const first = parse(meetingInvite(input()));
    const moved = parse(meetingInvite(input({ sequence: 1, startsAt: "2026-12-17T05:30:00.000Z" })));
    expect(moved.event.uid).toBe(first.event.uid);
    expect(moved.vevent.getFirstPropertyValue("sequence")).toBe(1);
    expect(moved.event.startDate.toJSDate().toISOString()).toBe("2026-12-17T05:30:00.000Z");
  });

  it("cancels with METHOD:CANCEL and STATUS:CANCELLED", () => {
    const { calendar, vevent } = parse(meetingInvite(input({ method: "CANCEL", sequence: 2 })));
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(vevent.getFirstPropertyValue("sequence")).toBe(2);
  });

  it("describes nothing but the link to the app", () => {
    const { event } = parse(meetingInvite(input()));
    expect(event.description).toBe("Agenda and papers: https://desk.example.org/meetings/7");
  });
});

describe("the invite's text for the guard", () => {
  it("leaves out the UID, whose random deployment id can hold digits that read as a mobile number", () => {
    const uid = "testa-meeting-7@3f2a9c1e-9876-5432-1098-765432109876.testa-desk";
    const text = inviteText(meetingInvite(input({ uid })));
    expect(text).not.toContain("9876-5432-1098");
    expect(text).toContain("Collector's Office, Conference Hall 2");
    const none = buildProtectedSet("calendar-test-key", [], []);
    expect(findProtected(`UID:${uid}`, none), "the UID alone would be refused").not.toHaveLength(0);
    expect(findProtected(text, none)).toEqual([]);
  });
});
