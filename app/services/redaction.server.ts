import type { Conn, Db } from "#db/client";
import { getDb } from "~/db.server";
import { plural } from "~/lib/plural";
import { maskSpans, outOfScope, redactSpans } from "~/lib/protected-text";
import { audit } from "~/models/audit.server";
import { listCollectiveIds } from "~/models/collective.server";
import { findingCountOf, latestScanOf, saveScan, type Finding, type Scan } from "~/models/redaction-scan.server";
import { frozenVersion, storedTexts, writeFrozenVersion } from "~/models/stored-text.server";
import { findProtected, protectedSet, type ProtectedSet } from "./identity.server";
import { at } from "~/lib/at";

export type { Finding, Scan };

const excerptOf = (text: string, set: ProtectedSet, matches: ReturnType<typeof findProtected>) => {
  const first = at(matches, 0);
  const from = Math.max(0, first.start - 60);
  // The excerpt shows where the match is, never what it is: the secretariat opens the page to see it.
  return `${from ? "…" : ""}${maskSpans(
    text.slice(from, first.end + 60),
    matches.map((m) => ({ ...m, start: m.start - from, end: m.end - from })).filter((m) => m.end <= first.end + 60),
  )}${first.end + 60 < text.length ? "…" : ""}`
    .replace(/\s+/g, " ")
    .trim();
};

/** Every stored text of the collective that holds, in its scope, a protected name, place, number or FIR. */
export function scanStoredTexts(db: Conn, collectiveId: number): Finding[] {
  const set = protectedSet(db, collectiveId);
  const findings: Finding[] = [];
  for (const { text, ...where } of storedTexts(db, collectiveId)) {
    const matches = outOfScope(findProtected(text, set), where.scope);
    if (matches.length) findings.push({ ...where, excerpt: excerptOf(text, set, matches) });
  }
  return findings;
}

/**
 * Scans now, keeps the result in the database (so it survives a restart) and audits the count
 * (never a value), in one transaction. The daily job and "Scan now" call it.
 */
export function rescan(db: Conn, collectiveId: number, userId: number | null, now = new Date()): Scan {
  const scan = { at: now.toISOString(), findings: scanStoredTexts(db, collectiveId) };
  db.transaction((tx) => {
    saveScan(tx, collectiveId, scan);
    audit(tx, {
      collectiveId,
      userId,
      action: "scan:redaction",
      entity: "collective",
      entityId: collectiveId,
      detail: `${plural(scan.findings.length, "stored text needs", "stored texts need")} redaction`,
    });
  });
  return scan;
}

/** The latest scan kept, scanning first when the collective has none yet. */
export const latestScan = (db: Conn, collectiveId: number): Scan =>
  latestScanOf(db, collectiveId) ?? rescan(db, collectiveId, null);

/** How many findings the Outbox shows beside "Needs redaction" (0 before any scan). */
export const findingCount = (db: Conn, collectiveId: number) => findingCountOf(db, collectiveId);

/** Every string in a stored JSON document, redacted, the shape kept. */
function redactJson(json: string, set: ProtectedSet): string {
  const walk = (v: unknown): unknown =>
    typeof v === "string"
      ? redactSpans(v, findProtected(v, set))
      : Array.isArray(v)
        ? v.map(walk)
        : v && typeof v === "object"
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
          : v;
  return JSON.stringify(walk(JSON.parse(json)));
}

/**
 * The secretariat redacts a frozen agenda or minutes version (an amendment included): every
 * protected stretch becomes "[redacted]", in one transaction with the audit entry, which names
 * the version and never the text. The meeting's minutes page lists the redaction in its history.
 */
export function redactFrozen(
  db: Db,
  user: { collectiveId: number; id: number },
  kind: "minutes-version" | "agenda-version",
  id: number,
): { meetingId: number; version: number } | null {
  return db.transaction((tx) => {
    const row = frozenVersion(tx, user.collectiveId, kind, id);
    if (!row) return null;
    const set = protectedSet(tx, user.collectiveId);
    const texts: Record<string, string | null> = {};
    for (const [key, value] of Object.entries(row.texts))
      texts[key] =
        value === null
          ? null
          : key.endsWith("Json")
            ? redactJson(value, set)
            : redactSpans(value, findProtected(value, set));
    writeFrozenVersion(tx, kind, id, texts);
    audit(tx, {
      collectiveId: user.collectiveId,
      userId: user.id,
      action: kind === "minutes-version" ? "redact:minutes" : "redact:agenda",
      entity: "meeting",
      entityId: row.meetingId,
      detail: `version ${row.version}`,
    });
    return { meetingId: row.meetingId, version: row.version };
  });
}

/** The daily re-scan inside the server, beside the reminders: once an hour it checks, once a day it scans. */
export function startRedactionScan({ intervalMs = 3_600_000 }: { intervalMs?: number } = {}): () => void {
  let lastDay = "";
  const tick = () => {
    const day = new Date().toISOString().slice(0, 10);
    if (day === lastDay) return;
    lastDay = day;
    try {
      const db = getDb();
      for (const id of listCollectiveIds(db)) rescan(db, id, null);
    } catch (error) {
      console.error("redaction scan: run failed", error instanceof Error ? error.name : "unknown error");
    }
  };
  const first = setTimeout(tick, 10_000);
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
