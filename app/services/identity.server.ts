// Identity across cases and the leak guard's edges: fingerprints are made by app/lib/identity.ts,
// every query is in app/models/identity.server.ts, and the guard itself is pure (app/lib). This
// service puts them together, with the audit entries and the refusal of a download.
import type { Conn } from "#db/client";
import { config } from "~/config.server";
import { fixSeparator, guardFields, LeakBlocked, type GuardedText } from "~/lib/document-guard";
import { crossCaseFingerprints } from "~/lib/identity";
import { audit } from "~/models/audit.server";
import { addMatchIfNew, fingerprintsNamed, replaceFingerprint, type RecordSubject } from "~/models/identity.server";
import { protectedSet } from "~/models/protected-set.server";
import { linkAcrossCollectives } from "./linkage.server";

export { findProtected, firKey, rewriteProtected, type ProtectedMatch, type ProtectedSet } from "~/lib/leak-guard";
export { containsProtected, everyText, fixSeparator, LeakBlocked, type GuardedText } from "~/lib/document-guard";
export { casesWithOpenMatches, decideMatch, matchesForCase } from "~/models/identity.server";
export { protectedSet } from "~/models/protected-set.server";

/**
 * Fingerprints a person's attributes (the clear text goes no further than this function) and
 * flags every other case of the collective with the same person. The key is phonetic and the
 * same in either script, so "Sunita Jagtap" on one case matches "सुनीता जगताप" on another; rows
 * fingerprinted before the phonetic key are still found through their earlier fingerprint.
 */
export function recordIdentity(
  db: Conn,
  subject: RecordSubject,
  person: { name: string; birthYear: number | null; extra: string | null },
): { matches: number } {
  const fps = crossCaseFingerprints(config().IDENTITY_KEY, person);
  if (!fps) return { matches: 0 };
  return db.transaction((tx) => {
    replaceFingerprint(tx, subject, fps.stored);
    let created = 0;
    for (const c of fingerprintsNamed(tx, subject, fps.nameFps))
      if (fps.sameAs(c) && addMatchIfNew(tx, subject, c.caseId)) created++;
    // The same person in another district is flagged to both districts' secretariats (h16b's).
    linkAcrossCollectives(tx, subject, fps);
    return { matches: created };
  });
}

/** Checks every field of an outbound document against the collective's protected set; throws LeakBlocked. */
export function guardDocument(
  db: Conn,
  collectiveId: number,
  document: string,
  fields: GuardedText[],
  set = protectedSet(db, collectiveId),
  outcome = "sent",
) {
  guardFields(set, document, fields, outcome);
}

/** The block goes to the audit log, naming the document and the field, never the value. */
export function auditLeakBlock(db: Conn, who: { collectiveId: number; id: number | null }, error: LeakBlocked) {
  audit(db, {
    collectiveId: who.collectiveId,
    userId: who.id,
    action: "leak:blocked",
    entity: "document",
    detail: `${error.document}: ${error.field}${error.fixUrl ? `${fixSeparator}${error.fixUrl}` : ""}`,
  });
}

/** For a download: a blocked document is a 409 page with the message, and an audit entry. */
export function guardOrRefuse(
  db: Conn,
  user: { collectiveId: number; id: number },
  document: string,
  fields: GuardedText[],
) {
  try {
    guardDocument(db, user.collectiveId, document, fields);
  } catch (error) {
    if (!(error instanceof LeakBlocked)) throw error;
    auditLeakBlock(db, user, error);
    throw new Response(error.downloadMessage, { status: 409, statusText: "Protected text" });
  }
}
