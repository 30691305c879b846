import { expect } from "vitest";
import { accused, caseEvents, cases } from "#db/schema";
import { getDb } from "~/db.server";

/**
 * The restricted values in the test's database: FIR numbers and accused names, and the events'
 * notes with `notes`. Only those longer than four characters, which a document cannot hold by chance.
 */
export function restrictedValues({ notes = false } = {}): string[] {
  const db = getDb();
  return [
    ...db.select({ v: cases.firNumber }).from(cases).all(),
    ...db.select({ v: accused.name }).from(accused).all(),
    ...(notes ? db.select({ v: caseEvents.note }).from(caseEvents).all() : []),
  ]
    .map((r) => r.v)
    .filter((v): v is string => !!v && v.length > 4);
}

/** A document (PDF text, email) that holds no restricted value. */
export function expectNoRestricted(text: string, options: { notes?: boolean } = {}) {
  const values = restrictedValues(options);
  expect(values.length, "the database should hold restricted values to look for").toBeGreaterThan(0);
  for (const value of values) expect(text).not.toContain(value);
}
