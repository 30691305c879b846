import { z } from "zod";
import { departmentKinds } from "#db/schema/enums";
import { choice, optionalText, requiredText } from "./fields";

export const collectiveSchema = z.object({
  name: requiredText("Name", 120),
  district: requiredText("District", 120),
  districtCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2,5}$/, "Use 2 to 5 capital letters, for example NGP."),
  state: requiredText("State", 80),
  meetingWeekday: z.coerce.number().int().min(1, "Choose a weekday.").max(7, "Choose a weekday."),
  meetingWeekOfMonth: z.coerce
    .number()
    .int()
    .refine((v) => [1, 2, 3, 4, -1].includes(v), "Choose which week of the month."),
  meetingStartTime: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the start time as HH:MM, for example 11:00."),
  meetingDurationMinutes: z.coerce
    .number({ error: "Duration must be a number of minutes." })
    .int()
    .min(30, "Duration must be at least 30 minutes.")
    .max(480, "Duration must be at most 480 minutes."),
  meetingVenue: optionalText("Venue", 200),
  meetingLink: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^https:\/\/\S+$/.test(v), "The online link must start with https://")
    .transform((v) => (v ? v : null)),
});

export const newDepartmentSchema = z.object({
  name: requiredText("Department name", 160),
  kind: choice("Kind", departmentKinds),
});

export type CollectiveSettings = z.infer<typeof collectiveSchema>;
