import Database from "better-sqlite3";
import { and, count, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, cases, collectives, users } from "#db/schema";
import { getDb } from "~/db.server";
import { action as editAction, loader as editLoader } from "~/routes/cases.$caseId_.edit";
import { runImportTask } from "~/services/case-import/thread.server";
import { cookieFor, getRequest, postRequest, run, type Outcome } from "../support/remix";

// A secretariat member saves a case while a 5,000-row import commits on the import's thread: the
// import holds SQLite's one write lock for its whole transaction, and the save waits for it rather
// than fail (the busy timeout), then lands after it. The import still writes in one transaction.

const db = getDb();
const databasePath = db.$client.name;
let admin: { id: number; collectiveId: number };
let secretariat: string;
beforeAll(async () => {
  const demo = db.select().from(collectives).where(eq(collectives.districtCode, "DEM")).get()!;
  const user = db.select().from(users).where(eq(users.email, "admin@demo.testa")).get()!;
  admin = { id: user.id, collectiveId: demo.id };
  secretariat = await cookieFor("secretariat@demo.testa");
});

const given = ["Ramesh", "Salim", "Anil", "Vijay", "Imran", "Deepak", "Suresh", "Raju", "Manoj", "Sunil"];
const family = ["Kale", "Qureshi", "Borkar", "Thool", "Pathan", "Meshram", "Ansari", "Dhurve", "Uike", "Nagpure"];
/** Distinct accused (the same name on two cases would be flagged as one person across them). */
const accusedName = (n: number) =>
  `${given[n % 10]} ${family[Math.floor(n / 10) % 10]} ${String.fromCharCode(97 + (Math.floor(n / 100) % 26))}${String.fromCharCode(97 + Math.floor(n / 2600))}`;
const register = (rows: number) =>
  new TextEncoder().encode(
    [
      "case_code,police_station,fir_number,fir_year,stage,status,opened_on,lead_department,accused,victims,notes",
      ...Array.from(
        { length: rows },
        (_, i) =>
          `,Station ${i % 7},${61_000 + i},2023,chargesheet,open,0${1 + (i % 9)}/02/2024,police,${accusedName(i)},1,The prosecutor will oppose bail.`,
      ),
    ].join("\n"),
  );

/** Whether another connection would have to wait for the write lock right now. */
function writeLockHeld(): boolean {
  const probe = new Database(databasePath, { timeout: 0 });
  try {
    probe.exec("begin immediate; rollback");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
    return true;
  } finally {
    probe.close();
  }
}

/** The edit form of a case as its page sends it back, with one change. */
async function editForm(caseId: number, change: Record<string, string>) {
  const loaded = await run(() =>
    editLoader({
      request: getRequest(`/cases/${caseId}/edit`, secretariat),
      params: { caseId: String(caseId) },
      context: {},
    }),
  );
  const {
    departments,
    id: _id,
    code: _code,
    ...fields
  } = loaded.data.kase as Record<string, unknown> & {
    departments: Record<string, string>;
  };
  return {
    ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === null ? "" : String(v)])),
    ...Object.fromEntries(Object.entries(departments).map(([id, role]) => [`dept-${id}`, role])),
    ...change,
  };
}

const lastAuditId = (action: string) =>
  db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.collectiveId, admin.collectiveId), eq(auditLog.action, action)))
    .orderBy(desc(auditLog.id))
    .get()?.id ?? 0;

describe("a save while a large import commits", () => {
  it("waits for the import's transaction and succeeds; the import writes all 5,000 rows in one go", async () => {
    const task = { databasePath, collectiveId: admin.collectiveId, userId: admin.id };
    const checked = await runImportTask(
      { ...task, kind: "check", file: { name: "big.csv", bytes: register(5_000) } },
      () => {},
    );
    expect(checked.kind).toBe("checked");
    if (checked.kind !== "checked") return;
    expect(checked.check.problems).toEqual([]);
    expect(checked.check.rows.filter((r) => r.action === "new")).toHaveLength(5_000);

    const kase = db.select().from(cases).where(eq(cases.collectiveId, admin.collectiveId)).get()!;
    const form = await editForm(kase.id, { policeStation: "Saved during the import PS" });
    const before = db.select({ n: count() }).from(cases).where(eq(cases.collectiveId, admin.collectiveId)).get()!.n;

    // The first "writing" progress is sent from inside the import's transaction: the save is
    // issued then, as a person would click Save while the import runs.
    let lockHeldAtSave: boolean | null = null;
    let save: Promise<Outcome> | null = null;
    const written = await runImportTask({ ...task, kind: "commit", check: checked.check }, (message) => {
      if (message.phase !== "writing" || save) return;
      lockHeldAtSave = writeLockHeld();
      save = run(() =>
        editAction({
          request: postRequest(`/cases/${kase.id}/edit`, form, secretariat),
          params: { caseId: String(kase.id) },
          context: {},
        }),
      );
    });
    const saved = await save!;

    expect(lockHeldAtSave).toBe(true);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/cases/${kase.id}`);
    expect(written).toEqual({ kind: "written", result: { new: 5_000, update: 0, unchanged: 0, duplicate: 0 } });
    expect(db.select().from(cases).where(eq(cases.id, kase.id)).get()!.policeStation).toBe(
      "Saved during the import PS",
    );
    expect(db.select({ n: count() }).from(cases).where(eq(cases.collectiveId, admin.collectiveId)).get()!.n).toBe(
      before + 5_000,
    );
    // The save was written after the import's transaction had committed, not beside it.
    expect(lastAuditId("update")).toBeGreaterThan(lastAuditId("import:cases"));
  }, 300_000);
});
