import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { collectives, departments, users } from "./collective";
import { createdAt, id, isoDate, version } from "./columns";
import {
  ageBands,
  bailStatuses,
  caseDepartmentRoles,
  caseEventKinds,
  caseOutcomes,
  caseStages,
  caseStatuses,
} from "./enums";

export const cases = sqliteTable(
  "cases",
  {
    id: id(),
    collectiveId: integer()
      .notNull()
      .references(() => collectives.id),
    /** `<DISTRICT CODE>-<YEAR>-<NNNN>`, issued by the collective. The only way a case is named. */
    code: text().notNull(),
    policeStation: text().notNull(),
    /** Restricted. */
    firNumber: text(),
    /** Restricted. */
    firYear: integer(),
    courtName: text(),
    courtCaseNumber: text(),
    sections: text().notNull().default(""),
    stage: text({ enum: caseStages }).notNull(),
    status: text({ enum: caseStatuses }).notNull().default("open"),
    outcome: text({ enum: caseOutcomes }),
    /** 60 or 90 days from arrest to chargesheet, depending on the offence. */
    chargesheetLimitDays: integer().notNull().default(60),
    openedOn: isoDate().notNull(),
    closedOn: isoDate(),
    /** The day the stage last changed: the agenda flags a change since the last meeting. */
    stageChangedOn: isoDate(),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("cases_collective_code").on(t.collectiveId, t.code),
    index("cases_collective_status").on(t.collectiveId, t.status),
  ],
);

export const caseDepartments = sqliteTable(
  "case_departments",
  {
    caseId: integer()
      .notNull()
      .references(() => cases.id),
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    role: text({ enum: caseDepartmentRoles }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.departmentId] }), index("case_departments_dept").on(t.departmentId)],
);

export const caseEvents = sqliteTable(
  "case_events",
  {
    id: id(),
    caseId: integer()
      .notNull()
      .references(() => cases.id),
    kind: text({ enum: caseEventKinds }).notNull(),
    occurredOn: isoDate().notNull(),
    outcome: text(),
    nextDate: isoDate(),
    /** Restricted. */
    note: text(),
    createdByUserId: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("case_events_case_date").on(t.caseId, t.occurredOn)],
);

/** A victim exists only as a pseudonym code. There is no name field, and none may be added. */
export const victims = sqliteTable(
  "victims",
  {
    id: id(),
    collectiveId: integer()
      .notNull()
      .references(() => collectives.id),
    caseId: integer()
      .notNull()
      .references(() => cases.id),
    code: text().notNull(),
    minor: integer({ mode: "boolean" }).notNull(),
    ageBand: text({ enum: ageBands }).notNull(),
    legalAidAssignedOn: isoDate(),
    educationEnrolled: integer({ mode: "boolean" }).notNull().default(false),
    livelihoodSupport: integer({ mode: "boolean" }).notNull().default(false),
    compensationAppliedOn: isoDate(),
    compensationReceivedOn: isoDate(),
    inShelter: integer({ mode: "boolean" }).notNull().default(false),
    testifiedInProtectionRoom: integer({ mode: "boolean" }).notNull().default(false),
    /** The last day she was told how her case stands. */
    lastInformedOn: isoDate(),
    /** Null until a bail hearing has been held in her case. */
    heardAtBail: integer({ mode: "boolean" }),
    /** Escort or travel provided when summoned; null until she has been summoned. */
    escortedWhenSummoned: integer({ mode: "boolean" }),
    supportPersonAtTestimony: integer({ mode: "boolean" }).notNull().default(false),
    threatReported: integer({ mode: "boolean" }).notNull().default(false),
    /** Protection given or action taken on a reported threat. */
    threatActedOn: integer({ mode: "boolean" }).notNull().default(false),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("victims_collective_code").on(t.collectiveId, t.code), index("victims_case").on(t.caseId)],
);

export const accused = sqliteTable(
  "accused",
  {
    id: id(),
    caseId: integer()
      .notNull()
      .references(() => cases.id),
    /** Restricted. */
    name: text().notNull(),
    arrestedOn: isoDate(),
    bailStatus: text({ enum: bailStatuses }).notNull().default("not_applied"),
    createdAt: createdAt(),
  },
  (t) => [index("accused_case").on(t.caseId)],
);
