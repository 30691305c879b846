import { eq } from "drizzle-orm";
import type { Conn } from "#db/client";
import { collectives } from "#db/schema";
import type { AgendaWeights } from "~/lib/agenda/types";
import { audited } from "./audit.server";

/** The collective's agenda weights (/settings/agenda), saved and audited in one transaction. */
export function updateAgendaWeights(
  db: Conn,
  user: { id: number; collectiveId: number },
  weights: AgendaWeights,
): void {
  audited(
    db,
    (tx) =>
      tx
        .update(collectives)
        .set({ agendaWeights: JSON.stringify(weights) })
        .where(eq(collectives.id, user.collectiveId))
        .run(),
    () => ({ collectiveId: user.collectiveId, userId: user.id, action: "update", entity: "agenda_weights" }),
  );
}
