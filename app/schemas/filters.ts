import { z } from "zod";

/** Filters come from the URL: each is checked alone, and a bad one is reported and ignored. */
export function parseFilters<F extends Record<string, z.ZodType>>(fields: F, params: URLSearchParams) {
  const filters: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [name, schema] of Object.entries(fields)) {
    const raw = params.get(name);
    if (raw === null || raw.trim() === "") continue;
    const parsed = schema.safeParse(raw);
    if (parsed.success) filters[name] = parsed.data;
    else errors[name] = parsed.error.issues[0]?.message ?? "This value is not valid.";
  }
  return { filters: filters as { [K in keyof F]?: z.infer<F[K]> }, errors };
}

/** Filter forms check their values on the server (a bad one is reported, not fatal), so the browser lets them through. */
export const filtersPassThrough = z.object({}).passthrough();

/** The feedback a filter form renders: the messages, and the values that were accepted. */
export function filterFeedback(params: URLSearchParams, errors: Record<string, string>) {
  return { errors, values: Object.fromEntries([...params].filter(([k]) => !errors[k])) };
}
