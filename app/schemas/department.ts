import { z } from "zod";
import { departmentKinds } from "#db/schema/enums";
import { checkbox, choice, id, optionalText, requiredDate, requiredText } from "./fields";

/** Who holds a seat and how to reach them: the same fields when seating and when correcting. */
const holderFields = {
  officerName: requiredText("Successor's name", 120),
  designation: requiredText("Designation", 160),
  email: z
    .string()
    .trim()
    .min(1, "Email is required.")
    .pipe(z.email({ error: "Enter a valid email address." })),
  phone: optionalText("Phone", 40).refine(
    (v) => !v || /^[+0-9 ()-]{6,40}$/.test(v),
    "Enter a phone number of digits, spaces and +.",
  ),
};

/**
 * The holder's fields as the guard names them. The officer's own name, email and phone are
 * never compared with accused persons' names, and a phone number is allowed there; the
 * designation goes into briefs and minutes like any other text.
 */
export const holderGuardFields = (who: string) => ({
  officerName: { label: `the name of ${who}`, scope: "own-contact" as const },
  designation: `the designation of ${who}`,
  email: { label: `the email of ${who}`, scope: "own-contact" as const },
  phone: { label: `the phone of ${who}`, scope: "own-contact" as const },
});

export const transferSchema = z.object({
  effectiveOn: requiredDate("Takes effect on"),
  ...holderFields,
});

/** The department page carries several small admin forms; `intent` says which one posted. */
export const departmentEditSchema = z.object({
  intent: z.literal("department"),
  name: requiredText("Department name", 160),
  kind: choice("Kind", departmentKinds),
  active: checkbox(),
});

export const holderContactSchema = z.object({
  intent: z.literal("contact"),
  tenureId: id("Holder"),
  ...holderFields,
  officerName: requiredText("Name", 120),
});

export const newLinkSchema = z.object({
  intent: z.literal("link"),
  tenureId: id("Holder"),
});

/** The administrator lifts a sign-in lock after repeated wrong passwords. */
export const unlockSchema = z.object({
  intent: z.literal("unlock"),
  tenureId: id("Holder"),
});

export const setPasswordSchema = z
  .object({
    password: z.string().min(10, "errors.passwordShort").max(200, "errors.passwordLong"),
    confirm: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirm)
      ctx.addIssue({ code: "custom", path: ["confirm"], message: "errors.passwordsDiffer" });
  });
