import { z } from "zod";
import { agendaItemStatuses, attendanceStatuses } from "#db/schema/enums";
import { id, idDigits, optionalId, optionalText, requiredText, version } from "./fields";
import { dueDate } from "./action-item";
import type { DueDateRule } from "~/lib/date-rules";
import { staleFormMessage } from "~/lib/forms";
import { itemMinutesLimits } from "./minutes-limits";

const statusField = new RegExp(`^status\\.(${idDigits})$`);
const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);

/** The attendance grid: per department `status.<id>`, `name.<id>`, `designation.<id>`, `substitute.<id>`, `version.<id>`. */
export const attendanceSchema = z
  .object({ intent: z.literal("attendance") })
  .catchall(z.unknown())
  .transform((v, ctx) => {
    const rows = [];
    for (const key of Object.keys(v)) {
      const m = statusField.exec(key);
      if (!m) continue;
      const dept = m[1];
      const status = v[key];
      if (!attendanceStatuses.includes(status as never)) {
        ctx.addIssue({ code: "custom", path: [key], message: "Choose present, absent or excused." });
        continue;
      }
      const rowVersion = String(v[`version.${dept}`] ?? "");
      if (!/^(0|[1-9]\d{0,14})$/.test(rowVersion)) {
        ctx.addIssue({ code: "custom", path: [], message: staleFormMessage });
        continue;
      }
      const name = String(v[`name.${dept}`] ?? "").trim();
      const designation = String(v[`designation.${dept}`] ?? "").trim();
      if (status === "present" && !name)
        ctx.addIssue({ code: "custom", path: [`name.${dept}`], message: "Give the name of the person who attended." });
      if (name.length > 120)
        ctx.addIssue({ code: "custom", path: [`name.${dept}`], message: "Name must be at most 120 characters." });
      rows.push({
        departmentId: Number(dept),
        status: status as (typeof attendanceStatuses)[number],
        attendeeName: name || null,
        attendeeDesignation: designation || null,
        isSubstitute: v[`substitute.${dept}`] === "on",
        version: Number(rowVersion),
      });
    }
    return { intent: "attendance" as const, rows };
  });

export const itemMinutesSchema = z.object({
  intent: z.literal("item"),
  itemId: id("Agenda item"),
  discussion: optionalText("Discussion", itemMinutesLimits.discussion),
  decisions: optionalText("Decisions", itemMinutesLimits.decisions),
  status: z
    .preprocess(
      emptyToUndefined,
      z.enum(agendaItemStatuses, { error: "Choose discussed, deferred or not reached." }).optional(),
    )
    .transform((v) => v ?? null),
  minutesUsed: z
    .preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: "Minutes used must be a number." })
        .int("Minutes used must be a whole number.")
        .min(0, "Minutes used cannot be negative.")
        .max(600, "Minutes used must be at most 600.")
        .optional(),
    )
    .transform((v) => v ?? null),
  version: version(),
});

/** A new action on the run page: its due date from the meeting's day (lib/date-rules). */
export const actionItemSchema = (rule: DueDateRule) =>
  z.object({
    intent: z.literal("add-action"),
    agendaItemId: id("Agenda item"),
    description: requiredText("Action", 500),
    departmentId: id("Owning department"),
    dueOn: dueDate(rule),
    caseId: optionalId("Choose a case from the list, or none."),
  });

export const runIntentSchema = z.object({
  intent: z.enum(["attendance", "item", "add-action", "held", "confirm-previous"], { error: "Choose what to save." }),
});

export const amendmentSchema = z.object({
  intent: z.literal("amend"),
  amendmentText: requiredText("Amendment", 2000),
  movedBy: requiredText("Moved by", 160),
});
