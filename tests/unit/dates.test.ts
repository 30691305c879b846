import { describe, expect, it } from "vitest";
import {
  addDays,
  dayNumber,
  daysBetween,
  isoFromDayNumber,
  formatDate,
  formatDateTime,
  isRealIsoDate,
  todayIn,
} from "~/lib/dates";

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
  it("agrees with the calendar of Date on every day from 1900 to 2100", () => {
    const start = Date.UTC(1900, 0, 1);
    for (let n = Math.round(start / 86_400_000); n <= Math.round(Date.UTC(2100, 11, 31) / 86_400_000); n++) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      expect(dayNumber(iso)).toBe(n);
      expect(isoFromDayNumber(n)).toBe(iso);
    }
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(daysBetween("2026-03-01", "2026-02-28")).toBe(-1);
  });
  it("refuses what is not an ISO date", () => {
    expect(() => addDays("12/12/2026", 1)).toThrow(RangeError);
    expect(() => daysBetween("2026-1a-01", "2026-01-01")).toThrow(RangeError);
  });
  it("writes dates the Indian way, in the collective's zone", () => {
    expect(formatDate("2026-12-09")).toBe("09/12/2026");
    // 20:00 UTC is already the next day in India.
    expect(todayIn("Asia/Kolkata", new Date("2026-11-28T20:00:00Z"))).toBe("2026-11-29");
    expect(formatDateTime("2026-12-10T05:30:00Z", "Asia/Kolkata")).toBe("Thu, 10/12/2026, 11:00 am IST");
  });
});
