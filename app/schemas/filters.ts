import type { z } from "zod";

/** Filters come from the URL: each is checked alone, and a bad one is reported and ignored. */
export function parseFilters<F extends Record<string, z.ZodType>>(fields: F, params: URLSearchParams) {
  const filters: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [name, schema] of Object.entries(fields)) {
    const raw = params.get(name);
    if (raw === null || raw.trim() === "") continue;
    const parsed = schema.safeParse(raw);
    if (parsed.success) filters[name] = parsed.data;
    else errors[name] = parsed.error.issues[0].message;
  }
  return { filters: filters as { [K in keyof F]?: z.infer<F[K]> }, errors };
}
