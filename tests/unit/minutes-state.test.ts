import { describe, expect, it } from "vitest";
import { transition } from "~/lib/minutes-state";

const held = { meetingHeld: true, hasContent: true };

describe("the life of the minutes", () => {
  it("goes draft → circulated → confirmed → amended", () => {
    expect(transition({ state: "draft", ...held }, "circulate")).toEqual({ ok: true, state: "circulated" });
    expect(transition({ state: "circulated", ...held }, "confirm")).toEqual({ ok: true, state: "confirmed" });
    expect(transition({ state: "confirmed", ...held }, "amend")).toEqual({ ok: true, state: "amended" });
    expect(transition({ state: "amended", ...held }, "amend")).toEqual({ ok: true, state: "amended" });
  });
  it("lets a circulated draft be corrected and circulated again", () => {
    expect(transition({ state: "circulated", ...held }, "edit")).toEqual({ ok: true, state: "circulated" });
    expect(transition({ state: "circulated", ...held }, "circulate")).toEqual({ ok: true, state: "circulated" });
  });
  it("refuses an empty draft, or one of a meeting not yet held", () => {
    expect(transition({ state: "draft", meetingHeld: true, hasContent: false }, "circulate")).toMatchObject({ ok: false, message: expect.stringMatching(/minutes are empty/) });
    expect(transition({ state: "draft", meetingHeld: false, hasContent: true }, "circulate")).toMatchObject({ ok: false, message: expect.stringMatching(/Mark the meeting as held/) });
  });
  it("refuses edits to confirmed minutes without an amendment, and other jumps", () => {
    expect(transition({ state: "confirmed", ...held }, "edit")).toMatchObject({ ok: false, message: expect.stringMatching(/Record an amendment/) });
    expect(transition({ state: "draft", ...held }, "confirm")).toMatchObject({ ok: false, message: "Circulate the minutes before they can be confirmed." });
    expect(transition({ state: "draft", ...held }, "amend")).toMatchObject({ ok: false });
  });
});
