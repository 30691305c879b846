import { describe, expect, it } from "vitest";
import { displayFigures, figuresCsv, outcomeFigures, type Figure, type OutcomeInput } from "~/lib/outcomes";
import { defaultIndicators, participationIndex, type Indicator, type VictimServices } from "~/lib/participation";

const none: VictimServices = {
  legalAidAssignedOn: null, educationEnrolled: false, livelihoodSupport: false, compensationAppliedOn: null,
  compensationReceivedOn: null, inShelter: false, testifiedInProtectionRoom: false,
};

// A small collective worked out by hand.
const input: OutcomeInput = {
  cases: [
    { id: 1, outcome: "convicted", stage: "closed", openedOn: "2024-01-10", closedOn: "2025-03-10" },
    { id: 2, outcome: "convicted", stage: "closed", openedOn: "2024-02-01", closedOn: "2025-08-01" },
    { id: 3, outcome: "acquitted", stage: "judgment", openedOn: "2024-03-01", closedOn: null },
    { id: 4, outcome: "convicted", stage: "closed", openedOn: "2024-06-01", closedOn: "2026-02-15" },
    { id: 5, outcome: "discharged", stage: "closed", openedOn: "2025-01-01", closedOn: "2026-01-10" },
    { id: 6, outcome: null, stage: "investigation", openedOn: "2026-10-01", closedOn: null },
  ],
  events: [
    { caseId: 1, kind: "fir", occurredOn: "2024-01-10", outcome: null },
    { caseId: 1, kind: "chargesheet_filed", occurredOn: "2024-03-10", outcome: null },
    { caseId: 1, kind: "judgment", occurredOn: "2025-03-10", outcome: "Convicted" },
    { caseId: 2, kind: "fir", occurredOn: "2024-02-01", outcome: null },
    { caseId: 2, kind: "chargesheet_filed", occurredOn: "2024-04-11", outcome: null },
    { caseId: 2, kind: "judgment", occurredOn: "2025-08-01", outcome: "Convicted" },
    { caseId: 3, kind: "fir", occurredOn: "2024-03-01", outcome: null },
    { caseId: 3, kind: "chargesheet_filed", occurredOn: "2024-05-20", outcome: null },
    { caseId: 3, kind: "judgment", occurredOn: "2025-05-20", outcome: "Acquitted" },
    { caseId: 4, kind: "judgment", occurredOn: "2026-02-15", outcome: "Convicted" },
    { caseId: 6, kind: "bail_application", occurredOn: "2026-10-05", outcome: "Filed; prosecution opposed" },
    { caseId: 6, kind: "bail_application", occurredOn: "2026-10-20", outcome: "Filed" },
    { caseId: 6, kind: "bail_order", occurredOn: "2026-10-25", outcome: "Bail refused" },
    { caseId: 2, kind: "bail_order", occurredOn: "2024-05-01", outcome: "Bail granted" },
    { caseId: 3, kind: "bail_order", occurredOn: "2024-06-01", outcome: "Application rejected" },
  ],
  victims: [
    { ...none, caseId: 1, legalAidAssignedOn: "2024-01-20", testifiedInProtectionRoom: true, compensationAppliedOn: "2024-04-01", compensationReceivedOn: "2024-09-01", educationEnrolled: true },
    { ...none, caseId: 3, legalAidAssignedOn: "2024-03-05" },
    { ...none, caseId: 6, inShelter: true, livelihoodSupport: true },
    { ...none, caseId: 6 },
  ],
  indicators: defaultIndicators,
};

const find = (figures: Figure[], measure: string, period = "All years") => figures.find((f) => f.measure === measure && f.period === period)!;

describe("outcome figures", () => {
  const figures = outcomeFigures(input);

  it("computes the conviction rate overall, by year and by quarter of judgment", () => {
    expect(find(figures, "Conviction rate")).toMatchObject({ value: 60, count: 3, of: 5 });
    expect(find(figures, "Conviction rate", "2025")).toMatchObject({ value: 66.7, count: 2, of: 3 });
    expect(find(figures, "Conviction rate", "2026")).toMatchObject({ value: 50, count: 1, of: 2 });
    expect(find(figures, "Conviction rate", "2025 Q1")).toMatchObject({ value: 100, count: 1, of: 1 });
    expect(find(figures, "Conviction rate", "2026 Q1")).toMatchObject({ value: 50, count: 1, of: 2 });
    expect(find(figures, "Cases discharged").count).toBe(1);
  });

  it("counts bail applications, those opposed, and orders granting or refusing bail", () => {
    expect(find(figures, "Bail applications").count).toBe(2);
    expect(find(figures, "Applications opposed")).toMatchObject({ count: 1, of: 2, value: 50 });
    expect(find(figures, "Bail refused")).toMatchObject({ count: 2, of: 3, value: 66.7 });
    expect(find(figures, "Bail granted")).toMatchObject({ count: 1, of: 3, value: 33.3 });
  });

  it("takes median durations from the FIR", () => {
    // FIR to chargesheet: 60, 70 and 80 days. FIR to judgment: 425, 547, 445 and (case 4, no FIR event) 624 from opening.
    expect(find(figures, "FIR to chargesheet")).toMatchObject({ value: 70, count: 3 });
    expect(find(figures, "FIR to judgment")).toMatchObject({ value: 496, count: 4 });
  });

  it("gives the share of victims with each service", () => {
    expect(find(figures, "With a legal-aid lawyer")).toMatchObject({ count: 2, of: 4, value: 50 });
    expect(find(figures, "In education or livelihood support")).toMatchObject({ count: 2, of: 4 });
    expect(find(figures, "Compensation received")).toMatchObject({ count: 1, of: 4, value: 25 });
    expect(find(figures, "Testified in a victim protection room")).toMatchObject({ count: 1, of: 4 });
  });

  it("summarises the participation index", () => {
    // Victim 1 (closed): all six apply but shelter (rescue to investigation only): 13/13 = 100.
    // Victim 2 (judgment): legal aid 3 of 3+2+2+2+3 = 12: 25. Victims 3 and 4 (investigation): legal aid 3, education 2, shelter 1.
    // Victim 3 has education/livelihood and shelter: 3/6 = 50. Victim 4: 0.
    expect(find(figures, "Median index")).toMatchObject({ value: 38, count: 4 });
    expect(find(figures, "Victims scoring 0–19")).toMatchObject({ count: 1, of: 4 });
    expect(find(figures, "Victims scoring 80–100")).toMatchObject({ count: 1 });
  });
});

describe("the participation index", () => {
  const victim = { ...none, legalAidAssignedOn: "2026-01-01" };
  it("counts only indicators that apply at the stage", () => {
    // At the FIR stage legal aid (3) and shelter (1) apply: 3 of 4.
    expect(participationIndex(victim, "rescue", defaultIndicators)).toMatchObject({ score: 0 });
    expect(participationIndex(victim, "fir", defaultIndicators).score).toBe(75);
    expect(participationIndex(victim, "closed", defaultIndicators).score).toBe(25);
  });
  it("follows a change of weights, and is null when nothing applies", () => {
    const custom: Indicator[] = defaultIndicators.map((i) => (i.key === "legal_aid" ? { ...i, weight: 9 } : i));
    expect(participationIndex(victim, "fir", custom).score).toBe(90);
    const off = defaultIndicators.map((i) => ({ ...i, active: false }));
    expect(participationIndex(victim, "fir", off).score).toBeNull();
  });
});

describe("what observers see", () => {
  const shown = displayFigures(outcomeFigures(input), { exact: false });
  const exact = displayFigures(outcomeFigures(input), { exact: true });
  it("shows counts under 5, and figures resting on them, as <5", () => {
    const rate = shown.find((f) => f.measure === "Conviction rate" && f.period === "2025")!;
    expect(rate).toMatchObject({ value: "<5", count: "<5", of: "<5" });
    const overall = shown.find((f) => f.measure === "Conviction rate" && f.period === "All years")!;
    expect(overall).toMatchObject({ value: "60%", count: "<5", of: "5" });
    expect(exact.find((f) => f.measure === "Conviction rate" && f.period === "2025")).toMatchObject({ value: "66.7%", count: "2", of: "3" });
  });
  it("writes the same figures to CSV", () => {
    const csv = figuresCsv(shown).split("\r\n");
    expect(csv[0]).toBe("section,measure,period,value,unit,count,out_of");
    expect(csv).toContain("Convictions,Conviction rate,2025,<5,%,<5,<5");
    expect(csv).toContain("Convictions,Conviction rate,All years,60%,%,<5,5");
  });
});
