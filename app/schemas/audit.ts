import { z } from "zod";
import { isRealIsoDate } from "~/lib/dates";
import { parseFilters } from "./filters";

const positive = (message: string) =>
  z.coerce
    .number({ error: message })
    .int(message)
    .positive(message)
    .max(2 ** 31, message);

/** The audit page's filters, from its URL: each checked alone, a bad one reported beside its field and ignored. */
export const auditFilterFields = {
  person: positive("Choose a person from the list."),
  entity: z.string().regex(/^[a-z_]{1,40}$/, "Choose a kind of record from the list."),
  record: positive("That record number is not valid."),
  action: z.string().regex(/^[a-z_:]{1,60}$/, "Choose an action from the list."),
  from: z.string().refine(isRealIsoDate, "From must be a real date."),
  to: z.string().refine(isRealIsoDate, "To must be a real date."),
  page: z.coerce
    .number({ error: "Page must be a number." })
    .int("Page must be a number.")
    .min(1, "Page must be 1 or more.")
    .max(100_000, "There is no such page."),
};

export type AuditFilters = Partial<{
  person: number;
  entity: string;
  record: number;
  action: string;
  from: string;
  to: string;
  page: number;
}>;

export function parseAuditFilters(params: URLSearchParams): { filters: AuditFilters; errors: Record<string, string> } {
  const { filters, errors } = parseFilters(auditFilterFields, params);
  if (filters.from && filters.to && filters.to < filters.from) {
    errors.to = "To cannot be before from.";
    delete filters.to;
  }
  return { filters: filters as AuditFilters, errors };
}
