import { describe, expect, it } from "vitest";
import { formatCount, plural } from "~/lib/plural";

describe("plural", () => {
  it("writes one, none and many as English does", () => {
    expect(plural(1, "minute", "minutes")).toBe("1 minute");
    expect(plural(0, "case", "cases")).toBe("0 cases");
    expect(plural(39, "case", "cases")).toBe("39 cases");
    expect(plural(2, "accused", "accused")).toBe("2 accused");
  });
  it("groups the digits of a count as people in India write them", () => {
    expect(plural(1234, "case", "cases")).toBe("1,234 cases");
    expect(plural(100_000, "case row", "case rows")).toBe("1,00,000 case rows");
    expect(plural(12_345_678, "minute", "minutes")).toBe("1,23,45,678 minutes");
    expect(formatCount(20_000)).toBe("20,000");
  });
});
