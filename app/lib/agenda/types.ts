import type { AgendaItemKind, BailStatus, CaseEventKind, CaseOutcome, CaseStage, CaseStatus } from "#db/schema/enums";

/** One case as the agenda generator sees it: only what the rules read. */
export type AgendaCase = {
  id: number;
  code: string;
  stage: CaseStage;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  openedOn: string;
  /** The day the case entered the register (ISO date in the collective's zone). */
  registeredOn: string;
  /** The day the stage last changed, when known. */
  stageChangedOn: string | null;
  chargesheetLimitDays: number;
  leadDepartmentId: number | null;
  /** In date order, oldest first. */
  events: { kind: CaseEventKind; occurredOn: string; outcome: string | null; nextDate: string | null }[];
  accused: { arrestedOn: string | null; bailStatus: BailStatus }[];
  overdueActionItems: number;
  /** Held meetings since this case was last discussed (or since it was registered, if never). */
  meetingsSinceReviewed: number;
  /** Reasons contributed by other parts of the app (escalations, identity matches). */
  extraReasons?: { rule: AgendaRuleId; reason: string }[];
};

export const agendaRuleIds = [
  "hearing_soon",
  "chargesheet",
  "bail",
  "appeal_window",
  "judgment",
  "overdue_actions",
  "escalated_actions",
  "new_case",
  "stage_change",
  "not_reviewed",
  "identity_match",
] as const;
export type AgendaRuleId = (typeof agendaRuleIds)[number];
export type AgendaWeights = Record<AgendaRuleId, number>;

export type AgendaSettings = {
  weights: AgendaWeights;
  /** A case not discussed for this many held meetings comes back. */
  notReviewedAfterMeetings: number;
  minutes: Record<AgendaItemKind, number>;
};

export type AgendaContext = {
  /** The meeting's date in the collective's zone. */
  meetingDate: string;
  /** When the meeting after this one is expected (from the collective's meeting defaults). */
  nextMeetingDate: string;
  /** The previous held meeting's date, or null for the first meeting. */
  lastMeetingDate: string | null;
  /** Its number, to name it ("Minutes of Meeting 7"). */
  lastMeetingNumber?: number | null;
  durationMinutes: number;
  /** Open action items for the standing review; counts only. */
  actionReview: { overdue: number; dueBeforeNextMeeting: number; departments: number; lines?: string[] };
  escalatedActionItems: number;
  /** One line per escalated item, for the Escalations item. */
  escalationLines?: string[];
  settings: AgendaSettings;
};

export type GeneratedItem = {
  kind: AgendaItemKind;
  caseId: number | null;
  title: string;
  reasons: string[];
  minutes: number;
  score: number;
  presentingDepartmentId: number | null;
};

export type GeneratedAgenda = { items: GeneratedItem[]; writtenUpdates: GeneratedItem[] };
