import { asc, eq, inArray } from "drizzle-orm";
import type { Conn } from "#db/client";
import { caseEvents, cases, participationIndicators, victims } from "#db/schema";
import { caseStages, type CaseStage } from "#db/schema/enums";
import type { OutcomeInput } from "~/lib/outcomes";
import { defaultIndicators, indicatorKeys, type Indicator, type IndicatorKey } from "~/lib/participation";

/** The collective's indicators; the defaults until the administrator has saved their own. */
export function participationIndicatorsFor(db: Conn, collectiveId: number): Indicator[] {
  const rows = db.select().from(participationIndicators).where(eq(participationIndicators.collectiveId, collectiveId)).orderBy(asc(participationIndicators.id)).all();
  if (!rows.length) return defaultIndicators;
  return rows
    .filter((r) => (indicatorKeys as readonly string[]).includes(r.key))
    .map((r) => ({
      key: r.key as IndicatorKey,
      label: r.label,
      weight: r.weight,
      stages: (JSON.parse(r.stages) as string[]).filter((s): s is CaseStage => (caseStages as readonly string[]).includes(s)),
      active: r.active,
    }));
}

export function saveParticipationIndicators(db: Conn, collectiveId: number, indicators: Indicator[]) {
  db.transaction((tx) => {
    tx.delete(participationIndicators).where(eq(participationIndicators.collectiveId, collectiveId)).run();
    for (const i of indicators) {
      tx.insert(participationIndicators).values({ collectiveId, key: i.key, label: i.label, weight: i.weight, stages: JSON.stringify(i.stages), active: i.active }).run();
    }
  });
}

/** Everything the outcome figures read, in four queries. Restricted fields are never selected. */
export function outcomeInput(db: Conn, collectiveId: number): OutcomeInput {
  const caseRows = db
    .select({ id: cases.id, outcome: cases.outcome, stage: cases.stage, openedOn: cases.openedOn, closedOn: cases.closedOn })
    .from(cases)
    .where(eq(cases.collectiveId, collectiveId))
    .all();
  const ids = db.select({ id: cases.id }).from(cases).where(eq(cases.collectiveId, collectiveId));
  return {
    cases: caseRows,
    events: db
      .select({ caseId: caseEvents.caseId, kind: caseEvents.kind, occurredOn: caseEvents.occurredOn, outcome: caseEvents.outcome })
      .from(caseEvents)
      .where(inArray(caseEvents.caseId, ids))
      .all(),
    victims: db
      .select({
        caseId: victims.caseId,
        legalAidAssignedOn: victims.legalAidAssignedOn,
        educationEnrolled: victims.educationEnrolled,
        livelihoodSupport: victims.livelihoodSupport,
        compensationAppliedOn: victims.compensationAppliedOn,
        compensationReceivedOn: victims.compensationReceivedOn,
        inShelter: victims.inShelter,
        testifiedInProtectionRoom: victims.testifiedInProtectionRoom,
      })
      .from(victims)
      .where(eq(victims.collectiveId, collectiveId))
      .all(),
    indicators: participationIndicatorsFor(db, collectiveId),
  };
}
