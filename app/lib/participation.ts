// The victim participation index: per victim, the weighted share of the applicable indicators
// that the system delivered. It measures the system, never the victim.
import type { CaseStage } from "#db/schema/enums";
import { caseStages } from "#db/schema/enums";

export type VictimServices = {
  legalAidAssignedOn: string | null;
  educationEnrolled: boolean;
  livelihoodSupport: boolean;
  compensationAppliedOn: string | null;
  compensationReceivedOn: string | null;
  inShelter: boolean;
  testifiedInProtectionRoom: boolean;
};

export const indicatorKeys = ["legal_aid", "education_or_livelihood", "compensation_applied", "compensation_received", "shelter", "protection_room"] as const;
export type IndicatorKey = (typeof indicatorKeys)[number];

/** How each indicator reads the victim's recorded services. */
export const indicatorMet: Record<IndicatorKey, (v: VictimServices) => boolean> = {
  legal_aid: (v) => !!v.legalAidAssignedOn,
  education_or_livelihood: (v) => v.educationEnrolled || v.livelihoodSupport,
  compensation_applied: (v) => !!v.compensationAppliedOn,
  compensation_received: (v) => !!v.compensationReceivedOn,
  shelter: (v) => v.inShelter,
  protection_room: (v) => v.testifiedInProtectionRoom,
};

const from = (stage: CaseStage) => caseStages.slice(caseStages.indexOf(stage));

export type Indicator = { key: IndicatorKey; label: string; weight: number; stages: CaseStage[]; active: boolean };

/** The defaults a new collective starts with; the administrator can change every part. */
export const defaultIndicators: Indicator[] = [
  { key: "legal_aid", label: "Legal-aid lawyer assigned", weight: 3, stages: from("fir"), active: true },
  { key: "education_or_livelihood", label: "Enrolled in education or livelihood support", weight: 2, stages: from("investigation"), active: true },
  { key: "compensation_applied", label: "Compensation applied for", weight: 2, stages: from("chargesheet"), active: true },
  { key: "compensation_received", label: "Compensation received", weight: 2, stages: from("prosecution_evidence"), active: true },
  { key: "shelter", label: "Offered shelter after rescue", weight: 1, stages: ["rescue", "fir", "investigation"], active: true },
  { key: "protection_room", label: "Testified in a victim protection room", weight: 3, stages: from("defence_evidence"), active: true },
];

export type IndexResult = { score: number | null; indicators: { label: string; weight: number; met: boolean }[] };

/** 0–100, or null when no indicator applies at the case's stage. */
export function participationIndex(victim: VictimServices, stage: CaseStage, indicators: readonly Indicator[]): IndexResult {
  const applicable = indicators.filter((i) => i.active && i.weight > 0 && i.stages.includes(stage));
  const rows = applicable.map((i) => ({ label: i.label, weight: i.weight, met: indicatorMet[i.key](victim) }));
  const total = rows.reduce((s, r) => s + r.weight, 0);
  if (total === 0) return { score: null, indicators: rows };
  const met = rows.filter((r) => r.met).reduce((s, r) => s + r.weight, 0);
  return { score: Math.round((met / total) * 100), indicators: rows };
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}
