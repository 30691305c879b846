import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accused, auditLog, caseDepartments, caseEvents, cases, departments, victims } from "#db/schema";
import { getDb } from "~/db.server";
import { action as caseAction, loader as caseLoader } from "~/routes/cases.$caseId";
import { action as editAction } from "~/routes/cases.$caseId_.edit";
import { loader as listLoader } from "~/routes/cases._index";
import { action as newAction } from "~/routes/cases.new";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";

let secretariat: string;
let police: string;
let observer: string;
let dept: Record<string, number>;

beforeAll(async () => {
  secretariat = await cookieFor("secretariat@demo.testa");
  police = await cookieFor("police@demo.testa");
  observer = await cookieFor("observer@demo.testa");
  dept = Object.fromEntries(getDb().select().from(departments).all().map((d) => [d.kind, d.id]));
});

const rows = (table: typeof cases | typeof caseEvents | typeof victims | typeof accused | typeof caseDepartments) =>
  getDb().select({ n: count() }).from(table).get()!.n;

const validCase = () => ({
  policeStation: "Sitabuldi PS",
  firNumber: "0999",
  firYear: "2026",
  courtName: "",
  courtCaseNumber: "",
  sections: "BNS 143; ITPA 5",
  stage: "fir",
  status: "open",
  outcome: "",
  openedOn: "2026-11-20",
  closedOn: "",
  chargesheetLimitDays: "60",
  [`dept-${dept.police}`]: "lead",
  [`dept-${dept.ngo}`]: "support",
});

const caseWithPolice = () =>
  getDb()
    .select({ id: cases.id, firNumber: cases.firNumber })
    .from(cases)
    .innerJoin(caseDepartments, eq(caseDepartments.caseId, cases.id))
    .where(eq(caseDepartments.departmentId, dept.police))
    .all()
    .find((c) => getDb().select().from(accused).where(eq(accused.caseId, c.id)).all().length > 0)!;

const caseWithoutDcpu = () => {
  const withDcpu = new Set(getDb().select().from(caseDepartments).where(eq(caseDepartments.departmentId, dept.dcpu)).all().map((r) => r.caseId));
  return getDb().select().from(cases).all().find((c) => !withDcpu.has(c.id))!;
};

describe("registering a case", () => {
  it("issues the next code for the year and records the departments", async () => {
    const res = await run(() => newAction({ request: postRequest("/cases/new", validCase(), secretariat), params: {}, context: {} }));
    expect(res.status).toBe(302);
    const id = Number(res.headers.get("Location")!.split("/").pop());
    const created = getDb().select().from(cases).where(eq(cases.id, id)).get()!;
    expect(created.code).toMatch(/^DEM-2026-\d{4}$/);
    const codes = getDb().select({ code: cases.code }).from(cases).all().map((c) => c.code).filter((c) => c.startsWith("DEM-2026-")).sort();
    expect(created.code).toBe(codes.at(-1));
    expect(getDb().select().from(caseDepartments).where(eq(caseDepartments.caseId, id)).all()).toHaveLength(2);
  });

  const bad: [string, Record<string, string>, string, string][] = [
    ["a date that does not exist", { openedOn: "2026-02-30" }, "openedOn", "Opened on must be a real date (day/month/year)."],
    ["a missing police station", { policeStation: "" }, "policeStation", "Police station is required."],
    ["an unknown stage", { stage: "trial" }, "stage", "Choose a valid stage."],
    ["a closed case without a closing date", { status: "closed" }, "closedOn", "Give the date the case was closed."],
    ["a bad FIR year", { firYear: "20x6" }, "firYear", "FIR year must be a year such as 2026."],
  ];
  for (const [what, change, field, message] of bad) {
    it(`refuses ${what} with a message next to the field, keeps the input and writes nothing`, async () => {
      const before = [rows(cases), rows(caseDepartments)];
      const res = await run(() => newAction({ request: postRequest("/cases/new", { ...validCase(), ...change }, secretariat), params: {}, context: {} }));
      expect(res.status).toBe(400);
      expect(res.data.errors[field]).toBe(message);
      expect(res.data.values.policeStation).toBe(change.policeStation ?? "Sitabuldi PS");
      expect([rows(cases), rows(caseDepartments)]).toEqual(before);
    });
  }

  it("refuses an unknown department with a 400 and writes nothing", async () => {
    const before = rows(cases);
    const res = await run(() => newAction({ request: postRequest("/cases/new", { ...validCase(), "dept-99999": "lead" }, secretariat), params: {}, context: {} }));
    expect(res.status).toBe(400);
    expect(res.data.errors.departments).toMatch(/not part of this collective/);
    expect(rows(cases)).toBe(before);
  });

  it("refuses a case with no department involved", async () => {
    const body = { ...validCase(), [`dept-${dept.police}`]: "", [`dept-${dept.ngo}`]: "" };
    const res = await run(() => newAction({ request: postRequest("/cases/new", body, secretariat), params: {}, context: {} }));
    expect(res.status).toBe(400);
    expect(res.data.errors.departments).toBe("Choose at least one department involved in the case.");
  });

  it("is not open to representatives", async () => {
    const res = await run(() => newAction({ request: postRequest("/cases/new", validCase(), police), params: {}, context: {} }));
    expect(res.status).toBe(403);
  });
});

describe("editing a case", () => {
  it("saves with the current version and flags a stage change", async () => {
    const kase = getDb().select().from(cases).where(eq(cases.stage, "fir")).get()!;
    const body = { ...validCase(), stage: "investigation", openedOn: kase.openedOn, version: String(kase.version) };
    const res = await run(() => editAction({ request: postRequest(`/cases/${kase.id}/edit`, body, secretariat), params: { caseId: String(kase.id) }, context: {} }));
    expect(res.status).toBe(302);
    const after = getDb().select().from(cases).where(eq(cases.id, kase.id)).get()!;
    expect(after.stage).toBe("investigation");
    expect(after.version).toBe(kase.version + 1);
    expect(after.stageChangedOn).not.toBeNull();
  });

  it("refuses a stale version with a conflict, keeping the input and writing nothing", async () => {
    const kase = getDb().select().from(cases).where(eq(cases.stage, "rescue")).get()!;
    const body = { ...validCase(), policeStation: "Changed PS", openedOn: kase.openedOn, version: String(kase.version - 1 + 0 === kase.version ? kase.version : kase.version) };
    // First save wins, second (with the old version) conflicts.
    await run(() => editAction({ request: postRequest(`/cases/${kase.id}/edit`, body, secretariat), params: { caseId: String(kase.id) }, context: {} }));
    const second = await run(() =>
      editAction({ request: postRequest(`/cases/${kase.id}/edit`, { ...body, policeStation: "Second PS" }, secretariat), params: { caseId: String(kase.id) }, context: {} }),
    );
    expect(second.status).toBe(409);
    expect(second.data.errors.form).toMatch(/Someone else changed this case/);
    expect(second.data.values.policeStation).toBe("Second PS");
    expect(getDb().select().from(cases).where(eq(cases.id, kase.id)).get()!.policeStation).toBe("Changed PS");
  });
});

describe("the case page", () => {
  it("shows the secretariat the restricted fields and audits the view without the values", async () => {
    const kase = caseWithPolice();
    const before = getDb().select({ n: count() }).from(auditLog).get()!.n;
    const res = await run(() => caseLoader({ request: getRequest(`/cases/${kase.id}`, secretariat), params: { caseId: String(kase.id) }, context: {} }));
    expect(res.status).toBe(200);
    expect(res.data.view.restricted.firNumber).toBe(kase.firNumber);
    const entries = getDb().select().from(auditLog).all().slice(before);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "view:restricted", entity: "case", entityId: kase.id });
    const names = getDb().select().from(accused).where(eq(accused.caseId, kase.id)).all().map((a) => a.name);
    for (const value of [kase.firNumber!, ...names]) expect(JSON.stringify(entries)).not.toContain(value);
  });

  it("gives a representative the case without FIR number, accused names or notes, and audits nothing", async () => {
    const kase = caseWithPolice();
    const before = getDb().select({ n: count() }).from(auditLog).get()!.n;
    const res = await run(() => caseLoader({ request: getRequest(`/cases/${kase.id}`, police), params: { caseId: String(kase.id) }, context: {} }));
    expect(res.status).toBe(200);
    const json = JSON.stringify(res.data);
    const names = getDb().select().from(accused).where(eq(accused.caseId, kase.id)).all().map((a) => a.name);
    const notes = getDb().select().from(caseEvents).where(eq(caseEvents.caseId, kase.id)).all().map((e) => e.note).filter((n): n is string => !!n);
    for (const secret of [`"${kase.firNumber}"`, ...names, ...notes]) expect(json).not.toContain(secret);
    expect(res.data.view.restricted).toBeNull();
    expect(getDb().select({ n: count() }).from(auditLog).get()!.n).toBe(before);
  });

  it("refuses a representative a case their department is not involved in", async () => {
    const other = caseWithoutDcpu();
    const dcpu = await cookieFor("dcpu@demo.testa");
    const res = await run(() => caseLoader({ request: getRequest(`/cases/${other.id}`, dcpu), params: { caseId: String(other.id) }, context: {} }));
    expect(res.status).toBe(403);
  });

  it("answers 404 for forged ids, and 403 to observers", async () => {
    for (const caseId of ["999999", "abc", "-1", "1.5"]) {
      const res = await run(() => caseLoader({ request: getRequest(`/cases/${caseId}`, secretariat), params: { caseId }, context: {} }));
      expect(res.status).toBe(404);
    }
    const res = await run(() => caseLoader({ request: getRequest(`/cases/1`, observer), params: { caseId: "1" }, context: {} }));
    expect(res.status).toBe(403);
  });
});

describe("adding to a case's record", () => {
  const post = (caseId: number, body: Record<string, string>, cookie = secretariat) =>
    run(() => caseAction({ request: postRequest(`/cases/${caseId}`, body, cookie), params: { caseId: String(caseId) }, context: {} }));

  it("adds a hearing with a next date", async () => {
    const kase = caseWithPolice();
    const before = rows(caseEvents);
    const res = await post(kase.id, { intent: "add-event", kind: "hearing", occurredOn: "2026-11-25", outcome: "Adjourned", nextDate: "2026-12-20", note: "" });
    expect(res.status).toBe(302);
    expect(rows(caseEvents)).toBe(before + 1);
  });

  it("refuses a next date before the event, and a date that does not exist", async () => {
    const kase = caseWithPolice();
    const before = rows(caseEvents);
    const early = await post(kase.id, { intent: "add-event", kind: "hearing", occurredOn: "2026-11-25", nextDate: "2026-11-01" });
    expect(early.status).toBe(400);
    expect(early.data.errors.nextDate).toBe("The next date cannot be before the event's date.");
    const unreal = await post(kase.id, { intent: "add-event", kind: "hearing", occurredOn: "2026-04-31" });
    expect(unreal.data.errors.occurredOn).toBe("Date must be a real date (day/month/year).");
    expect(rows(caseEvents)).toBe(before);
  });

  it("adds a victim under the next pseudonym code, with no name anywhere", async () => {
    const kase = caseWithPolice();
    const res = await post(kase.id, { intent: "add-victim", minor: "on", ageBand: "16_17", legalAidAssignedOn: "2026-11-20" });
    expect(res.status).toBe(302);
    const added = getDb().select().from(victims).where(eq(victims.caseId, kase.id)).all().at(-1)!;
    expect(added.code).toMatch(/^V-\d{4}$/);
    expect(Object.keys(added)).not.toContain("name");
  });

  it("refuses a minor with an adult age band", async () => {
    const kase = caseWithPolice();
    const before = rows(victims);
    const res = await post(kase.id, { intent: "add-victim", minor: "on", ageBand: "26_35" });
    expect(res.status).toBe(400);
    expect(res.data.errors.ageBand).toBe("A minor's age band must be under 18.");
    expect(rows(victims)).toBe(before);
  });

  it("adds an accused, and refuses one without a name", async () => {
    const kase = caseWithPolice();
    const before = rows(accused);
    expect((await post(kase.id, { intent: "add-accused", name: "", bailStatus: "pending" })).status).toBe(400);
    expect((await post(kase.id, { intent: "add-accused", name: "Test Accused", arrestedOn: "2026-11-01", bailStatus: "pending" })).status).toBe(302);
    expect(rows(accused)).toBe(before + 1);
  });

  it("is refused to representatives", async () => {
    const kase = caseWithPolice();
    expect((await post(kase.id, { intent: "add-event", kind: "hearing", occurredOn: "2026-11-25" }, police)).status).toBe(403);
  });
});

describe("the case list", () => {
  const list = (query: string, cookie = secretariat) => run(() => listLoader({ request: getRequest(`/cases${query}`, cookie), params: {}, context: {} }));

  it("lists every case for the secretariat, and only police cases for the police", async () => {
    const all = await list("");
    expect(all.data.total).toBe(rows(cases));
    const mine = await list("", police);
    const policeCases = getDb().select().from(caseDepartments).where(eq(caseDepartments.departmentId, dept.police)).all().length;
    expect(mine.data.total).toBe(policeCases);
  });

  it("filters by stage, status, department and code", async () => {
    const byStage = await list("?stage=investigation&status=open");
    expect(byStage.data.rows.every((r: { stage: string; status: string }) => r.stage === "investigation" && r.status === "open")).toBe(true);
    const code = getDb().select().from(cases).get()!.code;
    const byCode = await list(`?q=${code.toLowerCase()}`);
    expect(byCode.data.rows.map((r: { code: string }) => r.code)).toEqual([code]);
    const byDept = await list(`?department=${dept.dcpu}`);
    expect(byDept.data.total).toBe(getDb().select().from(caseDepartments).where(eq(caseDepartments.departmentId, dept.dcpu)).all().length);
  });

  it("filters by next-hearing range", async () => {
    const res = await list("?from=2000-01-01&to=2100-12-31");
    expect(res.data.total).toBeGreaterThan(0);
    expect(res.data.rows.every((r: { nextDate: string }) => r.nextDate !== "")).toBe(true);
  });

  it("reports bad filter values next to the filter and ignores them, never a 500", async () => {
    const res = await list("?stage=nonsense&from=2026-02-30&department=abc&q=%3Cscript%3E&page=0");
    expect(res.status).toBe(400);
    expect(res.data.errors).toMatchObject({
      stage: "That stage does not exist.",
      from: "From must be a real date.",
      department: "Choose a department from the list.",
      q: "Search by case code, for example DEM-2026-0042.",
      page: "Page must be 1 or more.",
    });
    expect(res.data.total).toBe(rows(cases));
  });
});
