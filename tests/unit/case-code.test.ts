import { describe, expect, it } from "vitest";
import { caseCodePattern, formatCaseCode, nextCaseCode, normaliseCaseCode } from "~/lib/case-code";

describe("formatCaseCode", () => {
  it("writes district, year and a four-digit serial", () => {
    expect(formatCaseCode("NGP", 2025, 17)).toBe("NGP-2025-0017");
    expect(formatCaseCode("DEM", 2026, 1)).toBe("DEM-2026-0001");
    expect(formatCaseCode("DEM", 2026, 9999)).toBe("DEM-2026-9999");
  });
  it("matches the code pattern, which refuses other shapes", () => {
    expect(caseCodePattern.test("NGP-2025-0017")).toBe(true);
    for (const bad of ["ngp-2025-17", "NGP-2025-17", "NGP2025-0017", "N-2025-0017", "NGP-25-0017"])
      expect(caseCodePattern.test(bad)).toBe(false);
  });
});

describe("nextCaseCode", () => {
  it("starts each year at 0001", () => {
    expect(nextCaseCode([], "DEM", 2026)).toBe("DEM-2026-0001");
    expect(nextCaseCode(["DEM-2025-0042"], "DEM", 2026)).toBe("DEM-2026-0001");
  });
  it("issues one past the highest serial of the year, whatever the order, ignoring other years and districts", () => {
    expect(nextCaseCode(["DEM-2026-0009", "DEM-2026-0001", "DEM-2025-0042", "NGP-2026-0050"], "DEM", 2026)).toBe(
      "DEM-2026-0010",
    );
  });
  it("does not fill gaps, so a code is never issued twice", () => {
    expect(nextCaseCode(["DEM-2026-0001", "DEM-2026-0005"], "DEM", 2026)).toBe("DEM-2026-0006");
  });
  it("ignores malformed codes and a district that only starts the same", () => {
    expect(nextCaseCode(["DEM-2026-00x1", "DEMO-2026-0007"], "DEM", 2026)).toBe("DEM-2026-0001");
  });
});

describe("normaliseCaseCode", () => {
  it("trims and upper-cases what people type", () => {
    expect(normaliseCaseCode("  dem-2026-0003 ")).toBe("DEM-2026-0003");
  });
});
