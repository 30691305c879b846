import { z } from "zod";
import { isRealIsoDate } from "~/lib/dates";
import { staleFormMessage } from "~/lib/forms";
import { formatCount } from "~/lib/plural";

// Field shapes reused by every form schema. Empty inputs arrive as "" and mean "not given".

/** Says the limit and how long the text is, so a person knows how much to cut. */
const tooLong = (label: string, max: number) => ({
  error: (issue: { input?: unknown }) =>
    `${label} must be at most ${formatCount(max)} characters${typeof issue.input === "string" ? ` (it has ${formatCount(issue.input.length)})` : ""}.`,
});

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, tooLong(label, max));

export const optionalText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, tooLong(label, max))
    .optional()
    .transform((v) => (v ? v : null));

const dateMessage = (label: string) => `${label} must be a real date (day/month/year).`;

export const requiredDate = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .refine(isRealIsoDate, dateMessage(label));

/** A required date that a rule of lib/date-rules also judges: its message, saying what is allowed, goes beside the field. */
export const ruledDate = (label: string, problem: (date: string) => string | null) =>
  requiredDate(label).superRefine((date, ctx) => {
    const message = problem(date);
    if (message) ctx.addIssue({ code: "custom", message });
  });

export const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isRealIsoDate(v), dateMessage(label))
    .transform((v) => (v ? v : null));

export const checkbox = () =>
  z
    .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal("")])
    .optional()
    .transform((v) => v === "on" || v === "true" || v === "1");

export const choice = <T extends readonly [string, ...string[]]>(label: string, options: T) =>
  z.enum(options, { error: `Choose a valid ${label.toLowerCase()}.` });

/**
 * A record id as the app writes it: decimal digits without sign, spaces or leading zeros, so each
 * number has one spelling (`dept-1` and `dept-01` would otherwise be one department twice).
 */
export const idDigits = "[1-9]\\d{0,14}";
const idText = new RegExp(`^${idDigits}$`);

export const id = (label: string, message = `Choose a ${label.toLowerCase()}.`) =>
  z.string({ error: message }).regex(idText, message).transform(Number);

/** An id that may be left empty ("none"): null then. */
export const optionalId = (message: string) =>
  z
    .string({ error: message })
    .optional()
    .refine((v) => !v || idText.test(v), message)
    .transform((v) => (v ? Number(v) : null));

/** The version a versioned form was loaded with. Required: without it a save would skip the conflict check. */
export const version = () =>
  z
    .string({ error: staleFormMessage })
    .regex(/^(0|[1-9]\d{0,14})$/, staleFormMessage)
    .transform(Number);
