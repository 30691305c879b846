// Every query about matches across districts: the fingerprints of the same person in another
// collective (read from the identity tables, which app/models/identity.server.ts writes), the
// matches and each district's side of them, and what one district may see of the other side.
import { aliasedTable, and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Conn } from "#db/client";
import {
  cases,
  collectives,
  crossDistrictMatches,
  crossDistrictMatchSides,
  departments,
  identityFingerprints,
  tenures,
} from "#db/schema";
import type { RecordSubject } from "./identity.server";

/** Fingerprints of the same kind on another collective's cases whose name is one of `nameFps`. */
export function fingerprintsInOtherCollectives(db: Conn, subject: RecordSubject, nameFps: string[]) {
  if (!nameFps.length) return [];
  return db
    .select()
    .from(identityFingerprints)
    .where(
      and(
        // Every other collective by id, so SQLite looks each (collective, name) up in the
        // fingerprints' index instead of reading the state's every fingerprint.
        inArray(
          identityFingerprints.collectiveId,
          db.select({ id: collectives.id }).from(collectives).where(ne(collectives.id, subject.collectiveId)),
        ),
        inArray(identityFingerprints.nameFp, nameFps),
        eq(sql`+${identityFingerprints.subjectKind}`, subject.subjectKind),
      ),
    )
    .all();
}

type Side = { collectiveId: number; caseId: number };

/** Records a match between two districts' cases, with a pending side for each, unless they are matched already. True when new. */
export function addCrossMatchIfNew(db: Conn, kind: "victim" | "accused", one: Side, other: Side): boolean {
  const [low, high] = one.caseId < other.caseId ? [one, other] : [other, one];
  const match = db
    .insert(crossDistrictMatches)
    .values({ subjectKind: kind, lowCaseId: low.caseId, highCaseId: high.caseId })
    .onConflictDoNothing()
    .returning({ id: crossDistrictMatches.id })
    .get();
  if (!match) return false;
  db.insert(crossDistrictMatchSides)
    .values([low, high].map((s) => ({ matchId: match.id, collectiveId: s.collectiveId, caseId: s.caseId })))
    .run();
  return true;
}

const mine = aliasedTable(crossDistrictMatchSides, "mine");
const theirs = aliasedTable(crossDistrictMatchSides, "theirs");
const myCase = aliasedTable(cases, "my_case");
const theirCase = aliasedTable(cases, "their_case");

/**
 * A district's side of every match, newest first, with what it may know of the other side: the
 * other district's name, the other case's code and stage, and nothing more of it.
 */
export function matchesOfCollective(db: Conn, collectiveId: number) {
  return db
    .select({
      sideId: mine.id,
      matchId: crossDistrictMatches.id,
      kind: crossDistrictMatches.subjectKind,
      foundAt: crossDistrictMatches.createdAt,
      status: mine.status,
      decidedAt: mine.decidedAt,
      caseId: mine.caseId,
      caseCode: myCase.code,
      otherCollectiveId: theirs.collectiveId,
      otherDistrict: collectives.district,
      otherCollective: collectives.name,
      otherCaseCode: theirCase.code,
      otherStage: theirCase.stage,
    })
    .from(mine)
    .innerJoin(crossDistrictMatches, eq(crossDistrictMatches.id, mine.matchId))
    .innerJoin(theirs, and(eq(theirs.matchId, mine.matchId), ne(theirs.collectiveId, mine.collectiveId)))
    .innerJoin(myCase, eq(myCase.id, mine.caseId))
    .innerJoin(theirCase, eq(theirCase.id, theirs.caseId))
    .innerJoin(collectives, eq(collectives.id, theirs.collectiveId))
    .where(eq(mine.collectiveId, collectiveId))
    .orderBy(sql`${crossDistrictMatches.id} desc`)
    .all();
}

/**
 * How to reach each of these collectives' secretariat: the official contact (as the department page
 * shows it) of the current holder of the project team's seat, the NGO department's.
 */
export function secretariatContacts(db: Conn, collectiveIds: number[]) {
  const contacts = new Map<number, SecretariatContact>();
  if (!collectiveIds.length) return contacts;
  const rows = db
    .select({
      collectiveId: departments.collectiveId,
      department: departments.name,
      officerName: tenures.officerName,
      designation: tenures.designation,
      email: tenures.email,
      phone: tenures.phone,
    })
    .from(tenures)
    .innerJoin(departments, eq(departments.id, tenures.departmentId))
    .where(and(inArray(departments.collectiveId, collectiveIds), isNull(tenures.endsOn), eq(departments.kind, "ngo")))
    .orderBy(asc(departments.id))
    .all();
  for (const { collectiveId, ...contact } of rows) if (!contacts.has(collectiveId)) contacts.set(collectiveId, contact);
  return contacts;
}
export type SecretariatContact = {
  department: string;
  officerName: string;
  designation: string;
  email: string;
  phone: string | null;
};

/** One side's decision, on a side of the caller's own collective only. The side's case, or null when it is not theirs. */
export function decideCrossMatch(
  db: Conn,
  collectiveId: number,
  sideId: number,
  decision: "confirmed" | "dismissed",
  userId: number,
): { caseId: number; matchId: number } | null {
  return (
    db
      .update(crossDistrictMatchSides)
      .set({ status: decision, decidedByUserId: userId, decidedAt: new Date().toISOString() })
      .where(and(eq(crossDistrictMatchSides.id, sideId), eq(crossDistrictMatchSides.collectiveId, collectiveId)))
      .returning({ caseId: crossDistrictMatchSides.caseId, matchId: crossDistrictMatchSides.matchId })
      .get() ?? null
  );
}

/** Matches confirmed by both sides, counted per pair of collectives (the lower id first), for the state's roll-up. */
export function confirmedMatchesByPair(db: Conn): { a: number; b: number; confirmed: number }[] {
  return db.all<{ a: number; b: number; confirmed: number }>(sql`
    select a, b, count(*) as confirmed from (
      select min(collective_id) as a, max(collective_id) as b from ${crossDistrictMatchSides}
      group by match_id having sum(status = 'confirmed') = 2
    ) group by a, b order by a, b`);
}

/** How many of a collective's sides still wait for its secretariat's decision. */
export function pendingCrossMatchCount(db: Conn, collectiveId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(crossDistrictMatchSides)
      .where(and(eq(crossDistrictMatchSides.collectiveId, collectiveId), eq(crossDistrictMatchSides.status, "pending")))
      .get()?.n ?? 0
  );
}
