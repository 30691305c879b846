import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  actionItems,
  agendaItems,
  auditLog,
  caseDepartments,
  cases,
  departments,
  mailOutbox,
  meetings,
  users,
} from "#db/schema";
import { getDb } from "~/db.server";
import { action as meetingAction, loader as meetingLoader } from "~/routes/meetings.$meetingId";
import { action as publishAction } from "~/routes/meetings.$meetingId_.publish";
import { action as runAction, loader as runLoader } from "~/routes/meetings.$meetingId_.run";
import { loader as casesLoader } from "~/routes/cases._index";
import { loader as caseLoader } from "~/routes/cases.$caseId";
import { loader as minutesLoader } from "~/routes/meetings.$meetingId_.minutes";
import { action as accountsAction, loader as accountsLoader } from "~/routes/settings.accounts";
import { getSessionUser, signIn } from "~/services/auth.server";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";

// Rough edges of the monthly cycle (issue 12), each through the route a person uses.

let secretariat: string;
beforeAll(async () => {
  secretariat = await cookieFor("secretariat@demo.testa");
});

const meetingNumbered = (number: number) => getDb().select().from(meetings).where(eq(meetings.number, number)).get()!;
const params = (id: number) => ({ meetingId: String(id) });
const agendaOf = async (id: number) =>
  (
    await run(() =>
      meetingLoader({ request: getRequest(`/meetings/${id}`, secretariat), params: params(id), context: {} }),
    )
  ).data.agenda;

describe("the agenda editor", () => {
  it("brings a written-update case back before “Any other business”, which stays last", async () => {
    const id = meetingNumbered(7).id;
    const before = await agendaOf(id);
    const written = before.writtenUpdates[0];
    expect(written).toBeDefined();
    const res = await run(() =>
      meetingAction({
        request: postRequest(`/meetings/${id}`, { intent: "to-agenda", itemId: String(written.id) }, secretariat),
        params: params(id),
        context: {},
      }),
    );
    expect(res.status).toBe(200);
    const after = await agendaOf(id);
    const titles = after.timed.map((i: { title: string }) => i.title);
    expect(titles.at(-1)).toBe("Any other business");
    expect(titles.at(-2)).toBe(written.title);
    expect(after.writtenUpdates.map((i: { id: number }) => i.id)).not.toContain(written.id);
  });

  it("writes counts in the singular for one", async () => {
    const id = meetingNumbered(7).id;
    const { timed } = await agendaOf(id);
    const item = timed.find((i: { kind: string }) => i.kind === "case_review");
    await run(() =>
      meetingAction({
        request: postRequest(
          `/meetings/${id}`,
          { intent: "minutes", itemId: String(item.id), minutes: "1", version: String(item.version) },
          secretariat,
        ),
        params: params(id),
        context: {},
      }),
    );
    const stale = await run(() =>
      meetingAction({
        request: postRequest(
          `/meetings/${id}`,
          { intent: "minutes", itemId: String(item.id), minutes: "5", version: String(item.version) },
          secretariat,
        ),
        params: params(id),
        context: {},
      }),
    );
    expect(stale.status).toBe(409);
    expect(stale.data.errors.form).toContain("it now has 1 minute.");
  });
});

describe("the run page", () => {
  it("confirms the previous meeting's minutes in place, and says so", async () => {
    const running = meetingNumbered(7);
    const previous = meetingNumbered(6);
    expect(previous.minutesState).toBe("circulated");
    const page = await run(() =>
      runLoader({
        request: getRequest(`/meetings/${running.id}/run`, secretariat),
        params: params(running.id),
        context: {},
      }),
    );
    expect(page.data.previous).toMatchObject({ number: 6, minutesState: "circulated" });

    const res = await run(() =>
      runAction({
        request: postRequest(`/meetings/${running.id}/run`, { intent: "confirm-previous" }, secretariat),
        params: params(running.id),
        context: {},
      }),
    );
    expect(res.status).toBe(200); // no redirect: the secretariat stays on the meeting being run
    expect(res.data).toMatchObject({ intent: "confirm-previous", confirmed: 6 });
    expect(meetingNumbered(6).minutesState).toBe("confirmed");

    const again = await run(() =>
      runAction({
        request: postRequest(`/meetings/${running.id}/run`, { intent: "confirm-previous" }, secretariat),
        params: params(running.id),
        context: {},
      }),
    );
    expect(again.status).toBe(409);
    expect(again.data.errors.form).toMatch(/no circulated minutes/);
  });
});

describe("the agenda email", () => {
  it("lists each written-update case with its reasons, as the PDF does", async () => {
    const meeting = meetingNumbered(7);
    const { writtenUpdates } = await agendaOf(meeting.id);
    expect(writtenUpdates.length).toBeGreaterThan(1);
    const res = await run(() =>
      publishAction({
        request: postRequest(
          `/meetings/${meeting.id}/publish`,
          { version: String(meetingNumbered(7).version) },
          secretariat,
        ),
        params: params(meeting.id),
        context: {},
      }),
    );
    expect(res.status).toBe(302);
    const mail = getDb()
      .select()
      .from(mailOutbox)
      .where(and(like(mailOutbox.batch, `meeting:${meeting.id}:agenda:%`)))
      .get()!;
    expect(mail.text).not.toContain("(s)");
    expect(mail.text).toContain(
      `FOR WRITTEN UPDATE\n\n${writtenUpdates.length} further cases are flagged but not in the meeting's time.`,
    );
    for (const w of writtenUpdates) {
      expect(mail.text).toContain(`- Case review: ${w.caseCode}: ${w.reasonList.join("; ")}`);
      expect(mail.html).toContain(w.reasonList[0].replace(/'/g, "&#39;"));
    }
  });
});

describe("the admin's accounts page", () => {
  const accounts = async (cookie: string, body?: Record<string, string>) =>
    body
      ? run(() => accountsAction({ request: postRequest("/settings/accounts", body, cookie), params: {}, context: {} }))
      : run(() => accountsLoader({ request: getRequest("/settings/accounts", cookie), params: {}, context: {} }));
  const userId = (email: string) => getDb().select().from(users).where(eq(users.email, email)).get()!.id;

  it("disables an account, ending its session and its sign-in, and enables it again", async () => {
    const admin = await cookieFor("admin@demo.testa");
    const secretariatSession = await cookieFor("secretariat@demo.testa");
    const list = await accounts(admin);
    expect(list.data.accounts.find((a: { email: string }) => a.email === "secretariat@demo.testa")).toMatchObject({
      role: "secretariat",
      active: true,
    });
    const id = userId("secretariat@demo.testa");

    const off = await accounts(admin, { userId: String(id), intent: "disable" });
    expect(off.data.done).toMatch(/disabled: they can no longer sign in/);
    expect(await getSessionUser(getRequest("/meetings", secretariatSession))).toBeNull();
    expect(await signIn("secretariat@demo.testa", "testa-demo")).toEqual({
      ok: false,
      message: "This account is disabled. Ask the administrator.",
    });
    expect(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "disable"), eq(auditLog.entityId, id)))
        .all(),
    ).toHaveLength(1);

    const on = await accounts(admin, { userId: String(id), intent: "enable" });
    expect(on.data.done).toMatch(/enabled/);
    expect((await signIn("secretariat@demo.testa", "testa-demo")).ok).toBe(true);
  });

  it("refuses the admin's own account, an unknown one and anyone but the admin", async () => {
    const admin = await cookieFor("admin@demo.testa");
    const own = await accounts(admin, { userId: String(userId("admin@demo.testa")), intent: "disable" });
    expect(own.status).toBe(400);
    expect(own.data.errors.form).toMatch(/cannot disable your own account/);
    expect((await accounts(admin, { userId: "999999", intent: "disable" })).status).toBe(404);
    expect((await accounts(admin, { userId: "x", intent: "explode" })).status).toBe(400);
    expect((await accounts(await cookieFor("secretariat@demo.testa"))).status).toBe(403);
  });
});

describe("searching the case register", () => {
  const search = async (query: string, email = "secretariat@demo.testa") =>
    run(async () =>
      casesLoader({ request: getRequest(`/cases${query}`, await cookieFor(email)), params: {}, context: {} }),
    );
  const codes = (res: { data: { rows: { code: string }[] } }) => res.data.rows.map((r) => r.code);
  const withCourtCase = () =>
    getDb()
      .select()
      .from(cases)
      .all()
      .find((c) => c.courtCaseNumber && c.firNumber)!;

  it("finds a case by police station, court case number, section and stage, in part and in any case", async () => {
    const kase = withCourtCase();
    expect(codes(await search(`?q=${encodeURIComponent(kase.courtCaseNumber!.toLowerCase())}`))).toEqual([kase.code]);
    const station = await search(`?q=${encodeURIComponent(kase.policeStation.slice(0, 6))}`);
    expect(codes(station)).toContain(kase.code);
    expect(
      station.data.rows.every((r: { policeStation: string }) =>
        r.policeStation.toLowerCase().includes(kase.policeStation.slice(0, 6).toLowerCase()),
      ),
    ).toBe(true);
    const section = kase.sections.split(/[ ,]+/).find((w) => /\d{3}/.test(w))!;
    expect(codes(await search(`?q=${encodeURIComponent(section)}`))).toContain(kase.code);
    const stage = await search("?q=chargesheet+filed");
    expect(stage.data.total).toBe(
      getDb()
        .select()
        .from(cases)
        .all()
        .filter((c) => c.stage === "chargesheet").length,
    );
  });

  it("finds a stage by its Marathi or Hindi label too, through the labels tables", async () => {
    const charged = getDb()
      .select()
      .from(cases)
      .all()
      .filter((c) => c.stage === "chargesheet").length;
    expect(charged).toBeGreaterThan(0);
    expect((await search(`?q=${encodeURIComponent("दोषारोपपत्र")}`)).data.total).toBe(charged);
    expect((await search(`?q=${encodeURIComponent("आरोप पत्र")}`)).data.total).toBe(charged);
  });

  it("finds a case by FIR number for the secretariat, and audits the search without the number", async () => {
    const kase = withCourtCase();
    const found = await search(`?fir=${encodeURIComponent(kase.firNumber!)}`);
    expect(found.status).toBe(200);
    expect(codes(found)).toContain(kase.code);
    const entry = getDb().select().from(auditLog).where(eq(auditLog.action, "search:fir")).all().at(-1)!;
    expect(entry.userId).toBe(getDb().select().from(users).where(eq(users.email, "secretariat@demo.testa")).get()!.id);
    expect(JSON.stringify(entry)).not.toContain(kase.firNumber!);
  });

  it("does not let a representative search by FIR number", async () => {
    const kase = withCourtCase();
    const res = await search(`?fir=${encodeURIComponent(kase.firNumber!)}`, "police@demo.testa");
    expect(res.status).toBe(400);
    expect(res.data.errors.fir).toMatch(/Only the secretariat and the administrator/);
    expect(res.data.canSearchFir).toBe(false);
  });
});

describe("the case page", () => {
  const casePage = async (id: number, email: string) =>
    run(async () =>
      caseLoader({
        request: getRequest(`/cases/${id}`, await cookieFor(email)),
        params: { caseId: String(id) },
        context: {},
      }),
    );
  const policeId = () => getDb().select().from(departments).where(eq(departments.kind, "police")).get()!.id;

  it("shows the case's action items and each meeting's decisions on it, newest first; a representative sees only their department's", async () => {
    const db = getDb();
    // A case the police are on, with action items of several departments, discussed at a held meeting.
    const discussed = db
      .select()
      .from(agendaItems)
      .all()
      .filter((i) => i.caseId && i.decisions);
    const withActions = discussed.find((i) => {
      const owners = new Set(
        db
          .select()
          .from(actionItems)
          .where(eq(actionItems.caseId, i.caseId!))
          .all()
          .map((a) => a.departmentId),
      );
      return owners.size > 1 && owners.has(policeId());
    })!;
    expect(withActions).toBeDefined();
    const caseId = withActions.caseId!;
    const all = db.select().from(actionItems).where(eq(actionItems.caseId, caseId)).all();

    const secretariatView = (await casePage(caseId, "secretariat@demo.testa")).data.decisions;
    expect(secretariatView.actions.map((a: { id: number }) => a.id).sort()).toEqual(all.map((a) => a.id).sort());
    const unfinished = secretariatView.actions.filter((a: { unfinished: boolean }) => a.unfinished);
    expect(secretariatView.actions.slice(0, unfinished.length)).toEqual(unfinished); // open work first
    const numbers = secretariatView.meetings.map((m: { meetingNumber: number }) => m.meetingNumber);
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    const code = db.select().from(cases).where(eq(cases.id, caseId)).get()!.code;
    const held = secretariatView.meetings.flatMap((m: { items: { title: string; decisions: string }[] }) => m.items);
    expect(held.every((i: { title: string }) => i.title.includes(code))).toBe(true);
    expect(held.map((i: { decisions: string }) => i.decisions)).toContain(withActions.decisions);

    const policeView = (await casePage(caseId, "police@demo.testa")).data.decisions;
    expect(policeView.ownDepartmentOnly).toBe(true);
    expect(policeView.actions.length).toBe(all.filter((a) => a.departmentId === policeId()).length);
    const policeName = getDb().select().from(departments).where(eq(departments.id, policeId())).get()!.name;
    expect(policeView.actions.every((a: { department: string }) => a.department === policeName)).toBe(true);
    expect(policeView.meetings.map((m: { meetingNumber: number }) => m.meetingNumber)).toEqual(numbers);
  });

  it("shows draft minutes to the secretariat only", async () => {
    const db = getDb();
    const held = db.select().from(meetings).where(eq(meetings.number, 6)).get()!;
    const policeCases = new Set(
      db
        .select()
        .from(caseDepartments)
        .where(eq(caseDepartments.departmentId, policeId()))
        .all()
        .map((r) => r.caseId),
    );
    const item = db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, held.id))
      .all()
      .find((i) => i.caseId && i.decisions && policeCases.has(i.caseId))!;
    db.update(meetings).set({ minutesState: "draft" }).where(eq(meetings.id, held.id)).run();
    try {
      const secretariatView = (await casePage(item.caseId!, "secretariat@demo.testa")).data.decisions;
      expect(secretariatView.meetings.find((m: { meetingNumber: number }) => m.meetingNumber === 6)?.minutes).toBe(
        "draft minutes",
      );
      const adminView = (await casePage(item.caseId!, "admin@demo.testa")).data.decisions;
      expect(adminView.meetings.some((m: { meetingNumber: number }) => m.meetingNumber === 6)).toBe(true);
      const policeView = (await casePage(item.caseId!, "police@demo.testa")).data.decisions;
      expect(policeView.meetings.some((m: { meetingNumber: number }) => m.meetingNumber === 6)).toBe(false);
    } finally {
      db.update(meetings).set({ minutesState: held.minutesState }).where(eq(meetings.id, held.id)).run();
    }
  });
});

describe("the minutes on screen", () => {
  const minutesPage = async (id: number, query: string, email: string) =>
    run(async () =>
      minutesLoader({
        request: getRequest(`/meetings/${id}/minutes${query}`, await cookieFor(email)),
        params: params(id),
        context: {},
      }),
    );

  it("shows what the PDF shows by default, any version on request, to whoever may read the minutes", async () => {
    const held = meetingNumbered(6);
    for (const email of ["secretariat@demo.testa", "dcpu@demo.testa"]) {
      const page = await minutesPage(held.id, "", email);
      expect(page.status).toBe(200);
      expect(page.data.shown.version).toBe(page.data.history[0].version);
      expect(page.data.shown.body.items.some((i: { decisions: string }) => i.decisions)).toBe(true);
      expect(page.data.shown.body.attendance.present.length).toBeGreaterThan(0);
    }
    const first = await minutesPage(held.id, "?version=1", "dcpu@demo.testa");
    expect(first.data.shown).toMatchObject({ version: 1, state: "circulated" });
    expect(first.data.shown.body.minutesState).toBe("circulated");
  });

  it("shows the draft while the minutes are one", async () => {
    const planned = meetingNumbered(7);
    const page = await minutesPage(planned.id, "", "secretariat@demo.testa");
    expect(page.data.shown).toMatchObject({ version: null, state: "draft" });
    expect(page.data.shown.body.items.length).toBeGreaterThan(0);
  });

  it("says so when a version does not exist, with a 404, and still lists the versions", async () => {
    const held = meetingNumbered(6);
    for (const query of ["?version=99", "?version=abc"]) {
      const page = await minutesPage(held.id, query, "secretariat@demo.testa");
      expect(page.status).toBe(404);
      expect(page.data.missing).toMatch(/^There is no version “(99|abc)” of these minutes/);
      expect(page.data.history.length).toBeGreaterThan(0);
    }
  });
});
