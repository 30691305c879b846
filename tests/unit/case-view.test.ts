import { describe, expect, it } from "vitest";
import { caseView, type CaseViewInput } from "~/lib/case-view";
import { must } from "../support/present";

const input: CaseViewInput = {
  kase: {
    id: 1,
    collectiveId: 1,
    code: "DEM-2026-0001",
    policeStation: "Kotwali PS",
    firNumber: "0457",
    firYear: 2026,
    courtName: null,
    courtCaseNumber: null,
    sections: "BNS 143",
    stage: "investigation",
    status: "open",
    outcome: null,
    chargesheetLimitDays: 60,
    openedOn: "2026-10-01",
    closedOn: null,
    stageChangedOn: null,
    version: 3,
    createdAt: "2026-10-01T00:00:00Z",
  },
  events: [
    {
      id: 9,
      caseId: 1,
      kind: "arrest",
      occurredOn: "2026-10-02",
      outcome: "Arrested",
      nextDate: null,
      note: "Informant is the aunt",
      createdByUserId: null,
      createdAt: "",
    },
  ],
  victims: [],
  accused: [
    { id: 4, caseId: 1, name: "Zzcanary Accused", arrestedOn: "2026-10-02", bailStatus: "pending", createdAt: "" },
    { id: 5, caseId: 1, name: "Yycanary Other", arrestedOn: null, bailStatus: "not_applied", createdAt: "" },
  ],
  departments: [{ departmentId: 1, name: "Police", role: "lead" }],
};

describe("caseView (redaction)", () => {
  it("gives admin and secretariat the restricted fields", () => {
    const view = caseView(input, { restricted: true, today: "2026-11-01" });
    expect(view.restricted).toEqual({
      firNumber: "0457",
      firYear: 2026,
      accusedNames: { 4: "Zzcanary Accused", 5: "Yycanary Other" },
      notes: { 9: "Informant is the aunt" },
    });
  });

  it("leaves every restricted value out for other roles, but keeps the clocks they drive", () => {
    const view = caseView(input, { restricted: false, today: "2026-11-01" });
    const json = JSON.stringify(view);
    expect(view.restricted).toBeNull();
    for (const secret of ["0457", "Zzcanary", "Yycanary", "aunt", "firNumber", "note"])
      expect(json).not.toContain(secret);
    expect(must(view.clocks[0]).label).toBe("Chargesheet due in 30 days (arrest 02/10/2026, 60-day limit)");
  });

  it("shows every role the accused by position, with arrest and bail but no name", () => {
    const view = caseView(input, { restricted: false, today: "2026-11-01" });
    expect(view.accused).toEqual([
      { id: 4, position: 1, arrestedOn: "2026-10-02", bailStatus: "pending" },
      { id: 5, position: 2, arrestedOn: null, bailStatus: "not_applied" },
    ]);
    expect(view.events).toEqual([
      { id: 9, kind: "arrest", occurredOn: "2026-10-02", outcome: "Arrested", nextDate: null },
    ]);
  });
});
