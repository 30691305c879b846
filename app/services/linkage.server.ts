// Cross-district linkage: the same accused person or victim on cases of two districts. The
// fingerprints are the ones the identity record already makes (app/lib/identity.ts), keyed with the
// deployment's one identity key, which is the state's key: a deployment that ran one collective
// keeps its key, and its fingerprints match the districts added after it without anything being
// typed again. Each side sees the other district's name, its case code and stage, and how to reach
// its secretariat; never the other case's details or any name. Each side decides on its own.
import type { Conn } from "#db/client";
import { audit } from "~/models/audit.server";
import {
  addCrossMatchIfNew,
  decideCrossMatch,
  fingerprintsInOtherCollectives,
  matchesOfCollective,
  pendingCrossMatchCount,
  secretariatContacts,
} from "~/models/cross-district-match.server";
import type { RecordSubject } from "~/models/identity.server";

/** What a person's cross-case fingerprints offer for comparing (app/lib/identity.ts, crossCaseFingerprints). */
type PersonFingerprints = {
  nameFps: string[];
  sameAs: (row: { nameYearFp: string | null; extraFp: string | null }) => boolean;
};

/**
 * Flags every case of another collective with the same person, in the caller's transaction (the
 * identity record's): a pending side for each district, and an audit entry in each. The number of new matches.
 */
export function linkAcrossCollectives(db: Conn, subject: RecordSubject, person: PersonFingerprints): number {
  let created = 0;
  for (const other of fingerprintsInOtherCollectives(db, subject, person.nameFps)) {
    if (!person.sameAs(other)) continue;
    const theirs = { collectiveId: other.collectiveId, caseId: other.caseId };
    if (!addCrossMatchIfNew(db, subject.subjectKind, subject, theirs)) continue;
    created++;
    for (const side of [subject, theirs])
      audit(db, {
        collectiveId: side.collectiveId,
        userId: null,
        action: "cross-match:found",
        entity: "case",
        entityId: side.caseId,
        detail: `possible ${subject.subjectKind === "victim" ? "re-trafficked victim" : "repeat accused"} in another district`,
      });
  }
  return created;
}

/** The collective's side of every cross-district match, with the other district's secretariat to contact. */
export function crossMatchesFor(db: Conn, collectiveId: number) {
  const rows = matchesOfCollective(db, collectiveId);
  const contacts = secretariatContacts(db, [...new Set(rows.map((r) => r.otherCollectiveId))]);
  return rows.map((r) => ({ ...r, contact: contacts.get(r.otherCollectiveId) ?? null }));
}
export type CrossMatch = ReturnType<typeof crossMatchesFor>[number];

export { pendingCrossMatchCount };

/**
 * One side's decision, audited in its own collective. A side of another collective is a 404. The
 * page then asks for the state's roll-up to be recomputed (it counts matches both sides confirmed).
 */
export function decideCrossMatchFor(
  db: Conn,
  user: { id: number; collectiveId: number },
  sideId: number,
  decision: "confirmed" | "dismissed",
): void {
  const decided = db.transaction((tx) => {
    const side = decideCrossMatch(tx, user.collectiveId, sideId, decision, user.id);
    if (!side) return null;
    audit(tx, {
      collectiveId: user.collectiveId,
      userId: user.id,
      action: `cross-match:${decision}`,
      entity: "case",
      entityId: side.caseId,
      detail: `cross-district match ${side.matchId}`,
    });
    return side;
  });
  if (!decided) throw new Response("No such match in your collective.", { status: 404, statusText: "Not Found" });
}
