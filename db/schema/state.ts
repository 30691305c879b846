import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { cases } from "./cases";
import { collectives, users } from "./collective";
import { createdAt, id } from "./columns";

/**
 * The state's roll-up as its readers see it (small counts hidden across every district), computed
 * on a worker thread every hour and read by /state as it is: one row (id 1). See
 * app/services/state-rollup.server.ts for why it is stored rather than computed per request.
 */
export const stateRollups = sqliteTable("state_rollups", {
  id: integer().primaryKey(),
  computedAt: text().notNull(),
  /** JSON: the StateView of app/lib/state-display.ts. */
  viewJson: text().notNull(),
});

/** One district's outcome figures as the state's readers see them, computed with the roll-up, for its drill-down page. */
export const stateDrillDowns = sqliteTable("state_drill_downs", {
  collectiveId: integer()
    .primaryKey()
    .references(() => collectives.id),
  computedAt: text().notNull(),
  /** JSON: DisplayFigure[] (app/lib/outcomes-display.ts). */
  figuresJson: text().notNull(),
});

/**
 * A possible repeat offender or re-trafficked victim: the same fingerprints on cases of two
 * districts. One row per pair of cases (the lower case id first), whatever each side decides.
 */
export const crossDistrictMatches = sqliteTable(
  "cross_district_matches",
  {
    id: id(),
    subjectKind: text({ enum: ["victim", "accused"] }).notNull(),
    lowCaseId: integer()
      .notNull()
      .references(() => cases.id),
    highCaseId: integer()
      .notNull()
      .references(() => cases.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("cross_district_matches_pair").on(t.subjectKind, t.lowCaseId, t.highCaseId)],
);

/** Each district's side of a match: its case, and its own secretariat's decision, taken apart from the other's. */
export const crossDistrictMatchSides = sqliteTable(
  "cross_district_match_sides",
  {
    id: id(),
    matchId: integer()
      .notNull()
      .references(() => crossDistrictMatches.id),
    collectiveId: integer()
      .notNull()
      .references(() => collectives.id),
    caseId: integer()
      .notNull()
      .references(() => cases.id),
    status: text({ enum: ["pending", "confirmed", "dismissed"] })
      .notNull()
      .default("pending"),
    decidedByUserId: integer().references(() => users.id),
    decidedAt: text(),
  },
  (t) => [
    uniqueIndex("cross_district_match_sides_side").on(t.matchId, t.collectiveId),
    index("cross_district_match_sides_collective").on(t.collectiveId, t.status),
  ],
);
