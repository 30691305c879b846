import { z } from "zod";
import { actionItemStatuses } from "#db/schema/enums";
import { isRealIsoDate } from "~/lib/dates";
import { dueDateProblem, type DueDateRule } from "~/lib/date-rules";
import { optionalText, requiredText, ruledDate, version } from "./fields";

/**
 * An action's due date, as set or moved: within the rule's bounds (lib/date-rules). The date it
 * already has (`current`) is not judged again, so an older item can be saved as it stands. The
 * loader gives the rule, so the browser (JavaScript on) and the action refuse with the same words.
 */
export const dueDate = (rule: DueDateRule, current: string | null = null) =>
  ruledDate("Due date", (dueOn) => (dueOn === current ? null : dueDateProblem(dueOn, rule)));

/** A department's update of its action: status, evidence, and a due date moved with a reason. */
export const actionUpdateSchema = (rule: DueDateRule, currentDueOn: string) =>
  z
    .object({
      status: z.enum(actionItemStatuses, { error: "Choose a status from the list." }),
      reason: optionalText("Reason", 500),
      comment: optionalText("Comment", 2000),
      dueOn: dueDate(rule, currentDueOn),
      currentDueOn: z.string(),
      dueReason: optionalText("Reason for the new due date", 500),
      version: version(),
    })
    .superRefine((v, ctx) => {
      if ((v.status === "blocked" || v.status === "dropped") && !v.reason) {
        ctx.addIssue({ code: "custom", path: ["reason"], message: `Say why the item is ${v.status}.` });
      }
      if (v.status === "done" && !v.comment)
        ctx.addIssue({ code: "custom", path: ["comment"], message: "Say what was done, and when." });
      if (v.dueOn !== v.currentDueOn && !v.dueReason)
        ctx.addIssue({ code: "custom", path: ["dueReason"], message: "Give a reason for moving the due date." });
    });

/** The "All actions" filters come from the URL; a bad one is reported and ignored. */
export const actionFilterFields = {
  department: z.coerce
    .number({ error: "Choose a department from the list." })
    .int("Choose a department from the list.")
    .positive("Choose a department from the list."),
  status: z.enum(actionItemStatuses, { error: "That status does not exist." }),
  dueFrom: z.string().refine(isRealIsoDate, "Due from must be a real date."),
  dueTo: z.string().refine(isRealIsoDate, "Due to must be a real date."),
  caseId: z.coerce
    .number({ error: "Choose a case from the list." })
    .int("Choose a case from the list.")
    .positive("Choose a case from the list."),
  meetingId: z.coerce
    .number({ error: "Choose a meeting from the list." })
    .int("Choose a meeting from the list.")
    .positive("Choose a meeting from the list."),
  caseCode: z.string().trim().max(40, "A case code is at most 40 characters."),
  page: z.coerce
    .number({ error: "Page must be a number." })
    .int("Page must be a number.")
    .min(1, "Page must be 1 or more.")
    .max(100_000, "There is no such page."),
};

/** Past this many cases the list's case filter is a case code typed in, not a list to scroll. */
export const caseChoicesListed = 300;

const optionalId = z
  .preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional())
  .transform((v) => v ?? null);

/**
 * The secretariat corrects what a meeting agreed: the action's text, department, case and due
 * date. Once the minutes are circulated the correction is an amendment, so it names who moved it.
 */
export const actionCorrectionSchema = (rule: DueDateRule, currentDueOn: string) =>
  z.object({
    intent: z.literal("correct"),
    description: requiredText("Action", 500),
    departmentId: z.coerce
      .number({ error: "Choose the owning department." })
      .int("Choose the owning department.")
      .positive("Choose the owning department."),
    dueOn: dueDate(rule, currentDueOn),
    caseId: optionalId,
    movedBy: optionalText("Moved by", 160),
    version: version(),
  });
export type ActionCorrection = z.infer<ReturnType<typeof actionCorrectionSchema>>;

/** Dropping an action: it leaves every agenda, review and count of open work, and keeps its history (an amendment once the minutes are circulated). */
export const actionDropSchema = z.object({
  intent: z.literal("drop"),
  reason: requiredText("Reason for dropping", 500),
  movedBy: optionalText("Moved by", 160),
  version: version(),
});
