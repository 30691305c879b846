import { and, asc, count, eq, inArray, max, ne, or, sql, sum } from "drizzle-orm";
import type { Conn } from "#db/client";
import {
  accused,
  caseDepartments,
  caseEvents,
  cases,
  collectives,
  departments,
  identityFingerprints,
  identityMatches,
  victims,
} from "#db/schema";
import type { DepartmentKind } from "#db/schema/enums";
import type { RegisteredCase } from "~/lib/case-import/plan";
import type { crossCaseFingerprints } from "~/lib/identity";
import type { CaseInput } from "~/schemas/case";

// The queries of a case-register import: what the register holds now, to match rows against, and
// the few writes the case form's own queries (createCase, updateCase, addAccused) do not cover.

/** The event that carries an imported register's next hearing and note, one per case. */
export const importedEventOutcome = "Imported from the case register";

export type RegisteredCaseRow = typeof cases.$inferSelect & RegisteredCase;

/** Every case of the collective with what an import compares: departments, accused, victims, the import's event. */
export function registerForImport(db: Conn, collectiveId: number): RegisteredCaseRow[] {
  const rows = db.select().from(cases).where(eq(cases.collectiveId, collectiveId)).orderBy(asc(cases.id)).all();
  const byId = new Map<number, RegisteredCaseRow>(
    rows.map((r) => [r.id, { ...r, departments: [], accusedNames: [], victimCodes: [], importEvent: null }]),
  );
  const inCollective = sql`in (select id from ${cases} where ${cases.collectiveId} = ${collectiveId})`;
  for (const d of db
    .select()
    .from(caseDepartments)
    .where(sql`${caseDepartments.caseId} ${inCollective}`)
    .all())
    byId.get(d.caseId)?.departments.push(d);
  for (const a of db
    .select({ caseId: accused.caseId, name: accused.name })
    .from(accused)
    .where(sql`${accused.caseId} ${inCollective}`)
    .orderBy(asc(accused.id))
    .all()) {
    byId.get(a.caseId)?.accusedNames.push(a.name);
  }
  for (const v of db
    .select({ caseId: victims.caseId, code: victims.code })
    .from(victims)
    .where(eq(victims.collectiveId, collectiveId))
    .orderBy(asc(victims.code))
    .all()) {
    byId.get(v.caseId)?.victimCodes.push(v.code);
  }
  const events = db
    .select({ id: caseEvents.id, caseId: caseEvents.caseId, nextDate: caseEvents.nextDate, note: caseEvents.note })
    .from(caseEvents)
    .where(
      and(
        sql`${caseEvents.caseId} ${inCollective}`,
        eq(caseEvents.kind, "other"),
        eq(caseEvents.outcome, importedEventOutcome),
      ),
    )
    .orderBy(asc(caseEvents.id))
    .all();
  for (const { caseId, ...event } of events) {
    const kase = byId.get(caseId);
    if (kase && !kase.importEvent) kase.importEvent = event;
  }
  return [...byId.values()];
}

/** Every victim code of the collective (codes are unique across its cases). */
export function victimCodesOf(db: Conn, collectiveId: number): string[] {
  return db
    .select({ code: victims.code })
    .from(victims)
    .where(eq(victims.collectiveId, collectiveId))
    .all()
    .map((v) => v.code);
}

/**
 * A figure that changes whenever a case, its accused, victims or events change: a preview is
 * committed only if the register is still the one it was checked against.
 */
export function registerRevision(db: Conn, collectiveId: number): string {
  const ids = db.select({ id: cases.id }).from(cases).where(eq(cases.collectiveId, collectiveId));
  const c = db
    .select({ n: count(), top: max(cases.id), versions: sum(cases.version) })
    .from(cases)
    .where(eq(cases.collectiveId, collectiveId))
    .get();
  const a = db
    .select({ n: count(), top: max(accused.id) })
    .from(accused)
    .where(inArray(accused.caseId, ids))
    .get();
  const v = db
    .select({ n: count(), top: max(victims.id) })
    .from(victims)
    .where(eq(victims.collectiveId, collectiveId))
    .get();
  const e = db
    .select({ n: count(), top: max(caseEvents.id) })
    .from(caseEvents)
    .where(inArray(caseEvents.caseId, ids))
    .get();
  const d = db.select({ n: count() }).from(caseDepartments).where(inArray(caseDepartments.caseId, ids)).get();
  return [c?.n, c?.top, c?.versions, a?.n, a?.top, v?.n, v?.top, e?.n, e?.top, d?.n].join(":");
}

/** The collective's active departments, by kind and name, for the register's lead_department column. */
export function departmentsForImport(
  db: Conn,
  collectiveId: number,
): { id: number; name: string; kind: DepartmentKind }[] {
  return db
    .select({ id: departments.id, name: departments.name, kind: departments.kind })
    .from(departments)
    .where(and(eq(departments.collectiveId, collectiveId), eq(departments.active, true)))
    .orderBy(asc(departments.name))
    .all();
}

/** A district's collective by its code (the state's own row holds no register). */
export function collectiveByDistrictCode(db: Conn, districtCode: string) {
  return db
    .select()
    .from(collectives)
    .where(and(eq(collectives.districtCode, districtCode.trim().toUpperCase()), eq(collectives.kind, "district")))
    .get();
}

type VictimFields = Omit<
  typeof victims.$inferInsert,
  "id" | "collectiveId" | "caseId" | "code" | "version" | "createdAt"
>;
type NewCase = Omit<CaseInput, "departments" | "version"> & { code: string; stageChangedOn: string };
type ImportEvent = { occurredOn: string; nextDate: string | null; note: string | null };

const ph = (name: string) => sql.placeholder(name);

/**
 * The import's own writes, each statement prepared once for the whole transaction: a register is
 * thousands of rows, and building and preparing each insert anew cost more than writing it. They
 * write what createCase, addAccused, recordIdentity and the case page's victim and event forms write.
 */
export function importWriter(db: Conn, collectiveId: number, victimFields: VictimFields) {
  const newCase = db
    .insert(cases)
    .values({
      collectiveId,
      code: ph("code"),
      policeStation: ph("policeStation"),
      firNumber: ph("firNumber"),
      firYear: ph("firYear"),
      courtName: ph("courtName"),
      courtCaseNumber: ph("courtCaseNumber"),
      sections: ph("sections"),
      stage: ph("stage"),
      status: ph("status"),
      outcome: ph("outcome"),
      openedOn: ph("openedOn"),
      closedOn: ph("closedOn"),
      chargesheetLimitDays: ph("chargesheetLimitDays"),
      stageChangedOn: ph("stageChangedOn"),
    })
    .returning({ id: cases.id })
    .prepare();
  const involve = db
    .insert(caseDepartments)
    .values({ caseId: ph("caseId"), departmentId: ph("departmentId"), role: ph("role") })
    .prepare();
  const person = db
    .insert(accused)
    .values({ caseId: ph("caseId"), name: ph("name"), arrestedOn: ph("arrestedOn"), bailStatus: ph("bailStatus") })
    .returning({ id: accused.id, name: accused.name })
    .prepare();
  const victim = db
    .insert(victims)
    .values({ ...victimFields, collectiveId, caseId: ph("caseId"), code: ph("code") })
    .prepare();
  const addEvent = db
    .insert(caseEvents)
    .values({
      caseId: ph("caseId"),
      kind: "other",
      occurredOn: ph("occurredOn"),
      outcome: importedEventOutcome,
      nextDate: ph("nextDate"),
      note: ph("note"),
      createdByUserId: ph("userId"),
    })
    .prepare();
  const changeEvent = db
    .update(caseEvents)
    .set({ nextDate: sql`${ph("nextDate")}`, note: sql`${ph("note")}` })
    .where(and(eq(caseEvents.id, ph("eventId")), eq(caseEvents.caseId, ph("caseId"))))
    .prepare();
  const unprint = db
    .delete(identityFingerprints)
    .where(and(eq(identityFingerprints.subjectKind, "accused"), eq(identityFingerprints.subjectId, ph("subjectId"))))
    .prepare();
  const fingerprint = db
    .insert(identityFingerprints)
    .values({
      collectiveId,
      caseId: ph("caseId"),
      subjectKind: "accused",
      subjectId: ph("subjectId"),
      nameFp: ph("nameFp"),
      nameYearFp: ph("nameYearFp"),
      extraFp: ph("extraFp"),
    })
    .prepare();
  // As models/identity.server.ts finds them: `+` keeps SQLite on the (collective, name) index.
  const sameNamed = db
    .select({
      caseId: identityFingerprints.caseId,
      nameYearFp: identityFingerprints.nameYearFp,
      extraFp: identityFingerprints.extraFp,
    })
    .from(identityFingerprints)
    .where(
      and(
        eq(identityFingerprints.collectiveId, collectiveId),
        eq(sql`+${identityFingerprints.subjectKind}`, "accused"),
        sql`${identityFingerprints.nameFp} in (select value from json_each(${ph("nameFps")}))`,
        ne(identityFingerprints.caseId, ph("caseId")),
      ),
    )
    .prepare();
  const pair = (a: string, b: string) => and(eq(identityMatches.caseId, ph(a)), eq(identityMatches.otherCaseId, ph(b)));
  const matched = db
    .select({ id: identityMatches.id })
    .from(identityMatches)
    .where(
      and(eq(identityMatches.subjectKind, "accused"), or(pair("caseId", "otherCaseId"), pair("otherCaseId", "caseId"))),
    )
    .prepare();
  const match = db
    .insert(identityMatches)
    .values({ collectiveId, subjectKind: "accused", caseId: ph("caseId"), otherCaseId: ph("otherCaseId") })
    .prepare();
  return {
    /** A new case and the departments involved in it; its id. */
    createCase({ departments: involved, ...fields }: NewCase & { departments: CaseInput["departments"] }): number {
      const { id } = newCase.get({
        ...fields,
        firNumber: fields.firNumber ?? null,
        firYear: fields.firYear ?? null,
        courtName: fields.courtName ?? null,
        courtCaseNumber: fields.courtCaseNumber ?? null,
        outcome: fields.outcome ?? null,
        closedOn: fields.closedOn ?? null,
      })!;
      for (const d of involved) involve.run({ caseId: id, ...d });
      return id;
    },
    addAccused(caseId: number, input: { name: string; arrestedOn?: string | null; bailStatus: string }) {
      return person.get({
        caseId,
        name: input.name,
        arrestedOn: input.arrestedOn ?? null,
        bailStatus: input.bailStatus,
      })!;
    },
    /**
     * A new accused person's fingerprint, and a match with every other case of the collective that
     * has the same person, as recordIdentity records them for the case form (replacing any left
     * under the person's id).
     */
    fingerprintAccused(caseId: number, accusedId: number, fps: NonNullable<ReturnType<typeof crossCaseFingerprints>>) {
      unprint.run({ subjectId: accusedId });
      fingerprint.run({ caseId, subjectId: accusedId, ...fps.stored });
      for (const other of sameNamed.all({ caseId, nameFps: JSON.stringify(fps.nameFps) }))
        if (fps.sameAs(other) && !matched.get({ caseId, otherCaseId: other.caseId }))
          match.run({ caseId, otherCaseId: other.caseId });
    },
    /** Victims by the codes the import issued or the register gave: no name, as everywhere. */
    addVictims(caseId: number, codes: readonly string[]) {
      for (const code of codes) victim.run({ caseId, code });
    },
    /** The import's event on a case: its next hearing and restricted note. */
    saveEvent(caseId: number, eventId: number | null, event: ImportEvent, userId: number | null) {
      if (eventId) changeEvent.run({ eventId, caseId, nextDate: event.nextDate, note: event.note });
      else addEvent.run({ caseId, ...event, userId });
    },
  };
}
