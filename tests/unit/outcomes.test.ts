import { describe, expect, it } from "vitest";
import { outcomeFigures, outcomeReport, type Figure, type OutcomeInput } from "~/lib/outcomes";
import { displayFigures, figuresCsv } from "~/lib/outcomes-display";
import { hiddenCounts, type Split } from "~/lib/outcomes-suppression";
import { defaultIndicators, participationIndex, type Indicator, type VictimServices } from "~/lib/participation";

const none: VictimServices = {
  legalAidAssignedOn: null,
  educationEnrolled: false,
  livelihoodSupport: false,
  compensationAppliedOn: null,
  compensationReceivedOn: null,
  inShelter: false,
  testifiedInProtectionRoom: false,
  lastInformedOn: null,
  heardAtBail: null,
  escortedWhenSummoned: null,
  supportPersonAtTestimony: false,
  threatReported: false,
  threatActedOn: false,
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
    {
      ...none,
      caseId: 1,
      legalAidAssignedOn: "2024-01-20",
      testifiedInProtectionRoom: true,
      compensationAppliedOn: "2024-04-01",
      compensationReceivedOn: "2024-09-01",
      educationEnrolled: true,
    },
    { ...none, caseId: 3, legalAidAssignedOn: "2024-03-05" },
    { ...none, caseId: 6, inShelter: true, livelihoodSupport: true },
    { ...none, caseId: 6 },
  ],
  indicators: defaultIndicators,
  today: "2026-12-01",
};

const find = (figures: Figure[], measure: string, period = "All years") =>
  figures.find((f) => f.measure === measure && f.period === period)!;

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
    // No victim here has a bail hearing, a summons or a threat on record, so those do not apply.
    // Victim 1 (closed): legal aid 3, education 2, compensation 2 + 2, testimony supported 3, all met: 12/12 = 100.
    // Victim 2 (judgment): the same 12 and "informed" 2 (never informed): legal aid only, 3/14 = 21.
    // Victims 3 and 4 (investigation): legal aid 3, education 2, shelter 1, informed 2 = 8.
    // Victim 3 has livelihood support and shelter: 3/8 = 38 (37.5 rounded). Victim 4: 0.
    // Median of 0, 21, 38, 100: (21 + 38) / 2 = 29.5, rounded 30.
    expect(find(figures, "Median index")).toMatchObject({ value: 30, count: 4 });
    expect(find(figures, "Victims scoring 0–19")).toMatchObject({ count: 1, of: 4 });
    expect(find(figures, "Victims scoring 80–100")).toMatchObject({ count: 1 });
  });
});

describe("the participation index", () => {
  const victim = { ...none, legalAidAssignedOn: "2026-01-01" };
  it("counts only indicators that apply at the stage", () => {
    // At the FIR stage legal aid (3, met), shelter (1) and informed (2, never informed) apply: 3 of 6.
    // Closed: legal aid 3 of 3 + 2 + 2 + 2 + 3 (testimony supported) = 12.
    expect(participationIndex(victim, "rescue", defaultIndicators, "2026-12-01")).toMatchObject({ score: 0 });
    expect(participationIndex(victim, "fir", defaultIndicators, "2026-12-01").score).toBe(50);
    expect(participationIndex(victim, "closed", defaultIndicators, "2026-12-01").score).toBe(25);
  });
  it("follows a change of weights, and is null when nothing applies", () => {
    const custom: Indicator[] = defaultIndicators.map((i) => (i.key === "legal_aid" ? { ...i, weight: 9 } : i));
    expect(participationIndex(victim, "fir", custom, "2026-12-01").score).toBe(75); // 9 of 9 + 1 + 2
    const off = defaultIndicators.map((i) => ({ ...i, active: false }));
    expect(participationIndex(victim, "fir", off, "2026-12-01").score).toBeNull();
  });
});

describe("what observers see", () => {
  const shown = displayFigures(outcomeReport(input), { exact: false });
  const exact = displayFigures(outcomeReport(input), { exact: true });
  const row = (rows: typeof shown, measure: string, period = "All years") =>
    rows.find((f) => f.measure === measure && f.period === period)!;
  it("hides counts under 5, and every rate computed from a hidden count", () => {
    // 2025: 2 convictions of 3 decided; both counts are small, so is the rate.
    expect(row(shown, "Conviction rate", "2025")).toMatchObject({
      value: "–",
      count: "<5",
      of: "<5",
      note: "Hidden: fewer than 5.",
    });
    // All years: 3 of 5. 60% of 5 would give the 3 away, and so would the 5 itself: convictions
    // are 2025's (two quarters of 1 to 4, and a shown 0) plus 2026's (1 to 4), so at least 3; with
    // at least one acquittal and one discharge in the 5, they are exactly 3. So the 5 is hidden too.
    expect(row(shown, "Conviction rate")).toMatchObject({
      value: "–",
      count: "<5",
      of: "–",
      note: "Hidden: fewer than 5.",
    });
    // A median of 3 durations would show one case's duration.
    expect(row(shown, "FIR to chargesheet")).toMatchObject({ value: "–", count: "<5" });
    expect(row(exact, "Conviction rate", "2025")).toMatchObject({ value: "66.7%", count: "2", of: "3", note: "" });
    expect(row(exact, "Conviction rate")).toMatchObject({ value: "60%", count: "3", of: "5" });
  });
  it("writes the same figures to CSV, with the note and the definition", () => {
    const csv = figuresCsv(shown).split("\r\n");
    expect(csv[0]).toBe("\uFEFFsection,measure,period,value,unit,count,out_of,note,definition");
    expect(csv).toContain(
      'Convictions,Conviction rate,2025,–,%,<5,<5,Hidden: fewer than 5.,"Convictions ÷ decided cases (convicted, acquitted or discharged), dated by the judgment."',
    );
    expect(csv).toContain(
      'Convictions,Conviction rate,All years,–,%,<5,–,Hidden: fewer than 5.,"Convictions ÷ decided cases (convicted, acquitted or discharged), dated by the judgment."',
    );
  });
});

describe("secondary suppression", () => {
  const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));
  it("hides the next smallest part when one small part could be subtracted out of a shown total", () => {
    // 14 decided = 7 convicted + 5 acquitted + 2 discharged: 14 − 7 − 5 would give the 2 away,
    // so the smallest shown part, the 5 acquittals, is hidden too. 14 − 7 = 7 then leaves
    // acquitted anywhere from 5 to 6 and discharged from 1 to 2.
    const hidden = hiddenCounts(counts({ decided: 14, convicted: 7, acquitted: 5, discharged: 2 }), [
      { total: "decided", parts: ["convicted", "acquitted", "discharged"] },
    ]);
    expect(Object.fromEntries(hidden)).toEqual({ discharged: "small", acquitted: "guard" });
  });
  it("reasons across splits: a year's hidden count cannot be pinned by its quarters and the other year", () => {
    // Convictions 8 and 5 in 2024's two quarters, 1 in 2025; decided 14, 10 and 6. Checked one split
    // at a time, hiding 2024's 13 and its Q2's 5 looked enough; but 2024 = 8 + (5 or more) and
    // 14 = 2024 + 2025 pin 2025's conviction to 1. Hiding Q1's 8 too leaves 2025 anywhere in 1–4.
    const c = counts({
      "c|All": 14,
      "d|All": 30,
      "c|2024": 13,
      "d|2024": 24,
      "c|2025": 1,
      "d|2025": 6,
      "c|2024Q1": 8,
      "d|2024Q1": 14,
      "c|2024Q2": 5,
      "d|2024Q2": 10,
      "c|2025Q1": 1,
      "d|2025Q1": 6,
    });
    const splits: Split[] = [];
    for (const w of ["c", "d"]) {
      splits.push(
        { total: `${w}|All`, parts: [`${w}|2024`, `${w}|2025`] },
        { total: `${w}|2024`, parts: [`${w}|2024Q1`, `${w}|2024Q2`] },
        { total: `${w}|2025`, parts: [`${w}|2025Q1`] },
      );
    }
    for (const p of ["All", "2024", "2025", "2024Q1", "2024Q2", "2025Q1"])
      splits.push({ total: `d|${p}`, parts: [`c|${p}`] });
    expect(Object.fromEntries(hiddenCounts(c, splits))).toEqual({
      "c|2025": "small",
      "c|2025Q1": "small",
      "c|2024": "guard",
      "c|2024Q1": "guard",
      "c|2024Q2": "guard",
    });
  });
  it("hides a count whose remainder out of its total is under 5", () => {
    // 17 of 20 victims with legal aid would say that 3 have none.
    const hidden = hiddenCounts(counts({ victims: 20, legalAid: 17, education: 10 }), [
      { total: "victims", parts: ["legalAid"] },
      { total: "victims", parts: ["education"] },
    ]);
    expect(Object.fromEntries(hidden)).toEqual({ legalAid: "guard" });
  });
  it("does not let two hidden 4s be read from their sum", () => {
    // 13 − 5 = 8 could only be 4 + 4, so the 5 is hidden as well.
    const hidden = hiddenCounts(counts({ total: 13, a: 4, b: 4, c: 5 }), [{ total: "total", parts: ["a", "b", "c"] }]);
    expect(Object.fromEntries(hidden)).toEqual({ a: "small", b: "small", c: "guard" });
  });
  it("hides the total when no part is left to hide", () => {
    // 6 = 1 + 0 + 5. Hiding the 5 is not enough: a hidden part is at least 5, so the 1 would still
    // be 6 − 5. Zero parts stay shown, so the total goes.
    const hidden = hiddenCounts(counts({ total: 6, x: 1, y: 0, z: 5 }), [{ total: "total", parts: ["x", "y", "z"] }]);
    expect(Object.fromEntries(hidden)).toEqual({ x: "small", z: "guard", total: "guard" });
  });
  it("follows a hidden count into the splits it belongs to", () => {
    // Convictions by year: 11 in all = 4 in 2024 + 7 in 2025, and 2025's 7 all fall in Q1.
    // 11 − 7 gives the 4 away, so 2025's 7 is hidden; then Q1's 7 would give it back, so it goes too.
    const hidden = hiddenCounts(counts({ all: 11, y2024: 4, y2025: 7, q2024: 4, q2025: 7 }), [
      { total: "all", parts: ["y2024", "y2025"] },
      { total: "y2024", parts: ["q2024"] },
      { total: "y2025", parts: ["q2025"] },
    ]);
    expect(Object.fromEntries(hidden)).toEqual({ y2024: "small", q2024: "small", y2025: "guard", q2025: "guard" });
  });
});

describe("definitions", () => {
  it("gives every figure its own one-line definition", () => {
    const figures = outcomeFigures(input);
    for (const f of figures) expect(f.definition, f.measure).toMatch(/^[^\n]{10,}$/);
    const byMeasure = new Map(figures.map((f) => [f.measure, f.definition]));
    expect(new Set(byMeasure.values()).size).toBe(byMeasure.size);
  });
});
