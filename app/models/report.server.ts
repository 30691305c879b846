import { and, count, eq, sql } from "drizzle-orm";
import type { Db } from "#db/client";
import { cases } from "#db/schema";
import { caseOutcomes, caseStages, type CaseOutcome, type CaseStage } from "#db/schema/enums";

export type CollectiveSnapshot = {
  byStage: { stage: CaseStage; open: number }[];
  byOutcome: { outcome: CaseOutcome; cases: number }[];
  open: number;
  closed: number;
};

/** Counts only: nothing here can name a case, which is why observers may see it. */
export function collectiveSnapshot(db: Db, collectiveId: number): CollectiveSnapshot {
  const stageRows = db
    .select({ stage: cases.stage, n: count() })
    .from(cases)
    .where(and(eq(cases.collectiveId, collectiveId), eq(cases.status, "open")))
    .groupBy(cases.stage)
    .all();
  const outcomeRows = db
    .select({ outcome: cases.outcome, n: count() })
    .from(cases)
    .where(and(eq(cases.collectiveId, collectiveId), sql`${cases.outcome} is not null`))
    .groupBy(cases.outcome)
    .all();
  const statusRows = db
    .select({ status: cases.status, n: count() })
    .from(cases)
    .where(eq(cases.collectiveId, collectiveId))
    .groupBy(cases.status)
    .all();
  const byStatus = new Map(statusRows.map((r) => [r.status, r.n]));
  return {
    byStage: caseStages.map((stage) => ({ stage, open: stageRows.find((r) => r.stage === stage)?.n ?? 0 })),
    byOutcome: caseOutcomes.map((outcome) => ({ outcome, cases: outcomeRows.find((r) => r.outcome === outcome)?.n ?? 0 })),
    open: byStatus.get("open") ?? 0,
    closed: byStatus.get("closed") ?? 0,
  };
}
