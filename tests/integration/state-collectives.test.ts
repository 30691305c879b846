import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, collectives, departments, mailOutbox, users } from "#db/schema";
import { getDb } from "~/db.server";
import { action as loginAction } from "~/routes/login";
import { action as collectiveAction, loader as collectiveLoader } from "~/routes/state.collectives.$collectiveId";
import { loader as listLoader } from "~/routes/state.collectives._index";
import { action as newAction } from "~/routes/state.collectives.new";
import { action as welcomeAction } from "~/routes/welcome.$token";
import { getSessionUser } from "~/services/auth.server";
import { demoPassword } from "../support/constants";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";

const signIn = (email: string, password = demoPassword) =>
  run(() =>
    loginAction({
      request: postRequest("/login", { email, password }),
      params: {},
      context: { clientAddress: "203.0.113.9" },
    }),
  );

const newCollective = (over: Record<string, string | string[]> = {}) => ({
  district: "Wardha East",
  districtCode: "WRE",
  timeZone: "Asia/Kolkata",
  meetingWeekOfMonth: "3",
  meetingWeekday: "2",
  meetingStartTime: "10:30",
  meetingDurationMinutes: "90",
  departments: ["police", "prosecution", "ngo"],
  adminName: "Anita Rao",
  adminEmail: "anita.rao@example.org",
  ...over,
});

async function create(fields: Record<string, string | string[]>) {
  const cookie = await cookieFor("state@demo.testa");
  return run(() =>
    newAction({ request: postRequest("/state/collectives/new", fields, cookie), params: {}, context: {} }),
  );
}

const collectiveOnPage = async (id: number, fields?: Record<string, string>) => {
  const cookie = await cookieFor("state@demo.testa");
  const params = { collectiveId: String(id) };
  const path = `/state/collectives/${id}`;
  return fields
    ? run(() => collectiveAction({ request: postRequest(path, fields, cookie), params, context: {} }))
    : run(() => collectiveLoader({ request: getRequest(path, cookie), params, context: {} }));
};

describe("the state's accounts", () => {
  it("sign in to the state roll-up, as the state's administrator and observer", async () => {
    for (const [email, role] of [
      ["state@demo.testa", "state_admin"],
      ["state-observer@demo.testa", "state_observer"],
    ] as const) {
      const res = await signIn(email);
      expect(res.status, email).toBe(302);
      expect(res.headers.get("Location")).toBe("/state");
      const cookie = res.headers.get("Set-Cookie")!.split(";")[0]!;
      expect((await getSessionUser(getRequest("/", cookie)))?.role).toBe(role);
    }
  });
});

describe("a new district collective", () => {
  it("is created with its rule, its chosen departments and its administrator, who gets the welcome email", async () => {
    const res = await create(newCollective());
    expect(res.status).toBe(200);
    const db = getDb();
    const c = db.select().from(collectives).where(eq(collectives.districtCode, "WRE")).get()!;
    expect(c).toMatchObject({
      kind: "district",
      name: "Wardha East",
      state: "Maharashtra",
      meetingWeekOfMonth: 3,
      meetingWeekday: 2,
      meetingStartTime: "10:30",
      meetingDurationMinutes: 90,
      deactivatedAt: null,
    });
    expect(
      db
        .select({ kind: departments.kind })
        .from(departments)
        .where(eq(departments.collectiveId, c.id))
        .all()
        .map((d) => d.kind),
    ).toEqual(["police", "prosecution", "ngo"]);
    const admin = db.select().from(users).where(eq(users.email, "anita.rao@example.org")).get()!;
    expect(admin).toMatchObject({ collectiveId: c.id, role: "admin", passwordHash: null });
    const mail = db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, "anita.rao@example.org")).get()!;
    expect(mail.collectiveId).toBe(c.id);
    expect(mail.subject).toBe("You administer the Wardha East collective on TESTA Desk");
    const link = /http:\/\/localhost:3000\/welcome\/([\w-]+)/.exec(mail.text)![1]!;
    expect(res.data.created.appointment.link).toBe(`http://localhost:3000/welcome/${link}`);
    // Audited in the state's chain and in the new collective's own.
    const stateId = db.select().from(users).where(eq(users.email, "state@demo.testa")).get()!.collectiveId;
    for (const chain of [stateId, c.id])
      expect(
        db
          .select({ action: auditLog.action, entity: auditLog.entity })
          .from(auditLog)
          .where(and(eq(auditLog.collectiveId, chain), eq(auditLog.entity, "collective")))
          .all(),
      ).toEqual([{ action: "create", entity: "collective" }]);

    // The administrator sets a password from the email's link and lands on the district's meetings.
    const set = await run(() =>
      welcomeAction({
        request: postRequest(`/welcome/${link}`, { password: "a-long-password", confirm: "a-long-password" }),
        params: { token: link },
        context: {},
      }),
    );
    expect(set.status, JSON.stringify(set.data)).toBe(302);
    const signedIn = await signIn("anita.rao@example.org", "a-long-password");
    expect(signedIn.headers.get("Location")).toBe("/meetings");
  });

  it("refuses bad input beside each field, keeps it, and writes nothing", async () => {
    const db = getDb();
    const before = db.select().from(collectives).all().length;
    const res = await create(
      newCollective({ district: "", districtCode: "d3", timeZone: "Mars/Olympus", departments: [], adminEmail: "x" }),
    );
    expect(res.status).toBe(400);
    expect(res.data.errors).toMatchObject({
      district: "District is required.",
      districtCode: "Use 2 to 5 capital letters, for example NGP.",
      timeZone: "Enter a time zone as Region/City, for example Asia/Kolkata.",
      departments: "Choose at least one department to start with.",
      adminEmail: "Enter a valid email address.",
    });
    expect(res.data.values.districtCode).toBe("d3");
    // A code or an email already taken is refused beside its field, and nothing is half-written.
    const taken = await create(newCollective({ districtCode: "DEM" }));
    expect(taken.data.errors.districtCode).toMatch(/already used by Demo District/);
    const email = await create(
      newCollective({ district: "Gondia", districtCode: "GON", adminEmail: "admin@demo.testa" }),
    );
    expect(email.data.errors.adminEmail).toMatch(/already belongs to an account/);
    expect(db.select().from(collectives).all().length).toBe(before);
  });

  it("is deactivated only after its name is typed: its accounts can no longer sign in, nothing is deleted", async () => {
    const res = await create(
      newCollective({ district: "Bhandara", districtCode: "BHA", adminEmail: "bhandara.admin@example.org" }),
    );
    const id: number = res.data.created.id;
    const wrong = await collectiveOnPage(id, { intent: "deactivate", confirmDistrict: "Wardha" });
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors.confirmDistrict).toBe("Type the district's name, Bhandara, to confirm.");
    const admin = await cookieFor("bhandara.admin@example.org");
    expect(await getSessionUser(getRequest("/", admin))).not.toBeNull();
    const done = await collectiveOnPage(id, { intent: "deactivate", confirmDistrict: "bhandara" });
    expect(done.status).toBe(302);
    expect(await getSessionUser(getRequest("/", admin))).toBeNull();
    const page = await collectiveOnPage(id);
    expect(page.data.collective.deactivatedOn).not.toBeNull();
    expect(page.data.departments).toHaveLength(3);
    const list = await run(async () =>
      listLoader({
        request: getRequest("/state/collectives", await cookieFor("state@demo.testa")),
        params: {},
        context: {},
      }),
    );
    expect(list.data.collectives.map((c: { name: string }) => c.name)).toContain("Bhandara");
    expect(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "collective"), eq(auditLog.action, "deactivate")))
        .all(),
    ).toHaveLength(2);
  });

  it("answers 404 for the state's own row or an id that names no collective", async () => {
    const stateId = getDb().select().from(users).where(eq(users.email, "state@demo.testa")).get()!.collectiveId;
    for (const id of [stateId, 999_999]) expect((await collectiveOnPage(id)).status).toBe(404);
  });
});
