import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, passwordTokens, tenures, users } from "#db/schema";
import { getDb } from "~/db.server";
import { addDays, todayIn } from "~/lib/dates";
import { resolveSessionUser } from "~/models/user.server";
import { loader as deptLoader } from "~/routes/departments.$departmentId";
import { action as transferAction } from "~/routes/departments.$departmentId_.transfer";
import { loader as listLoader } from "~/routes/departments._index";
import { action as welcomeAction, loader as welcomeLoader } from "~/routes/welcome.$token";
import { getSessionUser, signIn } from "~/services/auth.server";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";
import { departmentIdsByKind, type SeededKind } from "../support/departments";

let admin: string;
let dept: Record<SeededKind, number>;
const today = todayIn("Asia/Kolkata");

beforeAll(async () => {
  admin = await cookieFor("admin@demo.testa");
  dept = departmentIdsByKind();
});

const counts = () => ({
  tenures: getDb().select({ n: count() }).from(tenures).get()!.n,
  users: getDb().select({ n: count() }).from(users).get()!.n,
  tokens: getDb().select({ n: count() }).from(passwordTokens).get()!.n,
});

const transfer = (departmentId: number, body: Record<string, string>, cookie = admin) =>
  run(() =>
    transferAction({
      request: postRequest(`/departments/${departmentId}/transfer`, body, cookie),
      params: { departmentId: String(departmentId) },
      context: {},
    }),
  );

const successor = (email: string, effectiveOn = today) => ({
  effectiveOn,
  officerName: "Priya Nair",
  designation: "District Child Protection Officer",
  email,
  phone: "+91 98220 00000",
});

describe("the departments pages", () => {
  it("lists every department with its current holder", async () => {
    const res = await run(async () =>
      listLoader({
        request: getRequest("/departments", await cookieFor("police@demo.testa")),
        params: {},
        context: {},
      }),
    );
    expect(res.data.departments).toHaveLength(9);
    expect(res.data.departments.every((d: { holder: unknown }) => d.holder)).toBe(true);
  });

  it("shows a department's tenure history, newest first", async () => {
    const res = await run(() =>
      deptLoader({
        request: getRequest(`/departments/${dept.police}`, admin),
        params: { departmentId: String(dept.police) },
        context: {},
      }),
    );
    expect(res.data.tenures).toHaveLength(2);
    expect(res.data.tenures[0].to).toBeNull();
    expect(res.data.tenures[1].officerName).toBe("Rajendra Sawant");
    expect(res.data.canManage).toBe(true);
  });

  it("answers 404 for forged ids and 403 to observers", async () => {
    for (const id of ["99999", "abc"]) {
      const res = await run(() =>
        deptLoader({ request: getRequest(`/departments/${id}`, admin), params: { departmentId: id }, context: {} }),
      );
      expect(res.status).toBe(404);
    }
    const res = await run(async () =>
      listLoader({
        request: getRequest("/departments", await cookieFor("observer@demo.testa")),
        params: {},
        context: {},
      }),
    );
    expect(res.status).toBe(403);
  });
});

describe("recording a transfer", () => {
  it("ends the tenure, seats the successor with an account and a single-use link, and audits it", async () => {
    const before = counts();
    const old = getDb()
      .select()
      .from(tenures)
      .where(eq(tenures.departmentId, dept.dcpu))
      .all()
      .find((t) => !t.endsOn)!;
    const res = await transfer(dept.dcpu, successor("Priya.Nair@Example.org", addDays(today, 1)));
    expect(res.data.errors?.form).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.data.done.link).toMatch(/\/welcome\/[A-Za-z0-9_-]{43}$/);
    expect(counts()).toEqual({ tenures: before.tenures + 1, users: before.users + 1, tokens: before.tokens + 1 });
    expect(getDb().select().from(tenures).where(eq(tenures.id, old.id)).get()!.endsOn).toBe(today);
    const seat = getDb()
      .select()
      .from(tenures)
      .where(eq(tenures.departmentId, dept.dcpu))
      .all()
      .find((t) => !t.endsOn)!;
    expect(seat).toMatchObject({
      officerName: "Priya Nair",
      email: "priya.nair@example.org",
      startsOn: addDays(today, 1),
    });
    const raw = res.data.done.link.split("/").pop();
    expect(JSON.stringify(getDb().select().from(passwordTokens).all())).not.toContain(raw);
    const entry = getDb().select().from(auditLog).all().at(-1)!;
    expect(entry).toMatchObject({ action: "transfer", entity: "department", entityId: dept.dcpu });
    expect(entry.detail).not.toContain("Priya");
  });

  it("closes the old holder's sign-in after the end date, and opens the successor's", async () => {
    const res = await transfer(dept.police, {
      ...successor("new.ahtu@example.org", today),
      officerName: "Arvind Kale",
    });
    expect(res.status).toBe(200);
    const refused = await signIn("police@demo.testa", "testa-demo");
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/tenure in this seat has ended/) });
    const newUser = getDb().select().from(users).where(eq(users.email, "new.ahtu@example.org")).get()!;
    const resolved = resolveSessionUser(getDb(), newUser, today);
    expect(resolved.ok && resolved.user.departmentId).toBe(dept.police);
  });

  const bad: [string, Record<string, string>, string, RegExp][] = [
    ["a missing name", { officerName: "" }, "officerName", /Successor's name is required/],
    ["an invalid email", { email: "not-an-email" }, "email", /valid email/],
    ["a date that does not exist", { effectiveOn: "2026-02-30" }, "effectiveOn", /real date/],
    ["a date before the current tenure began", { effectiveOn: "2000-01-01" }, "effectiveOn", /must take effect after/],
    [
      "an email that already has an account",
      { email: "Secretariat@demo.testa" },
      "email",
      /already belongs to an account/,
    ],
  ];
  for (const [what, change, field, message] of bad) {
    it(`refuses ${what}, keeps the input, writes nothing`, async () => {
      const before = counts();
      const res = await transfer(dept.dwcd, { ...successor("someone.new@example.org"), ...change });
      expect(res.status).toBe(400);
      expect(res.data.errors[field]).toMatch(message);
      expect(res.data.values.designation).toBe("District Child Protection Officer");
      expect(counts()).toEqual(before);
    });
  }

  it("is for the administrator only", async () => {
    for (const email of ["secretariat@demo.testa", "prosecution@demo.testa"]) {
      const res = await transfer(dept.dwcd, successor("x.y@example.org"), await cookieFor(email));
      expect(res.status).toBe(403);
    }
  });

  it("keeps a secretariat member's sign-in open when their NGO seat is transferred: they stay on the project team", async () => {
    expect((await signIn("secretariat@demo.testa", "testa-demo")).ok).toBe(true);
    const res = await transfer(dept.ngo, {
      ...successor("new.ngo@example.org", today),
      officerName: "Meera Joshi",
      designation: "Programme Manager",
    });
    expect(res.status).toBe(200);
    const after = await signIn("secretariat@demo.testa", "testa-demo");
    expect(after.ok && after.user.role).toBe("secretariat");
    expect((await signIn("admin@demo.testa", "testa-demo")).ok).toBe(true);
  });
});

describe("the password link", () => {
  const welcome = (token: string, body?: Record<string, string>) =>
    body
      ? run(() => welcomeAction({ request: postRequest(`/welcome/${token}`, body), params: { token }, context: {} }))
      : run(() => welcomeLoader({ request: getRequest(`/welcome/${token}`), params: { token }, context: {} }));

  it("sets the password once and signs the officer in; a second use fails with a clear message", async () => {
    const res = await transfer(dept.plv, successor("plv.new@example.org"));
    const token = res.data.done.link.split("/").pop();
    expect((await welcome(token)).data.name).toBe("Priya Nair");
    const mismatch = await welcome(token, { password: "a-long-password", confirm: "another-one" });
    expect(mismatch.data.errors.confirm).toBe("The two passwords do not match.");
    const set = await welcome(token, { password: "a-long-password", confirm: "a-long-password" });
    expect(set.status).toBe(302);
    const session = await getSessionUser(getRequest("/", set.headers.get("Set-Cookie")!.split(";")[0]));
    expect(session?.departmentId).toBe(dept.plv);
    const again = await welcome(token);
    expect(again.data.refusal).toMatch(/already been used/);
    const reuse = await welcome(token, { password: "another-password", confirm: "another-password" });
    expect(reuse.data.errors.form).toMatch(/already been used/);
  });

  it("refuses an expired link and an unknown one", async () => {
    const res = await transfer(dept.shelter_home, successor("shelter.new@example.org"));
    const token = res.data.done.link.split("/").pop();
    getDb().update(passwordTokens).set({ expiresAt: "2000-01-01T00:00:00.000Z" }).run();
    expect((await welcome(token)).data.refusal).toMatch(/has expired/);
    const unknown = await welcome("nonsense-token-that-is-long-enough");
    expect(unknown.status).toBe(404);
    expect(unknown.data.refusal).toMatch(/not valid/);
  });
});
