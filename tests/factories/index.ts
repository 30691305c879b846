// Factories shared by the demo seed and the tests: each inserts one row with sensible defaults
// and returns it. Synchronous (better-sqlite3), so they compose inside one transaction.
import { and, eq, like } from "drizzle-orm";
import type { Conn } from "#db/client";
import {
  accused,
  caseDepartments,
  caseEvents,
  cases,
  collectives,
  departments,
  tenures,
  users,
  victims,
} from "#db/schema";
import type { CaseDepartmentRole } from "#db/schema/enums";
import { at } from "~/lib/at";
import { nextCaseCode } from "~/lib/case-code";

type Insert<T extends { $inferInsert: unknown }> = T["$inferInsert"];

export function createCollective(db: Conn, over: Partial<Insert<typeof collectives>> = {}) {
  return db
    .insert(collectives)
    .values({ name: "Demo District", district: "Demo District", districtCode: "DEM", state: "Maharashtra", ...over })
    .returning()
    .get();
}

export function createDepartment(db: Conn, over: Partial<Insert<typeof departments>> & { collectiveId: number }) {
  return db
    .insert(departments)
    .values({ name: `Department ${Math.random().toString(36).slice(2, 8)}`, kind: "other", ...over })
    .returning()
    .get();
}

export function createUser(db: Conn, over: Partial<Insert<typeof users>> & { collectiveId: number; email: string }) {
  return db
    .insert(users)
    .values({ name: at(over.email.split("@"), 0), role: "secretariat", ...over, email: over.email.toLowerCase() })
    .returning()
    .get();
}

export function createTenure(db: Conn, over: Partial<Insert<typeof tenures>> & { departmentId: number }) {
  return db
    .insert(tenures)
    .values({
      officerName: "Officer",
      designation: "Officer",
      email: "officer@example.org",
      startsOn: "2024-01-01",
      ...over,
    })
    .returning()
    .get();
}

export function createCase(
  db: Conn,
  over: Partial<Insert<typeof cases>> & {
    collectiveId: number;
    departments?: { departmentId: number; role: CaseDepartmentRole }[];
  },
) {
  const { departments: involved = [], ...fields } = over;
  const openedOn = fields.openedOn ?? "2026-01-15";
  let code = fields.code;
  if (!code) {
    const collective = db.select().from(collectives).where(eq(collectives.id, fields.collectiveId)).get()!;
    const year = Number(openedOn.slice(0, 4));
    const existing = db
      .select({ code: cases.code })
      .from(cases)
      .where(and(eq(cases.collectiveId, fields.collectiveId), like(cases.code, `${collective.districtCode}-${year}-%`)))
      .all()
      .map((r) => r.code);
    code = nextCaseCode(existing, collective.districtCode, year);
  }
  const row = db
    .insert(cases)
    .values({ policeStation: "Kotwali PS", stage: "investigation", ...fields, openedOn, code })
    .returning()
    .get();
  for (const d of involved)
    db.insert(caseDepartments)
      .values({ caseId: row.id, ...d })
      .run();
  return row;
}

export function createCaseEvent(db: Conn, over: Partial<Insert<typeof caseEvents>> & { caseId: number }) {
  return db
    .insert(caseEvents)
    .values({ kind: "hearing", occurredOn: "2026-02-01", ...over })
    .returning()
    .get();
}

export function createVictim(
  db: Conn,
  over: Partial<Insert<typeof victims>> & { caseId: number; collectiveId: number },
) {
  let code = over.code;
  if (!code) {
    const n = db
      .select({ code: victims.code })
      .from(victims)
      .where(eq(victims.collectiveId, over.collectiveId))
      .all().length;
    code = `V-${String(n + 1).padStart(4, "0")}`;
  }
  return db
    .insert(victims)
    .values({ minor: false, ageBand: "18_25", ...over, code })
    .returning()
    .get();
}

export function createAccused(db: Conn, over: Partial<Insert<typeof accused>> & { caseId: number }) {
  return db
    .insert(accused)
    .values({ name: "Accused Person", ...over })
    .returning()
    .get();
}

/** A small deterministic PRNG (mulberry32), so seeded data is the same on every machine. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => at(list, Math.floor(next() * list.length)),
    chance: (p: number) => next() < p,
  };
}
