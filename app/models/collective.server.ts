import { eq } from "drizzle-orm";
import type { Conn, Db } from "#db/client";
import { collectives } from "#db/schema";
import type { CollectiveSettings } from "~/schemas/collective";
import { audited } from "./audit.server";

export type Collective = typeof collectives.$inferSelect;

export function getCollective(db: Conn, collectiveId: number): Collective {
  const row = db.select().from(collectives).where(eq(collectives.id, collectiveId)).get();
  if (!row) throw new Error(`Collective ${collectiveId} does not exist`);
  return row;
}

/** Every collective of the deployment, for the jobs that run in each (reminders, scans, backup marks). */
export function listCollectives(db: Conn): Collective[] {
  return db.select().from(collectives).all();
}

export function listCollectiveIds(db: Conn): number[] {
  return db
    .select({ id: collectives.id })
    .from(collectives)
    .all()
    .map((c) => c.id);
}

/** A real read of the database, for the health check. */
export function countCollectives(db: Db): number {
  return (db.$client.prepare("select count(*) as n from collectives").get() as { n: number }).n;
}

/** The settings page's save, audited in the same transaction. */
export function updateCollectiveSettings(
  db: Conn,
  user: { id: number; collectiveId: number },
  settings: CollectiveSettings,
) {
  audited(
    db,
    (tx) => tx.update(collectives).set(settings).where(eq(collectives.id, user.collectiveId)).run(),
    () => ({
      collectiveId: user.collectiveId,
      userId: user.id,
      action: "update",
      entity: "collective",
      entityId: user.collectiveId,
    }),
  );
}
