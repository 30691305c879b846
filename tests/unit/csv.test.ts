import { describe, expect, it } from "vitest";
import { neutraliseFormula, toCsv } from "~/lib/csv";

describe("the CSV writer", () => {
  it("starts with a byte-order mark, ends lines with CRLF and quotes where needed", () => {
    const csv = toCsv(
      ["department", "count"],
      [
        ["पोलीस, AHTU", 3],
        ['Say "yes"', null],
        ["two\nlines", 0],
      ],
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "department,count",
      '"पोलीस, AHTU",3',
      '"Say ""yes""",',
      '"two\nlines",0',
      "",
    ]);
  });

  it("neutralises text a spreadsheet would run as a formula, and leaves figures alone", () => {
    for (const bad of ['=HYPERLINK("http://x")', "+1+cmd", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
      expect(neutraliseFormula(bad)).toBe(`'${bad}`);
    for (const fine of ["-3", "+5", "12.5%", "Police", "<5", "–"]) expect(neutraliseFormula(fine)).toBe(fine);
    expect(
      toCsv(["a"], [["=1+1"], [-4]])
        .split("\r\n")
        .slice(1, 3),
    ).toEqual(["'=1+1", "-4"]);
  });
});
