import { describe, expect, it } from "vitest";
import { importDate, importStage, importStatus, importVictims } from "~/lib/case-import/cells";
import { columnOf, victimNameColumns } from "~/lib/case-import/columns";
import { codeIssuer, firIdentity } from "~/lib/case-import/plan";
import { parseCsv } from "~/lib/csv";

describe("reading a CSV register", () => {
  it("reads commas or semicolons, quotes, a byte-order mark, CRLF, and keeps row numbers", () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\nlast,"two\nlines"\r\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"'],
      [""],
      ["last", "two\nlines"],
    ]);
    expect(parseCsv('a;b;c\n1;"2;3";पीडित\n')).toEqual([
      ["a", "b", "c"],
      ["1", "2;3", "पीडित"],
    ]);
  });
});

describe("cells of a register", () => {
  it("reads dates as DD/MM/YYYY, ISO, and Excel serials, and leaves anything else for the schema to refuse", () => {
    expect(importDate("3/2/2024")).toBe("2024-02-03");
    expect(importDate("03-02-2024")).toBe("2024-02-03");
    expect(importDate("2024-02-03")).toBe("2024-02-03");
    expect(importDate(45678)).toBe("2025-01-21");
    expect(importDate("45678")).toBe("2025-01-21");
    expect(importDate(new Date(Date.UTC(2025, 2, 14)))).toBe("2025-03-14");
    expect(importDate("next week")).toBe("next week");
    expect(importDate(12)).toBe("12");
  });

  it("knows the stages and statuses by value and by their English, Marathi and Hindi names", () => {
    expect(["Chargesheet filed", "chargesheet", "दोषारोपपत्र दाखल", "आरोप पत्र दाखिल"].map(importStage)).toEqual(
      Array(4).fill("chargesheet"),
    );
    expect(["charges framed", "Charges_Framed", "आरोप तय"].map(importStage)).toEqual(Array(3).fill("charges_framed"));
    expect(["Open", "चालू", "खुला", "closed", "बंद"].map(importStatus)).toEqual([
      "open",
      "open",
      "open",
      "closed",
      "closed",
    ]);
    expect(importStage("trial")).toBe("trial");
  });

  it("takes victims as a count or pseudonym codes, never names", () => {
    expect(importVictims("3")).toEqual({ count: 3, codes: [] });
    expect(importVictims("v-0041; V-0042")).toEqual({ count: 2, codes: ["V-0041", "V-0042"] });
    expect(importVictims("Sunita Jagtap")).toHaveProperty("problem");
    expect(importVictims("V-1;V-1")).toHaveProperty("problem");
  });
});

describe("headers and identities", () => {
  it("matches headers in any case, ignoring spaces and underscores", () => {
    expect(["Case Code", "case_code", "CASECODE", " FIR-Number "].map(columnOf)).toEqual([
      "case_code",
      "case_code",
      "case_code",
      "fir_number",
    ]);
    expect(columnOf("Victim name")).toBeUndefined();
  });

  it("finds columns of victims' names: by header, in Devanagari, and beside the victims column", () => {
    const none = () => [] as string[];
    expect(victimNameColumns(["victims", "Name of victim"], none).map((c) => c.header)).toEqual(["Name of victim"]);
    expect(victimNameColumns(["पीड़ित", "stage"], none).map((c) => c.header)).toEqual(["पीड़ित"]);
    expect(victimNameColumns(["victims", "who"], () => ["Sunita Jagtap", "Rekha More"]).map((c) => c.header)).toEqual([
      "who",
    ]);
    expect(victimNameColumns(["victims", "remarks"], () => ["2 adjournments"])).toEqual([]);
  });

  it("identifies an FIR by its number without leading zeros and its year, and issues codes past the highest", () => {
    expect(firIdentity("0234", 2025)).toBe("234/2025");
    expect(firIdentity("234/2025", null)).toBe("234/2025");
    expect(firIdentity("234", null)).toBeNull();
    const issuer = codeIssuer("DEM", ["DEM-2024-0007", "DEM-2024-0003"]);
    issuer.reserve("DEM-2024-0008");
    expect([issuer.issue(2024), issuer.issue(2024), issuer.issue(2023)]).toEqual([
      "DEM-2024-0009",
      "DEM-2024-0010",
      "DEM-2023-0001",
    ]);
  });
});
