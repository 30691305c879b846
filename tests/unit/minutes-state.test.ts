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
  it("changes circulated minutes only by an amendment, which keeps them circulated until confirmed", () => {
    expect(transition({ state: "circulated", ...held }, "edit")).toEqual({
      ok: false,
      message: "These minutes are circulated. Record an amendment, with who moved it, to change them.",
    });
    expect(transition({ state: "circulated", ...held }, "amend")).toEqual({ ok: true, state: "circulated" });
    expect(transition({ state: "circulated", ...held }, "circulate")).toEqual({ ok: true, state: "circulated" });
    expect(transition({ state: "circulated", ...held }, "confirm")).toEqual({ ok: true, state: "confirmed" });
  });
  it("refuses an empty draft, or one of a meeting not yet held", () => {
    expect(transition({ state: "draft", meetingHeld: true, hasContent: false }, "circulate")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/minutes are empty/),
    });
    expect(transition({ state: "draft", meetingHeld: false, hasContent: true }, "circulate")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Mark the meeting as held/),
    });
  });
  it("refuses edits to confirmed minutes without an amendment, and other jumps", () => {
    expect(transition({ state: "confirmed", ...held }, "edit")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Record an amendment/),
    });
    expect(transition({ state: "draft", ...held }, "confirm")).toMatchObject({
      ok: false,
      message: "Circulate the minutes before they can be confirmed.",
    });
    expect(transition({ state: "draft", ...held }, "amend")).toMatchObject({ ok: false });
  });
});
