import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, collectives, departments, passwordTokens, sessions, tenures, users } from "#db/schema";
import { getDb } from "~/db.server";
import { addDays, formatDate, todayIn } from "~/lib/dates";
import { currentSeatHolders } from "~/models/department.server";
import { action as deptAction, loader as deptLoader } from "~/routes/departments.$departmentId";
import { action as transferAction, loader as transferLoader } from "~/routes/departments.$departmentId_.transfer";
import { action as addAction, loader as listLoader } from "~/routes/departments._index";
import { action as welcomeAction, loader as welcomeLoader } from "~/routes/welcome.$token";
import { getSessionUser, signIn } from "~/services/auth.server";
import { createCollective, createDepartment, createTenure } from "../factories";
import { demoPassword } from "../support/constants";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";
import { departmentIdsByKind, type SeededKind } from "../support/departments";

let admin: string;
let dept: Record<SeededKind, number>;
let collectiveId: number;
const today = todayIn("Asia/Kolkata");

beforeAll(async () => {
  admin = await cookieFor("admin@demo.testa");
  collectiveId = getDb().select().from(collectives).get()!.id;
  dept = departmentIdsByKind(collectiveId);
});

const params = (departmentId: number | string) => ({ departmentId: String(departmentId) });
const transfer = (departmentId: number | string, body: Record<string, string>, cookie = admin) =>
  run(() =>
    transferAction({
      request: postRequest(`/departments/${departmentId}/transfer`, body, cookie),
      params: params(departmentId),
      context: {},
    }),
  );
const page = (departmentId: number | string, cookie = admin) =>
  run(() =>
    deptLoader({
      request: getRequest(`/departments/${departmentId}`, cookie),
      params: params(departmentId),
      context: {},
    }),
  );
const post = (departmentId: number | string, body: Record<string, string>, cookie = admin) =>
  run(() =>
    deptAction({
      request: postRequest(`/departments/${departmentId}`, body, cookie),
      params: params(departmentId),
      context: {},
    }),
  );
const welcome = (token: string, body?: Record<string, string>) =>
  body
    ? run(() => welcomeAction({ request: postRequest(`/welcome/${token}`, body), params: { token }, context: {} }))
    : run(() => welcomeLoader({ request: getRequest(`/welcome/${token}`), params: { token }, context: {} }));
const tokenOf = (link: string) => link.split("/").pop()!;
const openTenure = (departmentId: number) =>
  getDb()
    .select()
    .from(tenures)
    .where(eq(tenures.departmentId, departmentId))
    .all()
    .find((t) => !t.endsOn)!;
const successor = (email: string, effectiveOn = today) => ({
  effectiveOn,
  officerName: "Anil Gawande",
  designation: "Registrar (Judicial)",
  email,
  phone: "",
});
const password = { password: "a-long-password", confirm: "a-long-password" };

describe("a seat with no holder", () => {
  it("seats its first holder without ending anything", async () => {
    const added = await run(() =>
      addAction({
        request: postRequest("/departments", { name: "Railway Protection Force", kind: "police" }, admin),
        params: {},
        context: {},
      }),
    );
    expect(added.status).toBe(302);
    const id = Number(added.headers.get("Location")!.match(/\/departments\/(\d+)\/transfer$/)![1]);
    expect(
      (
        await run(() =>
          transferLoader({
            request: getRequest(`/departments/${id}/transfer`, admin),
            params: params(id),
            context: {},
          }),
        )
      ).data.current,
    ).toBeNull();
    const ended = getDb()
      .select({ n: count() })
      .from(tenures)
      .where(eq(tenures.endsOn, addDays(today, -1)))
      .get()!.n;
    const res = await transfer(id, successor("rpf.inspector@example.org"));
    expect(res.status).toBe(200);
    expect(
      getDb()
        .select({ n: count() })
        .from(tenures)
        .where(eq(tenures.endsOn, addDays(today, -1)))
        .get()!.n,
    ).toBe(ended);
    expect((await page(id)).data.holder).toMatchObject({ officerName: "Anil Gawande", from: formatDate(today) });
    expect(getDb().select().from(auditLog).all().at(-1)!.detail).toMatch(/^tenure none -> tenure \d+$/);
  });

  it("refuses a second department of the same name, whatever its case", async () => {
    const res = await run(() =>
      addAction({
        request: postRequest("/departments", { name: "para-legal volunteers", kind: "plv" }, admin),
        params: {},
        context: {},
      }),
    );
    expect(res.status).toBe(400);
    expect(res.data.errors.name).toMatch(/already exists/);
  });
});

describe("who may reach a department", () => {
  it("answers 404 for another collective's department and for forged ids, on every page and action", async () => {
    const other = createCollective(getDb(), { name: "Other District", district: "Other", districtCode: "OTH" });
    const foreign = createDepartment(getDb(), { collectiveId: other.id, name: "Other Police", kind: "police" });
    createTenure(getDb(), { departmentId: foreign.id, officerName: "Someone Else", email: "someone@other.example" });
    const before = getDb().select({ n: count() }).from(tenures).get()!.n;
    for (const id of [String(foreign.id), "1e0", "-1", "0", "9007199254740993", "1 OR 1=1"]) {
      expect((await page(id)).status).toBe(404);
      expect(
        (
          await run(() =>
            transferLoader({
              request: getRequest(`/departments/${id}/transfer`, admin),
              params: params(id),
              context: {},
            }),
          )
        ).status,
      ).toBe(404);
      expect((await transfer(id, successor(`x${before}@example.org`))).status).toBe(404);
      expect((await post(id, { intent: "department", name: "Renamed", kind: "police", active: "on" })).status).toBe(
        404,
      );
    }
    expect(getDb().select({ n: count() }).from(tenures).get()!.n).toBe(before);
  });

  it("lets members read but only the administrator change, and keeps observers out", async () => {
    const rep = await cookieFor("dcpu@demo.testa");
    expect((await page(dept.police, rep)).data.canManage).toBe(false);
    for (const email of ["secretariat@demo.testa", "dcpu@demo.testa"]) {
      const cookie = await cookieFor(email);
      expect(
        (
          await run(() =>
            transferLoader({
              request: getRequest(`/departments/${dept.court}/transfer`, cookie),
              params: params(dept.court),
              context: {},
            }),
          )
        ).status,
      ).toBe(403);
      expect(
        (await post(dept.court, { intent: "department", name: "Renamed", kind: "court", active: "on" }, cookie)).status,
      ).toBe(403);
    }
    const observer = await cookieFor("observer@demo.testa");
    expect((await page(dept.court, observer)).status).toBe(403);
    expect(getDb().select().from(departments).where(eq(departments.id, dept.court)).get()!.name).toBe(
      "Exclusive Trafficking Court",
    );
  });
});

describe("a transfer dated ahead", () => {
  it("keeps the outgoing officer in the seat until the date (signing in again), and the successor signs in from then", async () => {
    const effectiveOn = addDays(today, 10);
    const outgoing = openTenure(dept.dcpu);
    const oldSession = await cookieFor("dcpu@demo.testa");
    const res = await transfer(dept.dcpu, successor("new.dcpo@example.org", effectiveOn));
    expect(res.status).toBe(200);
    expect(getDb().select().from(tenures).where(eq(tenures.id, outgoing.id)).get()!.endsOn).toBe(addDays(today, 9));
    // Recording the transfer ends the outgoing officer's open sessions (issue 13); until the date they sign in again.
    expect(await getSessionUser(getRequest("/", oldSession))).toBeNull();
    expect(await signIn("dcpu@demo.testa", demoPassword)).toMatchObject({
      ok: true,
      user: { departmentId: dept.dcpu },
    });

    const shown = (await page(dept.dcpu)).data;
    expect(shown.holder.officerName).toBe("Meena Kulkarni");
    expect(shown.incoming).toMatchObject({ officerName: "Anil Gawande", from: formatDate(effectiveOn) });
    const listed = (
      await run(() => listLoader({ request: getRequest("/departments", admin), params: {}, context: {} }))
    ).data.departments.find((d: { id: number }) => d.id === dept.dcpu);
    expect(listed.holder.name).toBe("Meena Kulkarni");
    expect(listed.incoming).toEqual({ name: "Anil Gawande", from: formatDate(effectiveOn) });
    const mailTo = (on?: string) =>
      currentSeatHolders(getDb(), collectiveId, on).find((h) => h.departmentId === dept.dcpu)!.officerName;
    expect(mailTo(today)).toBe("Meena Kulkarni");
    expect(mailTo()).toBe("Meena Kulkarni"); // meeting mail, reminders and minutes use today by default
    expect(mailTo(effectiveOn)).toBe("Anil Gawande");

    const set = await welcome(tokenOf(res.data.done.link), password);
    expect(set.status).toBe(200);
    expect(set.headers.get("Set-Cookie")).toBeNull();
    expect(set.data.passwordSet).toContain(`begins on ${formatDate(effectiveOn)}`);
    expect(
      getDb().select().from(users).where(eq(users.email, "new.dcpo@example.org")).get()!.passwordHash,
    ).toBeTruthy();
    expect(await signIn("new.dcpo@example.org", password.password)).toEqual({
      ok: false,
      message: `Your tenure in this seat begins on ${formatDate(effectiveOn)}. You can sign in from that day.`,
    });
  });

  it("refuses a date on or before the day the current holder started", async () => {
    const res = await transfer(dept.court, successor("court.new@example.org", openTenure(dept.court).startsOn));
    expect(res.status).toBe(400);
    expect(res.data.errors.effectiveOn).toMatch(/must take effect after/);
  });
});

describe("a transfer dated in the past", () => {
  it("ends the old holder's open sessions at once", async () => {
    const outgoing = openTenure(dept.prosecution);
    const oldSession = await cookieFor("prosecution@demo.testa");
    const res = await transfer(dept.prosecution, successor("spp.new@example.org", addDays(today, -3)));
    expect(res.status).toBe(200);
    expect(getDb().select().from(tenures).where(eq(tenures.id, outgoing.id)).get()!.endsOn).toBe(addDays(today, -4));
    expect(getDb().select({ n: count() }).from(sessions).where(eq(sessions.userId, outgoing.userId!)).get()!.n).toBe(0);
    expect(await getSessionUser(getRequest("/", oldSession))).toBeNull();
    expect(await signIn("prosecution@demo.testa", demoPassword)).toMatchObject({ ok: false });
  });
});

describe("the administrator's corrections", () => {
  it("renames and deactivates a department, and refuses a name already taken", async () => {
    const saved = await post(dept.shelter_home, {
      intent: "department",
      name: "Government Shelter Home (Girls)",
      kind: "shelter_home",
    });
    expect(saved.status).toBe(200);
    expect(getDb().select().from(departments).where(eq(departments.id, dept.shelter_home)).get()).toMatchObject({
      name: "Government Shelter Home (Girls)",
      active: false,
    });
    const taken = await post(dept.shelter_home, {
      intent: "department",
      name: "Para-Legal Volunteers",
      kind: "shelter_home",
      active: "on",
    });
    expect(taken.status).toBe(400);
    expect(taken.data.errors.name).toMatch(/already exists/);
    expect(taken.data.values.name).toBe("Para-Legal Volunteers");
    expect(getDb().select().from(departments).where(eq(departments.id, dept.shelter_home)).get()!.active).toBe(false);
  });

  it("corrects a holder's contact details, and their sign-in email follows", async () => {
    const holder = openTenure(dept.dlsa);
    const res = await post(dept.dlsa, {
      intent: "contact",
      tenureId: String(holder.id),
      officerName: "Shri Vikram Rao",
      designation: "Secretary, DLSA",
      email: "Secretary.DLSA@example.org",
      phone: "+91 712 256 0199",
    });
    expect(res.status).toBe(200);
    expect(openTenure(dept.dlsa)).toMatchObject({ email: "secretary.dlsa@example.org", phone: "+91 712 256 0199" });
    expect(await signIn("secretary.dlsa@example.org", demoPassword)).toMatchObject({ ok: true });
    expect(JSON.stringify(getDb().select().from(auditLog).all().at(-1))).not.toContain("secretary.dlsa");
  });

  it("refuses an email that belongs to another account, or a holder whose tenure has ended", async () => {
    const holder = openTenure(dept.plv);
    const taken = await post(dept.plv, {
      intent: "contact",
      tenureId: String(holder.id),
      officerName: holder.officerName,
      designation: holder.designation,
      email: "ADMIN@demo.testa",
      phone: "",
    });
    expect(taken.status).toBe(400);
    expect(taken.data.errors.email).toMatch(/already belongs/);
    expect(openTenure(dept.plv).email).toBe(holder.email);
    const past = getDb()
      .select()
      .from(tenures)
      .where(eq(tenures.departmentId, dept.police))
      .all()
      .find((t) => t.endsOn)!;
    const ended = await post(dept.police, {
      intent: "contact",
      tenureId: String(past.id),
      officerName: "X",
      designation: "Y",
      email: "x@example.org",
      phone: "",
    });
    expect(ended.status).toBe(404);
    const elsewhere = await post(dept.police, {
      intent: "contact",
      tenureId: String(holder.id),
      officerName: "X",
      designation: "Y",
      email: "x@example.org",
      phone: "",
    });
    expect(elsewhere.status).toBe(404);
  });

  it("issues a new sign-in link once; the earlier unused link stops working", async () => {
    const first = await transfer(dept.dwcd, successor("case.manager@example.org"));
    const tenure = openTenure(dept.dwcd);
    const again = await post(dept.dwcd, { intent: "link", tenureId: String(tenure.id) });
    expect(again.status).toBe(200);
    const token = tokenOf(again.data.link.url);
    expect(token).not.toBe(tokenOf(first.data.done.link));
    expect((await welcome(tokenOf(first.data.done.link))).status).toBe(404);
    expect(JSON.stringify(getDb().select().from(passwordTokens).all())).not.toContain(token);
    const entry = getDb().select().from(auditLog).all().at(-1)!;
    expect(entry).toMatchObject({ action: "password_link", entity: "user", entityId: tenure.userId, detail: null });
    const set = await welcome(token, password);
    expect(set.status).toBe(302);
    expect((await getSessionUser(getRequest("/", set.headers.get("Set-Cookie")!.split(";")[0])))?.departmentId).toBe(
      dept.dwcd,
    );
    // Setting the password is audited as the officer's own act, without the token or the password.
    const setEntry = getDb().select().from(auditLog).all().at(-1)!;
    expect(setEntry).toMatchObject({
      action: "password_set",
      entity: "user",
      entityId: tenure.userId,
      userId: tenure.userId,
      detail: null,
    });
    expect(JSON.stringify(setEntry)).not.toContain(token);
    expect(JSON.stringify(setEntry)).not.toContain(password.password);
  });
});

describe("setting a password", () => {
  it("asks for at least 10 characters and leaves the link unspent", async () => {
    const res = await transfer(dept.court, successor("registrar.new@example.org"));
    const token = tokenOf(res.data.done.link);
    const short = await welcome(token, { password: "short", confirm: "short" });
    expect(short.status).toBe(400);
    expect(short.data.errors.password).toBe("Use at least 10 characters.");
    expect((await welcome(token)).data.name).toBe("Anil Gawande");
  });

  it("refuses to set a password through a spent or unknown link", async () => {
    const unknown = await welcome("x".repeat(43), password);
    expect(unknown.status).toBe(410);
    expect(unknown.data.errors.form).toMatch(/not valid/);
  });
});

describe("unlocking a holder's sign-in", () => {
  it("shows the administrator a locked account and unlocks it, audited", async () => {
    const email = "secretariat@demo.testa";
    const holder = (await page(dept.ngo)).data.holder;
    for (let i = 0; i < 5; i++) await signIn(email, `wrong-${i}`, { client: "198.51.100.5" });
    expect(await signIn(email, demoPassword, { client: "198.51.100.5" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Too many failed attempts/),
    });
    const before = await page(dept.ngo);
    expect(before.data.holder).toMatchObject({ id: holder.id, signInLocked: true });
    // Only those who manage departments are told.
    expect((await page(dept.ngo, await cookieFor("secretariat@demo.testa"))).data.holder.signInLocked).toBe(false);

    const res = await post(dept.ngo, { intent: "unlock", tenureId: String(holder.id) });
    expect(res.data.saved).toMatch(/can sign in again/);
    expect(await signIn(email, demoPassword, { client: "198.51.100.5" })).toMatchObject({ ok: true });
    expect((await page(dept.ngo)).data.holder.signInLocked).toBe(false);
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, "unlock:sign-in")).all()).toHaveLength(1);
  });
});
