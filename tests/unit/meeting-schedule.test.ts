import { afterEach, describe, expect, it } from "vitest";
import {
  instantToZonedParts,
  meetingDayOfMonth,
  proposeMeetingDate,
  proposeNextMeeting,
  zonedWallTimeToInstant,
} from "~/lib/meeting-schedule";

const secondThursday = { weekday: 4, weekOfMonth: 2 };
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe("meeting days", () => {
  it("finds the second Thursday and the last Friday of a month", () => {
    expect(meetingDayOfMonth(secondThursday, "2026-12-01")).toBe("2026-12-10");
    expect(meetingDayOfMonth({ weekday: 5, weekOfMonth: -1 }, "2026-12-15")).toBe("2026-12-25");
    expect(meetingDayOfMonth({ weekday: 1, weekOfMonth: 1 }, "2026-06-01")).toBe("2026-06-01");
  });
  it("proposes the first meeting day strictly after a date, rolling over months and years", () => {
    expect(proposeMeetingDate(secondThursday, "2026-11-28")).toBe("2026-12-10");
    expect(proposeMeetingDate(secondThursday, "2026-12-10")).toBe("2027-01-14");
    expect(proposeMeetingDate(secondThursday, "2026-12-09")).toBe("2026-12-10");
  });
  it("proposes the next meeting from the collective's defaults", () => {
    const collective = {
      meetingWeekday: 4,
      meetingWeekOfMonth: 2,
      meetingStartTime: "11:00",
      meetingDurationMinutes: 120,
      meetingVenue: "Hall 2",
      meetingLink: null,
      timeZone: "Asia/Kolkata",
    };
    expect(proposeNextMeeting(collective, null, "2026-12-10")).toMatchObject({
      date: "2026-12-10",
      startsAt: "2026-12-10T05:30:00.000Z",
    });
    expect(proposeNextMeeting(collective, "2026-12-10", "2026-12-01").date).toBe("2027-01-14");
  });
});

describe("wall-clock time in the collective's zone", () => {
  for (const tz of ["UTC", "Asia/Kolkata", "America/New_York"]) {
    it(`is the same instant whatever the machine's zone (TZ=${tz})`, () => {
      process.env.TZ = tz;
      expect(zonedWallTimeToInstant("2026-12-10", "11:00", "Asia/Kolkata").toISOString()).toBe(
        "2026-12-10T05:30:00.000Z",
      );
      expect(zonedWallTimeToInstant("2026-12-10", "03:00", "Asia/Kolkata").toISOString()).toBe(
        "2026-12-09T21:30:00.000Z",
      );
      expect(instantToZonedParts(new Date("2026-12-10T05:30:00Z"), "Asia/Kolkata")).toEqual({
        date: "2026-12-10",
        time: "11:00",
      });
    });
  }
});
