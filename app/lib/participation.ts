// The victim participation index: per victim, the weighted share of the applicable indicators
// that the system delivered. It measures the system, never the victim.
import type { CaseStage } from "#db/schema/enums";
import { caseStages } from "#db/schema/enums";
import { daysBetween } from "./dates";
import { at } from "./at";

export type VictimServices = {
  legalAidAssignedOn: string | null;
  educationEnrolled: boolean;
  livelihoodSupport: boolean;
  compensationAppliedOn: string | null;
  compensationReceivedOn: string | null;
  inShelter: boolean;
  testifiedInProtectionRoom: boolean;
  lastInformedOn: string | null;
  /** Null until a bail hearing has been held. */
  heardAtBail: boolean | null;
  /** Escort or travel provided when summoned; null until she has been summoned. */
  escortedWhenSummoned: boolean | null;
  supportPersonAtTestimony: boolean;
  threatReported: boolean;
  threatActedOn: boolean;
};

/** The recorded services of a victim row, and nothing else from it. */
export function victimServices(v: VictimServices): VictimServices {
  return {
    legalAidAssignedOn: v.legalAidAssignedOn,
    educationEnrolled: v.educationEnrolled,
    livelihoodSupport: v.livelihoodSupport,
    compensationAppliedOn: v.compensationAppliedOn,
    compensationReceivedOn: v.compensationReceivedOn,
    inShelter: v.inShelter,
    testifiedInProtectionRoom: v.testifiedInProtectionRoom,
    lastInformedOn: v.lastInformedOn,
    heardAtBail: v.heardAtBail,
    escortedWhenSummoned: v.escortedWhenSummoned,
    supportPersonAtTestimony: v.supportPersonAtTestimony,
    threatReported: v.threatReported,
    threatActedOn: v.threatActedOn,
  };
}

export const indicatorKeys = [
  "legal_aid",
  "education_or_livelihood",
  "compensation_applied",
  "compensation_received",
  "shelter",
  "protection_room",
  "informed",
  "heard_at_bail",
  "attended_when_summoned",
  "testimony_supported",
  "threat_acted_on",
] as const;
export type IndicatorKey = (typeof indicatorKeys)[number];

/** "Informed of case progress" counts when she was last told within this many days. */
export const informedWithinDays = 60;

/**
 * How each indicator reads the victim's recorded services: met, not met, or null when it does not
 * apply to her (no bail hearing yet, never summoned, no threat reported). `today` (the collective's)
 * is read only by the date-bound indicator.
 */
export const indicatorMet: Record<IndicatorKey, (v: VictimServices, today: string) => boolean | null> = {
  legal_aid: (v) => !!v.legalAidAssignedOn,
  education_or_livelihood: (v) => v.educationEnrolled || v.livelihoodSupport,
  compensation_applied: (v) => !!v.compensationAppliedOn,
  compensation_received: (v) => !!v.compensationReceivedOn,
  shelter: (v) => v.inShelter,
  protection_room: (v) => v.testifiedInProtectionRoom,
  informed: (v, today) => {
    if (!v.lastInformedOn) return false;
    const ago = daysBetween(v.lastInformedOn, today);
    return ago >= 0 && ago <= informedWithinDays;
  },
  heard_at_bail: (v) => v.heardAtBail,
  attended_when_summoned: (v) => v.escortedWhenSummoned,
  testimony_supported: (v) => v.testifiedInProtectionRoom || v.supportPersonAtTestimony,
  threat_acted_on: (v) => (v.threatReported ? v.threatActedOn : null),
};

/** What each indicator reads, for the administrator choosing weights. */
export const indicatorDescriptions: Record<IndicatorKey, string> = {
  legal_aid: "Met once a legal-aid lawyer is assigned.",
  education_or_livelihood: "Met when she is enrolled in education or given livelihood support.",
  compensation_applied: "Met once victim compensation is applied for.",
  compensation_received: "Met once victim compensation is received.",
  shelter: "Met when she is in a shelter.",
  protection_room:
    "Met when her testimony was taken in a victim protection room. Also counted by “testimony taken in a protection room or with a support person”.",
  informed: `Met when she was last informed of the case's progress within ${informedWithinDays} days.`,
  heard_at_bail: "Met when she was heard at the bail hearings. Does not apply until a bail hearing is held.",
  attended_when_summoned:
    "Met when escort or travel was provided each time she was summoned. Does not apply until she is summoned.",
  testimony_supported: "Met when her testimony was taken in a victim protection room or with a support person.",
  threat_acted_on: "Met when a threat she reported was acted on. Applies only when a threat was reported.",
};

const from = (stage: CaseStage) => caseStages.slice(caseStages.indexOf(stage));
const between = (first: CaseStage, last: CaseStage) =>
  caseStages.slice(caseStages.indexOf(first), caseStages.indexOf(last) + 1);

export type Indicator = { key: IndicatorKey; label: string; weight: number; stages: CaseStage[]; active: boolean };

/** The defaults a new collective starts with; the administrator can change every part. */
export const defaultIndicators: Indicator[] = [
  { key: "legal_aid", label: "Legal-aid lawyer assigned", weight: 3, stages: from("fir"), active: true },
  {
    key: "education_or_livelihood",
    label: "Enrolled in education or livelihood support",
    weight: 2,
    stages: from("investigation"),
    active: true,
  },
  {
    key: "compensation_applied",
    label: "Compensation applied for",
    weight: 2,
    stages: from("chargesheet"),
    active: true,
  },
  {
    key: "compensation_received",
    label: "Compensation received",
    weight: 2,
    stages: from("prosecution_evidence"),
    active: true,
  },
  {
    key: "shelter",
    label: "Offered shelter after rescue",
    weight: 1,
    stages: ["rescue", "fir", "investigation"],
    active: true,
  },
  // Off by default: "testimony_supported" counts the protection room too, and would count it twice.
  {
    key: "protection_room",
    label: "Testified in a victim protection room",
    weight: 3,
    stages: from("defence_evidence"),
    active: false,
  },
  {
    key: "informed",
    label: `Informed of case progress in the last ${informedWithinDays} days`,
    weight: 2,
    stages: between("fir", "appeal"),
    active: true,
  },
  { key: "heard_at_bail", label: "Heard at bail hearings", weight: 2, stages: from("fir"), active: true },
  {
    key: "attended_when_summoned",
    label: "Escort or travel provided when summoned",
    weight: 2,
    stages: from("investigation"),
    active: true,
  },
  {
    key: "testimony_supported",
    label: "Testimony taken in a protection room or with a support person",
    weight: 3,
    stages: from("defence_evidence"),
    active: true,
  },
  { key: "threat_acted_on", label: "Threat reported and acted on", weight: 3, stages: [...caseStages], active: true },
];

/**
 * A stored configuration made whole: indicators added since it was saved take their defaults, so
 * an old configuration keeps working. One exception: where the room-only indicator is counted,
 * the room-or-support-person one takes over its weight and stages and it stops counting alone,
 * so that no protection room is counted twice.
 */
export function completeIndicators(stored: readonly Indicator[]): Indicator[] {
  const result = [...stored];
  const has = new Set(stored.map((i) => i.key));
  for (const d of defaultIndicators) {
    if (has.has(d.key)) continue;
    const room = result.findIndex((i) => i.key === "protection_room" && i.active);
    if (d.key === "testimony_supported" && room >= 0) {
      const protectionRoom = at(result, room);
      result.push({ ...d, weight: protectionRoom.weight, stages: protectionRoom.stages });
      result[room] = { ...protectionRoom, active: false };
    } else {
      result.push(d);
    }
  }
  return result;
}

export type IndexResult = {
  score: number | null;
  indicators: { key: IndicatorKey; label: string; weight: number; met: boolean }[];
};

/**
 * 0–100, or null when no indicator applies to this victim at the case's stage. Pure: pass `today`
 * (the collective's calendar date) for the indicators that depend on it.
 */
export function participationIndex(
  victim: VictimServices,
  stage: CaseStage,
  indicators: readonly Indicator[],
  today: string,
): IndexResult {
  const rows = indicators
    .filter((i) => i.active && i.weight > 0 && i.stages.includes(stage))
    .flatMap((i) => {
      const met = indicatorMet[i.key](victim, today);
      return met === null ? [] : [{ key: i.key, label: i.label, weight: i.weight, met }];
    });
  const total = rows.reduce((s, r) => s + r.weight, 0);
  if (total === 0) return { score: null, indicators: rows };
  const met = rows.filter((r) => r.met).reduce((s, r) => s + r.weight, 0);
  return { score: Math.round((met / total) * 100), indicators: rows };
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? at(sorted, mid) : Math.round((at(sorted, mid - 1) + at(sorted, mid)) / 2);
}
