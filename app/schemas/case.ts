import { z } from "zod";
import {
  ageBands,
  bailStatuses,
  caseDepartmentRoles,
  caseEventKinds,
  caseOutcomes,
  caseStages,
  caseStatuses,
} from "#db/schema/enums";
import { eventDateProblem, type EventDateRule } from "~/lib/date-rules";
import { isRealIsoDate } from "~/lib/dates";
import { parseFilters } from "./filters";
import {
  checkbox,
  choice,
  id,
  idDigits,
  optionalDate,
  optionalText,
  requiredDate,
  requiredText,
  version,
} from "./fields";
import { staleFormMessage } from "~/lib/forms";

const deptField = new RegExp(`^dept-(${idDigits})$`);
const emptyToNull = (v: unknown) => (v === "" ? undefined : v);

/** The create and edit form of a case. Departments come as one select per department: `dept-<id>`. */
/** The register's free text that representatives read, as the guard names it (the FIR is restricted). */
export const caseGuardFields = {
  policeStation: "the police station",
  courtName: "the court",
  courtCaseNumber: "the court case number",
  sections: "the list of sections",
};

export const caseSchema = z
  .object({
    policeStation: requiredText("Police station", 120),
    firNumber: optionalText("FIR number", 30),
    firYear: z.preprocess(
      emptyToNull,
      z.coerce
        .number({ error: "FIR year must be a year such as 2026." })
        .int("FIR year must be a year such as 2026.")
        .min(1950, "FIR year must be 1950 or later.")
        .max(2100, "FIR year must be a year such as 2026.")
        .optional(),
    ),
    courtName: optionalText("Court", 160),
    courtCaseNumber: optionalText("Court case number", 60),
    sections: optionalText("Sections", 300),
    stage: choice("Stage", caseStages),
    status: choice("Status", caseStatuses),
    outcome: z.preprocess(emptyToNull, choice("Outcome", caseOutcomes).optional()),
    openedOn: requiredDate("Opened on"),
    closedOn: optionalDate("Closed on"),
    chargesheetLimitDays: z.enum(["60", "90"], { error: "Choose 60 or 90 days." }).transform(Number),
    version: z.preprocess(emptyToNull, version().optional()),
  })
  .catchall(z.unknown())
  .transform((v, ctx) => {
    const departments: { departmentId: number; role: (typeof caseDepartmentRoles)[number] }[] = [];
    for (const [key, value] of Object.entries(v)) {
      const m = deptField.exec(key);
      if (!m || value === "" || value === undefined) continue;
      if (!caseDepartmentRoles.includes(value as never)) {
        ctx.addIssue({ code: "custom", path: [key], message: "Choose lead, support or informed." });
        continue;
      }
      departments.push({ departmentId: Number(m[1]), role: value as (typeof caseDepartmentRoles)[number] });
    }
    if (departments.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["departments"],
        message: "Choose at least one department involved in the case.",
      });
    if (v.closedOn && v.closedOn < v.openedOn)
      ctx.addIssue({ code: "custom", path: ["closedOn"], message: "Closed on cannot be before opened on." });
    if (v.status === "closed" && !v.closedOn)
      ctx.addIssue({ code: "custom", path: ["closedOn"], message: "Give the date the case was closed." });
    return {
      policeStation: v.policeStation,
      firNumber: v.firNumber,
      firYear: v.firYear ?? null,
      courtName: v.courtName,
      courtCaseNumber: v.courtCaseNumber,
      sections: v.sections ?? "",
      stage: v.stage,
      status: v.status,
      outcome: v.outcome ?? null,
      openedOn: v.openedOn,
      closedOn: v.closedOn,
      chargesheetLimitDays: v.chargesheetLimitDays,
      version: v.version,
      departments,
    };
  });
export type CaseInput = z.infer<typeof caseSchema>;

/** One event on the timeline. A judgment also records the verdict, which becomes the case's outcome. */
export const caseEventSchema = z
  .object({
    intent: z.literal("add-event"),
    kind: choice("Event", caseEventKinds),
    occurredOn: requiredDate("Date"),
    outcome: optionalText("Outcome", 300),
    nextDate: optionalDate("Next date"),
    verdict: z.preprocess(emptyToNull, choice("Verdict", caseOutcomes).optional()).transform((v) => v ?? null),
    note: optionalText("Note", 2000),
  })
  .superRefine((v, ctx) => {
    if (v.nextDate && v.nextDate < v.occurredOn)
      ctx.addIssue({ code: "custom", path: ["nextDate"], message: "The next date cannot be before the event's date." });
    if (v.kind === "judgment" && !v.verdict)
      ctx.addIssue({ code: "custom", path: ["verdict"], message: "Choose the verdict of the judgment." });
    if (v.kind !== "judgment" && v.verdict)
      ctx.addIssue({
        code: "custom",
        path: ["verdict"],
        message: "Only a judgment has a verdict: leave it empty for this event.",
      });
  });
export type CaseEventInput = z.infer<typeof caseEventSchema>;

/**
 * The "Add an event" form: the event, with its dates judged (lib/date-rules). An event may be past
 * or planned, but an outcome cannot be in the future. The register import adds its own dated event
 * through caseEventSchema.
 */
export const caseEventFormSchema = (rule: EventDateRule) =>
  caseEventSchema.superRefine((event, ctx) => {
    const problem = eventDateProblem(event, rule);
    if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  });

/** "yes", "no", or empty for "not yet": stored as true, false or null. */
const yesNoNotYet = (label: string) =>
  z
    .preprocess(
      emptyToNull,
      z.enum(["yes", "no"], { error: `Choose an answer for ${label.toLowerCase()}.` }).optional(),
    )
    .transform((v) => (v === undefined ? null : v === "yes"));

export const victimSchema = z
  .object({
    intent: z.enum(["add-victim", "update-victim"]),
    victimId: z.preprocess(emptyToNull, id("Victim").optional()),
    /** The victim's version when the form was loaded: a save over someone else's change is refused. */
    version: z.preprocess(emptyToNull, version().optional()),
    minor: checkbox(),
    ageBand: choice("Age band", ageBands),
    legalAidAssignedOn: optionalDate("Legal-aid lawyer assigned on"),
    educationEnrolled: checkbox(),
    livelihoodSupport: checkbox(),
    compensationAppliedOn: optionalDate("Compensation applied on"),
    compensationReceivedOn: optionalDate("Compensation received on"),
    inShelter: checkbox(),
    testifiedInProtectionRoom: checkbox(),
    lastInformedOn: optionalDate("Last informed of case progress on"),
    heardAtBail: yesNoNotYet("Heard at bail hearings"),
    escortedWhenSummoned: yesNoNotYet("When summoned"),
    supportPersonAtTestimony: checkbox(),
    threatReported: checkbox(),
    threatActedOn: checkbox(),
  })
  .superRefine((v, ctx) => {
    // An update without the version it was loaded with would skip the conflict check.
    if (v.intent === "update-victim" && (v.victimId === undefined || v.version === undefined)) {
      ctx.addIssue({ code: "custom", path: [], message: staleFormMessage });
    }
    const adultBand = !["under_12", "12_15", "16_17"].includes(v.ageBand);
    if (v.minor === adultBand)
      ctx.addIssue({
        code: "custom",
        path: ["ageBand"],
        message: v.minor ? "A minor's age band must be under 18." : "Tick “minor” for an age band under 18.",
      });
    if (v.compensationReceivedOn && !v.compensationAppliedOn)
      ctx.addIssue({
        code: "custom",
        path: ["compensationAppliedOn"],
        message: "Give the date compensation was applied for.",
      });
    if (v.threatActedOn && !v.threatReported)
      ctx.addIssue({
        code: "custom",
        path: ["threatActedOn"],
        message: "A threat is acted on only once reported: tick “threat reported” too.",
      });
  });

export const accusedSchema = z.object({
  intent: z.literal("add-accused"),
  name: requiredText("Name", 120),
  arrestedOn: optionalDate("Arrested on"),
  bailStatus: choice("Bail status", bailStatuses),
});

const searchHint =
  "Search by case code, police station, court case number, section or stage (letters, digits, spaces and - / . , only).";
const firHint = "Type an FIR number as it is written, for example 0234/2025 (letters, digits, spaces and - / . only).";

/** The case list's filters come from the URL, so every value is checked; a bad one is dropped with a message. */
export const caseFilterFields = {
  q: z
    .string()
    .trim()
    .max(60, searchHint)
    .regex(/^[\p{L}\p{M}\p{N} ./,()-]*$/u, searchHint),
  fir: z
    .string()
    .trim()
    .max(30, firHint)
    .regex(/^[A-Za-z0-9 ./-]*$/, firHint),
  stage: z.enum(caseStages, { error: "That stage does not exist." }),
  status: z.enum(caseStatuses, { error: "Status is open or closed." }),
  department: z.coerce
    .number({ error: "Choose a department from the list." })
    .int("Choose a department from the list.")
    .positive("Choose a department from the list."),
  from: z.string().refine(isRealIsoDate, "From must be a real date."),
  to: z.string().refine(isRealIsoDate, "To must be a real date."),
  page: z.coerce
    .number({ error: "Page must be a number." })
    .int("Page must be a number.")
    .min(1, "Page must be 1 or more.")
    .max(10_000, "There is no such page."),
};
export type CaseFilters = Partial<{
  q: string;
  fir: string;
  stage: (typeof caseStages)[number];
  status: (typeof caseStatuses)[number];
  department: number;
  from: string;
  to: string;
  page: number;
}>;

/** Each filter on its own: a bad one is reported and ignored, the good ones still apply. */
export function parseCaseFilters(params: URLSearchParams): { filters: CaseFilters; errors: Record<string, string> } {
  const { filters, errors } = parseFilters(caseFilterFields, params);
  if (filters.from && filters.to && filters.to < filters.from) {
    errors.to = "To cannot be before from.";
    delete filters.to;
  }
  return { filters: filters as CaseFilters, errors };
}

export const matchDecisionSchema = z.object({
  intent: z.literal("decide-match"),
  matchId: id("Match"),
  decision: z.enum(["confirmed", "dismissed"], { error: "Confirm or dismiss the match." }),
});
