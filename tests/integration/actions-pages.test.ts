import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { actionItems, cases } from "#db/schema";
import { getDb } from "~/db.server";
import { addDays, todayIn } from "~/lib/dates";
import { isUnfinished } from "~/lib/escalation";
import { loader as listLoader } from "~/routes/actions._index";
import { caseChoicesListed } from "~/schemas/action-item";
import { cookieFor, getRequest, run } from "../support/remix";
import { departmentIdsByKind, type SeededKind } from "../support/departments";

let secretariat: string;
let police: string;
let dept: Record<SeededKind, number>;
const today = todayIn("Asia/Kolkata");
type Row = {
  id: number;
  description: string;
  departmentId: number;
  status: string;
  dueOn: string;
  caseId: number | null;
};
type Page = {
  rows: Row[];
  counts: { total: number; unfinished: number; overdue: number };
  paging: { page: number; pages: number; pageSize: number };
  errors: Record<string, string>;
  caseByCode: boolean;
  cases: { value: string; label: string }[];
};
const list = async (query: string, cookie = secretariat) =>
  (await run(() => listLoader({ request: getRequest(`/actions${query}`, cookie), params: {}, context: {} }))) as {
    status: number;
    data: Page;
  };

beforeAll(async () => {
  secretariat = await cookieFor("secretariat@demo.testa");
  police = await cookieFor("police@demo.testa");
  dept = departmentIdsByKind();
  // 120 items for the DLSA: 80 open (20 of them overdue), 40 done, so a filtered list runs to three pages.
  getDb()
    .insert(actionItems)
    .values(
      Array.from({ length: 120 }, (_, i) => ({
        collectiveId: 1,
        departmentId: dept.dlsa,
        description: `Paged item ${String(i).padStart(3, "0")}`,
        dueOn: addDays(today, i < 20 ? -1 - i : i),
        status: i < 80 ? ("open" as const) : ("done" as const),
      })),
    )
    .run();
});

describe("the action list, a page at a time", () => {
  it("shows 50 items a page with the size and the counts of the whole list, and keeps the filters on every page", async () => {
    const dlsa = getDb()
      .select()
      .from(actionItems)
      .where(and(eq(actionItems.collectiveId, 1), eq(actionItems.departmentId, dept.dlsa)))
      .all();
    const pages = await Promise.all([1, 2, 3].map((n) => list(`?department=${dept.dlsa}&page=${n}`)));
    const [first, second, third] = pages.map((p) => p.data);
    expect(first!.paging).toEqual({ page: 1, pages: Math.ceil(dlsa.length / 50), pageSize: 50 });
    expect(first!.counts.total).toBe(dlsa.length);
    expect(first!.counts.overdue).toBe(dlsa.filter((a) => isUnfinished(a.status) && a.dueOn < today).length);
    expect(first!.rows).toHaveLength(50);
    expect(second!.rows).toHaveLength(50);
    expect(third!.rows).toHaveLength(dlsa.length - 100);
    const seen = pages.flatMap((p) => p.data.rows);
    // Every item once, each of the filtered department, unfinished work first and soonest due at the top.
    expect(new Set(seen.map((r) => r.id)).size).toBe(dlsa.length);
    expect(seen.every((r) => r.departmentId === dept.dlsa)).toBe(true);
    const unfinished = seen.filter((r) => isUnfinished(r.status));
    expect(seen.slice(0, unfinished.length)).toEqual(unfinished);
    expect(unfinished.map((r) => r.dueOn)).toEqual(unfinished.map((r) => r.dueOn).sort());
    const finished = seen.slice(unfinished.length).map((r) => r.dueOn);
    expect(finished).toEqual([...finished].sort().reverse());
  });

  it("says when a page is past the end and shows the last one, and reports a page that is not a number", async () => {
    const past = await list(`?department=${dept.dlsa}&status=done&page=9`);
    expect(past.status).toBe(400);
    expect(past.data.errors.page).toBe("There is no page 9: the list has 1. This is the last page.");
    expect(past.data.rows.every((r) => r.status === "done")).toBe(true);
    expect(past.data.rows).toHaveLength(past.data.counts.total);
    const bad = await list(`?page=two`);
    expect(bad.status).toBe(400);
    expect(bad.data.errors.page).toBe("Page must be a number.");
    expect(bad.data.paging.page).toBe(1);
  });

  it("pages a representative's own department only", async () => {
    const own = await list(`?department=${dept.dlsa}&page=2`, police);
    expect(own.data.rows.every((r) => r.departmentId === dept.police)).toBe(true);
    expect(own.data.paging.pages).toBe(1);
  });

  it("has an empty state that says whether the filters hid everything", async () => {
    const none = await list(`?department=${dept.dlsa}&dueFrom=2099-01-01`);
    expect(none.data.rows).toEqual([]);
    expect(none.data.counts.total).toBe(0);
    expect(none.data.paging).toMatchObject({ page: 1, pages: 1 });
  });
});

describe("the case filter of a long list", () => {
  it("is a case code typed in once the actions refer to more cases than a list can show, and finds the case by it", async () => {
    const db = getDb();
    const made = db
      .insert(cases)
      .values(
        Array.from({ length: caseChoicesListed }, (_, i) => ({
          collectiveId: 1,
          code: `DEM-2019-${String(i).padStart(4, "0")}`,
          policeStation: "Sadar",
          stage: "investigation" as const,
          openedOn: "2019-01-01",
        })),
      )
      .returning({ id: cases.id, code: cases.code })
      .all();
    db.insert(actionItems)
      .values(
        made.map((c) => ({
          collectiveId: 1,
          departmentId: dept.dlsa,
          caseId: c.id,
          description: "Trace the file",
          dueOn: today,
          status: "open" as const,
        })),
      )
      .run();
    const all = await list("");
    expect(all.data.caseByCode).toBe(true);
    expect(all.data.cases).toEqual([]);
    const one = await list(`?caseCode=${made[7]!.code.toLowerCase()}`);
    expect(one.data.rows.map((r) => r.caseId)).toEqual([made[7]!.id]);
    const none = await list("?caseCode=XYZ-1");
    expect(none.status).toBe(400);
    expect(none.data.errors.caseCode).toBe("No case with that code has action items you can see. Check the code.");
  });
});
