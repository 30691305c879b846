import { describe, expect, it } from "vitest";
import { caseConflictRows } from "~/components/case-conflict";

const departments = [
  { id: 1, name: "Police" },
  { id: 2, name: "DCPU" },
];
const theirs = {
  policeStation: "Kotwali PS",
  firNumber: "0457",
  firYear: 2026,
  courtName: null,
  courtCaseNumber: null,
  sections: "BNS 143",
  stage: "charges_framed",
  status: "open",
  outcome: null,
  openedOn: "2026-01-15",
  closedOn: null,
  chargesheetLimitDays: 60,
  departments: { 1: "lead" } as Record<number, string>,
};
const yours = {
  policeStation: "Kotwali PS",
  firNumber: "0457",
  firYear: "2026",
  courtName: "",
  courtCaseNumber: "",
  sections: "BNS 143",
  stage: "charges_framed",
  status: "open",
  outcome: "",
  openedOn: "2026-01-15",
  closedOn: "",
  chargesheetLimitDays: "60",
  "dept-1": "lead",
  "dept-2": "",
};

describe("caseConflictRows", () => {
  it("finds nothing when the form matches the saved case", () => {
    expect(caseConflictRows(theirs, yours, departments)).toEqual([]);
  });

  it("lists each differing field in words, theirs beside yours", () => {
    const rows = caseConflictRows(
      theirs,
      { ...yours, stage: "prosecution_evidence", openedOn: "2026-01-16", "dept-2": "support" },
      departments,
    );
    expect(rows).toEqual([
      { field: "Stage", theirs: "Charges framed", yours: "Prosecution evidence" },
      { field: "Opened on", theirs: "15/01/2026", yours: "16/01/2026" },
      { field: "DCPU", theirs: "Not involved", yours: "Support" },
    ]);
  });
});
