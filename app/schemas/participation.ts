import { z } from "zod";
import { caseStages } from "#db/schema/enums";
import { indicatorKeys } from "~/lib/participation";
import { requiredText } from "./fields";

const indicatorFields = (key: string) => ({
  [`${key}.label`]: requiredText("Label", 120),
  [`${key}.weight`]: z.coerce
    .number({ error: "Weight must be a whole number from 0 to 10." })
    .int("Weight must be a whole number from 0 to 10.")
    .min(0, "Weight must be a whole number from 0 to 10.")
    .max(10, "Weight must be a whole number from 0 to 10."),
  [`${key}.active`]: z.string().optional(),
  [`${key}.stages`]: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(caseStages, { error: "Choose stages from the list." }))),
});

/** One form for every indicator: `<key>.label`, `<key>.weight`, `<key>.active`, `<key>.stages`. */
export const participationSchema = z
  .object(Object.assign({}, ...indicatorKeys.map(indicatorFields)) as Record<string, z.ZodType>)
  .superRefine((v, ctx) => {
    const total = indicatorKeys.filter((k) => v[`${k}.active`] && Number(v[`${k}.weight`]) > 0).length;
    if (total === 0)
      ctx.addIssue({
        code: "custom",
        path: ["form"],
        message: "Keep at least one indicator active with a weight above 0.",
      });
  });
