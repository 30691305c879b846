import { z } from "zod";
import { languages } from "#db/schema/enums";
import { choice, id } from "./fields";

/** The admin's Disable / Enable button on the accounts page. */
export const accountActiveSchema = z.object({
  userId: id("Account"),
  intent: choice("Action", ["disable", "enable"]),
});

/** My account: the language to read the product in; "" follows the collective's default. */
export const accountLanguageSchema = z.object({
  language: z.union([z.enum(languages), z.literal("")], { error: "errors.languageInvalid" }),
});

/** The language switch shown before sign-in, and the page to come back to. */
export const languageSwitchSchema = z.object({
  language: z.enum(languages, { error: "errors.languageInvalid" }),
  redirectTo: z.string().optional(),
});
