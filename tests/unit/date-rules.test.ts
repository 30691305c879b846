import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  dueDateBounds,
  dueDateProblem,
  eventDateBounds,
  meetingDateBounds,
  meetingDateProblem,
} from "~/lib/date-rules";
import { actionCorrectionSchema, actionUpdateSchema } from "~/schemas/action-item";
import { caseEventFormSchema } from "~/schemas/case";
import { meetingScheduleSchema, rescheduleSchema } from "~/schemas/meeting";
import { actionItemSchema } from "~/schemas/minutes";

const today = "2026-12-01";

/** What a form shows for a refused input: each message under the field it stands beside. */
const refusals = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message]);

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

describe("the schedule schemas carry the meeting-date rule (one rule for the browser and the action)", () => {
  const fields = { startTime: "11:00", durationMinutes: "120", venue: "Collectorate hall", onlineLink: "" };
  it("refuse a day before today or past a year, beside the date, with the rule's words", () => {
    expect(refusals(meetingScheduleSchema(today).safeParse({ ...fields, date: "2020-01-09" }))).toEqual([
      ["date", meetingDateProblem("2020-01-09", today)],
    ]);
    expect(refusals(rescheduleSchema(today).safeParse({ ...fields, date: "2027-12-03", version: "4" }))).toEqual([
      ["date", meetingDateProblem("2027-12-03", today)],
    ]);
  });
  it("accept today and a year ahead, the bounds the date input offers", () => {
    const { min, max } = meetingDateBounds(today);
    expect([min, max]).toEqual(["2026-12-01", "2027-12-02"]);
    expect(meetingScheduleSchema(today).safeParse({ ...fields, date: min }).success).toBe(true);
    expect(meetingScheduleSchema(today).safeParse({ ...fields, date: max }).success).toBe(true);
  });
});

describe("action due dates", () => {
  const agreed = { agreedOn: "2026-11-12", today };
  const allowed = "The due date can be from 12/11/2026 (the day it was agreed) up to two years ahead (02/12/2028).";
  it("cannot fall before the meeting that agreed it, nor more than two years on", () => {
    expect(dueDateBounds(agreed)).toEqual({ min: "2026-11-12", max: "2028-12-02" });
    expect(dueDateProblem("2026-11-12", agreed)).toBeNull();
    expect(dueDateProblem("2028-12-02", agreed)).toBeNull();
    expect(dueDateProblem("2001-01-01", agreed)).toBe(allowed);
    expect(dueDateProblem("2026-11-11", agreed)).toBe(allowed);
    expect(dueDateProblem("2028-12-03", agreed)).toBe(allowed);
  });
  it("for a meeting held before its day, counts from today", () => {
    const early = { agreedOn: "2026-12-10", today };
    expect(dueDateBounds(early)).toEqual({ min: "2026-12-01", max: "2028-12-11" });
    expect(dueDateProblem("2026-12-05", early)).toBeNull();
    expect(dueDateProblem("2026-11-30", early)).toBe(
      "The due date can be from 01/12/2026 (today) up to two years ahead (11/12/2028).",
    );
  });

  describe("the run page's new action", () => {
    const action = { intent: "add-action", agendaItemId: "3", description: "File the chargesheet", departmentId: "2" };
    it("refuses 01/01/2001 beside the due date", () => {
      expect(refusals(actionItemSchema(agreed).safeParse({ ...action, dueOn: "2001-01-01" }))).toEqual([
        ["dueOn", allowed],
      ]);
    });
    it("accepts the first and last day the date input offers", () => {
      const { min, max } = dueDateBounds(agreed);
      expect(actionItemSchema(agreed).safeParse({ ...action, dueOn: min }).success).toBe(true);
      expect(actionItemSchema(agreed).safeParse({ ...action, dueOn: max }).success).toBe(true);
    });
  });

  describe("a department's update, moving the due date with a reason", () => {
    const update = { status: "in_progress", currentDueOn: "2026-12-15", version: "2" };
    const schema = actionUpdateSchema(agreed, "2026-12-15");
    it("refuses a move to 01/01/2001, even with a reason", () => {
      expect(refusals(schema.safeParse({ ...update, dueOn: "2001-01-01", dueReason: "Court vacation" }))).toEqual([
        ["dueOn", allowed],
      ]);
    });
    it("accepts a move within the bounds, and a due date left as it was even if outside them", () => {
      expect(schema.safeParse({ ...update, dueOn: "2027-01-15", dueReason: "Court vacation" }).success).toBe(true);
      const older = actionUpdateSchema(agreed, "2026-10-01");
      expect(older.safeParse({ ...update, currentDueOn: "2026-10-01", dueOn: "2026-10-01" }).success).toBe(true);
    });
  });

  describe("the secretariat's correction (a direct change, or an amendment once circulated)", () => {
    const correction = { intent: "correct", description: "File the chargesheet", departmentId: "2", version: "1" };
    const schema = actionCorrectionSchema(agreed, "2026-12-15");
    it("refuses a due date past two years", () => {
      expect(refusals(schema.safeParse({ ...correction, dueOn: "2031-01-01", movedBy: "DCPU" }))).toEqual([
        ["dueOn", allowed],
      ]);
    });
    it("accepts the due date it has, and one within the bounds", () => {
      expect(schema.safeParse({ ...correction, dueOn: "2026-12-15" }).success).toBe(true);
      expect(schema.safeParse({ ...correction, dueOn: "2027-03-31" }).success).toBe(true);
    });
  });
});

describe("case events: past or planned, but an outcome cannot be in the future", () => {
  const rule = { today, firYear: 2024 };
  const event = (fields: Record<string, string>) =>
    caseEventFormSchema(rule).safeParse({ intent: "add-event", ...fields });
  it("dates events from the year before the FIR, or from 2000, up to two years ahead", () => {
    expect(eventDateBounds(rule)).toEqual({ min: "2023-01-01", max: "2028-12-02" });
    expect(eventDateBounds({ today, firYear: null })).toEqual({ min: "2000-01-01", max: "2028-12-02" });
    expect(refusals(event({ kind: "rescue", occurredOn: "2003-01-14" }))).toEqual([
      [
        "occurredOn",
        "An event can be dated from 01/01/2023 (the year before the FIR) up to two years ahead (02/12/2028).",
      ],
    ]);
    expect(
      refusals(
        caseEventFormSchema({ today, firYear: null }).safeParse({
          intent: "add-event",
          kind: "rescue",
          occurredOn: "1999-12-31",
        }),
      ),
    ).toEqual([["occurredOn", "An event can be dated from 01/01/2000 up to two years ahead (02/12/2028)."]]);
    expect(event({ kind: "rescue", occurredOn: "2023-12-30" }).success).toBe(true);
  });
  it("refuses a hearing recorded as having happened in 2031", () => {
    expect(refusals(event({ kind: "hearing", occurredOn: "2031-03-01", outcome: "Witness examined" }))).toEqual([
      [
        "occurredOn",
        "An event can be dated from 01/01/2023 (the year before the FIR) up to two years ahead (02/12/2028).",
      ],
    ]);
  });
  it("lets a hearing be planned, without an outcome, and a past one carry its outcome", () => {
    expect(event({ kind: "hearing", occurredOn: "2027-01-14", nextDate: "2027-02-11" }).success).toBe(true);
    expect(event({ kind: "hearing", occurredOn: "2026-11-14", outcome: "Adjourned" }).success).toBe(true);
    expect(event({ kind: "hearing", occurredOn: today, outcome: "Adjourned" }).success).toBe(true);
  });
  it("refuses an outcome for a planned hearing, beside the outcome", () => {
    expect(refusals(event({ kind: "hearing", occurredOn: "2027-01-14", outcome: "Witness examined" }))).toEqual([
      [
        "outcome",
        "An outcome cannot be in the future: leave it empty for a planned event, and record it on or after 14/01/2027.",
      ],
    ]);
  });
  it("refuses a future arrest or judgment, which are recorded once they have happened", () => {
    const message =
      "This event is recorded once it has happened: the date can be today (01/12/2026) at the latest. Only hearings and testimonies are planned ahead.";
    expect(refusals(event({ kind: "arrest", occurredOn: "2026-12-02" }))).toEqual([["occurredOn", message]]);
    expect(refusals(event({ kind: "judgment", occurredOn: "2027-02-01", verdict: "convicted" }))).toEqual([
      ["occurredOn", message],
    ]);
  });
  it("refuses a next date more than two years ahead", () => {
    expect(refusals(event({ kind: "hearing", occurredOn: "2026-11-14", nextDate: "2031-01-01" }))).toEqual([
      ["nextDate", "The next date can be up to two years ahead (02/12/2028)."],
    ]);
  });
});
