import type { Conn } from "#db/client";
import type { CsvCell } from "~/lib/csv";
import type { GuardScope } from "~/lib/protected-text";
import {
  accusedPage,
  actionItemPage,
  actionUpdatePage,
  agendaItemPage,
  attendanceOf,
  caseDepartmentsOf,
  casePage,
  departmentsOf,
  eventPage,
  frozenVersionsOf,
  meetingsOf,
  tenuresOf,
  victimPage,
} from "~/models/archive.server";
import { minutesPdfPath } from "./archive-documents.server";

// What each CSV of the archive holds: its header and its rows, read a page at a time. Free text
// goes through `clean` (the leak guard's rewrite: a victim's name becomes her code). Restricted
// columns (FIR number and year, accused persons' names, event notes) are there only when asked for.

export type Clean = (text: string | null | undefined, scope?: GuardScope) => string | null;
export type TableFile = { path: string; header: string[]; rows: () => Iterable<CsvCell[]> };
type Context = { db: Conn; collectiveId: number; restricted: boolean; clean: Clean };

const yesNo = (value: boolean | null | undefined) =>
  value === null || value === undefined ? null : value ? "yes" : "no";

/** Every row of a paged read, page after page, each page read only when the one before is used up. */
function* paged<T extends { id: number }>(page: (after: number) => T[]): Generator<T> {
  let after = 0;
  for (;;) {
    const rows = page(after);
    if (!rows.length) return;
    yield* rows;
    after = rows.at(-1)!.id;
  }
}

/** A column that is there only when restricted fields are asked for. */
const restrictedColumn = <T>(on: boolean, header: string, value: (row: T) => CsvCell) =>
  on ? [{ header, value }] : [];

function table<T>(
  path: string,
  columns: { header: string; value: (row: T) => CsvCell }[],
  rows: () => Iterable<T>,
): TableFile {
  return {
    path,
    header: columns.map((c) => c.header),
    rows: function* () {
      for (const row of rows()) yield columns.map((c) => c.value(row));
    },
  };
}

function casesFile({ db, collectiveId, restricted, clean }: Context): TableFile {
  type Row = ReturnType<typeof casePage>[number] & { departments: string };
  const rows = function* (): Generator<Row> {
    let after = 0;
    for (;;) {
      const page = casePage(db, collectiveId, after);
      if (!page.length) return;
      const involved = new Map<number, string[]>();
      for (const d of caseDepartmentsOf(
        db,
        page.map((c) => c.id),
      ))
        involved.set(d.caseId, [...(involved.get(d.caseId) ?? []), `${d.department} (${d.role})`]);
      for (const c of page) yield { ...c, departments: (involved.get(c.id) ?? []).join("; ") };
      after = page.at(-1)!.id;
    }
  };
  return table<Row>(
    "cases.csv",
    [
      { header: "case_code", value: (c) => c.code },
      { header: "police_station", value: (c) => clean(c.policeStation) },
      ...restrictedColumn<Row>(restricted, "fir_number", (c) => c.firNumber),
      ...restrictedColumn<Row>(restricted, "fir_year", (c) => c.firYear),
      { header: "sections", value: (c) => clean(c.sections) },
      { header: "court", value: (c) => clean(c.courtName) },
      { header: "court_case_number", value: (c) => c.courtCaseNumber },
      { header: "stage", value: (c) => c.stage },
      { header: "status", value: (c) => c.status },
      { header: "outcome", value: (c) => c.outcome },
      { header: "chargesheet_limit_days", value: (c) => c.chargesheetLimitDays },
      { header: "opened_on", value: (c) => c.openedOn },
      { header: "closed_on", value: (c) => c.closedOn },
      { header: "stage_changed_on", value: (c) => c.stageChangedOn },
      { header: "departments", value: (c) => c.departments },
    ],
    rows,
  );
}

export function tableFiles(context: Context): TableFile[] {
  const { db, collectiveId, restricted, clean } = context;
  const meetings = () => meetingsOf(db, collectiveId);
  return [
    casesFile(context),
    table(
      "accused.csv",
      [
        { header: "case_code", value: (a: ReturnType<typeof accusedPage>[number]) => a.caseCode },
        { header: "accused", value: (a) => `A-${a.position}` },
        ...restrictedColumn<ReturnType<typeof accusedPage>[number]>(restricted, "name", (a) => a.name),
        { header: "arrested_on", value: (a) => a.arrestedOn },
        { header: "bail_status", value: (a) => a.bailStatus },
      ],
      () => paged((after) => accusedPage(db, collectiveId, after)),
    ),
    table(
      "events.csv",
      [
        { header: "case_code", value: (e: ReturnType<typeof eventPage>[number]) => e.caseCode },
        { header: "kind", value: (e) => e.kind },
        { header: "occurred_on", value: (e) => e.occurredOn },
        { header: "outcome", value: (e) => clean(e.outcome) },
        { header: "next_date", value: (e) => e.nextDate },
        ...restrictedColumn<ReturnType<typeof eventPage>[number]>(restricted, "note", (e) =>
          clean(e.note, "restricted"),
        ),
        { header: "recorded_at", value: (e) => e.createdAt },
      ],
      () => paged((after) => eventPage(db, collectiveId, after)),
    ),
    table(
      "victims.csv",
      [
        { header: "victim_code", value: (v: ReturnType<typeof victimPage>[number]) => v.code },
        { header: "case_code", value: (v) => v.caseCode },
        { header: "minor", value: (v) => yesNo(v.minor) },
        { header: "age_band", value: (v) => v.ageBand },
        { header: "legal_aid_assigned_on", value: (v) => v.legalAidAssignedOn },
        { header: "education_enrolled", value: (v) => yesNo(v.educationEnrolled) },
        { header: "livelihood_support", value: (v) => yesNo(v.livelihoodSupport) },
        { header: "compensation_applied_on", value: (v) => v.compensationAppliedOn },
        { header: "compensation_received_on", value: (v) => v.compensationReceivedOn },
        { header: "in_shelter", value: (v) => yesNo(v.inShelter) },
        { header: "testified_in_protection_room", value: (v) => yesNo(v.testifiedInProtectionRoom) },
        { header: "support_person_at_testimony", value: (v) => yesNo(v.supportPersonAtTestimony) },
        { header: "last_informed_on", value: (v) => v.lastInformedOn },
        { header: "heard_at_bail", value: (v) => yesNo(v.heardAtBail) },
        { header: "escorted_when_summoned", value: (v) => yesNo(v.escortedWhenSummoned) },
        { header: "threat_reported", value: (v) => yesNo(v.threatReported) },
        { header: "threat_acted_on", value: (v) => yesNo(v.threatActedOn) },
      ],
      () => paged((after) => victimPage(db, collectiveId, after)),
    ),
    table(
      "departments.csv",
      [
        { header: "department_id", value: (d: ReturnType<typeof departmentsOf>[number]) => d.id },
        { header: "name", value: (d) => d.name },
        { header: "kind", value: (d) => d.kind },
        { header: "active", value: (d) => yesNo(d.active) },
        { header: "created_at", value: (d) => d.createdAt },
      ],
      () => departmentsOf(db, collectiveId),
    ),
    table(
      "seats-and-tenures.csv",
      [
        { header: "department", value: (t: ReturnType<typeof tenuresOf>[number]) => t.department },
        { header: "officer", value: (t) => clean(t.officerName, "own-contact") },
        { header: "designation", value: (t) => clean(t.designation, "own-contact") },
        { header: "email", value: (t) => t.email },
        { header: "phone", value: (t) => t.phone },
        { header: "starts_on", value: (t) => t.startsOn },
        { header: "ends_on", value: (t) => t.endsOn ?? "" },
        { header: "holds_the_seat", value: (t) => yesNo(t.endsOn === null) },
      ],
      () => tenuresOf(db, collectiveId),
    ),
    table(
      "meetings.csv",
      [
        { header: "meeting_number", value: (m: ReturnType<typeof meetingsOf>[number]) => m.number },
        { header: "starts_at_utc", value: (m) => m.startsAt },
        { header: "duration_minutes", value: (m) => m.durationMinutes },
        { header: "venue", value: (m) => clean(m.venue) },
        { header: "online_link", value: (m) => m.onlineLink },
        { header: "status", value: (m) => m.status },
        { header: "minutes_state", value: (m) => m.minutesState },
      ],
      meetings,
    ),
    table(
      "agenda-items.csv",
      [
        { header: "meeting_number", value: (i: ReturnType<typeof agendaItemPage>[number]) => i.meetingNumber },
        { header: "position", value: (i) => i.position },
        { header: "kind", value: (i) => i.kind },
        { header: "case_code", value: (i) => i.caseCode },
        { header: "title", value: (i) => clean(i.title) },
        { header: "reasons", value: (i) => clean((JSON.parse(i.reasons) as string[]).join("; ")) },
        { header: "minutes_planned", value: (i) => i.minutes },
        { header: "pinned", value: (i) => yesNo(i.pinned) },
        { header: "removed", value: (i) => yesNo(i.removed) },
        { header: "for_written_update", value: (i) => yesNo(i.forWrittenUpdate) },
        { header: "presenting_department", value: (i) => i.presenting },
        { header: "raised_by_department", value: (i) => i.raisedBy },
        { header: "raised_on", value: (i) => i.raisedOn },
        { header: "status", value: (i) => i.status },
        { header: "discussion", value: (i) => clean(i.discussion) },
        { header: "decisions", value: (i) => clean(i.decisions) },
        { header: "minutes_used", value: (i) => i.minutesUsed },
      ],
      () => paged((after) => agendaItemPage(db, collectiveId, after)),
    ),
    table(
      "attendance.csv",
      [
        {
          header: "meeting_number",
          value: (a: ReturnType<typeof attendanceOf>[number] & { meetingNumber: number }) => a.meetingNumber,
        },
        { header: "department", value: (a) => a.department },
        { header: "status", value: (a) => a.status },
        { header: "attendee", value: (a) => clean(a.attendeeName, "own-contact") },
        { header: "designation", value: (a) => clean(a.attendeeDesignation, "own-contact") },
        { header: "substitute", value: (a) => yesNo(a.isSubstitute) },
      ],
      function* () {
        for (const m of meetings()) for (const a of attendanceOf(db, m.id)) yield { ...a, meetingNumber: m.number };
      },
    ),
    table(
      "minutes-versions.csv",
      [
        {
          header: "meeting_number",
          value: (v: ReturnType<typeof frozenVersionsOf>["minutes"][number] & { meetingNumber: number }) =>
            v.meetingNumber,
        },
        { header: "version", value: (v) => v.version },
        { header: "state", value: (v) => v.state },
        { header: "frozen_at", value: (v) => v.createdAt },
        { header: "amendment", value: (v) => clean(v.amendmentText) },
        { header: "amendment_moved_by", value: (v) => clean(v.amendmentMovedBy) },
        { header: "pdf", value: (v) => minutesPdfPath(v.meetingNumber, v.version) },
      ],
      function* () {
        for (const m of meetings())
          for (const v of frozenVersionsOf(db, m.id).minutes) yield { ...v, meetingNumber: m.number };
      },
    ),
    table(
      "action-items.csv",
      [
        { header: "action_id", value: (a: ReturnType<typeof actionItemPage>[number]) => a.id },
        { header: "department", value: (a) => a.department },
        { header: "description", value: (a) => clean(a.description) },
        { header: "due_on", value: (a) => a.dueOn },
        { header: "status", value: (a) => a.status },
        { header: "status_reason", value: (a) => clean(a.statusReason) },
        { header: "case_code", value: (a) => a.caseCode },
        { header: "meeting_number", value: (a) => a.meetingNumber },
        { header: "completed_on", value: (a) => a.completedOn },
        { header: "created_at", value: (a) => a.createdAt },
      ],
      () => paged((after) => actionItemPage(db, collectiveId, after)),
    ),
    table(
      "action-item-history.csv",
      [
        { header: "action_id", value: (u: ReturnType<typeof actionUpdatePage>[number]) => u.actionItemId },
        { header: "at", value: (u) => u.at },
        { header: "by", value: (u) => clean(u.by, "own-contact") },
        { header: "field", value: (u) => u.field },
        { header: "from", value: (u) => clean(u.fromValue) },
        { header: "to", value: (u) => clean(u.toValue) },
        { header: "comment", value: (u) => clean(u.comment) },
      ],
      () => paged((after) => actionUpdatePage(db, collectiveId, after)),
    ),
  ];
}
