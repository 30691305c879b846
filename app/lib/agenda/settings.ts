import { z } from "zod";
import { agendaRuleIds, type AgendaSettings, type AgendaWeights } from "./types";

/** The documented defaults: court dates and statutory deadlines first, housekeeping last. */
export const defaultWeights: AgendaWeights = {
  hearing_soon: 50,
  chargesheet: 45,
  bail: 40,
  appeal_window: 40,
  judgment: 35,
  escalated_actions: 30,
  identity_match: 30,
  overdue_actions: 25,
  new_case: 20,
  stage_change: 15,
  not_reviewed: 10,
};

export const ruleDescriptions: Record<keyof AgendaWeights, string> = {
  hearing_soon: "A hearing or victim testimony between this meeting and a week after the next one",
  chargesheet: "Chargesheet due within 21 days of the meeting, or overdue with none filed",
  bail: "A bail application pending, or bail granted since the last meeting",
  appeal_window: "An acquittal inside its 90-day appeal window with no appeal filed",
  judgment: "A judgment since the last meeting (brings a closed case back once)",
  escalated_actions: "Action items linked to the case that have been escalated",
  identity_match: "A possible repeat offender or re-trafficked victim",
  overdue_actions: "Action items linked to the case that are overdue",
  new_case: "A case registered since the last meeting",
  stage_change: "The case moved to a new stage since the last meeting",
  not_reviewed: "The case has not been discussed for several meetings",
};

/**
 * How a dated reason's weight grows as its date nears: days from the meeting to the date, and the
 * factor its weight is multiplied by (rounded). The first step that holds applies.
 */
export const urgencySteps: readonly { upToDays: number; factor: number; words: string }[] = [
  { upToDays: 0, factor: 2, words: "on or before the day of the meeting (a deadline already passed)" },
  { upToDays: 7, factor: 1.5, words: "within a week of the meeting" },
  { upToDays: 21, factor: 1, words: "within three weeks" },
  { upToDays: Number.POSITIVE_INFINITY, factor: 0.5, words: "further away" },
];

export function urgencyFactor(daysLeft: number): number {
  return urgencySteps.find((s) => daysLeft <= s.upToDays)!.factor;
}

export const defaultSettings: AgendaSettings = {
  weights: defaultWeights,
  notReviewedAfterMeetings: 3,
  minutes: {
    minutes_confirmation: 5,
    action_review: 15,
    escalations: 10,
    case_review: 8,
    custom: 10,
    any_other_business: 10,
  },
};

const weightsSchema = z.object(
  Object.fromEntries(agendaRuleIds.map((id) => [id, z.number().int().min(0).max(100)])) as Record<
    keyof AgendaWeights,
    z.ZodNumber
  >,
);

/** The collective's stored weights over the defaults; a damaged value falls back to the defaults. */
export function weightsFrom(stored: string | null | undefined): AgendaWeights {
  if (!stored) return defaultWeights;
  try {
    const parsed = weightsSchema.partial().safeParse(JSON.parse(stored));
    return parsed.success ? { ...defaultWeights, ...parsed.data } : defaultWeights;
  } catch {
    return defaultWeights;
  }
}
