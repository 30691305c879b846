import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, cases, collectives, users } from "#db/schema";
import { getDb } from "~/db.server";
import { commitImportJob, importJob, startImportCheck, type ImportJob } from "~/services/case-import/jobs.server";

// The page's path: the check and the write each run on a worker thread with its own connection to
// the same SQLite file, while this thread keeps running (it polls the job as the page does).

const db = getDb();
let admin: { id: number; collectiveId: number };
beforeAll(() => {
  const demo = db.select().from(collectives).where(eq(collectives.districtCode, "DEM")).get()!;
  const user = db.select().from(users).where(eq(users.email, "admin@demo.testa")).get()!;
  admin = { id: user.id, collectiveId: demo.id };
});

const given = ["Ramesh", "Salim", "Anil", "Vijay", "Imran", "Deepak", "Suresh", "Raju", "Manoj", "Sunil"];
const family = ["Kale", "Qureshi", "Borkar", "Thool", "Pathan", "Meshram", "Ansari", "Dhurve", "Uike", "Nagpure"];
const nicknames = ["Bhau", "Anna", "Dada", "Nana", "Bapu", "Appa", "Tatya", "Mama", "Kaka", "Baba"];
/** Distinct accused (the same name on two cases would be flagged as one person across them). */
const accusedName = (n: number) =>
  `${given[n % 10]} ${family[Math.floor(n / 10) % 10]} ${nicknames[Math.floor(n / 100) % 10]}`;
const header =
  "case_code,police_station,fir_number,fir_year,stage,status,opened_on,lead_department,accused,victims,notes";
const register = (rows: number, from = 0) =>
  new TextEncoder().encode(
    [
      header,
      ...Array.from(
        { length: rows },
        (_, i) =>
          `,Station ${i % 7},${31_000 + from + i},2024,chargesheet,open,0${1 + (i % 9)}/03/2024,police,${accusedName(from + i)},1,`,
      ),
    ].join("\n"),
  );

/** Follows the job as the page does, noting each state and progress it saw, until it settles. */
async function follow(job: ImportJob, until: ImportJob["state"]) {
  const seen: { state: ImportJob["state"]; done: number; total: number }[] = [];
  for (let polls = 0; job.state !== until && polls < 3000; polls++) {
    seen.push({ state: job.state, ...job.progress });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(job.state).toBe(until);
  return seen;
}

const caseCount = () =>
  db.select({ n: count() }).from(cases).where(eq(cases.collectiveId, admin.collectiveId)).get()!.n;

describe("an import on its worker thread", () => {
  it("checks, then writes every row in one go, telling how far it got, while this thread keeps running", async () => {
    const before = caseCount();
    const job = startImportCheck(db, admin, { name: "register.csv", bytes: register(600) });
    expect(job.state).toBe("checking");
    const checking = await follow(job, "checked");
    expect(checking.length).toBeGreaterThan(0);
    expect(job.check!.problems).toEqual([]);
    expect(job.check!.rows.filter((r) => r.action === "new")).toHaveLength(600);
    expect(caseCount()).toBe(before);

    commitImportJob(db, job);
    expect(job.state).toBe("writing");
    expect(job.progress).toEqual({ done: 0, total: 600 });
    const writing = await follow(job, "done");
    // This thread ran (it polled) while the worker wrote: the write never held it.
    expect(writing.length).toBeGreaterThan(0);
    expect(writing.every((s) => s.state === "writing" && s.total === 600)).toBe(true);
    expect(job.result).toEqual({ new: 600, update: 0, unchanged: 0, duplicate: 0 });
    expect(caseCount()).toBe(before + 600);
    expect(importJob(admin, job.id)).toBe(job);
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "import:cases")).all().at(-1)!;
    expect(entry.detail).toBe("600 new, 0 updated, 0 unchanged");
  });

  it("writes nothing when the register changed after the check, and says so", async () => {
    const job = startImportCheck(db, admin, { name: "later.csv", bytes: register(3, 5_000) });
    await follow(job, "checked");
    expect(job.check!.rows.map((r) => r.action)).toEqual(["new", "new", "new"]);
    const someone = db.select().from(cases).where(eq(cases.collectiveId, admin.collectiveId)).get()!;
    db.update(cases)
      .set({ version: someone.version + 1 })
      .where(eq(cases.id, someone.id))
      .run();
    const before = caseCount();
    commitImportJob(db, job);
    await follow(job, "checked");
    expect(job.refusal).toMatch(/The case register changed since this file was checked/);
    expect(caseCount()).toBe(before);
  });

  it("a file that cannot be read comes back as its one problem", async () => {
    const job = startImportCheck(db, admin, { name: "register.xls", bytes: new Uint8Array([1, 2, 3]) });
    await follow(job, "checked");
    expect(job.check!.fileProblems).toEqual([
      "Old Excel files (.xls) are not read: save the sheet as .xlsx or as CSV (UTF-8) and upload that.",
    ]);
  });
});
