import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, isoDate } from "./columns";
import { collectiveKinds, departmentKinds, languages, roles } from "./enums";

export const collectives = sqliteTable("collectives", {
  id: id(),
  /**
   * "state" for the one row that stands for the state: the state administrator's and observer's
   * accounts belong to it, so every account still has one collective and every query stays scoped
   * by it. It holds no departments, cases or meetings of its own.
   */
  kind: text({ enum: collectiveKinds }).notNull().default("district"),
  name: text().notNull(),
  district: text().notNull(),
  /** Short upper-case code used in case codes, e.g. NGP in NGP-2025-0017. */
  districtCode: text().notNull(),
  state: text().notNull(),
  timeZone: text().notNull().default("Asia/Kolkata"),
  /** ISO weekday 1 (Monday) to 7 (Sunday). */
  meetingWeekday: integer().notNull().default(4),
  /** Which occurrence of that weekday in the month: 1 to 4, or -1 for the last. */
  meetingWeekOfMonth: integer().notNull().default(2),
  meetingStartTime: text().notNull().default("11:00"),
  meetingDurationMinutes: integer().notNull().default(120),
  meetingVenue: text(),
  meetingLink: text(),
  /** JSON object of agenda-rule weights; null means the defaults in the agenda service. */
  agendaWeights: text(),
  /** Set when the state deactivates the collective: its accounts may no longer sign in; nothing is deleted. */
  deactivatedAt: text(),
  /** The language of people without a preference of their own, and of the archive copy. */
  defaultLanguage: text({ enum: languages }).notNull().default("en-IN"),
  createdAt: createdAt(),
});

export const departments = sqliteTable(
  "departments",
  {
    id: id(),
    collectiveId: integer()
      .notNull()
      .references(() => collectives.id),
    name: text().notNull(),
    kind: text({ enum: departmentKinds }).notNull(),
    active: integer({ mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("departments_collective_name").on(t.collectiveId, t.name)],
);

export const users = sqliteTable(
  "users",
  {
    id: id(),
    collectiveId: integer()
      .notNull()
      .references(() => collectives.id),
    /** Always stored lower-cased; the unique index makes it case-insensitive. */
    email: text().notNull(),
    name: text().notNull(),
    /** argon2id; null until the person has set a password through their link. */
    passwordHash: text(),
    role: text({ enum: roles }).notNull(),
    /** Accounts are disabled, never deleted, so history keeps its authors. */
    active: integer({ mode: "boolean" }).notNull().default(true),
    /** The language this person reads the product in; null follows the collective's default. */
    language: text({ enum: languages }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email").on(sql`lower(${t.email})`)],
);

/** A department's seat is held by one officer at a time; a tenure is one holding of it. */
export const tenures = sqliteTable(
  "tenures",
  {
    id: id(),
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    userId: integer().references(() => users.id),
    officerName: text().notNull(),
    designation: text().notNull(),
    email: text().notNull(),
    phone: text(),
    startsOn: isoDate().notNull(),
    /** Empty while this is the current holder: the last day of the tenure otherwise. */
    endsOn: isoDate(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("tenures_one_current_holder")
      .on(t.departmentId)
      .where(sql`ends_on is null`),
    index("tenures_user").on(t.userId),
  ],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    /** The absolute end: a session never outlives it, however busy. */
    expiresAt: text().notNull(),
    /** The last request it carried (written at most once a minute); the idle timeout counts from here. */
    lastSeenAt: text(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/**
 * Every sign-in attempt, for throttling. Neither the typed address nor the client's address is
 * kept: each is a keyed hash (HMAC), comparable with itself and with nothing else.
 */
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: id(),
    accountKey: text().notNull(),
    clientKey: text().notNull(),
    succeeded: integer({ mode: "boolean" }).notNull(),
    at: text().notNull(),
  },
  (t) => [
    index("login_attempts_account_at").on(t.accountKey, t.at),
    index("login_attempts_client_at").on(t.clientKey, t.at),
  ],
);

/** One row: facts about this deployment generated once and kept with its data (the calendar UID's domain). */
export const deployment = sqliteTable("deployment", {
  id: integer().primaryKey(),
  deploymentId: text().notNull(),
  createdAt: createdAt(),
});

/** Single-use links to set a password (new accounts, successors after a transfer). */
export const passwordTokens = sqliteTable("password_tokens", {
  id: id(),
  userId: integer()
    .notNull()
    .references(() => users.id),
  tokenHash: text().notNull().unique(),
  expiresAt: text().notNull(),
  usedAt: text(),
  createdAt: createdAt(),
});

/**
 * Who did what to which record. Never holds a restricted value: only ids, actions and field names.
 * Each entry carries a SHA-256 chained to the collective's entry before it (app/lib/audit-chain.ts),
 * so an edited, removed or inserted entry breaks the chain.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: id(),
    collectiveId: integer()
      .notNull()
      .references(() => collectives.id),
    userId: integer().references(() => users.id),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: integer(),
    detail: text(),
    at: createdAt(),
    /** The hash of the collective's previous entry ("" for its first). */
    prevHash: text(),
    hash: text(),
  },
  (t) => [index("audit_log_entity").on(t.entity, t.entityId), index("audit_log_collective").on(t.collectiveId, t.id)],
);

/**
 * A backup made by `npm run backup` carries one row with restoredAt empty. When the app first
 * opens such a file (a restore), it ends every session and stamps restoredAt (completeRestore, in
 * app/services/backup.server.ts).
 */
export const backupMarks = sqliteTable("backup_marks", {
  id: id(),
  takenAt: text().notNull(),
  restoredAt: text(),
});
