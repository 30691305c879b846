import { describe, expect, it } from "vitest";
import { accountabilityMatrix, matrixCsv, periodFor, type MatrixInput } from "~/lib/accountability";
import { actionReview, type ReviewAction } from "~/lib/agenda/action-review";
import { isEscalated } from "~/lib/escalation";

const a = (over: Partial<ReviewAction>): ReviewAction => ({
  description: "Task",
  departmentName: "Police",
  caseId: null,
  caseCode: null,
  dueOn: "2026-12-20",
  status: "open",
  carried: 0,
  ...over,
});

describe("escalation", () => {
  it("escalates an item carried twice, or overdue by more than 30 days, if unfinished", () => {
    expect(isEscalated({ status: "open", dueOn: "2026-12-01", carried: 2 }, "2026-12-10")).toBe(true);
    expect(isEscalated({ status: "open", dueOn: "2026-11-09", carried: 0 }, "2026-12-10")).toBe(true);
    expect(isEscalated({ status: "open", dueOn: "2026-11-10", carried: 1 }, "2026-12-10")).toBe(false);
    expect(isEscalated({ status: "done", dueOn: "2026-01-01", carried: 5 }, "2026-12-10")).toBe(false);
  });
});

describe("the action review on the agenda", () => {
  const review = actionReview(
    [
      a({ description: "Escort", departmentName: "DCPU", dueOn: "2026-12-15" }),
      a({ description: "Chargesheet", dueOn: "2026-12-01", carried: 2, caseId: 7, caseCode: "DEM-2026-0007" }),
      a({ description: "Forensics", dueOn: "2026-12-30", status: "blocked", statusReason: "Lab closed" }),
      a({ description: "Finished", status: "done" }),
    ],
    "2026-12-10",
    "2027-01-14",
  );
  it("lists every unfinished item by department, overdue first, with how often it was carried", () => {
    expect(review.counts.lines).toEqual([
      "DCPU: Escort, due 15/12/2026",
      "Police: Chargesheet (DEM-2026-0007), due 01/12/2026, overdue, carried 2 meetings",
      "Police: Forensics, due 30/12/2026 (blocked: Lab closed)",
    ]);
    expect(review.counts).toMatchObject({ overdue: 1, dueBeforeNextMeeting: 2, departments: 2 });
  });
  it("escalates, and lifts the linked case", () => {
    expect(review.escalationLines).toEqual([
      "Police: Chargesheet (DEM-2026-0007), due 01/12/2026, overdue, carried 2 meetings",
    ]);
    expect(review.escalatedByCase.get(7)).toBe(1);
  });
});

describe("the accountability matrix", () => {
  // Worked by hand: Police attended 2 of 3 meetings; its actions: one done on time, one done 4 days late, one overdue;
  // the old inspector raised one matter for the agenda (20/09/2026). DCPU attended all three and did its one due action on time.
  const input: MatrixInput = {
    departments: [
      { id: 1, name: "Police" },
      { id: 2, name: "DCPU" },
    ],
    tenures: [
      { id: 10, departmentId: 1, officerName: "Old Inspector", startsOn: "2025-01-01", endsOn: "2026-09-30" },
      { id: 11, departmentId: 1, officerName: "New Inspector", startsOn: "2026-10-01", endsOn: null },
      { id: 20, departmentId: 2, officerName: "DCPO", startsOn: "2025-01-01", endsOn: null },
    ],
    meetings: [
      { id: 1, date: "2026-08-13" },
      { id: 2, date: "2026-10-08" },
      { id: 3, date: "2026-11-12" },
    ],
    attendance: [
      { meetingId: 1, departmentId: 1, status: "present" },
      { meetingId: 2, departmentId: 1, status: "absent" },
      { meetingId: 3, departmentId: 1, status: "present" },
      { meetingId: 1, departmentId: 2, status: "present" },
      { meetingId: 2, departmentId: 2, status: "present" },
      { meetingId: 3, departmentId: 2, status: "present" },
    ],
    actions: [
      { departmentId: 1, dueOn: "2026-08-30", status: "done", completedOn: "2026-08-28" },
      { departmentId: 1, dueOn: "2026-09-15", status: "done", completedOn: "2026-09-19" },
      { departmentId: 1, dueOn: "2026-11-20", status: "open", completedOn: null },
      { departmentId: 2, dueOn: "2026-11-01", status: "done", completedOn: "2026-10-30" },
      { departmentId: 2, dueOn: "2026-12-20", status: "in_progress", completedOn: null },
    ],
    updates: [{ departmentId: 1, on: "2026-11-01" }],
    raised: [{ departmentId: 1, on: "2026-09-20" }],
  };
  const today = "2026-11-28";

  it("counts each department's record over all time", () => {
    const [police, dcpu] = accountabilityMatrix(input, periodFor("all", today), today);
    // Police raised a matter: level 4 (initiated), late and overdue work notwithstanding; the columns show those.
    expect(police).toMatchObject({
      meetingsHeld: 3,
      attended: 2,
      assigned: 3,
      doneOnTime: 1,
      doneLate: 1,
      open: 0,
      overdue: 1,
      medianDaysLate: 4,
      raised: 1,
      level: 4,
    });
    // DCPU's record is spotless, but it raised nothing: completed an action, level 3 (it was 4 under the old punctuality rule).
    expect(dcpu).toMatchObject({
      meetingsHeld: 3,
      attended: 3,
      assigned: 2,
      doneOnTime: 1,
      doneLate: 0,
      open: 1,
      overdue: 0,
      medianDaysLate: null,
      raised: 0,
      level: 3,
    });
  });

  it("splits by tenure, so the successor is not blamed for the predecessor", () => {
    const rows = accountabilityMatrix(input, periodFor("all", today), today, { byTenure: true });
    const successor = rows.find((r) => r.tenure?.officerName === "New Inspector")!;
    const predecessor = rows.find((r) => r.tenure?.officerName === "Old Inspector")!;
    // The matter was raised in the old inspector's tenure: his initiative, not his successor's.
    expect(predecessor).toMatchObject({
      meetingsHeld: 1,
      attended: 1,
      doneOnTime: 1,
      doneLate: 1,
      overdue: 0,
      raised: 1,
      level: 4,
    });
    expect(successor).toMatchObject({ meetingsHeld: 2, attended: 1, doneOnTime: 0, overdue: 1, raised: 0, level: 2 });
  });

  it("limits to the period, and writes the same rows as CSV", () => {
    const quarter = accountabilityMatrix(input, periodFor("quarter", today), today);
    // The matter raised in September falls before this quarter (from 01/10/2026): level 2 here.
    expect(quarter[0]).toMatchObject({ meetingsHeld: 2, attended: 1, assigned: 1, overdue: 1, raised: 0, level: 2 });
    const csv = matrixCsv(quarter).split("\r\n");
    expect(csv[0]).toBe(
      "\uFEFFDepartment,Officer (tenure),Meetings attended,Meetings held,Actions assigned,Done on time,Done late,Open,Overdue,Median days late,Matters raised,Level of engagement (0-4)",
    );
    expect(csv[1]).toBe("Police,,1,2,1,0,0,0,1,,0,2");
  });
});
