import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseDepartments, caseEvents, cases, collectives } from "#db/schema";
import { getDb } from "~/db.server";
import { addDays, formatDate, todayIn } from "~/lib/dates";
import { casesPerPage } from "~/models/case-register.server";
import { loader as listLoader } from "~/routes/cases._index";
import { createCase, createCaseEvent, createCollective, createDepartment } from "../factories";
import { cookieFor, getRequest, run } from "../support/remix";
import { departmentIdsByKind, type SeededKind } from "../support/departments";
import { must } from "../support/present";

// The case register at /cases: who sees what, the filters from the URL, pages and clock flags.

type Row = {
  id: number;
  code: string;
  stage: string;
  status: string;
  policeStation: string;
  leadDepartment: string | null;
  nextDate: string;
  flag: { short: string; severity: string } | null;
};

let secretariat: string;
let police: string;
let observer: string;
let dept: Record<SeededKind, number>;
let demoId: number;

beforeAll(async () => {
  secretariat = await cookieFor("secretariat@demo.testa");
  police = await cookieFor("police@demo.testa");
  observer = await cookieFor("observer@demo.testa");
  demoId = getDb().select().from(collectives).where(eq(collectives.districtCode, "DEM")).get()!.id;
  dept = departmentIdsByKind(demoId);
});

const db = () => getDb();
const today = () => todayIn("Asia/Kolkata");
const demoCases = () => db().select().from(cases).where(eq(cases.collectiveId, demoId)).all();
const list = (query: string, cookie = secretariat) =>
  run(() => listLoader({ request: getRequest(`/cases${query}`, cookie), params: {}, context: {} }));
/** Every row across the pages, for totals above one page. */
async function allRows(query: string, cookie = secretariat): Promise<Row[]> {
  const first = await list(query, cookie);
  const rows: Row[] = [...first.data.rows];
  for (let page = 2; page <= first.data.pages; page++)
    rows.push(...(await list(`${query}${query ? "&" : "?"}page=${page}`, cookie)).data.rows);
  return rows;
}

/** The next date as the clocks define it: the latest event's next date, while it is today or later. */
function expectedNextDate(caseId: number): string | null {
  const events = db().select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).all();
  events.sort((a, b) => (a.occurredOn === b.occurredOn ? a.id - b.id : a.occurredOn < b.occurredOn ? -1 : 1));
  const latest = events.filter((e) => e.nextDate).at(-1)?.nextDate ?? null;
  return latest && latest >= today() ? latest : null;
}

describe("who sees which cases", () => {
  it("lists every case of the collective for the secretariat, newest first, a page at a time", async () => {
    const res = await list("");
    expect(res.status).toBe(200);
    expect(res.data.total).toBe(demoCases().length);
    expect(res.data.rows.length).toBe(Math.min(casesPerPage, demoCases().length));
    const rows = await allRows("");
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(demoCases().map((c) => c.id)));
    expect(res.data.canCreate).toBe(true);
  });

  it("lists only the cases the police department is involved in for its representative", async () => {
    const res = await list("", police);
    const involved = new Set(
      db()
        .select()
        .from(caseDepartments)
        .where(eq(caseDepartments.departmentId, dept.police))
        .all()
        .map((r) => r.caseId),
    );
    expect(res.data.total).toBe(involved.size);
    expect((await allRows("", police)).every((r) => involved.has(r.id))).toBe(true);
    expect(res.data).toMatchObject({ scoped: true, canCreate: false });
    expect(JSON.stringify(res.data)).not.toMatch(/firNumber|firYear/);
  });

  it("never lists another collective's cases, and is closed to observers", async () => {
    const other = createCollective(db(), { name: "List District", district: "List", districtCode: "LST" });
    const otherDept = createDepartment(db(), { collectiveId: other.id, name: "List police", kind: "police" });
    const foreign = createCase(db(), {
      collectiveId: other.id,
      departments: [{ departmentId: otherDept.id, role: "lead" }],
    });
    expect((await allRows("")).some((r) => r.id === foreign.id)).toBe(false);
    expect((await list(`?q=LST`)).data.total).toBe(0);
    expect((await list("", observer)).status).toBe(403);
  });
});

describe("the columns", () => {
  it("shows code, stage, status, police station, lead department, next date as DD/MM/YYYY and a clock flag", async () => {
    const rows = await allRows("");
    for (const r of rows) {
      const expected = expectedNextDate(r.id);
      expect(r.nextDate).toBe(expected ? formatDate(expected) : "");
      expect(r.code).toMatch(/^DEM-\d{4}-\d{4}$/);
    }
    const withLead = rows.find((r) => r.leadDepartment);
    expect(withLead).toBeDefined();
    // The demo has an investigation whose chargesheet is overdue (arrest 70 days ago, 60-day limit).
    expect(
      rows.some((r) => r.flag?.severity === "danger" && /^Chargesheet overdue by \d+ days?$/.test(r.flag.short)),
    ).toBe(true);
    expect(rows.every((r) => r.flag === null || r.flag.severity !== "ok")).toBe(true);
  });

  it("flags a hearing date that passed with nothing recorded, and shows no next date for it", async () => {
    const kase = createCase(db(), {
      collectiveId: demoId,
      code: "DEM-2026-9001",
      departments: [{ departmentId: dept.police, role: "lead" }],
    });
    createCaseEvent(db(), {
      caseId: kase.id,
      kind: "hearing",
      occurredOn: addDays(today(), -30),
      nextDate: addDays(today(), -3),
    });
    const [row] = (await list("?q=DEM-2026-9001")).data.rows as Row[];
    expect(row).toMatchObject({
      nextDate: "",
      leadDepartment: expect.stringMatching(/^Police/),
      flag: { short: "Hearing date passed", severity: "warn" },
    });
  });
});

describe("filters", () => {
  it("filters by stage and status", async () => {
    const res = await allRows("?stage=investigation&status=open");
    expect(res.length).toBe(demoCases().filter((c) => c.stage === "investigation" && c.status === "open").length);
    expect(res.every((r) => r.stage === "investigation" && r.status === "open")).toBe(true);
    expect((await list("?status=closed")).data.total).toBe(demoCases().filter((c) => c.status === "closed").length);
  });

  it("filters by department", async () => {
    const res = await list(`?department=${dept.dcpu}`);
    expect(res.data.total).toBe(
      db().select({ n: count() }).from(caseDepartments).where(eq(caseDepartments.departmentId, dept.dcpu)).get()!.n,
    );
  });

  it("searches by code, partial and in any case", async () => {
    const code = must(demoCases()[0]).code;
    expect((await list(`?q=${code.toLowerCase()}`)).data.rows.map((r: Row) => r.code)).toEqual([code]);
    const year = (await allRows("?q=-2025-")).map((r) => r.code);
    expect(year.length).toBe(demoCases().filter((c) => c.code.includes("-2025-")).length);
    expect(year.every((c) => c.includes("-2025-"))).toBe(true);
  });

  it("keeps the cases whose next hearing falls in the range, and no case whose next date has passed", async () => {
    const from = addDays(today(), 10);
    const to = addDays(today(), 40);
    const rows = await allRows(`?from=${from}&to=${to}`);
    const expected = demoCases().filter((c) => {
      const next = expectedNextDate(c.id);
      return next !== null && next >= from && next <= to;
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.id).sort()).toEqual(expected.map((c) => c.id).sort());
    // A range reaching into the past still means "from today".
    const wide = await allRows(`?from=2000-01-01&to=${to}`);
    expect(wide.every((r) => r.nextDate !== "")).toBe(true);
    expect(wide.length).toBe(demoCases().filter((c) => (expectedNextDate(c.id) ?? "9999") <= to).length);
    // Only "to": from today to that date.
    expect((await allRows(`?to=${to}`)).length).toBe(wide.length);
  });

  it("combines filters with the representative's scope", async () => {
    const res = await allRows(`?department=${dept.dcpu}`, police);
    const police_ = new Set(
      db()
        .select()
        .from(caseDepartments)
        .where(eq(caseDepartments.departmentId, dept.police))
        .all()
        .map((r) => r.caseId),
    );
    const dcpu = new Set(
      db()
        .select()
        .from(caseDepartments)
        .where(eq(caseDepartments.departmentId, dept.dcpu))
        .all()
        .map((r) => r.caseId),
    );
    expect(res.length).toBe([...dcpu].filter((id) => police_.has(id)).length);
  });
});

describe("bad values in the URL", () => {
  it("reports each bad filter next to it with a 400, ignores it and still lists, never a 500", async () => {
    const res = await list(
      "?stage=nonsense&status=pending&from=2026-02-30&to=tomorrow&department=abc&q=%3Cscript%3E&page=0",
    );
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({
      stage: "That stage does not exist.",
      status: "Status is open or closed.",
      from: "From must be a real date.",
      to: "To must be a real date.",
      department: "Choose a department from the list.",
      q: "Search by case code, police station, court case number, section or stage (letters, digits, spaces and - / . , only).",
      page: "Page must be 1 or more.",
    });
    expect(res.data.total).toBe(demoCases().length);
    expect(res.data.rows.length).toBeGreaterThan(0);
  });

  it("keeps the good filters when one is bad", async () => {
    const res = await list("?stage=investigation&department=abc");
    expect(res.status).toBe(400);
    expect(res.data.total).toBe(demoCases().filter((c) => c.stage === "investigation").length);
  });

  it("refuses a department that is not the collective's, a range that ends before it starts, and a page past the end", async () => {
    const other = createCollective(db(), { name: "Filter District", district: "Filter", districtCode: "FLT" });
    const foreign = createDepartment(db(), { collectiveId: other.id, name: "Filter police", kind: "police" });
    for (const id of ["99999", String(foreign.id)]) {
      const res = await list(`?department=${id}`);
      expect(res.status).toBe(400);
      expect(res.data.errors.department).toBe("Choose a department from the list.");
      expect(res.data.total).toBe(demoCases().length);
    }
    const backwards = await list(`?from=${addDays(today(), 30)}&to=${addDays(today(), 5)}`);
    expect(backwards.data.errors.to).toBe("To cannot be before from.");
    const past = await list("?page=99");
    expect(past.status).toBe(400);
    expect(past.data.errors.page).toMatch(/^There is no page 99/);
    expect(past.data.page).toBe(1);
    expect(past.data.rows.length).toBeGreaterThan(0);
  });

  it("shows an empty list, not an error, when nothing matches", async () => {
    const res = await list("?q=ZZZ-1999");
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ total: 0, rows: [], pages: 1 });
  });
});
