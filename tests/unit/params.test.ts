import { describe, expect, it } from "vitest";
import { idParam, invariantResponse, parseId } from "~/lib/params";
import { thrownResponse } from "../support/thrown";

describe("parseId", () => {
  it("reads plain decimal digits as an id", () => {
    expect(parseId("1")).toBe(1);
    expect(parseId("42")).toBe(42);
    expect(parseId(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("refuses what Number() would read but the app never writes", () => {
    for (const written of [
      "0x1",
      "1e3",
      "+1",
      "-1",
      "1.0",
      "1.",
      ".5",
      " 1",
      "1 ",
      "01",
      "0",
      "0b1",
      "0o7",
      "Infinity",
      "NaN",
      "",
      "1_000",
      "١",
    ]) {
      expect(parseId(written), JSON.stringify(written)).toBeNull();
    }
  });

  it("refuses ids beyond the safe range, which would name another record after rounding", () => {
    expect(parseId("9007199254740992")).toBeNull();
    expect(parseId("9007199254740993")).toBeNull();
    expect(parseId("12345678901234567890")).toBeNull();
  });

  it("refuses a missing value", () => {
    expect(parseId(undefined)).toBeNull();
    expect(parseId(null)).toBeNull();
  });
});

describe("idParam", () => {
  it("returns the id named in the URL", () => {
    expect(idParam({ caseId: "17" }, "caseId")).toBe(17);
  });

  it("answers 404 with the record's name for a malformed or missing id", async () => {
    expect(await thrownResponse(() => idParam({ caseId: "0x1" }, "caseId"))).toEqual({
      status: 404,
      text: "Case not found",
    });
    expect(await thrownResponse(() => idParam({ actionId: "1e3" }, "actionId"))).toEqual({
      status: 404,
      text: "Action item not found",
    });
    expect(await thrownResponse(() => idParam({}, "meetingId"))).toEqual({ status: 404, text: "Meeting not found" });
  });
});

describe("invariantResponse", () => {
  it("lets a true condition through", async () => {
    expect(await thrownResponse(() => invariantResponse(1, "unused", { status: 404 }))).toBeNull();
  });

  it("throws the status and message given", async () => {
    expect(await thrownResponse(() => invariantResponse(undefined, "Holder not found", { status: 404 }))).toEqual({
      status: 404,
      text: "Holder not found",
    });
    expect(
      await thrownResponse(() => invariantResponse(false, "Export refused: choose a date.", { status: 400 })),
    ).toEqual({ status: 400, text: "Export refused: choose a date." });
  });
});
