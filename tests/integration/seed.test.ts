// What a demo visitor is promised: the seats and accounts work, and the cases carry every clock
// the agenda flags (testimony, bail, chargesheet, appeal window). Reads this file's copy of the
// seeded base database (tests/support/global-setup.ts), which is seeded for `testToday`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, asc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "#db/client";
import { migrateDatabase } from "#db/migrate";
import {
  accused,
  actionItems,
  agendaItems,
  attendance,
  caseDepartments,
  caseEvents,
  cases,
  departments,
  meetings,
  tenures,
  users,
  victims,
} from "#db/schema";
import { caseStages } from "#db/schema/enums";
import { demoAccounts, demoPassword, newCodesFrom, seedDemo } from "../../scripts/seed/demo";
import { getDb } from "~/db.server";
import { caseCodePattern } from "~/lib/case-code";
import { addDays, dateInZone, daysBetween } from "~/lib/dates";
import { verifyPassword } from "~/services/password.server";
import { testToday as today } from "../support/constants";
import { must, only } from "../support/present";

const db = () => getDb();
/** Oldest first, as the timeline shows them. */
const eventsOf = (caseId: number) =>
  db()
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.occurredOn), asc(caseEvents.id))
    .all();
const allCases = () => db().select().from(cases).all();
const openCases = () => db().select().from(cases).where(eq(cases.status, "open")).all();

describe("the demo seats and accounts", () => {
  it("gives each of the nine departments exactly one current holder", () => {
    const seats = db().select().from(departments).all();
    expect(seats.map((d) => d.kind).sort()).toEqual([
      "court",
      "dcpu",
      "dlsa",
      "dwcd",
      "ngo",
      "plv",
      "police",
      "prosecution",
      "shelter_home",
    ]);
    for (const seat of seats) {
      const current = db()
        .select()
        .from(tenures)
        .where(and(eq(tenures.departmentId, seat.id), isNull(tenures.endsOn)))
        .all();
      expect(current, seat.name).toHaveLength(1);
    }
  });

  it("keeps the police seat's previous holder, whose account is disabled", () => {
    const police = db().select().from(departments).where(eq(departments.kind, "police")).get()!;
    const past = db()
      .select()
      .from(tenures)
      .where(eq(tenures.departmentId, police.id))
      .all()
      .filter((t) => t.endsOn);
    const ended = only(past, "the police's past tenures");
    expect(ended.endsOn! < today).toBe(true);
    expect(db().select().from(users).where(eq(users.id, ended.userId!)).get()!.active).toBe(false);
  });

  it("links each representative account to its department's current tenure", () => {
    for (const [email, kind] of [
      ["police@demo.testa", "police"],
      ["dcpu@demo.testa", "dcpu"],
      ["secretariat@demo.testa", "ngo"],
    ] as const) {
      const user = db().select().from(users).where(eq(users.email, email)).get()!;
      const seat = db()
        .select({ kind: departments.kind })
        .from(tenures)
        .innerJoin(departments, eq(departments.id, tenures.departmentId))
        .where(and(eq(tenures.userId, user.id), isNull(tenures.endsOn)))
        .get();
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
    const codes = db()
      .select({ code: victims.code })
      .from(victims)
      .all()
      .map((v) => v.code);
    expect(codes.every((code) => /^V-\d{4}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    const victimColumns = db().$client.prepare("select name from pragma_table_info('victims')").all() as {
      name: string;
    }[];
    expect(victimColumns.map((c) => c.name).filter((name) => /name/i.test(name))).toEqual([]);
  });

  it("are about sixty, over every stage", () => {
    expect(allCases()).toHaveLength(60);
    expect(new Set(allCases().map((c) => c.stage))).toEqual(new Set(caseStages));
  });

  it("start with the rescue, have 1–3 accused, and record nothing after today", () => {
    for (const c of allCases()) {
      const events = eventsOf(c.id);
      const first = must(events[0], `${c.code}'s first event`);
      expect(first.occurredOn, c.code).toBe(c.openedOn);
      expect(first.kind, c.code).toBe("rescue");
      expect(
        events.every((e) => e.occurredOn <= today),
        c.code,
      ).toBe(true);
      expect(c.stageChangedOn! >= c.openedOn && c.stageChangedOn! <= today, c.code).toBe(true);
      const accusedCount = db().select().from(accused).where(eq(accused.caseId, c.id)).all().length;
      expect(accusedCount, c.code).toBeGreaterThanOrEqual(1);
      expect(accusedCount, c.code).toBeLessThanOrEqual(3);
    }
  });

  it("include a victim testimony fixed in the weeks after the coming meeting, on any day it is seeded", () => {
    const meetingDay = db().select().from(meetings).where(eq(meetings.status, "planned")).get()!.startsAt.slice(0, 10);
    const fixed = openCases()
      .flatMap((c) => eventsOf(c.id))
      .filter(
        (e) =>
          /testimony/i.test(e.outcome ?? "") &&
          e.nextDate &&
          e.nextDate > meetingDay &&
          e.nextDate <= addDays(meetingDay, 28),
      );
    expect(fixed.length).toBeGreaterThanOrEqual(1);
  });

  it("include a bail application pending from the last month, and bail granted in the last three weeks", () => {
    const pending = openCases().filter(
      (c) =>
        db()
          .select()
          .from(accused)
          .where(and(eq(accused.caseId, c.id), eq(accused.bailStatus, "pending")))
          .get() && eventsOf(c.id).some((e) => e.kind === "bail_application" && e.occurredOn >= addDays(today, -31)),
    );
    expect(pending.length).toBeGreaterThanOrEqual(1);
    const granted = openCases().filter(
      (c) =>
        db()
          .select()
          .from(accused)
          .where(and(eq(accused.caseId, c.id), eq(accused.bailStatus, "granted")))
          .get() &&
        eventsOf(c.id).some(
          (e) => e.kind === "bail_order" && /granted/i.test(e.outcome ?? "") && e.occurredOn >= addDays(today, -21),
        ),
    );
    expect(granted.length).toBeGreaterThanOrEqual(1);
  });

  it("include a chargesheet due within two weeks and one already overdue", () => {
    const daysLeft = openCases()
      .filter((c) => c.stage === "investigation" && !eventsOf(c.id).some((e) => e.kind === "chargesheet_filed"))
      .map((c) => {
        const arrests = db()
          .select()
          .from(accused)
          .where(eq(accused.caseId, c.id))
          .all()
          .map((a) => a.arrestedOn)
          .filter((on): on is string => on !== null)
          .sort();
        const [firstArrest] = arrests;
        return firstArrest ? daysBetween(today, addDays(firstArrest, c.chargesheetLimitDays)) : null;
      })
      .filter((d): d is number => d !== null);
    expect(daysLeft.some((d) => d >= 0 && d <= 14)).toBe(true);
    expect(daysLeft.some((d) => d < 0)).toBe(true);
  });

  it("include closed convictions and an acquittal still inside its 90-day appeal window", () => {
    const convictions = db()
      .select()
      .from(cases)
      .where(and(eq(cases.outcome, "convicted"), eq(cases.status, "closed")))
      .all();
    expect(convictions.length).toBeGreaterThanOrEqual(3);
    expect(convictions.every((c) => c.closedOn !== null)).toBe(true);
    const inWindow = openCases().filter((c) => {
      const events = eventsOf(c.id);
      const judgment = events.find((e) => e.kind === "judgment");
      return (
        c.outcome === "acquitted" &&
        judgment &&
        daysBetween(judgment.occurredOn, today) <= 90 &&
        !events.some((e) => e.kind === "appeal_filed")
      );
    });
    expect(inWindow.length).toBeGreaterThanOrEqual(1);
  });
});

describe("the demo cases, as a real district's would be", () => {
  const afterJudgment = new Set(["appeal_filed", "compensation_application", "compensation_order"]);

  it("end a judged case's history at the judgment: only an appeal and compensation come later", () => {
    const judged = allCases().filter((c) => c.outcome);
    expect(judged.length).toBeGreaterThanOrEqual(10);
    for (const c of judged) {
      const events = eventsOf(c.id);
      const judgments = events.filter((e) => e.kind === "judgment");
      const on = only(judgments, `${c.code}'s judgments`).occurredOn;
      for (const e of events) {
        if (afterJudgment.has(e.kind)) continue;
        expect(e.occurredOn <= on, `${c.code}: ${e.kind} on ${e.occurredOn}, judgment ${on}`).toBe(true);
        expect(!e.nextDate || e.nextDate <= on, `${c.code}: ${e.kind} next ${e.nextDate}, judgment ${on}`).toBe(true);
      }
      const appeals = events.filter((e) => e.kind === "appeal_filed");
      if (appeals.length) expect(["acquitted", "convicted"], c.code).toContain(c.outcome);
      expect(
        appeals.every((e) => e.occurredOn > on),
        c.code,
      ).toBe(true);
    }
    // A case not yet judged has no judgment or appeal on its timeline.
    for (const c of allCases().filter((c) => !c.outcome)) {
      expect(
        eventsOf(c.id).some((e) => e.kind === "judgment" || e.kind === "appeal_filed"),
        c.code,
      ).toBe(false);
    }
  });

  it("involve two to four departments, one of them the lead, usually the police", () => {
    const police = db().select().from(departments).where(eq(departments.kind, "police")).get()!;
    let policeLeads = 0;
    for (const c of allCases()) {
      const involved = db().select().from(caseDepartments).where(eq(caseDepartments.caseId, c.id)).all();
      expect(involved.length, c.code).toBeGreaterThanOrEqual(2);
      expect(involved.length, c.code).toBeLessThanOrEqual(4);
      const leads = involved.filter((d) => d.role === "lead");
      const lead = only(leads, `${c.code}'s leads`);
      expect(
        involved.some((d) => d.departmentId === police.id),
        c.code,
      ).toBe(true);
      if (lead.departmentId === police.id) policeLeads++;
    }
    expect(policeLeads).toBeGreaterThan(allCases().length / 2);
    const sizes = new Set(
      allCases().map((c) => db().select().from(caseDepartments).where(eq(caseDepartments.caseId, c.id)).all().length),
    );
    expect(sizes).toEqual(new Set([2, 3, 4]));
  });

  it("include discharges at the charge stage, and old acquittals closed with their appeal window long gone", () => {
    const discharged = allCases().filter((c) => c.outcome === "discharged");
    expect(discharged.length).toBeGreaterThanOrEqual(2);
    for (const c of discharged) {
      const kinds = eventsOf(c.id).map((e) => e.kind);
      expect(c.status, c.code).toBe("closed");
      expect(kinds, c.code).toContain("chargesheet_filed");
      expect(kinds, c.code).not.toContain("charges_framed");
      expect(kinds, c.code).not.toContain("testimony");
    }
    const oldAcquittals = allCases().filter((c) => {
      const events = eventsOf(c.id);
      const judgment = events.find((e) => e.kind === "judgment");
      return (
        c.outcome === "acquitted" &&
        c.status === "closed" &&
        judgment &&
        daysBetween(judgment.occurredOn, today) > 180 &&
        !events.some((e) => e.kind === "appeal_filed") &&
        c.closedOn! > addDays(judgment.occurredOn, 90)
      );
    });
    expect(oldAcquittals.length).toBeGreaterThanOrEqual(2);
    // Every appeal was filed inside the window.
    for (const c of allCases().filter((c) => c.stage === "appeal")) {
      const events = eventsOf(c.id);
      const judgment = events.find((e) => e.kind === "judgment")!;
      const appeal = events.find((e) => e.kind === "appeal_filed")!;
      expect(daysBetween(judgment.occurredOn, appeal.occurredOn), c.code).toBeLessThanOrEqual(90);
    }
  });

  it("cite BNS sections from 1 July 2024 and IPC ones before, each with the ITPA, and the matching procedure code", () => {
    for (const c of allCases()) {
      expect(c.sections, c.code).toMatch(/\bITPA \d/);
      const outcomes = eventsOf(c.id)
        .map((e) => e.outcome ?? "")
        .join(" | ");
      if (c.openedOn >= newCodesFrom) {
        expect(c.sections, c.code).toMatch(/\bBNS 14[34]\b/);
        expect(c.sections, c.code).not.toMatch(/\bIPC\b/);
        expect(outcomes, c.code).not.toMatch(/\bCrPC\b/);
      } else {
        expect(c.sections, c.code).toMatch(/\bIPC 37(0A?|2|3)\b/);
        expect(c.sections, c.code).not.toMatch(/\bBNS\b/);
        expect(outcomes, c.code).not.toMatch(/\bBNSS\b/);
      }
      const minor = db()
        .select()
        .from(victims)
        .where(eq(victims.caseId, c.id))
        .all()
        .some((v) => v.minor);
      expect(/\bPOCSO\b/.test(c.sections), c.code).toBe(minor);
    }
  });

  it("have one or two victims as a rule, and three to five after a raid", () => {
    const counts = allCases().map((c) => db().select().from(victims).where(eq(victims.caseId, c.id)).all().length);
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(5);
    expect(counts.filter((n) => n <= 2).length).toBeGreaterThanOrEqual(counts.length * 0.9);
    expect(counts.filter((n) => n >= 3).length).toBeGreaterThanOrEqual(2);
  });

  it("have no FIR while at the rescue stage, and an FIR from then on", () => {
    const rescue = allCases().filter((c) => c.stage === "rescue");
    expect(rescue.length).toBeGreaterThanOrEqual(1);
    for (const c of allCases()) {
      const fir = eventsOf(c.id).find((e) => e.kind === "fir");
      if (c.stage === "rescue") {
        expect({ firNumber: c.firNumber, firYear: c.firYear, fir }, c.code).toEqual({
          firNumber: null,
          firYear: null,
          fir: undefined,
        });
      } else {
        expect(c.firNumber, c.code).toMatch(/^\d{4}$/);
        expect(c.firYear, c.code).toBe(Number(fir!.occurredOn.slice(0, 4)));
      }
    }
  });

  it("order bail only on an application, and keep each accused's bail status in step with the timeline", () => {
    for (const c of allCases()) {
      let waiting = 0;
      for (const e of eventsOf(c.id)) {
        if (e.kind === "bail_application") waiting++;
        if (e.kind === "bail_order") {
          expect(waiting, `${c.code}: bail order on ${e.occurredOn} without an application`).toBeGreaterThan(0);
          waiting--;
        }
      }
      const statuses = db()
        .select()
        .from(accused)
        .where(eq(accused.caseId, c.id))
        .all()
        .map((a) => a.bailStatus);
      expect(waiting, c.code).toBe(statuses.filter((s) => s === "pending").length);
      const orders = eventsOf(c.id).filter((e) => e.kind === "bail_order");
      expect(orders.filter((e) => /granted/i.test(e.outcome ?? "")).length, c.code).toBe(
        statuses.filter((s) => s === "granted").length,
      );
      expect(orders.filter((e) => /refused/i.test(e.outcome ?? "")).length, c.code).toBe(
        statuses.filter((s) => s === "refused").length,
      );
    }
  });

  it("give victims different services, each consistent with the case", () => {
    const all = db().select().from(victims).all();
    const services: [string, (v: (typeof all)[number]) => boolean][] = [
      ["legal aid", (v) => !!v.legalAidAssignedOn],
      ["education", (v) => v.educationEnrolled],
      ["livelihood", (v) => v.livelihoodSupport],
      ["compensation applied", (v) => !!v.compensationAppliedOn],
      ["compensation received", (v) => !!v.compensationReceivedOn],
      ["shelter", (v) => v.inShelter],
      ["protection room", (v) => v.testifiedInProtectionRoom],
    ];
    for (const [name, has] of services) {
      expect(all.some(has), name).toBe(true);
      expect(all.every(has), name).toBe(false);
    }
    for (const v of all) {
      const c = db().select().from(cases).where(eq(cases.id, v.caseId)).get()!;
      for (const on of [v.legalAidAssignedOn, v.compensationAppliedOn, v.compensationReceivedOn]) {
        if (on) expect(on >= c.openedOn && on <= today, `${v.code} ${on}`).toBe(true);
      }
      if (v.compensationReceivedOn)
        expect(v.compensationAppliedOn && v.compensationAppliedOn < v.compensationReceivedOn, v.code).toBe(true);
      if (v.testifiedInProtectionRoom)
        expect(
          eventsOf(c.id).some((e) => e.kind === "testimony"),
          v.code,
        ).toBe(true);
    }
  });

  it("give victims the participation index's newer services, varied and consistent with the case", () => {
    const all = db().select().from(victims).all();
    const services: [string, (v: (typeof all)[number]) => boolean][] = [
      ["informed in the last 60 days", (v) => !!v.lastInformedOn && daysBetween(v.lastInformedOn, today) <= 60],
      ["heard at bail", (v) => v.heardAtBail === true],
      ["not heard at bail", (v) => v.heardAtBail === false],
      ["escorted when summoned", (v) => v.escortedWhenSummoned === true],
      ["not escorted when summoned", (v) => v.escortedWhenSummoned === false],
      ["support person at testimony", (v) => v.supportPersonAtTestimony],
      ["threat reported and acted on", (v) => v.threatReported && v.threatActedOn],
      ["threat reported, not acted on", (v) => v.threatReported && !v.threatActedOn],
    ];
    for (const [name, has] of services) {
      expect(all.some(has), name).toBe(true);
      expect(all.every(has), name).toBe(false);
    }
    expect(
      all.some((v) => !!v.lastInformedOn && daysBetween(v.lastInformedOn, today) > 60),
      "informed long ago",
    ).toBe(true);
    for (const v of all) {
      const c = db().select().from(cases).where(eq(cases.id, v.caseId)).get()!;
      const kinds = eventsOf(c.id).map((e) => e.kind);
      if (v.lastInformedOn)
        expect(v.lastInformedOn >= c.openedOn && v.lastInformedOn <= today, `${v.code} ${v.lastInformedOn}`).toBe(true);
      if (c.stage === "rescue") expect(v.lastInformedOn, v.code).toBeNull();
      // A bail hearing, a summons or a testimony is on the timeline before anything is recorded about it.
      if (v.heardAtBail !== null) expect(kinds, v.code).toContain("bail_application");
      if (v.escortedWhenSummoned !== null)
        expect(
          kinds.some((k) => k === "statement" || k === "testimony"),
          v.code,
        ).toBe(true);
      if (v.supportPersonAtTestimony) expect(kinds, v.code).toContain("testimony");
      if (v.threatActedOn) expect(v.threatReported, v.code).toBe(true);
    }
  });

  it("include several hearings in the next six weeks", () => {
    const ahead = openCases().filter((c) => {
      const next = eventsOf(c.id)
        .filter((e) => e.nextDate)
        .at(-1)?.nextDate;
      return next && next > today && next <= addDays(today, 42);
    });
    expect(ahead.length).toBeGreaterThanOrEqual(5);
  });

  it("cite both codes for a district with cases from before July 2024, seeded for a fixed day", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "testa-seed-codes-")), "t.db");
    const fixed = openDatabase(file);
    migrateDatabase(fixed);
    await seedDemo(fixed, { today: "2026-11-28" });
    const sections = fixed.select({ openedOn: cases.openedOn, sections: cases.sections }).from(cases).all();
    expect(sections.filter((c) => c.openedOn < newCodesFrom).every((c) => /\bIPC\b/.test(c.sections))).toBe(true);
    expect(sections.filter((c) => c.openedOn < newCodesFrom).length).toBeGreaterThanOrEqual(5);
    expect(sections.filter((c) => c.openedOn >= newCodesFrom).length).toBeGreaterThanOrEqual(30);
    fixed.$client.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});

describe("the demo meetings", () => {
  const byNumber = () => db().select().from(meetings).orderBy(asc(meetings.number)).all();

  it("are six held monthly meetings, minutes confirmed but the last (circulated), and one coming up", () => {
    const all = byNumber();
    expect(all.map((m) => m.status)).toEqual(["held", "held", "held", "held", "held", "held", "planned"]);
    expect(all.slice(0, 6).map((m) => m.minutesState)).toEqual([
      "confirmed",
      "confirmed",
      "confirmed",
      "confirmed",
      "confirmed",
      "circulated",
    ]);
    const [lastHeld, coming] = [must(all[5]), must(all[6])];
    expect(coming.number).toBe(7);
    expect(dateInZone(new Date(lastHeld.startsAt), "Asia/Kolkata") < today).toBe(true);
    expect(dateInZone(new Date(coming.startsAt), "Asia/Kolkata") >= today).toBe(true);
  });

  it("record a substitute and an absence, action items in every state, overdue and carried over", () => {
    const rows = db().select().from(attendance).all();
    expect(rows.some((a) => a.isSubstitute)).toBe(true);
    expect(rows.some((a) => a.status === "absent")).toBe(true);
    const items = db().select().from(actionItems).all();
    expect(new Set(items.map((a) => a.status))).toEqual(new Set(["open", "in_progress", "done", "blocked", "dropped"]));
    const unfinished = items.filter((a) => ["open", "in_progress", "blocked"].includes(a.status));
    expect(unfinished.some((a) => a.dueOn < today)).toBe(true);
    const lastHeld = must(byNumber()[5]).id;
    expect(unfinished.some((a) => a.meetingId !== null && a.meetingId !== lastHeld)).toBe(true);
    expect(items.filter((a) => a.completedOn).every((a) => a.completedOn! <= today)).toBe(true);
    const police = db().select().from(departments).where(eq(departments.kind, "police")).get()!;
    expect(items.some((a) => a.departmentId === police.id && a.status === "open")).toBe(true);
  });

  it("reviewed only cases open on the day, or closed in the two months before it", () => {
    for (const m of byNumber().filter((m) => m.status === "held")) {
      const day = dateInZone(new Date(m.startsAt), "Asia/Kolkata");
      for (const item of db()
        .select()
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, m.id))
        .all()
        .filter((i) => i.caseId)) {
        const c = db().select().from(cases).where(eq(cases.id, item.caseId!)).get()!;
        expect(c.openedOn <= day, `${c.code} at meeting ${m.number}`).toBe(true);
        expect(!c.closedOn || c.closedOn >= addDays(day, -60), `${c.code} at meeting ${m.number}`).toBe(true);
      }
    }
  });
});
