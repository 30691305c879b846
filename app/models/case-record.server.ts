import { and, eq } from "drizzle-orm";
import type { Db } from "#db/client";
import { accused, caseEvents, victims } from "#db/schema";
import type { z } from "zod";
import type { accusedSchema, caseEventSchema, victimSchema } from "~/schemas/case";
import { nextVictimCode } from "./case.server";

// Additions to a case's record: events, victims (by code only) and accused.

export function addCaseEvent(db: Db, caseId: number, userId: number, input: z.infer<typeof caseEventSchema>) {
  const { intent: _intent, ...fields } = input;
  return db.insert(caseEvents).values({ ...fields, caseId, createdByUserId: userId }).returning().get();
}

type VictimInput = z.infer<typeof victimSchema>;
const victimFields = ({ intent: _i, victimId: _v, ...fields }: VictimInput) => fields;

export function addVictim(db: Db, collectiveId: number, caseId: number, input: VictimInput) {
  return db.transaction((tx) =>
    tx.insert(victims).values({ ...victimFields(input), collectiveId, caseId, code: nextVictimCode(tx, collectiveId) }).returning().get(),
  );
}

/** Updates a victim's services; false when the victim is not on this case. */
export function updateVictim(db: Db, caseId: number, victimId: number, input: VictimInput): boolean {
  return db.update(victims).set(victimFields(input)).where(and(eq(victims.id, victimId), eq(victims.caseId, caseId))).run().changes === 1;
}

export function addAccused(db: Db, caseId: number, input: z.infer<typeof accusedSchema>) {
  const { intent: _intent, ...fields } = input;
  return db.insert(accused).values({ ...fields, caseId }).returning().get();
}
