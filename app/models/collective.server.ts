import { and, eq } from "drizzle-orm";
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

/**
 * Every district's collective, for the jobs that run in each (reminders, the archive), and for the
 * state's pages. Not the state's own row, which holds accounts and nothing else.
 */
export function listCollectives(db: Conn): Collective[] {
  return db.select().from(collectives).where(eq(collectives.kind, "district")).all();
}

/** A district's collective by id, for the state's pages; undefined for the state's own row or no such id. */
export function findDistrictCollective(db: Conn, collectiveId: number): Collective | undefined {
  return db
    .select()
    .from(collectives)
    .where(and(eq(collectives.id, collectiveId), eq(collectives.kind, "district")))
    .get();
}

/** Every collective's id, the state's own row too (it keeps an audit chain of the state's work). */
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
