import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { cases } from "./cases";
import { collectives, users } from "./collective";
import { createdAt, id } from "./columns";

/**
 * Keyed fingerprints of a victim's or an accused's identifying attributes. The clear text is
 * discarded before anything is written; see app/lib/identity.ts.
 */
export const identityFingerprints = sqliteTable(
  "identity_fingerprints",
  {
    id: id(),
    collectiveId: integer().notNull().references(() => collectives.id),
    caseId: integer().notNull().references(() => cases.id),
    subjectKind: text({ enum: ["victim", "accused"] }).notNull(),
    subjectId: integer().notNull(),
    nameFp: text().notNull(),
    nameYearFp: text(),
    /** Native district (victim) or father's name (accused). */
    extraFp: text(),
    /** JSON array: what the leak guard blocks for this name. */
    guardFps: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("identity_fingerprints_name").on(t.collectiveId, t.nameFp), index("identity_fingerprints_subject").on(t.subjectKind, t.subjectId)],
);

/** A possible repeat offender or re-trafficked victim, until the secretariat decides. */
export const identityMatches = sqliteTable(
  "identity_matches",
  {
    id: id(),
    collectiveId: integer().notNull().references(() => collectives.id),
    subjectKind: text({ enum: ["victim", "accused"] }).notNull(),
    caseId: integer().notNull().references(() => cases.id),
    otherCaseId: integer().notNull().references(() => cases.id),
    status: text({ enum: ["pending", "confirmed", "dismissed"] }).notNull().default("pending"),
    decidedByUserId: integer().references(() => users.id),
    decidedAt: text(),
    createdAt: createdAt(),
  },
  (t) => [index("identity_matches_case").on(t.caseId), index("identity_matches_other").on(t.otherCaseId)],
);
