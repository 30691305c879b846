import { describe, expect, it } from "vitest";
import { isOverdueReviewLine } from "~/components/overdue";
import { accountabilityMatrix, levelRule, levelScaleNote, levelWords, periodFor, type MatrixInput } from "~/lib/accountability";
import { actionReview } from "~/lib/agenda/action-review";

// Each case is one department over four held meetings, worked by hand against the words of levelRule.
const today = "2026-11-28";
const meetings = [1, 2, 3, 4].map((id) => ({ id, date: `2026-0${id + 4}-14` }));
const present = (n: number) => meetings.slice(0, n).map((m) => ({ meetingId: m.id, departmentId: 1, status: "present" }));
const onTime = { departmentId: 1, dueOn: "2026-09-30", status: "done", completedOn: "2026-09-29" };
const late = { departmentId: 1, dueOn: "2026-09-30", status: "done", completedOn: "2026-10-03" };
const overdue = { departmentId: 1, dueOn: "2026-11-01", status: "open", completedOn: null };
const notYetDue = { departmentId: 1, dueOn: "2026-12-20", status: "open", completedOn: null };
const dropped = { departmentId: 1, dueOn: "2026-10-15", status: "dropped", completedOn: null };

function level(over: Partial<MatrixInput>) {
  const input: MatrixInput = {
    departments: [{ id: 1, name: "Police" }],
    tenures: [],
    meetings,
    attendance: [],
    actions: [],
    updates: [],
    ...over,
  };
  return accountabilityMatrix(input, periodFor("all", today), today)[0].level;
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

  it("4 = completed one, none late, none overdue, and attended three meetings in four", () => {
    expect(level({ attendance: present(3), actions: [onTime] })).toBe(4);
    expect(level({ attendance: present(2), actions: [onTime] })).toBe(3);
    // Work not yet due, or dropped, neither earns nor costs level 4.
    expect(level({ attendance: present(3), actions: [onTime, notYetDue, dropped] })).toBe(4);
    expect(level({ attendance: present(4), actions: [notYetDue] })).toBe(1);
  });

  it("says on the page that level 4 is not the collective's “initiated or escalated”", () => {
    expect(levelRule).toContain("4 = completed at least one action item, none of them late, none overdue, and attended at least three in four of the meetings held");
    expect(levelRule).toContain("0 = none of these.");
    expect(levelScaleNote).toContain("“initiated or escalated”");
    expect(levelScaleNote).toContain("it does not measure initiative");
    expect(levelWords).toHaveLength(5);
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
