import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { collectives } from "./collective";
import { id } from "./columns";

/**
 * The victim participation index's indicators, per collective: what the system should deliver,
 * how much each counts, and at which stages it applies. Configurable by the administrator.
 */
export const participationIndicators = sqliteTable(
  "participation_indicators",
  {
    id: id(),
    collectiveId: integer()
      .notNull()
      .references(() => collectives.id),
    /** Which recorded service the indicator reads (see app/lib/participation.ts). */
    key: text().notNull(),
    label: text().notNull(),
    weight: integer().notNull(),
    /** JSON array of the case stages at which the indicator applies. */
    stages: text().notNull(),
    active: integer({ mode: "boolean" }).notNull().default(true),
  },
  (t) => [uniqueIndex("participation_indicators_key").on(t.collectiveId, t.key)],
);
