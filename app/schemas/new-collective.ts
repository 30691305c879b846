import { z } from "zod";
import { departmentKinds } from "#db/schema/enums";
import { collectiveSchema } from "./collective";
import { requiredText } from "./fields";

/** A time zone the server and the browser both know (Asia/Kolkata, Asia/Kathmandu, …). */
function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value.includes("/") || value === "UTC";
  } catch {
    return false;
  }
}

const email = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .pipe(z.email({ error: "Enter a valid email address." }));

/** Who the state appoints as a collective's administrator: they get the welcome email. */
export const administratorFields = {
  adminName: requiredText("The administrator's name", 120),
  adminEmail: email("The administrator's official email"),
};

/** The administrator's own name and email are theirs: never compared with accused persons' names. */
export const administratorGuardFields = {
  adminName: { label: "the name of the administrator", scope: "own-contact" as const },
  adminEmail: { label: "the email of the administrator", scope: "own-contact" as const },
};

/** The state administrator's form for a new district collective and its first administrator. */
export const newCollectiveSchema = collectiveSchema
  .pick({
    district: true,
    districtCode: true,
    meetingWeekday: true,
    meetingWeekOfMonth: true,
    meetingStartTime: true,
    meetingDurationMinutes: true,
  })
  .extend({
    timeZone: z.string().trim().refine(isTimeZone, "Enter a time zone as Region/City, for example Asia/Kolkata."),
    // One checkbox per department of the typical nine: one ticked arrives as a string, several as a list.
    departments: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z
        .array(z.enum(departmentKinds, { error: "Choose departments from the list." }))
        .min(1, "Choose at least one department to start with."),
    ),
    ...administratorFields,
  });
export type NewCollective = z.infer<typeof newCollectiveSchema>;

export const appointSchema = z.object({ intent: z.literal("appoint"), ...administratorFields });
export const deactivateSchema = z.object({
  intent: z.literal("deactivate"),
  confirmDistrict: z
    .string({ error: "Type the district's name to confirm." })
    .trim()
    .min(1, "Type the district's name to confirm."),
});
