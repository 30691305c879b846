import { z } from "zod";

// Messages are catalogue keys (app/lib/i18n): parseForm writes them in the reader's language.

export const loginSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "errors.emailRequired")
    .pipe(z.email({ error: "errors.emailInvalid" })),
  password: z.string().min(1, "errors.passwordRequired"),
  redirectTo: z.string().optional(),
});
