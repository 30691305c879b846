// The demo's confirmed cross-district match: one accused person (an invented name) on a case of
// Demo District and on a case of the second district, fingerprinted as the case page does it, so
// the identity record's own path flags the match to both; then each district's secretariat
// confirms its side, as it would on /linkage.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Conn } from "#db/client";
import { cases, collectives, users } from "#db/schema";
import { matchesOfCollective } from "~/models/cross-district-match.server";
import { recordIdentity } from "~/services/identity.server";
import { decideCrossMatchFor } from "~/services/linkage.server";
import { createAccused } from "../../tests/factories";

const person = { name: "Bhimrao Kondiba Salunkhe", birthYear: 1984, extra: "Kondiba Salunkhe" };

/** Seeds the match between the first open case of each district; false when either district is missing. */
export function seedCrossDistrictMatch(tx: Conn, { from = "DEM", to = "WRD" } = {}): boolean {
  const districts = tx
    .select({ id: collectives.id, code: collectives.districtCode })
    .from(collectives)
    .where(and(eq(collectives.kind, "district"), inArray(collectives.districtCode, [from, to])))
    .all();
  if (districts.length !== 2) return false;
  for (const d of districts) {
    const kase = tx
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.collectiveId, d.id), eq(cases.status, "open")))
      .orderBy(asc(cases.id))
      .get();
    if (!kase) return false;
    const accused = createAccused(tx, { caseId: kase.id, name: person.name });
    recordIdentity(tx, { collectiveId: d.id, caseId: kase.id, subjectKind: "accused", subjectId: accused.id }, person);
  }
  for (const d of districts) {
    const secretariat = tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.collectiveId, d.id), eq(users.role, "secretariat")))
      .get();
    if (!secretariat) return false;
    for (const side of matchesOfCollective(tx, d.id))
      decideCrossMatchFor(tx, { id: secretariat.id, collectiveId: d.id }, side.sideId, "confirmed");
  }
  return true;
}
