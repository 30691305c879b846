import { eq } from "drizzle-orm";
import type { Conn } from "#db/client";
import { redactionScans } from "#db/schema";
import type { StoredText } from "./stored-text.server";

/** A stored text that now holds something protected, as the Needs redaction page lists it (the match masked in the excerpt). */
export type Finding = Omit<StoredText, "text"> & { excerpt: string };
export type Scan = { at: string; findings: Finding[] };

/** Keeps a collective's latest scan, in place of the one before. */
export function saveScan(db: Conn, collectiveId: number, scan: Scan) {
  const row = { scannedAt: scan.at, findingsJson: JSON.stringify(scan.findings), findingCount: scan.findings.length };
  db.insert(redactionScans)
    .values({ collectiveId, ...row })
    .onConflictDoUpdate({ target: redactionScans.collectiveId, set: row })
    .run();
}

/** The latest scan kept for the collective, or null before its first. */
export function latestScanOf(db: Conn, collectiveId: number): Scan | null {
  const row = db.select().from(redactionScans).where(eq(redactionScans.collectiveId, collectiveId)).get();
  return row ? { at: row.scannedAt, findings: JSON.parse(row.findingsJson) as Finding[] } : null;
}

/** How many findings the latest scan has (0 before any scan). */
export function findingCountOf(db: Conn, collectiveId: number): number {
  return (
    db
      .select({ n: redactionScans.findingCount })
      .from(redactionScans)
      .where(eq(redactionScans.collectiveId, collectiveId))
      .get()?.n ?? 0
  );
}
