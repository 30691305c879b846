import { describe, expect, it } from "vitest";
import {
  assertAgendaNotEmpty,
  assertMeetingOpen,
  assertMeetingUnchanged,
  isMeetingOver,
  MeetingConflict,
} from "~/lib/meeting-state";

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof MeetingConflict) return { message: error.message, status: error.status };
    throw error;
  }
  return null;
};

describe("the meeting's state", () => {
  it("is over once held or cancelled, and open before", () => {
    expect(isMeetingOver({ status: "held" })).toBe(true);
    expect(isMeetingOver({ status: "cancelled" })).toBe(true);
    expect(isMeetingOver({ status: "planned" })).toBe(false);
    expect(isMeetingOver({ status: "agenda_published" })).toBe(false);
  });

  it("refuses each change to a meeting that is over, saying which (a 409)", () => {
    expect(refusal(() => assertMeetingOpen({ status: "held" }, "reschedule"))).toEqual({
      message: "This meeting is over or cancelled and cannot be rescheduled.",
      status: 409,
    });
    expect(refusal(() => assertMeetingOpen({ status: "cancelled" }, "edit-agenda"))?.message).toBe(
      "This meeting is over or cancelled; its agenda can no longer change.",
    );
    expect(refusal(() => assertMeetingOpen({ status: "agenda_published" }, "cancel"))).toBeNull();
  });

  it("refuses a page loaded at another version, a missing one too", () => {
    expect(refusal(() => assertMeetingUnchanged({ version: 3 }, 2, "cancel"))?.message).toBe(
      "The meeting changed since you opened this page. Look at it again before cancelling.",
    );
    expect(refusal(() => assertMeetingUnchanged({ version: 3 }, Number.NaN, "publish"))?.status).toBe(409);
    expect(refusal(() => assertMeetingUnchanged({ version: 3 }, 3, "publish"))).toBeNull();
  });

  it("sends no empty agenda (a 400: there is nothing to send)", () => {
    expect(refusal(() => assertAgendaNotEmpty(0))).toEqual({
      message: "The agenda is empty. Regenerate it or add an item first.",
      status: 400,
    });
    expect(refusal(() => assertAgendaNotEmpty(1))).toBeNull();
  });
});
