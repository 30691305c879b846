import { describe, expect, it } from "vitest";
import { isOverdueReviewLine } from "~/components/overdue";
import { accountabilityMatrix, levelRule, levelWords, periodFor, type MatrixInput } from "~/lib/accountability";
import { actionReview } from "~/lib/agenda/action-review";
import { only } from "../support/present";

// Each case is one department over four held meetings, worked by hand against the words of levelRule.
const today = "2026-11-28";
const meetings = [1, 2, 3, 4].map((id) => ({ id, date: `2026-0${id + 4}-14` }));
const present = (n: number) =>
  meetings.slice(0, n).map((m) => ({ meetingId: m.id, departmentId: 1, status: "present" }));
const onTime = { departmentId: 1, dueOn: "2026-09-30", status: "done", completedOn: "2026-09-29" };
const late = { departmentId: 1, dueOn: "2026-09-30", status: "done", completedOn: "2026-10-03" };
const overdue = { departmentId: 1, dueOn: "2026-11-01", status: "open", completedOn: null };
const notYetDue = { departmentId: 1, dueOn: "2026-12-20", status: "open", completedOn: null };
const dropped = { departmentId: 1, dueOn: "2026-10-15", status: "dropped", completedOn: null };
const raisedOn = (on: string) => ({ departmentId: 1, on });

function level(over: Partial<MatrixInput>) {
  const input: MatrixInput = {
    departments: [{ id: 1, name: "Police" }],
    tenures: [],
    meetings,
    attendance: [],
    actions: [],
    updates: [],
    raised: [],
    ...over,
  };
  return only(accountabilityMatrix(input, periodFor("all", today), today)).level;
}

describe("the level of engagement, as the page explains it", () => {
  it("0 = none of these, even with updates posted but no meeting attended", () => {
    expect(level({})).toBe(0);
    expect(level({ updates: [{ departmentId: 1, on: "2026-10-01" }] })).toBe(0);
  });

  it("1 = attended at least one meeting; 2 = and posted an update on its own items", () => {
    expect(level({ attendance: present(1) })).toBe(1);
    expect(level({ attendance: present(1), updates: [{ departmentId: 1, on: "2026-10-01" }] })).toBe(2);
  });

  it("3 = completed at least one action item, whether or not it attended", () => {
    expect(level({ actions: [onTime] })).toBe(3);
    expect(level({ attendance: present(4), actions: [onTime, late] })).toBe(3);
    expect(level({ attendance: present(4), actions: [onTime, overdue] })).toBe(3);
  });

  it("a spotless record without initiative stays at 3: punctuality and attendance no longer make level 4", () => {
    expect(level({ attendance: present(4), actions: [onTime] })).toBe(3);
    expect(level({ attendance: present(3), actions: [onTime, notYetDue, dropped] })).toBe(3);
    expect(level({ attendance: present(4), actions: [notYetDue] })).toBe(1);
  });

  it("4 = raised at least one matter for the agenda in the period and attended a meeting, whatever else the record shows", () => {
    // A department that never came is not engaged at level 4 by a matter raised from afar.
    expect(level({ raised: [raisedOn("2026-10-20")] })).toBe(0);
    expect(level({ attendance: present(1), actions: [late, overdue], raised: [raisedOn("2026-10-20")] })).toBe(4);
    // Another department's matter is not this one's initiative.
    expect(level({ attendance: present(1), raised: [{ departmentId: 2, on: "2026-10-20" }] })).toBe(1);
  });

  it("counts a raised matter in the period, and in the tenure, of the day it was raised", () => {
    const input: MatrixInput = {
      departments: [{ id: 1, name: "Police" }],
      tenures: [
        { id: 10, departmentId: 1, officerName: "Old Inspector", startsOn: "2025-01-01", endsOn: "2026-06-30" },
        { id: 11, departmentId: 1, officerName: "New Inspector", startsOn: "2026-07-01", endsOn: null },
      ],
      meetings,
      attendance: present(4),
      actions: [],
      updates: [],
      raised: [raisedOn("2026-06-20")],
    };
    const [all] = accountabilityMatrix(input, periodFor("all", today), today);
    expect(all).toMatchObject({ raised: 1, level: 4 });
    // This quarter (from 01/10/2026) holds neither a meeting nor a matter raised.
    expect(accountabilityMatrix(input, periodFor("quarter", today), today)[0]).toMatchObject({
      meetingsHeld: 0,
      raised: 0,
      level: 0,
    });
    const [successor, predecessor] = accountabilityMatrix(input, periodFor("all", today), today, { byTenure: true });
    expect(predecessor).toMatchObject({ tenure: { officerName: "Old Inspector" }, raised: 1, level: 4 });
    expect(successor).toMatchObject({ tenure: { officerName: "New Inspector" }, raised: 0, level: 1 });
  });

  it("prints the collective's scale, with “initiated” as its top rule", () => {
    expect(levelRule).toContain(
      "is the highest of these that holds: 4 = raised at least one matter for the agenda in the period (initiated) and attended at least one meeting; 3 = completed at least one action item; ",
    );
    expect(levelRule).toContain("0 = none of these.");
    expect(levelWords).toEqual([
      "Absent or no response",
      "Attended or informed",
      "Provided information",
      "Completed assigned actions",
      "Initiated: raised a matter",
    ]);
  });
});

describe("overdue lines on the agenda", () => {
  it("recognises exactly the lines the action review marks overdue", () => {
    const a = { departmentName: "Police", caseId: null, caseCode: null, status: "open", carried: 0 };
    const { counts } = actionReview(
      [
        { ...a, description: "Chargesheet", dueOn: "2026-12-01", carried: 2 },
        { ...a, description: "Forensics", dueOn: "2026-11-20", status: "blocked", statusReason: "Lab closed" },
        { ...a, description: "Chase the overdue, report", dueOn: "2026-12-30" },
        { ...a, description: "Escort", dueOn: "2026-12-05", caseCode: "DEM-2026-0007", caseId: 7 },
      ],
      "2026-12-10",
      "2027-01-14",
    );
    expect(counts.lines.filter(isOverdueReviewLine)).toEqual([
      "Police: Forensics, due 20/11/2026, overdue (blocked: Lab closed)",
      "Police: Chargesheet, due 01/12/2026, overdue, carried 2 meetings",
      "Police: Escort (DEM-2026-0007), due 05/12/2026, overdue",
    ]);
    expect(isOverdueReviewLine("3 overdue and 2 due before the next meeting, across 2 departments")).toBe(false);
  });
});
