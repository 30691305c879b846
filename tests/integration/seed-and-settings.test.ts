import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "#db/client";
import { migrateDatabase } from "#db/migrate";
import { cases, caseEvents, collectives, users } from "#db/schema";
import { demoAccounts, isSeeded, seedAdmin, seedDemo } from "../../scripts/seed/demo";
import { getDb } from "~/db.server";
import { weightsFrom } from "~/lib/agenda/settings";
import { action as weightsAction, loader as weightsLoader } from "~/routes/settings.agenda";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";

const fresh = () => {
  const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), "testa-seed-")), "t.db"));
  migrateDatabase(db);
  return db;
};

describe("the demo seed", () => {
  it("is the same for the same day, and covers every stage", async () => {
    const a = fresh();
    const b = fresh();
    await seedDemo(a, { today: "2026-11-28" });
    await seedDemo(b, { today: "2026-11-28" });
    const dump = (db: ReturnType<typeof fresh>) =>
      db.select({ code: cases.code, stage: cases.stage, openedOn: cases.openedOn }).from(cases).all();
    expect(dump(a)).toEqual(dump(b));
    expect(dump(a)).toHaveLength(60);
    expect(new Set(dump(a).map((c) => c.stage)).size).toBe(10);
    expect(a.select({ n: count() }).from(caseEvents).get()!.n).toBe(b.select({ n: count() }).from(caseEvents).get()!.n);
    const emails = a
      .select({ email: users.email })
      .from(users)
      .all()
      .map((u) => u.email);
    for (const account of demoAccounts) expect(emails).toContain(account.email);
  });

  it("with TESTA_DEMO=0 creates only the collective and its administrator", async () => {
    const db = fresh();
    expect(isSeeded(db)).toBe(false);
    await seedAdmin(db, { email: "Admin@District.gov.in", password: "a-long-password" });
    expect(isSeeded(db)).toBe(true);
    expect(db.select().from(users).all()).toEqual([
      expect.objectContaining({ email: "admin@district.gov.in", role: "admin" }),
    ]);
    expect(db.select({ n: count() }).from(cases).get()!.n).toBe(0);
  });
});

describe("agenda weights", () => {
  it("are changed by the administrator and stored for the collective", async () => {
    const admin = await cookieFor("admin@demo.testa");
    const current = (
      await run(() => weightsLoader({ request: getRequest("/settings/agenda", admin), params: {}, context: {} }))
    ).data.weights;
    const res = await run(() =>
      weightsAction({
        request: postRequest(
          "/settings/agenda",
          { ...Object.fromEntries(Object.entries(current).map(([k, v]) => [k, String(v)])), not_reviewed: "95" },
          admin,
        ),
        params: {},
        context: {},
      }),
    );
    expect(res.status).toBe(302);
    expect(
      weightsFrom(getDb().select().from(collectives).where(eq(collectives.id, 1)).get()!.agendaWeights).not_reviewed,
    ).toBe(95);
  });

  it("refuse a bad weight with a message, and the secretariat", async () => {
    const admin = await cookieFor("admin@demo.testa");
    const bad = await run(() =>
      weightsAction({ request: postRequest("/settings/agenda", { bail: "-1" }, admin), params: {}, context: {} }),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.errors.bail).toBe("Give a whole number from 0 to 100.");
    const secretariat = await cookieFor("secretariat@demo.testa");
    expect(
      (
        await run(() =>
          weightsLoader({ request: getRequest("/settings/agenda", secretariat), params: {}, context: {} }),
        )
      ).status,
    ).toBe(403);
  });
});

describe("setting up a collective without the demo", () => {
  it("lets the administrator add a department and edit the collective", async () => {
    const { action: addDepartment } = await import("~/routes/departments._index");
    const { action: editCollective } = await import("~/routes/settings.collective");
    const admin = await cookieFor("admin@demo.testa");
    const added = await run(() =>
      addDepartment({
        request: postRequest("/departments", { name: "Railway Police (GRP)", kind: "police" }, admin),
        params: {},
        context: {},
      }),
    );
    expect(added.status).toBe(302);
    expect(added.headers.get("Location")).toMatch(/^\/departments\/\d+\/transfer$/);
    const duplicate = await run(() =>
      addDepartment({
        request: postRequest("/departments", { name: "railway police (grp)", kind: "police" }, admin),
        params: {},
        context: {},
      }),
    );
    expect(duplicate.data.errors.name).toBe("A department with this name already exists.");
    const body = {
      name: "Demo District",
      district: "Demo District",
      districtCode: "dem",
      state: "Maharashtra",
      meetingWeekday: "3",
      meetingWeekOfMonth: "-1",
      meetingStartTime: "15:00",
      meetingDurationMinutes: "90",
      meetingVenue: "Hall 1",
      meetingLink: "",
    };
    expect(
      (
        await run(() =>
          editCollective({ request: postRequest("/settings/collective", body, admin), params: {}, context: {} }),
        )
      ).status,
    ).toBe(302);
    expect(getDb().select().from(collectives).where(eq(collectives.id, 1)).get()).toMatchObject({
      districtCode: "DEM",
      meetingWeekday: 3,
      meetingWeekOfMonth: -1,
      meetingStartTime: "15:00",
    });
    const bad = await run(() =>
      editCollective({
        request: postRequest("/settings/collective", { ...body, districtCode: "D3M!" }, admin),
        params: {},
        context: {},
      }),
    );
    expect(bad.data.errors.districtCode).toBe("Use 2 to 5 capital letters, for example NGP.");
  });
});
