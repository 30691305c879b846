import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { recordAttributes } from "./enums";
import { cases } from "./cases";
import { collectives, users } from "./collective";
import { createdAt, id } from "./columns";

/**
 * Keyed fingerprints for matching one person across cases (name, birth year, district or father). The clear text is
 * discarded before anything is written; see app/lib/identity.ts.
 */
export const identityFingerprints = sqliteTable(
  "identity_fingerprints",
  {
    id: id(),
    collectiveId: integer()
      .notNull()
      .references(() => collectives.id),
    caseId: integer()
      .notNull()
      .references(() => cases.id),
    subjectKind: text({ enum: ["victim", "accused"] }).notNull(),
    subjectId: integer().notNull(),
    nameFp: text().notNull(),
    nameYearFp: text(),
    /** Native district (victim) or father's name (accused). */
    extraFp: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index("identity_fingerprints_name").on(t.collectiveId, t.nameFp),
    index("identity_fingerprints_subject").on(t.subjectKind, t.subjectId),
  ],
);

/** A possible repeat offender or re-trafficked victim, until the secretariat decides. */
export const identityMatches = sqliteTable(
  "identity_matches",
  {
    id: id(),
    collectiveId: integer()
      .notNull()
      .references(() => collectives.id),
    subjectKind: text({ enum: ["victim", "accused"] }).notNull(),
    caseId: integer()
      .notNull()
      .references(() => cases.id),
    otherCaseId: integer()
      .notNull()
      .references(() => cases.id),
    status: text({ enum: ["pending", "confirmed", "dismissed"] })
      .notNull()
      .default("pending"),
    decidedByUserId: integer().references(() => users.id),
    decidedAt: text(),
    createdAt: createdAt(),
  },
  (t) => [index("identity_matches_case").on(t.caseId), index("identity_matches_other").on(t.otherCaseId)],
);

/**
 * One entry of a victim's or an accused person's identity record (a name, another name she is
 * known by, a parent's or husband's name, her village, school or phone, an alias, a word protected
 * alone): only the keyed fingerprints of the forms the leak guard looks for. The clear text is
 * discarded before anything is written; see app/lib/protected-forms.ts.
 */
export const identityRecordEntries = sqliteTable(
  "identity_record_entries",
  {
    id: id(),
    collectiveId: integer()
      .notNull()
      .references(() => collectives.id),
    caseId: integer()
      .notNull()
      .references(() => cases.id),
    subjectKind: text({ enum: ["victim", "accused"] }).notNull(),
    subjectId: integer().notNull(),
    attribute: text({ enum: recordAttributes }).notNull(),
    /** JSON array of "<role>:<fingerprint>". */
    guardFps: text().notNull(),
    createdByUserId: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("identity_record_entries_collective").on(t.collectiveId),
    index("identity_record_entries_subject").on(t.subjectKind, t.subjectId),
  ],
);

/** Bumped by triggers whenever what the leak guard protects changes, so a process can keep its protected set. */
export const protectedRevision = sqliteTable("protected_revision", {
  id: integer().primaryKey(),
  revision: integer().notNull().default(0),
});

/**
 * The latest Needs-redaction scan of a collective (daily, or on demand), kept so it survives a
 * restart. Each finding names where a stored text is and shows an excerpt with the match masked,
 * never the match itself; see app/services/redaction.server.ts.
 */
export const redactionScans = sqliteTable("redaction_scans", {
  collectiveId: integer()
    .primaryKey()
    .references(() => collectives.id),
  scannedAt: text().notNull(),
  /** JSON array of findings: { where, fixUrl, scope?, redact?, excerpt }. */
  findingsJson: text().notNull(),
  findingCount: integer().notNull(),
});

/**
 * A keyed hash (HMAC under the identity key) of each value the input guard refused: who typed it,
 * where, in which field, and the text. A value sent again (autosave) adds no audit entry, across
 * restarts too. Never the text itself; rows older than 30 days are forgotten.
 */
export const inputRefusals = sqliteTable(
  "input_refusals",
  {
    valueHash: text().primaryKey(),
    collectiveId: integer()
      .notNull()
      .references(() => collectives.id),
    refusedAt: text().notNull(),
  },
  (t) => [index("input_refusals_refused_at").on(t.refusedAt)],
);
