import crypto from "node:crypto";
import { eq, isNotNull } from "drizzle-orm";
import type { Conn } from "#db/client";
import { deployment, mailOutbox } from "#db/schema";

/**
 * This deployment's id, generated once and kept in the database (so a backup carries it, and a
 * move to a new domain or port keeps it). Calendar UIDs are built from it. A deployment that has
 * already sent invites keeps the host its UIDs were made from, so no calendar gets a duplicate.
 */
export function deploymentId(db: Conn, appUrl: string): string {
  const existing = db.select({ id: deployment.deploymentId }).from(deployment).where(eq(deployment.id, 1)).get();
  if (existing) return existing.id;
  const invitesSent = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(isNotNull(mailOutbox.icalEvent))
    .limit(1)
    .get();
  const generated = invitesSent ? new URL(appUrl).host : `${crypto.randomUUID()}.testa-desk`;
  db.insert(deployment).values({ id: 1, deploymentId: generated }).onConflictDoNothing().run();
  return db.select({ id: deployment.deploymentId }).from(deployment).where(eq(deployment.id, 1)).get()!.id;
}
