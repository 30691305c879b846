import type { Db } from "#db/client";
import { auditLog } from "#db/schema";

export type AuditEntry = {
  collectiveId: number;
  userId: number | null;
  /** e.g. "view:restricted", "create", "update", "transfer". */
  action: string;
  entity: string;
  entityId?: number | null;
  /** Field names or ids only: never a restricted value. */
  detail?: string;
};

export function audit(db: Pick<Db, "insert">, entry: AuditEntry) {
  db.insert(auditLog)
    .values({ ...entry, entityId: entry.entityId ?? null, detail: entry.detail ?? null })
    .run();
}
