import { and, count, eq, gt } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accused, auditLog, caseDepartments, caseEvents, cases, collectives, departments } from "#db/schema";
import { getDb } from "~/db.server";
import { loader as caseLoader } from "~/routes/cases.$caseId";
import { action as editAction, loader as editLoader } from "~/routes/cases.$caseId_.edit";
import { action as newAction, loader as newLoader } from "~/routes/cases.new";
import { createCase, createCollective, createDepartment } from "../factories";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";
import { departmentIdsByKind, type SeededKind } from "../support/departments";

// Registering and editing a case, and who may open its page. Events, victims and accused are in
// cases-record.test.ts; the list and its filters in cases-list.test.ts.

let secretariat: string;
let police: string;
let dcpu: string;
let observer: string;
let dept: Record<SeededKind, number>;

beforeAll(async () => {
  secretariat = await cookieFor("secretariat@demo.testa");
  police = await cookieFor("police@demo.testa");
  dcpu = await cookieFor("dcpu@demo.testa");
  observer = await cookieFor("observer@demo.testa");
  dept = departmentIdsByKind();
});

const db = () => getDb();
const rows = (table: typeof cases | typeof caseDepartments | typeof auditLog) =>
  db().select({ n: count() }).from(table).get()!.n;
const caseRow = (id: number) => db().select().from(cases).where(eq(cases.id, id)).get()!;
const involvement = (id: number) =>
  db()
    .select({ departmentId: caseDepartments.departmentId, role: caseDepartments.role })
    .from(caseDepartments)
    .where(eq(caseDepartments.caseId, id))
    .all();
const auditSince = (id: number) => db().select().from(auditLog).where(gt(auditLog.id, id)).all();
const lastAuditId = () => db().select({ id: auditLog.id }).from(auditLog).all().at(-1)?.id ?? 0;

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

const create = (body: Record<string, string>, cookie = secretariat) =>
  run(() => newAction({ request: postRequest("/cases/new", body, cookie), params: {}, context: {} }));
const edit = (caseId: number | string, body: Record<string, string>, cookie = secretariat) =>
  run(() =>
    editAction({
      request: postRequest(`/cases/${caseId}/edit`, body, cookie),
      params: { caseId: String(caseId) },
      context: {},
    }),
  );
const openCase = (caseId: number | string, cookie = secretariat) =>
  run(() =>
    caseLoader({ request: getRequest(`/cases/${caseId}`, cookie), params: { caseId: String(caseId) }, context: {} }),
  );
const createdId = (location: string | null) => Number(/\/cases\/(\d+)/.exec(location ?? "")?.[1]);

/** A demo case the police are involved in, with at least one accused and one event note. */
const policeCaseWithSecrets = () =>
  db()
    .select({ id: cases.id, firNumber: cases.firNumber })
    .from(cases)
    .innerJoin(caseDepartments, eq(caseDepartments.caseId, cases.id))
    .where(eq(caseDepartments.departmentId, dept.police))
    .all()
    .find(
      (c) =>
        c.firNumber &&
        db().select().from(accused).where(eq(accused.caseId, c.id)).all().length > 0 &&
        db()
          .select()
          .from(caseEvents)
          .where(eq(caseEvents.caseId, c.id))
          .all()
          .some((e) => e.note),
    )!;

/** A case of the demo collective that does not involve a department (made if the demo has none). */
const caseWithout = (departmentId: number) => {
  const involved = new Set(
    db()
      .select()
      .from(caseDepartments)
      .where(eq(caseDepartments.departmentId, departmentId))
      .all()
      .map((r) => r.caseId),
  );
  const demo = db().select().from(collectives).where(eq(collectives.districtCode, "DEM")).get()!;
  const found = db()
    .select()
    .from(cases)
    .where(eq(cases.collectiveId, demo.id))
    .all()
    .find((c) => !involved.has(c.id));
  if (found) return found;
  const other = Object.values(dept).find((id) => id !== departmentId)!;
  return createCase(db(), { collectiveId: demo.id, departments: [{ departmentId: other, role: "lead" }] });
};

describe("registering a case", () => {
  it("offers the active departments to the secretariat, and is closed to representatives", async () => {
    const res = await run(() => newLoader({ request: getRequest("/cases/new", secretariat), params: {}, context: {} }));
    expect(res.status).toBe(200);
    expect(res.data.departments.map((d: { id: number }) => d.id).sort()).toEqual(Object.values(dept).sort());
    expect(
      (await run(() => newLoader({ request: getRequest("/cases/new", police), params: {}, context: {} }))).status,
    ).toBe(403);
  });

  it("issues the next code for the opening year inside the insert, records the departments and shows the code", async () => {
    const before = db()
      .select({ code: cases.code })
      .from(cases)
      .all()
      .map((c) => c.code)
      .filter((c) => c.startsWith("DEM-2026-"))
      .sort();
    const res = await create(validCase());
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/cases\/\d+\?registered$/);
    const created = caseRow(createdId(res.headers.get("Location")));
    const serial = Number(before.at(-1)!.slice(-4)) + 1;
    expect(created.code).toBe(`DEM-2026-${String(serial).padStart(4, "0")}`);
    expect(created).toMatchObject({
      policeStation: "Sitabuldi PS",
      firNumber: "0999",
      firYear: 2026,
      stage: "fir",
      status: "open",
      version: 1,
      chargesheetLimitDays: 60,
    });
    expect(involvement(created.id)).toEqual(
      expect.arrayContaining([
        { departmentId: dept.police, role: "lead" },
        { departmentId: dept.ngo, role: "support" },
      ]),
    );
    const page = await run(() =>
      caseLoader({
        request: getRequest(`/cases/${created.id}?registered`, secretariat),
        params: { caseId: String(created.id) },
        context: {},
      }),
    );
    expect(page.data).toMatchObject({ registered: true, view: { case: { code: created.code } } });
  });

  it("numbers by the year the case was opened", async () => {
    const res = await create({ ...validCase(), openedOn: "2024-03-05", chargesheetLimitDays: "90" });
    const created = caseRow(createdId(res.headers.get("Location")));
    expect(created.code).toMatch(/^DEM-2024-\d{4}$/);
    expect(created.chargesheetLimitDays).toBe(90);
  });

  const bad: [string, Record<string, string>, string, string][] = [
    [
      "a date that does not exist",
      { openedOn: "2026-02-30" },
      "openedOn",
      "Opened on must be a real date (day/month/year).",
    ],
    ["a missing opening date", { openedOn: "" }, "openedOn", "Opened on is required."],
    ["a missing police station", { policeStation: "  " }, "policeStation", "Police station is required."],
    ["an unknown stage", { stage: "trial" }, "stage", "Choose a valid stage."],
    ["an unknown outcome", { outcome: "hanged" }, "outcome", "Choose a valid outcome."],
    ["a closed case without a closing date", { status: "closed" }, "closedOn", "Give the date the case was closed."],
    [
      "a closing date before the opening",
      { status: "closed", closedOn: "2026-11-01" },
      "closedOn",
      "Closed on cannot be before opened on.",
    ],
    ["a bad FIR year", { firYear: "20x6" }, "firYear", "FIR year must be a year such as 2026."],
    [
      "a chargesheet limit other than 60 or 90",
      { chargesheetLimitDays: "30" },
      "chargesheetLimitDays",
      "Choose 60 or 90 days.",
    ],
    [
      "a department role that does not exist",
      { "dept-POLICE": "boss" },
      "dept-POLICE",
      "Choose lead, support or informed.",
    ],
  ];
  for (const [what, change, field, message] of bad) {
    it(`refuses ${what} with a message next to the field, keeps the input and writes nothing`, async () => {
      const before = [rows(cases), rows(caseDepartments), rows(auditLog)];
      // The demo's department ids are known only once the database is open.
      const withIds = Object.fromEntries(
        Object.entries(change).map(([k, v]) => [k.replace("POLICE", String(dept.police)), v]),
      );
      const res = await create({ ...validCase(), ...withIds });
      expect(res.status).toBe(400);
      expect(res.data.errors[field.replace("POLICE", String(dept.police))]).toBe(message);
      expect(res.data.values.policeStation).toBe(change.policeStation ?? "Sitabuldi PS");
      expect(res.data.values.firNumber).toBe("0999");
      expect([rows(cases), rows(caseDepartments), rows(auditLog)]).toEqual(before);
    });
  }

  it("refuses an unknown department, another collective's, or an inactive one, with a 400 and nothing written", async () => {
    const other = createCollective(db(), { name: "Other District", district: "Other", districtCode: "OTH" });
    const foreign = createDepartment(db(), { collectiveId: other.id, name: "Other police", kind: "police" });
    const demo = db().select().from(collectives).where(eq(collectives.districtCode, "DEM")).get()!;
    const inactive = createDepartment(db(), {
      collectiveId: demo.id,
      name: "Disbanded cell",
      kind: "other",
      active: false,
    });
    for (const id of [99999, foreign.id, inactive.id]) {
      const before = [rows(cases), rows(caseDepartments)];
      const res = await create({ ...validCase(), [`dept-${id}`]: "informed" });
      expect(res.status).toBe(400);
      expect(res.data.errors.departments).toMatch(/not an active department of this collective/);
      expect(res.data.values[`dept-${id}`]).toBe("informed");
      expect([rows(cases), rows(caseDepartments)]).toEqual(before);
    }
  });

  it("refuses a case with no department involved", async () => {
    const before = rows(cases);
    const res = await create({ ...validCase(), [`dept-${dept.police}`]: "", [`dept-${dept.ngo}`]: "" });
    expect(res.status).toBe(400);
    expect(res.data.errors.departments).toBe("Choose at least one department involved in the case.");
    expect(rows(cases)).toBe(before);
  });

  it("is not open to representatives or observers", async () => {
    const before = rows(cases);
    expect((await create(validCase(), police)).status).toBe(403);
    expect((await create(validCase(), observer)).status).toBe(403);
    expect(rows(cases)).toBe(before);
  });
});

describe("editing a case", () => {
  const registered = async () => createdId((await create(validCase())).headers.get("Location"));
  const editBody = (id: number, change: Record<string, string> = {}) => ({
    ...validCase(),
    version: String(caseRow(id).version),
    ...change,
  });

  it("loads the form with the case, its departments and its version, and audits the FIR being shown", async () => {
    const id = await registered();
    const since = lastAuditId();
    const res = await run(() =>
      editLoader({
        request: getRequest(`/cases/${id}/edit`, secretariat),
        params: { caseId: String(id) },
        context: {},
      }),
    );
    expect(res.status).toBe(200);
    expect(res.data.kase).toMatchObject({
      id,
      firNumber: "0999",
      version: 1,
      departments: { [dept.police]: "lead", [dept.ngo]: "support" },
    });
    expect(auditSince(since)).toEqual([
      expect.objectContaining({ action: "view:restricted", entity: "case", entityId: id, detail: "fir" }),
    ]);
    expect(JSON.stringify(auditSince(since))).not.toContain("0999");
  });

  it("saves with the current version, bumps it, replaces the departments and flags a stage change", async () => {
    const id = await registered();
    const res = await edit(
      id,
      editBody(id, { stage: "investigation", [`dept-${dept.ngo}`]: "", [`dept-${dept.dcpu}`]: "informed" }),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/cases/${id}`);
    const after = caseRow(id);
    expect(after).toMatchObject({ stage: "investigation", version: 2 });
    expect(after.stageChangedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(involvement(id)).toEqual(
      expect.arrayContaining([
        { departmentId: dept.police, role: "lead" },
        { departmentId: dept.dcpu, role: "informed" },
      ]),
    );
    expect(involvement(id)).toHaveLength(2);
  });

  it("refuses a stale version with a 409: nothing is written, the input is kept and the form takes their version", async () => {
    const id = await registered();
    const loaded = editBody(id);
    // Someone else saves first...
    expect((await edit(id, { ...loaded, policeStation: "Their PS", [`dept-${dept.court}`]: "support" })).status).toBe(
      302,
    );
    const theirs = caseRow(id);
    const theirDepartments = involvement(id);
    // ...then this person saves the version they loaded.
    const res = await edit(id, { ...loaded, policeStation: "My PS", sections: "ITPA 7" });
    expect(res.status).toBe(409);
    expect(res.data.errors.form).toMatch(
      /^Someone else changed this case while you were editing\. Their version is shown; your changes are kept below/,
    );
    expect(res.data.theirs).toMatchObject({
      policeStation: "Their PS",
      version: theirs.version,
      departments: { [dept.court]: "support" },
    });
    expect(res.data.values).toMatchObject({
      policeStation: "My PS",
      sections: "ITPA 7",
      version: String(theirs.version),
    });
    expect(caseRow(id)).toEqual(theirs);
    expect(involvement(id)).toEqual(theirDepartments);
    // Saving again with their version (after checking) goes through.
    expect((await edit(id, res.data.values)).status).toBe(302);
    expect(caseRow(id)).toMatchObject({ policeStation: "My PS", version: theirs.version + 1 });
  });

  it("refuses a form without its version, and bad input, with a 400 and nothing written", async () => {
    const id = await registered();
    const before = caseRow(id);
    const noVersion = await edit(id, { ...validCase(), policeStation: "Changed" });
    expect(noVersion.status).toBe(400);
    expect(noVersion.data.errors.form).toMatch(/missing the case's version/);
    const badDate = await edit(id, editBody(id, { openedOn: "2026-13-01", policeStation: "Changed" }));
    expect(badDate.status).toBe(400);
    expect(badDate.data.errors.openedOn).toBe("Opened on must be a real date (day/month/year).");
    expect(badDate.data.values.policeStation).toBe("Changed");
    const unknown = await edit(id, editBody(id, { "dept-424242": "lead" }));
    expect(unknown.status).toBe(400);
    expect(unknown.data.errors.departments).toMatch(/not an active department/);
    expect(caseRow(id)).toEqual(before);
  });

  it("keeps a department the case already involves after it became inactive", async () => {
    const demo = db().select().from(collectives).where(eq(collectives.districtCode, "DEM")).get()!;
    const retired = createDepartment(db(), { collectiveId: demo.id, name: "Retired unit", kind: "other" });
    const kase = createCase(db(), {
      collectiveId: demo.id,
      departments: [
        { departmentId: retired.id, role: "support" },
        { departmentId: dept.police, role: "lead" },
      ],
    });
    db().update(departments).set({ active: false }).where(eq(departments.id, retired.id)).run();
    const form = await run(() =>
      editLoader({
        request: getRequest(`/cases/${kase.id}/edit`, secretariat),
        params: { caseId: String(kase.id) },
        context: {},
      }),
    );
    expect(form.data.departments).toContainEqual({ id: retired.id, name: "Retired unit (inactive)" });
    const res = await edit(kase.id, {
      ...validCase(),
      version: String(kase.version),
      [`dept-${retired.id}`]: "support",
    });
    expect(res.status).toBe(302);
    expect(involvement(kase.id)).toContainEqual({ departmentId: retired.id, role: "support" });
  });

  it("is refused to representatives (403) and answers 404 for forged ids", async () => {
    const id = await registered();
    const before = caseRow(id);
    expect(
      (
        await run(() =>
          editLoader({ request: getRequest(`/cases/${id}/edit`, police), params: { caseId: String(id) }, context: {} }),
        )
      ).status,
    ).toBe(403);
    expect((await edit(id, editBody(id, { policeStation: "Police PS" }), police)).status).toBe(403);
    for (const caseId of ["999999", "abc", "0"]) {
      expect(
        (
          await run(() =>
            editLoader({ request: getRequest(`/cases/${caseId}/edit`, secretariat), params: { caseId }, context: {} }),
          )
        ).status,
      ).toBe(404);
      expect((await edit(caseId, editBody(id))).status).toBe(404);
    }
    expect(caseRow(id)).toEqual(before);
  });
});

describe("the case page", () => {
  it("shows the secretariat every section and the restricted fields, and audits the view without the values", async () => {
    const kase = policeCaseWithSecrets();
    const since = lastAuditId();
    const res = await openCase(kase.id);
    expect(res.status).toBe(200);
    const { view } = res.data;
    expect(view.restricted.firNumber).toBe(kase.firNumber);
    const names = db()
      .select()
      .from(accused)
      .where(eq(accused.caseId, kase.id))
      .all()
      .map((a) => a.name);
    expect(Object.values(view.restricted.accusedNames)).toEqual(names);
    expect(Object.keys(view.restricted.notes).length).toBeGreaterThan(0);
    expect(view.departments.some((d: { departmentId: number }) => d.departmentId === dept.police)).toBe(true);
    expect(view.events.length).toBeGreaterThan(0);
    expect(Array.isArray(view.clocks)).toBe(true);
    const entries = auditSince(since);
    expect(entries).toEqual([
      expect.objectContaining({
        action: "view:restricted",
        entity: "case",
        entityId: kase.id,
        detail: "fir,accused,notes",
      }),
    ]);
    const notes = db()
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, kase.id))
      .all()
      .map((e) => e.note)
      .filter((n): n is string => !!n);
    for (const value of [kase.firNumber!, ...names, ...notes]) expect(JSON.stringify(entries)).not.toContain(value);
  });

  it("gives a representative the case without FIR number, accused names or notes anywhere, and audits nothing", async () => {
    const kase = policeCaseWithSecrets();
    const full = caseRow(kase.id);
    const before = rows(auditLog);
    const res = await openCase(kase.id, police);
    expect(res.status).toBe(200);
    const json = JSON.stringify(res.data);
    const names = db()
      .select()
      .from(accused)
      .where(eq(accused.caseId, kase.id))
      .all()
      .map((a) => a.name);
    const notes = db()
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, kase.id))
      .all()
      .map((e) => e.note)
      .filter((n): n is string => !!n);
    expect(names.length).toBeGreaterThan(0);
    expect(notes.length).toBeGreaterThan(0);
    for (const secret of [`"${full.firNumber}"`, ...names, ...notes]) expect(json).not.toContain(secret);
    expect(json).not.toMatch(/firNumber|firYear|accusedNames/);
    expect(res.data.view.restricted).toBeNull();
    expect(res.data.matches).toEqual([]);
    expect(res.data.canEdit).toBe(false);
    // Arrest dates and bail are not restricted: the accused appear by position.
    expect(res.data.view.accused.map((a: { position: number }) => a.position)).toEqual(names.map((_, i) => i + 1));
    expect(rows(auditLog)).toBe(before);
  });

  it("refuses a representative a case their department is not involved in", async () => {
    expect((await openCase(caseWithout(dept.dcpu).id, dcpu)).status).toBe(403);
    expect((await openCase(caseWithout(dept.police).id, police)).status).toBe(403);
  });

  it("answers 404 for forged ids and for another collective's case, and 403 to observers", async () => {
    for (const caseId of ["999999", "abc", "-1", "1.5", "1e3", "", "0x1"]) {
      const res = await openCase(caseId);
      expect(res.status).toBe(404);
      expect(res.data).toBe("Case not found");
    }
    const other =
      db().select().from(collectives).where(eq(collectives.districtCode, "OTH")).get() ??
      createCollective(db(), { name: "Far District", district: "Far", districtCode: "FAR" });
    const foreignDept = createDepartment(db(), {
      collectiveId: other.id,
      name: `Police of ${other.districtCode}`,
      kind: "police",
    });
    const foreign = createCase(db(), {
      collectiveId: other.id,
      departments: [{ departmentId: foreignDept.id, role: "lead" }],
    });
    expect((await openCase(foreign.id)).status).toBe(404);
    expect((await openCase(foreign.id, police)).status).toBe(404);
    expect((await openCase(1, observer)).status).toBe(403);
  });

  it("counts no audit row for a view that was refused", async () => {
    const before = db()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "view:restricted")))
      .get()!.n;
    await openCase("999999");
    await openCase(caseWithout(dept.police).id, police);
    expect(db().select({ n: count() }).from(auditLog).where(eq(auditLog.action, "view:restricted")).get()!.n).toBe(
      before,
    );
  });
});
