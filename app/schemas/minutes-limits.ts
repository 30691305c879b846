// Without zod: the run page shows these limits beside its boxes, and fetches zod only when a form
// is first used (see components/lazy-schema.ts).

/** How long an item's minutes may be: a contested case's discussion runs to several pages. */
export const itemMinutesLimits = { discussion: 20_000, decisions: 10_000 } as const;
