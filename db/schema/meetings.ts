import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { cases } from "./cases";
import { collectives, departments, tenures, users } from "./collective";
import { createdAt, id, isoDate, version } from "./columns";
import {
  actionItemStatuses,
  agendaItemKinds,
  agendaItemStatuses,
  attendanceStatuses,
  meetingStatuses,
  minutesStates,
} from "./enums";

export const meetings = sqliteTable(
  "meetings",
  {
    id: id(),
    collectiveId: integer()
      .notNull()
      .references(() => collectives.id),
    /** "Meeting 37": counts up within the collective. */
    number: integer().notNull(),
    startsAt: text().notNull(),
    durationMinutes: integer().notNull(),
    venue: text(),
    onlineLink: text(),
    status: text({ enum: meetingStatuses }).notNull().default("planned"),
    /** iCalendar SEQUENCE: bumped on every change that is sent to invitees. */
    icalSequence: integer().notNull().default(0),
    minutesState: text({ enum: minutesStates }).notNull().default("draft"),
    /** When the draft agenda's standing items last changed by themselves (a meeting held, an action item changed). */
    standingRefreshedAt: text(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("meetings_collective_number").on(t.collectiveId, t.number)],
);

export const agendaItems = sqliteTable(
  "agenda_items",
  {
    id: id(),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id),
    position: integer().notNull(),
    kind: text({ enum: agendaItemKinds }).notNull(),
    caseId: integer().references(() => cases.id),
    title: text().notNull(),
    /** JSON array of plain-language reasons the item is on the agenda. */
    reasons: text().notNull().default("[]"),
    minutes: integer().notNull(),
    pinned: integer({ mode: "boolean" }).notNull().default(false),
    /** Removed by the secretariat: kept so regeneration does not bring it back. */
    removed: integer({ mode: "boolean" }).notNull().default(false),
    forWrittenUpdate: integer({ mode: "boolean" }).notNull().default(false),
    presentingDepartmentId: integer().references(() => departments.id),
    /** A matter a department's representative raised for this meeting: who asked, and on which day (the collective's date). */
    raisedByDepartmentId: integer().references(() => departments.id),
    raisedByUserId: integer().references(() => users.id),
    raisedOn: isoDate(),
    status: text({ enum: agendaItemStatuses }),
    discussion: text(),
    decisions: text(),
    minutesUsed: integer(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index("agenda_items_meeting").on(t.meetingId, t.position)],
);

/** A frozen copy of an agenda as published; the meeting's items keep changing after that. */
export const agendaVersions = sqliteTable(
  "agenda_versions",
  {
    id: id(),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id),
    version: integer().notNull(),
    itemsJson: text().notNull(),
    publishedByUserId: integer().references(() => users.id),
    publishedAt: createdAt(),
  },
  (t) => [uniqueIndex("agenda_versions_meeting_version").on(t.meetingId, t.version)],
);

export const attendance = sqliteTable(
  "attendance",
  {
    meetingId: integer()
      .notNull()
      .references(() => meetings.id),
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    status: text({ enum: attendanceStatuses }).notNull(),
    attendeeName: text(),
    attendeeDesignation: text(),
    isSubstitute: integer({ mode: "boolean" }).notNull().default(false),
    /** The tenure in force on the meeting day, so the record follows the officer, not the successor. */
    tenureId: integer().references(() => tenures.id),
    version: version(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.departmentId] })],
);

export const minutesVersions = sqliteTable(
  "minutes_versions",
  {
    id: id(),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id),
    version: integer().notNull(),
    state: text({ enum: minutesStates }).notNull(),
    bodyJson: text().notNull(),
    amendmentText: text(),
    amendmentMovedBy: text(),
    createdByUserId: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("minutes_versions_meeting_version").on(t.meetingId, t.version)],
);

/**
 * The PDF of a frozen agenda or minutes version, rendered once (when it was sent, or on its first
 * download) and served from here since. A redaction of the version deletes it, so the next
 * download renders the redacted text.
 */
export const frozenPdfs = sqliteTable(
  "frozen_pdfs",
  {
    meetingId: integer()
      .notNull()
      .references(() => meetings.id),
    kind: text({ enum: ["agenda", "minutes"] }).notNull(),
    /** The version's number (agenda_versions.version or minutes_versions.version). */
    version: integer().notNull(),
    /** The language the PDF is written in: a version has one PDF per language it was asked in. */
    language: text().notNull().default("en"),
    pdf: blob({ mode: "buffer" }).notNull(),
    renderedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.kind, t.version, t.language] })],
);

/** A task agreed in a meeting. Owned by a department, never a person, so it survives transfers. */
export const actionItems = sqliteTable(
  "action_items",
  {
    id: id(),
    collectiveId: integer()
      .notNull()
      .references(() => collectives.id),
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    description: text().notNull(),
    dueOn: isoDate().notNull(),
    status: text({ enum: actionItemStatuses }).notNull().default("open"),
    statusReason: text(),
    caseId: integer().references(() => cases.id),
    meetingId: integer().references(() => meetings.id),
    agendaItemId: integer().references(() => agendaItems.id),
    completedOn: isoDate(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    index("action_items_department_status").on(t.departmentId, t.status),
    index("action_items_case").on(t.caseId),
    index("action_items_collective_status").on(t.collectiveId, t.status),
  ],
);

export const actionItemUpdates = sqliteTable(
  "action_item_updates",
  {
    id: id(),
    actionItemId: integer()
      .notNull()
      .references(() => actionItems.id),
    userId: integer().references(() => users.id),
    field: text().notNull(),
    fromValue: text(),
    toValue: text(),
    comment: text(),
    at: createdAt(),
  },
  (t) => [index("action_item_updates_item").on(t.actionItemId)],
);

/**
 * A save the run page kept on the device while the network was down, once it reached the server:
 * remembered by the id it carried, with the answer it got, so a replay that arrived but whose
 * answer was lost is answered again, never applied twice.
 */
export const offlineReplays = sqliteTable(
  "offline_replays",
  {
    userId: integer()
      .notNull()
      .references(() => users.id),
    /** The random id the device gave the save. */
    id: text().notNull(),
    meetingId: integer()
      .notNull()
      .references(() => meetings.id),
    /** The first answer, as JSON (no text the person typed: a version, a time). */
    answer: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.id] })],
);
