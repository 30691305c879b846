// The stored PDF bytes of frozen agenda and minutes versions (see frozenPdfs in db/schema).
import { and, eq } from "drizzle-orm";
import type { Conn } from "#db/client";
import { agendaVersions, frozenPdfs, minutesVersions } from "#db/schema";

/** A version's PDF in one language ("en" until the PDFs are written in others). */
export type FrozenPdfKey = { meetingId: number; kind: "agenda" | "minutes"; version: number; language?: string };

const keyOf = (key: FrozenPdfKey) =>
  and(
    eq(frozenPdfs.meetingId, key.meetingId),
    eq(frozenPdfs.kind, key.kind),
    eq(frozenPdfs.version, key.version),
    eq(frozenPdfs.language, key.language ?? "en"),
  );
const versionOf = (key: Omit<FrozenPdfKey, "language">) =>
  and(eq(frozenPdfs.meetingId, key.meetingId), eq(frozenPdfs.kind, key.kind), eq(frozenPdfs.version, key.version));

export function storedPdf(db: Conn, key: FrozenPdfKey): Buffer | undefined {
  return db.select({ pdf: frozenPdfs.pdf }).from(frozenPdfs).where(keyOf(key)).get()?.pdf;
}

/** Keeps the first rendering: a second one of the same version (two first downloads at once) is dropped. */
export function storePdf(db: Conn, key: FrozenPdfKey, pdf: Buffer) {
  db.insert(frozenPdfs)
    .values({ ...key, language: key.language ?? "en", pdf })
    .onConflictDoNothing()
    .run();
}

/** Forgets every PDF (in every language) of a frozen version whose text was just rewritten (a redaction), by the version's row id. */
export function forgetPdfOfVersion(db: Conn, kind: "minutes-version" | "agenda-version", id: number) {
  const table = kind === "minutes-version" ? minutesVersions : agendaVersions;
  const row = db
    .select({ meetingId: table.meetingId, version: table.version })
    .from(table)
    .where(eq(table.id, id))
    .get();
  if (!row) return;
  db.delete(frozenPdfs)
    .where(versionOf({ ...row, kind: kind === "minutes-version" ? "minutes" : "agenda" }))
    .run();
}
