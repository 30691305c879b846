// What a demo visitor is promised: the seats and accounts work, and the cases carry every clock
// the agenda flags (testimony, bail, chargesheet, appeal window). Reads this file's copy of the
// seeded base database (tests/support/global-setup.ts), which is seeded for `testToday`.
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accused, caseEvents, cases, departments, tenures, users, victims } from "#db/schema";
import { demoAccounts, demoPassword } from "#db/seed";
import { getDb } from "~/db.server";
import { caseCodePattern } from "~/lib/case-code";
import { addDays, daysBetween } from "~/lib/dates";
import { verifyPassword } from "~/services/password.server";
import { testToday as today } from "../support/constants";

const db = () => getDb();
const eventsOf = (caseId: number) => db().select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).all();
const openCases = () => db().select().from(cases).where(eq(cases.status, "open")).all();

describe("the demo seats and accounts", () => {
  it("gives each of the nine departments exactly one current holder", () => {
    const seats = db().select().from(departments).all();
    expect(seats.map((d) => d.kind).sort()).toEqual(
      ["court", "dcpu", "dlsa", "dwcd", "ngo", "plv", "police", "prosecution", "shelter_home"],
    );
    for (const seat of seats) {
      const current = db().select().from(tenures).where(and(eq(tenures.departmentId, seat.id), isNull(tenures.endsOn))).all();
      expect(current, seat.name).toHaveLength(1);
    }
  });

  it("keeps the police seat's previous holder, whose account is disabled", () => {
    const police = db().select().from(departments).where(eq(departments.kind, "police")).get()!;
    const past = db().select().from(tenures).where(eq(tenures.departmentId, police.id)).all().filter((t) => t.endsOn);
    expect(past).toHaveLength(1);
    expect(past[0].endsOn! < today).toBe(true);
    expect(db().select().from(users).where(eq(users.id, past[0].userId!)).get()!.active).toBe(false);
  });

  it("links each representative account to its department's current tenure", () => {
    for (const [email, kind] of [["police@demo.testa", "police"], ["dcpu@demo.testa", "dcpu"], ["secretariat@demo.testa", "ngo"]] as const) {
      const user = db().select().from(users).where(eq(users.email, email)).get()!;
      const seat = db().select({ kind: departments.kind }).from(tenures)
        .innerJoin(departments, eq(departments.id, tenures.departmentId))
        .where(and(eq(tenures.userId, user.id), isNull(tenures.endsOn))).get();
      expect(seat?.kind, email).toBe(kind);
    }
  });

  it("lets every listed demo account sign in with the demo password and the listed role", async () => {
    for (const account of demoAccounts) {
      const user = db().select().from(users).where(eq(users.email, account.email)).get()!;
      expect(user, account.email).toMatchObject({ role: account.role, active: true });
      expect(await verifyPassword(user.passwordHash!, demoPassword), account.email).toBe(true);
    }
  });
});

describe("the demo cases", () => {
  it("are named only by codes: DEM cases issued in their opening year, victims as V-NNNN", () => {
    for (const c of db().select().from(cases).all()) {
      expect(c.code).toMatch(caseCodePattern);
      expect(c.code.startsWith(`DEM-${c.openedOn.slice(0, 4)}-`)).toBe(true);
    }
    const codes = db().select({ code: victims.code }).from(victims).all().map((v) => v.code);
    expect(codes.every((code) => /^V-\d{4}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    const victimColumns = db().$client.prepare("select name from pragma_table_info('victims')").all() as { name: string }[];
    expect(victimColumns.map((c) => c.name).filter((name) => /name/i.test(name))).toEqual([]);
  });

  it("start with the rescue, have 1–3 victims and accused, and record nothing after today", () => {
    for (const c of db().select().from(cases).all()) {
      const events = eventsOf(c.id);
      expect(events.map((e) => e.occurredOn).sort()[0], c.code).toBe(c.openedOn);
      expect(events.every((e) => e.occurredOn <= today), c.code).toBe(true);
      const victimCount = db().select().from(victims).where(eq(victims.caseId, c.id)).all().length;
      expect(victimCount, c.code).toBeGreaterThanOrEqual(1);
      expect(victimCount, c.code).toBeLessThanOrEqual(3);
      const accusedCount = db().select().from(accused).where(eq(accused.caseId, c.id)).all().length;
      expect(accusedCount, c.code).toBeGreaterThanOrEqual(1);
      expect(accusedCount, c.code).toBeLessThanOrEqual(3);
    }
  });

  it("include a victim testimony fixed within the next six weeks", () => {
    const fixed = openCases().flatMap((c) => eventsOf(c.id)).filter(
      (e) => /testimony/i.test(e.outcome ?? "") && e.nextDate && e.nextDate > today && e.nextDate <= addDays(today, 42),
    );
    expect(fixed.length).toBeGreaterThanOrEqual(1);
  });

  it("include a bail application pending from the last month, and bail granted in the last three weeks", () => {
    const pending = openCases().filter((c) =>
      db().select().from(accused).where(and(eq(accused.caseId, c.id), eq(accused.bailStatus, "pending"))).get() &&
      eventsOf(c.id).some((e) => e.kind === "bail_application" && e.occurredOn >= addDays(today, -31)));
    expect(pending.length).toBeGreaterThanOrEqual(1);
    const granted = openCases().filter((c) =>
      db().select().from(accused).where(and(eq(accused.caseId, c.id), eq(accused.bailStatus, "granted"))).get() &&
      eventsOf(c.id).some((e) => e.kind === "bail_order" && /granted/i.test(e.outcome ?? "") && e.occurredOn >= addDays(today, -21)));
    expect(granted.length).toBeGreaterThanOrEqual(1);
  });

  it("include a chargesheet due within two weeks and one already overdue", () => {
    const daysLeft = openCases()
      .filter((c) => c.stage === "investigation" && !eventsOf(c.id).some((e) => e.kind === "chargesheet_filed"))
      .map((c) => {
        const arrests = db().select().from(accused).where(eq(accused.caseId, c.id)).all()
          .map((a) => a.arrestedOn).filter((on): on is string => on !== null).sort();
        return arrests.length ? daysBetween(today, addDays(arrests[0], c.chargesheetLimitDays)) : null;
      })
      .filter((d): d is number => d !== null);
    expect(daysLeft.some((d) => d >= 0 && d <= 14)).toBe(true);
    expect(daysLeft.some((d) => d < 0)).toBe(true);
  });

  it("include closed convictions and an acquittal still inside its 90-day appeal window", () => {
    const convictions = db().select().from(cases).where(and(eq(cases.outcome, "convicted"), eq(cases.status, "closed"))).all();
    expect(convictions.length).toBeGreaterThanOrEqual(3);
    expect(convictions.every((c) => c.closedOn !== null)).toBe(true);
    const inWindow = openCases().filter((c) => {
      const events = eventsOf(c.id);
      const judgment = events.find((e) => e.kind === "judgment");
      return c.outcome === "acquitted" && judgment && daysBetween(judgment.occurredOn, today) <= 90 &&
        !events.some((e) => e.kind === "appeal_filed");
    });
    expect(inWindow.length).toBeGreaterThanOrEqual(1);
  });
});
