import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "#db/client";
import { auditLog, departments, tenures } from "#db/schema";
import { getDb } from "~/db.server";
import { action as deptAction } from "~/routes/departments.$departmentId";
import { completeRestore } from "~/services/backup.server";
import { signIn } from "~/services/auth.server";
import { demoPassword } from "../support/constants";
import { handRestoredCopy } from "../support/hand-restore";
import { cookieFor, postRequest, run } from "../support/remix";

// A change and its audit entry are one transaction: when the entry cannot be written (forced here
// by a trigger that refuses it, after the change itself was written) the change is undone too, and
// when it goes through, the entry is there. Real SQLite files, nothing mocked.

/** Makes every audit entry with this action fail, as a full disk or a broken chain would. */
const refuseAudit = (db: Db, action: string) =>
  db.$client.exec(
    `create trigger refuse_audit before insert on audit_log when new.action = '${action}' begin select raise(abort, 'audit refused'); end`,
  );
const allowAudit = (db: Db) => db.$client.exec("drop trigger if exists refuse_audit");
afterEach(() => allowAudit(getDb()));

const entries = (db: Db, action: string) => db.select().from(auditLog).where(eq(auditLog.action, action)).all();

describe("unlocking a holder's sign-in", () => {
  it("stays locked, with no entry, when its audit entry fails; unlocks with one when it does not", async () => {
    const db = getDb();
    const admin = await cookieFor("admin@demo.testa");
    const email = "secretariat@demo.testa";
    const ngo = db.select().from(departments).where(eq(departments.kind, "ngo")).get()!;
    const holder = db
      .select()
      .from(tenures)
      .where(and(eq(tenures.departmentId, ngo.id), eq(tenures.email, email)))
      .get()!;
    const client = { client: "198.51.100.7" };
    for (let i = 0; i < 5; i++) await signIn(email, `wrong-${i}`, client);
    const locked = { ok: false, message: expect.stringMatching(/Too many failed attempts/) };
    expect(await signIn(email, demoPassword, client)).toMatchObject(locked);
    const unlock = () =>
      run(() =>
        deptAction({
          request: postRequest(`/departments/${ngo.id}`, { intent: "unlock", tenureId: String(holder.id) }, admin),
          params: { departmentId: String(ngo.id) },
          context: {},
        }),
      );

    refuseAudit(db, "unlock:sign-in");
    await expect(unlock()).rejects.toThrow("audit refused");
    expect(entries(db, "unlock:sign-in")).toEqual([]);
    expect(await signIn(email, demoPassword, client)).toMatchObject(locked);

    allowAudit(db);
    expect((await unlock()).data.saved).toMatch(/can sign in again/);
    expect(entries(db, "unlock:sign-in")).toHaveLength(1);
    expect(await signIn(email, demoPassword, client)).toMatchObject({ ok: true });
  });
});

describe("finishing a restore", () => {
  it("keeps the sessions and the open mark (to finish at the next start) when its audit entry fails", async () => {
    const db = await handRestoredCopy("audit-restore");
    try {
      const sessions = () => db.$client.prepare("select id from sessions").all();
      const openMarks = () => db.$client.prepare("select id from backup_marks where restored_at is null").all();

      refuseAudit(db, "restore");
      expect(() => completeRestore(db)).toThrow("audit refused");
      expect(sessions()).toEqual([{ id: "stale" }]);
      expect(openMarks()).toHaveLength(1);
      expect(entries(db, "restore")).toEqual([]);

      allowAudit(db);
      expect(completeRestore(db)).toBe(true);
      expect(sessions()).toEqual([]);
      expect(openMarks()).toEqual([]);
      expect(entries(db, "restore").length).toBeGreaterThan(0);
    } finally {
      db.$client.close();
    }
  });
});
