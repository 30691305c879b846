import { describe, expect, it } from "vitest";
import { caseCodePattern, formatCaseCode, nextCaseCode, normaliseCaseCode } from "~/lib/case-code";

describe("case codes", () => {
  it("formats district, year and a four-digit serial", () => {
    expect(formatCaseCode("NGP", 2025, 17)).toBe("NGP-2025-0017");
    expect(caseCodePattern.test("NGP-2025-0017")).toBe(true);
    expect(caseCodePattern.test("ngp-2025-17")).toBe(false);
  });
  it("issues the next serial of the year, ignoring other years and districts", () => {
    expect(nextCaseCode([], "DEM", 2026)).toBe("DEM-2026-0001");
    expect(nextCaseCode(["DEM-2026-0001", "DEM-2026-0009", "DEM-2025-0042", "NGP-2026-0050"], "DEM", 2026)).toBe("DEM-2026-0010");
  });
  it("normalises what people type", () => {
    expect(normaliseCaseCode("  dem-2026-0003 ")).toBe("DEM-2026-0003");
  });
});
