// The accountability matrix: departments (and each officer's tenure) against what they agreed
// and whether they came. Pure; the page, the CSV and the onboarding brief read the same rows.
import { toCsv } from "~/lib/csv";
import { daysBetween } from "./dates";
import { isUnfinished } from "./escalation";
import { median } from "./participation";

export type MatrixInput = {
  departments: { id: number; name: string }[];
  tenures: { id: number; departmentId: number; officerName: string; startsOn: string; endsOn: string | null }[];
  meetings: { id: number; date: string }[];
  attendance: { meetingId: number; departmentId: number; status: string }[];
  actions: { departmentId: number; dueOn: string; status: string; completedOn: string | null }[];
  /** Updates the department itself posted on its items, by date. */
  updates: { departmentId: number; on: string }[];
  /** Matters the department's representative raised for an agenda, by the day raised. */
  raised: { departmentId: number; on: string }[];
};

export type MatrixRow = {
  departmentId: number;
  department: string;
  tenure: { id: number; officerName: string; from: string; to: string | null } | null;
  meetingsHeld: number;
  attended: number;
  assigned: number;
  doneOnTime: number;
  doneLate: number;
  open: number;
  overdue: number;
  medianDaysLate: number | null;
  /** Matters raised for an agenda: what the department initiated. */
  raised: number;
  level: 0 | 1 | 2 | 3 | 4;
};

// The collective's scale (DOMAIN): 0 absent/no response, 1 attended/informed, 2 provided
// information, 3 completed the assigned action, 4 initiated or escalated. What a department
// initiates is a matter its representative raised for an agenda (app/services/agenda.server.ts).
export const levelWords = [
  "Absent or no response",
  "Attended or informed",
  "Provided information",
  "Completed assigned actions",
  "Initiated: raised a matter",
] as const;

/** Exactly what `row` computes below; the page prints it. Keep the two in step (tests/unit/engagement-level.test.ts). */
export const levelRule =
  "Level of engagement, for the period (and tenure) shown, is the highest of these that holds: " +
  "4 = raised at least one matter for the agenda in the period (initiated) and attended at least one meeting; " +
  "3 = completed at least one action item; " +
  "2 = attended at least one meeting and posted at least one update on its own action items (an update counts when an officer who holds or held the seat posted it); " +
  "1 = attended at least one meeting; " +
  "0 = none of these.";

export type Period = { from: string | null; to: string };

function row(
  base: { departmentId: number; department: string; tenure: MatrixRow["tenure"] },
  input: MatrixInput,
  inScope: (date: string) => boolean,
  today: string,
): MatrixRow {
  const meetings = input.meetings.filter((m) => inScope(m.date));
  const ids = new Set(meetings.map((m) => m.id));
  const attended = input.attendance.filter(
    (a) => a.departmentId === base.departmentId && ids.has(a.meetingId) && a.status === "present",
  ).length;
  // An action belongs to whoever held the seat when it fell due (today's holder if not yet due).
  const actions = input.actions.filter(
    (a) => a.departmentId === base.departmentId && inScope(a.dueOn < today ? a.dueOn : today),
  );
  const done = actions.filter((a) => a.status === "done" && a.completedOn);
  const late = done.filter((a) => a.completedOn! > a.dueOn);
  const unfinished = actions.filter((a) => isUnfinished(a.status));
  const overdue = unfinished.filter((a) => a.dueOn < today).length;
  const updates = input.updates.filter((u) => u.departmentId === base.departmentId && inScope(u.on)).length;
  const raised = input.raised.filter((r) => r.departmentId === base.departmentId && inScope(r.on)).length;
  const onTime = done.length - late.length;
  let level: MatrixRow["level"] = 0;
  if (attended > 0) level = 1;
  if (level >= 1 && updates > 0) level = 2;
  if (done.length > 0) level = 3;
  if (raised > 0 && attended > 0) level = 4;
  return {
    ...base,
    meetingsHeld: meetings.length,
    attended,
    assigned: actions.length,
    doneOnTime: onTime,
    doneLate: late.length,
    open: unfinished.length - overdue,
    overdue,
    medianDaysLate: median(late.map((a) => daysBetween(a.dueOn, a.completedOn!))),
    raised,
    level,
  };
}

export function accountabilityMatrix(
  input: MatrixInput,
  period: Period,
  today: string,
  { byTenure = false } = {},
): MatrixRow[] {
  const inPeriod = (d: string) => (period.from === null || d >= period.from) && d <= period.to;
  const rows: MatrixRow[] = [];
  for (const d of input.departments) {
    if (!byTenure) {
      rows.push(row({ departmentId: d.id, department: d.name, tenure: null }, input, inPeriod, today));
      continue;
    }
    const tenures = input.tenures
      .filter((t) => t.departmentId === d.id)
      .sort((a, b) => b.startsOn.localeCompare(a.startsOn));
    for (const t of tenures) {
      const inTenure = (date: string) =>
        inPeriod(date) && date >= t.startsOn && (t.endsOn === null || date <= t.endsOn);
      rows.push(
        row(
          {
            departmentId: d.id,
            department: d.name,
            tenure: { id: t.id, officerName: t.officerName, from: t.startsOn, to: t.endsOn },
          },
          input,
          inTenure,
          today,
        ),
      );
    }
  }
  return rows;
}

/** The period filter: this calendar quarter, this calendar year, or all time, to today. */
export function periodFor(choice: "quarter" | "year" | "all", today: string): Period {
  if (choice === "all") return { from: null, to: today };
  if (choice === "year") return { from: `${today.slice(0, 4)}-01-01`, to: today };
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  return { from: `${today.slice(0, 4)}-${String(q * 3 + 1).padStart(2, "0")}-01`, to: today };
}

export const matrixColumns = [
  ["department", "Department"],
  ["officer", "Officer (tenure)"],
  ["attended", "Meetings attended"],
  ["meetingsHeld", "Meetings held"],
  ["assigned", "Actions assigned"],
  ["doneOnTime", "Done on time"],
  ["doneLate", "Done late"],
  ["open", "Open"],
  ["overdue", "Overdue"],
  ["medianDaysLate", "Median days late"],
  ["raised", "Matters raised"],
  ["level", "Level of engagement (0-4)"],
] as const;

export function matrixCsv(rows: MatrixRow[]): string {
  const values = (r: MatrixRow) => [
    r.department,
    r.tenure ? `${r.tenure.officerName} (${r.tenure.from} to ${r.tenure.to ?? "now"})` : "",
    r.attended,
    r.meetingsHeld,
    r.assigned,
    r.doneOnTime,
    r.doneLate,
    r.open,
    r.overdue,
    r.medianDaysLate,
    r.raised,
    r.level,
  ];
  return toCsv(
    matrixColumns.map(([, h]) => h),
    rows.map(values),
  );
}
