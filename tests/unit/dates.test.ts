import { describe, expect, it } from "vitest";
import { addDays, daysBetween, formatDate, formatDateTime, isRealIsoDate, todayIn } from "~/lib/dates";

describe("dates", () => {
  it("knows which dates exist", () => {
    expect(isRealIsoDate("2024-02-29")).toBe(true);
    expect(isRealIsoDate("2026-02-29")).toBe(false);
    expect(isRealIsoDate("2026-02-30")).toBe(false);
    expect(isRealIsoDate("2026-13-01")).toBe(false);
    expect(isRealIsoDate("12/12/2026")).toBe(false);
  });
  it("counts days across months and years", () => {
    expect(addDays("2026-12-25", 10)).toBe("2027-01-04");
    expect(daysBetween("2026-10-14", "2026-12-13")).toBe(60);
    expect(daysBetween("2026-12-13", "2026-10-14")).toBe(-60);
  });
  it("writes dates the Indian way, in the collective's zone", () => {
    expect(formatDate("2026-12-09")).toBe("09/12/2026");
    // 20:00 UTC is already the next day in India.
    expect(todayIn("Asia/Kolkata", new Date("2026-11-28T20:00:00Z"))).toBe("2026-11-29");
    expect(formatDateTime("2026-12-10T05:30:00Z", "Asia/Kolkata")).toBe("Thu, 10/12/2026, 11:00 am IST");
  });
});
