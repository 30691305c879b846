import { z } from "zod";
import { optionalText, requiredDate, requiredText } from "./fields";

export const transferSchema = z.object({
  effectiveOn: requiredDate("Takes effect on"),
  officerName: requiredText("Successor's name", 120),
  designation: requiredText("Designation", 160),
  email: z.string().trim().min(1, "Email is required.").pipe(z.email({ error: "Enter a valid email address." })),
  phone: optionalText("Phone", 40).refine((v) => !v || /^[+0-9 ()-]{6,40}$/.test(v), "Enter a phone number of digits, spaces and +."),
});

export const setPasswordSchema = z
  .object({
    password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
    confirm: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirm) ctx.addIssue({ code: "custom", path: ["confirm"], message: "The two passwords do not match." });
  });
