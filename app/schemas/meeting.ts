import { z } from "zod";
import { id, optionalId, optionalText, requiredDate, requiredText, ruledDate, version } from "./fields";
import { meetingDateProblem } from "~/lib/date-rules";
import { plural } from "~/lib/plural";

const time = z
  .string({ error: "Start time is required." })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the start time as HH:MM, for example 11:00.");

const minutes = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} must be a number of minutes.` })
    .int(`${label} must be a whole number of minutes.`)
    .min(min, `${label} must be at least ${plural(min, "minute", "minutes")}.`)
    .max(max, `${label} must be at most ${plural(max, "minute", "minutes")}.`);

const link = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || /^https:\/\/[^\s]+$/.test(v), "The online link must start with https://")
  .transform((v) => (v ? v : null));

/** The schedule's free text, as the guard names it when it refuses a save. */
export const meetingPlaceFields = { venue: "the venue", onlineLink: "the online link" };

const scheduleFields = {
  date: requiredDate("Date"),
  startTime: time,
  durationMinutes: minutes("Duration", 30, 480),
  venue: optionalText("Venue", 200),
  onlineLink: link,
};

const venueOrLink = (v: { venue: string | null; onlineLink: string | null }, ctx: z.RefinementCtx) => {
  if (!v.venue && !v.onlineLink) {
    ctx.addIssue({ code: "custom", path: ["venue"], message: "Give a venue, an online-meeting link, or both." });
  }
};

/**
 * The meeting's day, from today up to a year ahead (lib/date-rules). `today` is the collective's,
 * given by the loader, so the browser (JavaScript on) and the action refuse the same days with the
 * same words.
 */
const meetingDay = (today: string) => ruledDate("Date", (date) => meetingDateProblem(date, today));

/** Schedule a meeting: when, how long, and where (a venue, a link, or both). */
export const meetingScheduleSchema = (today: string) =>
  z.object({ ...scheduleFields, date: meetingDay(today) }).superRefine(venueOrLink);

/** Reschedule: the same, with the version the page was loaded with. */
export const rescheduleSchema = (today: string) =>
  z.object({ ...scheduleFields, date: meetingDay(today), version: version() }).superRefine(venueOrLink);

const itemId = id("Agenda item");

export const agendaEditSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("move"), itemId, direction: z.enum(["up", "down"]) }),
    z.object({ intent: z.enum(["remove", "restore", "pin", "unpin", "to-written-update", "to-agenda"]), itemId }),
    z.object({ intent: z.literal("minutes"), itemId, minutes: minutes("Time", 1, 120), version: version() }),
    z.object({
      intent: z.literal("add"),
      title: requiredText("Title", 200),
      minutes: minutes("Time", 1, 120),
      presentingDepartmentId: optionalId("Choose a department from the list."),
    }),
    z.object({ intent: z.literal("regenerate") }),
  ],
  { error: "Choose an action." },
);

/** Just the fields of the "add an item" form, for its client-side check. */
export const customItemSchema = z.object({
  intent: z.literal("add"),
  title: requiredText("Title", 200),
  minutes: minutes("Time", 1, 120),
  presentingDepartmentId: z.string().optional(),
});

export const minutesFieldSchema = z.object({
  intent: z.literal("minutes"),
  itemId,
  minutes: minutes("Time", 1, 120),
  version: version(),
});

export const cancelMeetingSchema = z.object({
  confirm: z.literal("on", { error: "Tick the box to confirm the cancellation." }),
  reason: optionalText("Reason", 300),
  version: version(),
});

/** The cancellation's free text, checked by the leak guard when it is saved (it goes into every seat holder's email). */
export const cancelGuardFields = { reason: "the reason for cancelling" };

/** A matter a department's representative raises for the next agenda. The department comes from the session, never the form. */
export const raiseMatterSchema = z.object({
  title: requiredText("Title", 150),
  minutes: minutes("Time", 5, 30),
  caseId: optionalId("Choose one of your department's open cases from the list, or none."),
});
