import { and, asc, eq, inArray } from "drizzle-orm";
import type { Conn } from "#db/client";
import { caseEvents, cases, participationIndicators, victims } from "#db/schema";
import { caseStages, type CaseEventKind, type CaseStage } from "#db/schema/enums";
import { todayIn } from "~/lib/dates";
import type { OutcomeInput } from "~/lib/outcomes";
import {
  completeIndicators,
  defaultIndicators,
  indicatorKeys,
  type Indicator,
  type IndicatorKey,
} from "~/lib/participation";
import { getCollective } from "./collective.server";

/** The stages stored for an indicator; a value that cannot be read falls back to the default. */
function storedStages(key: IndicatorKey, json: string): CaseStage[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (Array.isArray(parsed))
      return parsed.filter((s): s is CaseStage => (caseStages as readonly unknown[]).includes(s));
  } catch {
    // Falls through to the default below.
  }
  return defaultIndicators.find((d) => d.key === key)!.stages;
}

/**
 * The collective's indicators: the defaults until the administrator has saved their own, and a
 * configuration saved before an indicator existed gains it with its default (see completeIndicators).
 */
export function participationIndicatorsFor(db: Conn, collectiveId: number): Indicator[] {
  const rows = db
    .select()
    .from(participationIndicators)
    .where(eq(participationIndicators.collectiveId, collectiveId))
    .orderBy(asc(participationIndicators.id))
    .all();
  if (!rows.length) return defaultIndicators;
  const stored = rows
    .filter((r) => (indicatorKeys as readonly string[]).includes(r.key))
    .map((r) => {
      const key = r.key as IndicatorKey;
      return { key, label: r.label, weight: r.weight, stages: storedStages(key, r.stages), active: r.active };
    });
  return completeIndicators(stored);
}

export function saveParticipationIndicators(db: Conn, collectiveId: number, indicators: Indicator[]) {
  db.transaction((tx) => {
    tx.delete(participationIndicators).where(eq(participationIndicators.collectiveId, collectiveId)).run();
    for (const i of indicators) {
      tx.insert(participationIndicators)
        .values({
          collectiveId,
          key: i.key,
          label: i.label,
          weight: i.weight,
          stages: JSON.stringify(i.stages),
          active: i.active,
        })
        .run();
    }
  });
}

const outcomeEventKinds: CaseEventKind[] = ["fir", "chargesheet_filed", "judgment", "bail_application", "bail_order"];

/** Everything the outcome figures read, in four queries. Restricted fields are never selected. */
export function outcomeInput(db: Conn, collectiveId: number): OutcomeInput {
  const caseRows = db
    .select({
      id: cases.id,
      outcome: cases.outcome,
      stage: cases.stage,
      openedOn: cases.openedOn,
      closedOn: cases.closedOn,
    })
    .from(cases)
    .where(eq(cases.collectiveId, collectiveId))
    .all();
  const ids = db.select({ id: cases.id }).from(cases).where(eq(cases.collectiveId, collectiveId));
  return {
    cases: caseRows,
    events: db
      .select({
        caseId: caseEvents.caseId,
        kind: caseEvents.kind,
        occurredOn: caseEvents.occurredOn,
        outcome: caseEvents.outcome,
      })
      .from(caseEvents)
      // Only the events a figure reads: most of a case's events are hearings, which none does.
      .where(and(inArray(caseEvents.caseId, ids), inArray(caseEvents.kind, outcomeEventKinds)))
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
        lastInformedOn: victims.lastInformedOn,
        heardAtBail: victims.heardAtBail,
        escortedWhenSummoned: victims.escortedWhenSummoned,
        supportPersonAtTestimony: victims.supportPersonAtTestimony,
        threatReported: victims.threatReported,
        threatActedOn: victims.threatActedOn,
      })
      .from(victims)
      .where(eq(victims.collectiveId, collectiveId))
      .all(),
    indicators: participationIndicatorsFor(db, collectiveId),
    today: todayIn(getCollective(db, collectiveId).timeZone),
  };
}
