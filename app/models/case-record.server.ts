import { and, eq, sql } from "drizzle-orm";
import type { Conn } from "#db/client";
import { accused, caseEvents, cases, victims } from "#db/schema";
import type { CaseStage } from "#db/schema/enums";
import type { z } from "zod";
import { label, outcomeLabels } from "~/lib/labels";
import type { accusedSchema, CaseEventInput, victimSchema } from "~/schemas/case";
import { nextVictimCode } from "./case.server";

// Additions to a case's record: events, victims (by code only) and accused.

/** Stages a judgment moves a case out of; a case already at judgment, appeal or closed stays there. */
const beforeJudgment = new Set<CaseStage>([
  "rescue",
  "fir",
  "investigation",
  "chargesheet",
  "charges_framed",
  "prosecution_evidence",
  "defence_evidence",
]);

/**
 * Adds an event to the timeline. A judgment also sets the case's outcome (and moves it to the
 * judgment stage), in the same transaction, so the appeal clock and the outcomes agree with it.
 */
export function addCaseEvent(
  db: Conn,
  kase: typeof cases.$inferSelect,
  userId: number,
  input: CaseEventInput,
  today: string,
) {
  const { intent: _intent, verdict, ...fields } = input;
  return db.transaction((tx) => {
    const outcome = fields.outcome ?? (verdict ? label(outcomeLabels, verdict) : null);
    const event = tx
      .insert(caseEvents)
      .values({ ...fields, outcome, caseId: kase.id, createdByUserId: userId })
      .returning()
      .get();
    if (fields.kind === "judgment" && verdict) {
      const stageChanges = beforeJudgment.has(kase.stage);
      tx.update(cases)
        .set({
          outcome: verdict,
          version: sql`${cases.version} + 1`,
          ...(stageChanges ? { stage: "judgment" as const, stageChangedOn: today } : {}),
        })
        .where(eq(cases.id, kase.id))
        .run();
    }
    return event;
  });
}

type VictimInput = z.infer<typeof victimSchema>;
const victimFields = ({ intent: _i, victimId: _v, version: _version, ...fields }: VictimInput) => fields;

export function addVictim(db: Conn, collectiveId: number, caseId: number, input: VictimInput) {
  return db.transaction((tx) =>
    tx
      .insert(victims)
      .values({ ...victimFields(input), collectiveId, caseId, code: nextVictimCode(tx, collectiveId) })
      .returning()
      .get(),
  );
}

/**
 * Saves a victim's services if nobody changed them since the form was loaded (the form's version);
 * "conflict" writes nothing, "missing" means no such victim on this case.
 */
export function updateVictim(
  db: Conn,
  caseId: number,
  victimId: number,
  input: VictimInput,
): "saved" | "conflict" | "missing" {
  return db.transaction((tx) => {
    const current = tx
      .select({ version: victims.version })
      .from(victims)
      .where(and(eq(victims.id, victimId), eq(victims.caseId, caseId)))
      .get();
    if (!current) return "missing";
    if (input.version !== undefined && input.version !== current.version) return "conflict";
    tx.update(victims)
      .set({ ...victimFields(input), version: current.version + 1 })
      .where(eq(victims.id, victimId))
      .run();
    return "saved";
  });
}

export function addAccused(db: Conn, caseId: number, input: z.infer<typeof accusedSchema>) {
  const { intent: _intent, ...fields } = input;
  return db
    .insert(accused)
    .values({ ...fields, caseId })
    .returning()
    .get();
}
