import { z } from "zod";
import type { RecordAttribute } from "#db/schema/enums";
import { id, optionalText } from "./fields";

// The identity record forms: what is typed is fingerprinted, then discarded. Never stored as text.

const birthYear = z
  .preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number({ error: "Birth year must be a year such as 1998." })
      .int("Birth year must be a year such as 1998.")
      .min(1920, "Birth year must be 1920 or later.")
      .max(2030, "Birth year must be a year such as 1998.")
      .optional(),
  )
  .transform((v) => v ?? null);

/** Several values in one box: one a line, or separated by commas or semicolons. */
const lines = (label: string, max = 600) =>
  optionalText(label, max).transform((v) =>
    v
      ? v
          .split(/[\n;,]+/)
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
  );

type Entry = { attribute: RecordAttribute; value: string };
type Ctx = z.RefinementCtx;

/** A name must hold a letter; a phone number 8 to 13 digits. Each problem is reported on its field. */
function checkEntries(entries: (Entry & { field: string; label: string })[], ctx: Ctx) {
  for (const e of entries) {
    if (e.attribute === "phone") {
      const digits = e.value.replace(/\D/g, "").length;
      if (digits < 8 || digits > 13 || /[^\d\s+()-]/.test(e.value))
        ctx.addIssue({
          code: "custom",
          path: [e.field],
          message: "Each phone number must have 8 to 13 digits, such as +91 98220 12345.",
        });
    } else if (!/\p{L}/u.test(e.value))
      ctx.addIssue({ code: "custom", path: [e.field], message: `${e.label} must contain letters.` });
  }
}

export const victimIdentitySchema = z
  .object({
    intent: z.literal("victim-identity"),
    victimId: id("Victim"),
    name: optionalText("Name", 120),
    otherNames: lines("Other names"),
    fatherName: optionalText("Father's name", 120),
    motherName: optionalText("Mother's name", 120),
    husbandName: optionalText("Husband's name", 120),
    village: optionalText("Village or locality", 160),
    school: optionalText("School", 160),
    phones: lines("Phone numbers", 300),
    words: lines("Words protected alone", 200),
    birthYear,
    nativeDistrict: optionalText("Native district", 120),
  })
  .transform((v, ctx) => {
    const one = (field: string, label: string, attribute: RecordAttribute, value: string | null) =>
      value ? [{ field, label, attribute, value }] : [];
    const many = (field: string, label: string, attribute: RecordAttribute, values: string[]) =>
      values.map((value) => ({ field, label, attribute, value }));
    const entries = [
      ...one("name", "Name", "name", v.name),
      ...many("otherNames", "Other names", "other_name", v.otherNames),
      ...one("fatherName", "Father's name", "father", v.fatherName),
      ...one("motherName", "Mother's name", "mother", v.motherName),
      ...one("husbandName", "Husband's name", "husband", v.husbandName),
      ...one("village", "Village or locality", "village", v.village),
      ...one("school", "School", "school", v.school),
      ...many("phones", "Phone numbers", "phone", v.phones),
      ...many("words", "Words protected alone", "word", v.words),
    ];
    if (!entries.length && !v.birthYear && !v.nativeDistrict)
      ctx.addIssue({ code: "custom", path: ["form"], message: "Fill in at least one field to add to the record." });
    // The birth year and district are fingerprinted together with the name, for matching across cases.
    if (!v.name && (v.birthYear || v.nativeDistrict))
      ctx.addIssue({
        code: "custom",
        path: ["name"],
        message: "Give her name with the birth year or native district: they are fingerprinted together.",
      });
    checkEntries(entries, ctx);
    return {
      intent: v.intent,
      victimId: v.victimId,
      entries: entries.map(({ attribute, value }) => ({ attribute, value })),
      crossCase: v.name ? { name: v.name, birthYear: v.birthYear, extra: v.nativeDistrict } : null,
    };
  });

export const accusedIdentitySchema = z
  .object({
    intent: z.literal("accused-identity"),
    accusedId: id("Accused"),
    aliases: lines("Aliases"),
    words: lines("Words protected alone", 200),
    fatherName: optionalText("Father's name", 120),
    birthYear,
  })
  .transform((v, ctx) => {
    const entries = [
      ...v.aliases.map((value) => ({ field: "aliases", label: "Aliases", attribute: "alias" as const, value })),
      ...v.words.map((value) => ({
        field: "words",
        label: "Words protected alone",
        attribute: "word" as const,
        value,
      })),
    ];
    if (!entries.length && !v.fatherName && !v.birthYear)
      ctx.addIssue({ code: "custom", path: ["form"], message: "Fill in at least one field to add to the record." });
    checkEntries(entries, ctx);
    return {
      intent: v.intent,
      accusedId: v.accusedId,
      entries: entries.map(({ attribute, value }) => ({ attribute, value })),
      fatherName: v.fatherName,
      birthYear: v.birthYear,
    };
  });

export const removeEntrySchema = z.object({
  intent: z.literal("remove-identity-entry"),
  entryId: id("Fingerprint"),
});
