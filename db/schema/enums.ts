// The closed vocabularies of the domain. Kept in one file so forms, schemas and the database agree.
export const departmentKinds = [
  "police",
  "prosecution",
  "court",
  "dcpu",
  "dwcd",
  "dlsa",
  "plv",
  "shelter_home",
  "ngo",
  "other",
] as const;
export type DepartmentKind = (typeof departmentKinds)[number];

/** The languages the product writes in: English (India), Marathi, Hindi. */
export const languages = ["en-IN", "mr", "hi"] as const;
export type Language = (typeof languages)[number];

export const roles = ["admin", "secretariat", "representative", "observer", "state_admin", "state_observer"] as const;
export type Role = (typeof roles)[number];

/** A district's collective, or the one row that stands for the state itself (its users are the state's). */
export const collectiveKinds = ["district", "state"] as const;
export type CollectiveKind = (typeof collectiveKinds)[number];

export const caseStages = [
  "rescue",
  "fir",
  "investigation",
  "chargesheet",
  "charges_framed",
  "prosecution_evidence",
  "defence_evidence",
  "judgment",
  "appeal",
  "closed",
] as const;
export type CaseStage = (typeof caseStages)[number];

export const caseStatuses = ["open", "closed"] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseOutcomes = ["convicted", "acquitted", "discharged", "other"] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

export const caseDepartmentRoles = ["lead", "support", "informed"] as const;
export type CaseDepartmentRole = (typeof caseDepartmentRoles)[number];

export const caseEventKinds = [
  "rescue",
  "arrest",
  "fir",
  "statement",
  "chargesheet_filed",
  "charges_framed",
  "hearing",
  "testimony",
  "bail_application",
  "bail_order",
  "judgment",
  "appeal_filed",
  "compensation_application",
  "compensation_order",
  "other",
] as const;
export type CaseEventKind = (typeof caseEventKinds)[number];

export const bailStatuses = ["not_applied", "pending", "granted", "refused", "cancelled"] as const;
export type BailStatus = (typeof bailStatuses)[number];

export const ageBands = ["under_12", "12_15", "16_17", "18_25", "26_35", "36_plus"] as const;
export type AgeBand = (typeof ageBands)[number];

export const meetingStatuses = ["planned", "agenda_published", "held", "cancelled"] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const agendaItemKinds = [
  "minutes_confirmation",
  "action_review",
  "escalations",
  "case_review",
  "custom",
  "any_other_business",
] as const;
export type AgendaItemKind = (typeof agendaItemKinds)[number];

export const agendaItemStatuses = ["discussed", "deferred", "not_reached"] as const;
export const attendanceStatuses = ["present", "absent", "excused"] as const;
export const minutesStates = ["draft", "circulated", "confirmed", "amended"] as const;
export const actionItemStatuses = ["open", "in_progress", "done", "blocked", "dropped"] as const;
export type ActionItemStatus = (typeof actionItemStatuses)[number];
export const mailStatuses = ["pending", "sent", "failed"] as const;

/** What an identity record can hold: for a victim, what the law names as identifying; for an accused, aliases. */
export const recordAttributes = [
  "name",
  "other_name",
  "father",
  "mother",
  "husband",
  "village",
  "school",
  "phone",
  "alias",
  "word",
] as const;
export type RecordAttribute = (typeof recordAttributes)[number];
