import { lt } from "drizzle-orm";
import type { Conn } from "#db/client";
import { inputRefusals } from "#db/schema";

const keptDays = 30;

/**
 * Remembers one refused value by its keyed hash; true when it was not remembered already (then
 * the caller audits it). Refusals older than 30 days are forgotten here, so the table stays small.
 */
export function rememberRefusal(db: Conn, collectiveId: number, valueHash: string, now = new Date()): boolean {
  db.delete(inputRefusals)
    .where(lt(inputRefusals.refusedAt, new Date(now.getTime() - keptDays * 86_400_000).toISOString()))
    .run();
  return (
    db
      .insert(inputRefusals)
      .values({ valueHash, collectiveId, refusedAt: now.toISOString() })
      .onConflictDoNothing()
      .run().changes === 1
  );
}
