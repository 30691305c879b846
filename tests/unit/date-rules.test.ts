import { describe, expect, it } from "vitest";
import { dueDateProblem, eventDateProblem, meetingDateBounds, meetingDateProblem } from "~/lib/date-rules";
import { meetingScheduleSchema, rescheduleSchema } from "~/schemas/meeting";

const today = "2026-12-01";

describe("meeting dates", () => {
  it("allows today up to a year ahead, and says so otherwise", () => {
    expect(meetingDateProblem("2026-12-01", today)).toBeNull();
    expect(meetingDateProblem("2027-12-02", today)).toBeNull();
    expect(meetingDateProblem("2020-01-09", today)).toBe(
      "A meeting can be scheduled from today (01/12/2026) up to a year ahead (02/12/2027).",
    );
    expect(meetingDateProblem("2026-11-30", today)).not.toBeNull();
    expect(meetingDateProblem("2027-12-03", today)).not.toBeNull();
  });
});

describe("action due dates", () => {
  it("cannot fall before the meeting that agreed it, nor more than two years on", () => {
    expect(dueDateProblem("2026-11-20", "2026-11-12", today)).toBeNull();
    expect(dueDateProblem("2001-01-01", "2026-11-12", today)).toBe(
      "The due date must be between 12/11/2026 (the day it was agreed) and 02/12/2028.",
    );
    expect(dueDateProblem("2028-12-03", "2026-11-12", today)).not.toBeNull();
  });
  it("for a meeting held early, counts from today", () => {
    expect(dueDateProblem("2026-12-05", "2026-12-10", today)).toBeNull();
    expect(dueDateProblem("2026-11-30", "2026-12-10", today)).not.toBeNull();
  });
});

describe("case events", () => {
  const event = (
    kind: "hearing" | "arrest" | "judgment",
    occurredOn: string,
    outcome: string | null = null,
    verdict: string | null = null,
  ) => ({ kind, occurredOn, outcome, verdict });
  it("lets a hearing be planned, without an outcome", () => {
    expect(eventDateProblem(event("hearing", "2027-01-14"), today)).toBeNull();
    expect(eventDateProblem(event("hearing", "2026-11-14", "Adjourned"), today)).toBeNull();
  });
  it("refuses an outcome in the future", () => {
    expect(eventDateProblem(event("hearing", "2031-03-01", "Witness examined"), today)).toEqual({
      field: "occurredOn",
      message: "The date must be between 01/01/1990 and 02/12/2028.",
    });
    expect(eventDateProblem(event("hearing", "2027-01-14", "Witness examined"), today)).toEqual({
      field: "outcome",
      message: "A planned event has no outcome yet: leave the outcome empty, and record it on or after 14/01/2027.",
    });
  });
  it("refuses a future arrest or judgment", () => {
    expect(eventDateProblem(event("arrest", "2026-12-02"), today)?.field).toBe("occurredOn");
    expect(eventDateProblem(event("judgment", "2027-02-01", null, "convicted"), today)?.message).toMatch(
      /^This event is recorded once it has happened: the date can be today \(01\/12\/2026\) at the latest/,
    );
  });
});

describe("the schedule schemas carry the meeting-date rule (one rule for the browser and the action)", () => {
  const fields = { startTime: "11:00", durationMinutes: "120", venue: "Collectorate hall", onlineLink: "" };
  it("refuse a day before today or past a year, beside the date, with the rule's words", () => {
    const refused = meetingScheduleSchema(today).safeParse({ ...fields, date: "2020-01-09" });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["date", meetingDateProblem("2020-01-09", today)],
    ]);
    expect(
      rescheduleSchema(today).safeParse({ ...fields, date: "2027-12-03", version: "4" }).error!.issues[0]!.message,
    ).toBe(meetingDateProblem("2027-12-03", today));
  });
  it("accept today and a year ahead, the bounds the date input offers", () => {
    const { min, max } = meetingDateBounds(today);
    expect([min, max]).toEqual(["2026-12-01", "2027-12-02"]);
    expect(meetingScheduleSchema(today).safeParse({ ...fields, date: min }).success).toBe(true);
    expect(meetingScheduleSchema(today).safeParse({ ...fields, date: max }).success).toBe(true);
  });
});
