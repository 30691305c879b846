import { execFileSync } from "node:child_process";
import { and, desc, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, cases, collectives, meetings, users } from "#db/schema";
import { getDb } from "~/db.server";
import { audit, audited, sealAuditLog, verifyAuditLog } from "~/models/audit.server";
import { loader as auditCsvLoader } from "~/routes/settings.audit[.]csv";
import { loader as auditLoader } from "~/routes/settings.audit";
import { loader as inviteLoader } from "~/routes/meetings.$meetingId.invite[.]ics";
import { action as caseEditAction } from "~/routes/cases.$caseId_.edit";
import { loader as caseLoader } from "~/routes/cases.$caseId";
import { createCollective } from "../factories";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";
import { must } from "../support/present";

let admin: string;
let secretariat: string;
let collectiveId: number;
const page = (query = "", cookie = admin) =>
  run(() => auditLoader({ request: getRequest(`/settings/audit${query}`, cookie), params: {}, context: {} }));
const latest = () =>
  getDb()
    .select()
    .from(auditLog)
    .where(eq(auditLog.collectiveId, collectiveId))
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get()!;

beforeAll(async () => {
  admin = await cookieFor("admin@demo.testa");
  secretariat = await cookieFor("secretariat@demo.testa");
  collectiveId = getDb().select().from(collectives).get()!.id;
});

describe("the audit page", () => {
  it("is the admin's alone", async () => {
    expect((await page()).status).toBe(200);
    for (const email of ["secretariat@demo.testa", "police@demo.testa", "observer@demo.testa"]) {
      const cookie = await cookieFor(email);
      expect((await page("", cookie)).status).toBe(403);
      expect(
        (
          await run(() =>
            auditCsvLoader({ request: getRequest("/settings/audit.csv", cookie), params: {}, context: {} }),
          )
        ).status,
      ).toBe(403);
    }
  });

  it("says in words who did what to which record, and when, as people in India write it", async () => {
    const kase = getDb().select().from(cases).where(eq(cases.collectiveId, collectiveId)).get()!;
    await run(() =>
      caseLoader({
        request: getRequest(`/cases/${kase.id}`, secretariat),
        params: { caseId: String(kase.id) },
        context: {},
      }),
    );
    const { data } = await page();
    const row = data.rows[0];
    const secretariatName = getDb().select().from(users).where(eq(users.email, "secretariat@demo.testa")).get()!.name;
    expect(row).toMatchObject({
      who: secretariatName,
      role: "Secretariat",
      action: "Viewed restricted fields",
      record: `Case ${kase.code}`,
      detail: "FIR number, accused, event notes",
    });
    expect(row.when).toMatch(/^[A-Z][a-z]{2}, \d{2}\/\d{2}\/\d{4}, \d{1,2}:\d{2} [ap]m IST$/);
    expect(data.chain).toEqual({ ok: true, checked: expect.any(Number) });
  });

  it("filters by person, action, record and date, and pages the rest", async () => {
    const secretariatId = getDb().select().from(users).where(eq(users.email, "secretariat@demo.testa")).get()!.id;
    const meeting = getDb().select().from(meetings).where(eq(meetings.collectiveId, collectiveId)).get()!;
    for (let i = 0; i < 60; i++)
      audit(getDb(), {
        collectiveId,
        userId: secretariatId,
        action: "download",
        entity: "meeting",
        entityId: meeting.id,
        detail: `meeting-${meeting.number}.ics`,
      });
    const byPerson = (await page(`?person=${secretariatId}&action=download`)).data;
    expect(byPerson.total).toBeGreaterThanOrEqual(60);
    expect(byPerson.rows).toHaveLength(50);
    expect(byPerson.pages).toBe(Math.ceil(byPerson.total / 50));
    expect(new Set(byPerson.rows.map((r: { action: string }) => r.action))).toEqual(new Set(["Downloaded"]));
    const second = (await page(`?person=${secretariatId}&action=download&page=2`)).data;
    expect(second.rows.length).toBe(byPerson.total - 50);
    const byRecord = (await page(`?entity=meeting&record=${meeting.id}`)).data;
    expect(byRecord.recordShown).toBe(`Meeting ${meeting.number}`);
    expect(byRecord.rows.every((r: { record: string }) => r.record === `Meeting ${meeting.number}`)).toBe(true);
    expect((await page("?from=2001-01-01&to=2001-01-31")).data.total).toBe(0);
    const bad = await page("?from=2026-02-30&person=abc");
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({ from: "From must be a real date.", person: "Choose a person from the list." });
    // The export link keeps only the filters that were accepted.
    expect((await page("?from=2026-02-30&action=download&page=2")).data.exportHref).toBe(
      "/settings/audit.csv?action=download",
    );
  });

  it("exports the filtered entries to CSV, and the export is itself audited", async () => {
    const res = await auditCsvLoader({
      request: getRequest("/settings/audit.csv?action=view:restricted", admin),
      params: {},
      context: {},
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = bytes.toString("utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.headers.get("Content-Type")).toContain("text/csv");
    expect(res.headers.get("Content-Disposition")).toContain("audit-log.csv");
    expect(text.startsWith("\uFEFFEntry,When,Who,Role,Action,Record,Detail,Hash\r\n")).toBe(true);
    expect(text).toContain("Viewed restricted fields");
    expect(text).not.toContain("Downloaded,");
    expect(latest()).toMatchObject({
      action: "download",
      entity: "audit",
      detail: expect.stringMatching(/^audit-log\.csv, \d+ entries, action view:restricted$/),
    });
  });
});

describe("every audit entry", () => {
  it("is written with the change it records, or not at all", () => {
    const before = latest().id;
    expect(() =>
      audited(
        getDb(),
        (tx) => {
          tx.update(collectives).set({ name: "Never saved" }).where(eq(collectives.id, collectiveId)).run();
          throw new Error("the change fails after it started");
        },
        () => ({ collectiveId, userId: null, action: "update", entity: "collective", entityId: collectiveId }),
      ),
    ).toThrow();
    expect(latest().id).toBe(before);
    expect(getDb().select().from(collectives).where(eq(collectives.id, collectiveId)).get()!.name).not.toBe(
      "Never saved",
    );
  });

  it("is not written for a save refused as a conflict", async () => {
    const kase = getDb().select().from(cases).where(eq(cases.collectiveId, collectiveId)).get()!;
    const before = latest().id;
    const res = await run(() =>
      caseEditAction({
        request: postRequest(
          `/cases/${kase.id}/edit`,
          { version: String(kase.version + 5), policeStation: "X" },
          secretariat,
        ),
        params: { caseId: String(kase.id) },
        context: {},
      }),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(latest().id).toBe(before);
  });

  it("is written for every download", async () => {
    const meeting = getDb().select().from(meetings).where(eq(meetings.collectiveId, collectiveId)).get()!;
    await inviteLoader({
      request: getRequest(`/meetings/${meeting.id}/invite.ics`, secretariat),
      params: { meetingId: String(meeting.id) },
      context: {},
    });
    expect(latest()).toMatchObject({
      action: "download",
      entity: "meeting",
      entityId: meeting.id,
      detail: `meeting-${meeting.number}.ics`,
    });
  });
});

describe("the chain", () => {
  it("shows on the page and in npm run audit:verify where an entry was changed outside the app", async () => {
    const other = createCollective(getDb(), { name: "Chain test", districtCode: "CHN" });
    for (let i = 0; i < 4; i++)
      audit(getDb(), {
        collectiveId: other.id,
        userId: null,
        action: "update",
        entity: "collective",
        entityId: other.id,
        detail: `step ${i}`,
      });
    expect(verifyAuditLog(getDb(), other.id)).toEqual({ ok: true, checked: 4 });
    const target = must(getDb().select().from(auditLog).where(eq(auditLog.collectiveId, other.id)).all()[2]);
    getDb().$client.prepare("update audit_log set detail = 'step 9' where id = ?").run(target.id);
    expect(verifyAuditLog(getDb(), other.id)).toMatchObject({ ok: false, checked: 2, broken: { id: target.id } });
    // The demo collective's chain is its own, and still holds.
    expect((await page()).data.chain.ok).toBe(true);

    let out = "";
    let status = 0;
    try {
      execFileSync("npx", ["tsx", "scripts/audit-verify.ts"], { env: { ...process.env }, encoding: "utf8" });
    } catch (error) {
      const e = error as { status: number; stdout: string };
      status = e.status;
      out = e.stdout;
    }
    expect(status).toBe(1);
    expect(out).toMatch(/Demo District: the audit chain holds \(\d+ entries\)\./);
    expect(out).toContain(`Chain test: the audit chain is BROKEN at entry ${target.id}`);
  }, 60_000);

  it("is built once for entries written before it existed, and an unhashed entry later is a break", () => {
    const old = createCollective(getDb(), { name: "Before the chain", districtCode: "OLD" });
    getDb()
      .$client.prepare(
        "insert into audit_log (collective_id, action, entity) values (?, 'update', 'collective'), (?, 'create', 'case')",
      )
      .run(old.id, old.id);
    expect(verifyAuditLog(getDb(), old.id).ok).toBe(false);
    expect(sealAuditLog(getDb())).toBe(2);
    expect(verifyAuditLog(getDb(), old.id)).toEqual({ ok: true, checked: 2 });
    getDb()
      .$client.prepare("insert into audit_log (collective_id, action, entity) values (?, 'update', 'case')")
      .run(old.id);
    expect(sealAuditLog(getDb())).toBe(0);
    expect(verifyAuditLog(getDb(), old.id)).toMatchObject({ ok: false, checked: 2 });
    expect(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.collectiveId, old.id), isNull(auditLog.hash)))
        .all(),
    ).toHaveLength(1);
  });
});
