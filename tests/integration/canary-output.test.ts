import fs from "node:fs";
import { and, desc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  actionItems,
  auditLog,
  caseDepartments,
  caseEvents,
  cases,
  departments,
  meetings,
  minutesVersions,
  redactionScans,
} from "#db/schema";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { addDays, todayIn } from "~/lib/dates";
import { action as itemAction, loader as itemLoader } from "~/routes/actions.$actionId";
import { loader as actionsLoader } from "~/routes/actions._index";
import { action as caseAction, loader as caseLoader } from "~/routes/cases.$caseId";
import { loader as meetingLoader } from "~/routes/meetings.$meetingId";
import { loader as minutesPdf } from "~/routes/meetings.$meetingId.minutes[.]pdf";
import { loader as minutesLoader } from "~/routes/meetings.$meetingId_.minutes";
import { loader as outboxLoader } from "~/routes/outbox._index";
import { action as redactionAction, loader as redactionLoader } from "~/routes/redaction";
import { runReminders } from "~/services/reminders.server";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";

// Text stored before a name became protected (or that got in some other way) is masked on every
// page a representative or an observer reads, listed on "Needs redaction", held back from every
// send with the place named, and, in a frozen version, redacted by the secretariat.
const victim = "Sunita Ramesh Jagtap";
const leaked = /jagtap/i;
let cookies: Record<"secretariat" | "police" | "observer", string>;
let policeDept: number;
let policeCase: { id: number; code: string };
let legacyItem: number;
let meeting: typeof meetings.$inferSelect;
let version: typeof minutesVersions.$inferSelect;
const today = todayIn("Asia/Kolkata");
const load = async (loader: (args: never) => unknown, path: string, params: Record<string, string>, cookie: string) =>
  run(() => (loader as (a: unknown) => Promise<unknown>)({ request: getRequest(path, cookie), params, context: {} }));

beforeAll(async () => {
  cookies = {
    secretariat: await cookieFor("secretariat@demo.testa"),
    police: await cookieFor("police@demo.testa"),
    observer: await cookieFor("observer@demo.testa"),
  };
  const db = getDb();
  policeDept = db.select().from(departments).where(eq(departments.kind, "police")).get()!.id;
  const involved = db
    .select({ id: caseDepartments.caseId })
    .from(caseDepartments)
    .where(eq(caseDepartments.departmentId, policeDept))
    .all()
    .map((c) => c.id);
  policeCase = db
    .select({ id: cases.id, code: cases.code })
    .from(cases)
    .where(and(inArray(cases.id, involved), eq(cases.status, "open")))
    .get()!;
  // Written before the name was protected.
  legacyItem = db
    .insert(actionItems)
    .values({
      collectiveId: 1,
      departmentId: policeDept,
      description: "Escort the witness to court",
      dueOn: today,
      status: "blocked",
      statusReason: `${victim} has not been traced`,
    })
    .returning()
    .get().id;
  db.insert(caseEvents)
    .values({
      caseId: policeCase.id,
      kind: "hearing",
      occurredOn: addDays(today, -3),
      outcome: `${victim} deposed in part`,
    })
    .run();
  meeting = db.select().from(meetings).where(eq(meetings.status, "held")).orderBy(desc(meetings.startsAt)).get()!;
  version = db
    .select()
    .from(minutesVersions)
    .where(eq(minutesVersions.meetingId, meeting.id))
    .orderBy(desc(minutesVersions.version))
    .get()!;
  const amendment = { text: `Item 2: read ${victim} for the victim`, movedBy: "DCPU" };
  const body = JSON.parse(version.bodyJson);
  db.update(minutesVersions)
    .set({
      amendmentText: amendment.text,
      amendmentMovedBy: amendment.movedBy,
      bodyJson: JSON.stringify({ ...body, amendments: [...(body.amendments ?? []), amendment] }),
    })
    .where(eq(minutesVersions.id, version.id))
    .run();
  // Now her identity is recorded: everything above becomes protected text.
  const view = (
    await load(caseLoader, `/cases/${policeCase.id}`, { caseId: String(policeCase.id) }, cookies.secretariat)
  ).data;
  const posted = await run(() =>
    caseAction({
      request: postRequest(
        `/cases/${policeCase.id}`,
        {
          intent: "victim-identity",
          victimId: String(view.view.victims[0].id),
          name: victim,
          birthYear: "",
          nativeDistrict: "",
        },
        cookies.secretariat,
      ),
      params: { caseId: String(policeCase.id) },
      context: {},
    }),
  );
  expect(posted.status).toBe(302);
});

describe("pages a representative or an observer reads", () => {
  const pages = () =>
    [
      [actionsLoader, "/actions", {}],
      [itemLoader, `/actions/${legacyItem}`, { actionId: String(legacyItem) }],
      [caseLoader, `/cases/${policeCase.id}`, { caseId: String(policeCase.id) }],
      [meetingLoader, `/meetings/${meeting.id}`, { meetingId: String(meeting.id) }],
      [minutesLoader, `/meetings/${meeting.id}/minutes?version=${version.version}`, { meetingId: String(meeting.id) }],
    ] as const;

  it("show the match as [protected], wherever the text is stored", async () => {
    for (const [loader, path, params] of pages()) {
      const res = await load(loader, path, params, cookies.police);
      if (res.status !== 200) continue;
      const page = JSON.stringify(res.data);
      expect(page, path).not.toMatch(leaked);
      if (path.startsWith("/actions/") || path.startsWith("/cases/") || path.includes("minutes"))
        expect(page, path).toContain("[protected]");
    }
    for (const [loader, path, params] of pages()) {
      const res = await load(loader, path, params, cookies.observer);
      expect(JSON.stringify(res.data), path).not.toMatch(leaked);
    }
  });

  it("refuse the masked text saved back unchanged, so the mask never overwrites what is stored", async () => {
    const item = getDb().select().from(actionItems).where(eq(actionItems.id, legacyItem)).get()!;
    const shown = (await load(itemLoader, `/actions/${legacyItem}`, { actionId: String(legacyItem) }, cookies.police))
      .data.item;
    const form = {
      status: "blocked",
      reason: shown.statusReason,
      comment: "",
      dueOn: item.dueOn,
      currentDueOn: item.dueOn,
      dueReason: "",
      version: String(item.version),
    };
    const res = await run(() =>
      itemAction({
        request: postRequest(`/actions/${legacyItem}`, form, cookies.police),
        params: { actionId: String(legacyItem) },
        context: {},
      }),
    );
    expect(res.status).toBe(400);
    expect(res.data.errors.reason).toContain("still holds “[protected]”");
    expect(getDb().select().from(actionItems).where(eq(actionItems.id, legacyItem)).get()!.statusReason).toContain(
      victim,
    );
  });

  it("show the secretariat the text, to correct it", async () => {
    const res = await load(itemLoader, `/actions/${legacyItem}`, { actionId: String(legacyItem) }, cookies.secretariat);
    expect(res.data.item.statusReason).toContain(victim);
  });
});

describe("a blocked send is never silent", () => {
  it("the meeting page shows the secretariat which action holds the agenda, and where to correct it", async () => {
    const next = getDb()
      .select()
      .from(meetings)
      .where(inArray(meetings.status, ["planned", "agenda_published"]))
      .get()!;
    const res = await load(meetingLoader, `/meetings/${next.id}`, { meetingId: String(next.id) }, cookies.secretariat);
    expect(res.data.held).toEqual({
      message: `There is a protected name or number in action ${legacyItem}'s blocked reason, so the agenda cannot be sent until it is corrected.`,
      fixUrl: `/actions/${legacyItem}`,
    });
  });

  it("a digest held by the guard is on the Outbox, naming the action and linking to it", async () => {
    getDb()
      .update(actionItems)
      .set({ description: `Trace ${victim}`, dueOn: addDays(today, 2), status: "open", statusReason: null })
      .where(eq(actionItems.id, legacyItem))
      .run();
    runReminders(getDb());
    const res = await load(outboxLoader, "/outbox", {}, cookies.secretariat);
    const held = res.data.held.find((h: { document: string }) => h.document.startsWith("the daily digest for Police"));
    expect(held).toMatchObject({ field: `action ${legacyItem}'s description`, fixUrl: `/actions/${legacyItem}` });
    expect(JSON.stringify(res.data)).not.toMatch(leaked);
  });
});

describe("Needs redaction", () => {
  it("lists each stored text that now matches, where it is and where to fix it, without the words", async () => {
    const scan = await run(() =>
      redactionAction({
        request: postRequest("/redaction", { intent: "scan" }, cookies.secretariat),
        params: {},
        context: {},
      }),
    );
    expect(scan.status).toBe(302);
    const res = await load(redactionLoader, "/redaction", {}, cookies.secretariat);
    const where = res.data.findings.map((f: { where: string }) => f.where);
    expect(where).toContain(`action ${legacyItem}'s description`);
    expect(where).toContain(`an event's outcome on case ${policeCase.code}`);
    expect(where).toContain(`the amendment in version ${version.version} of Meeting ${meeting.number}'s minutes`);
    expect(JSON.stringify(res.data.findings)).not.toMatch(leaked);
    expect((await load(redactionLoader, "/redaction", {}, cookies.police)).status).toBe(403);
  });

  it("keeps the latest scan in the database, so the page shows it after a restart without scanning again", async () => {
    await run(() =>
      redactionAction({
        request: postRequest("/redaction", { intent: "scan" }, cookies.secretariat),
        params: {},
        context: {},
      }),
    );
    const scans = () => getDb().select().from(auditLog).where(eq(auditLog.action, "scan:redaction")).all().length;
    const kept = getDb().select().from(redactionScans).where(eq(redactionScans.collectiveId, 1)).get()!;
    expect(kept.findingCount).toBeGreaterThan(0);
    expect(kept.findingsJson).not.toMatch(leaked);
    // A new process has nothing in memory: what it shows is read from the table.
    const before = scans();
    const page = await load(redactionLoader, "/redaction", {}, cookies.secretariat);
    expect(page.data.findings).toEqual(JSON.parse(kept.findingsJson));
    expect(scans()).toBe(before);
    const outbox = await load(outboxLoader, "/outbox", {}, cookies.secretariat);
    expect(outbox.data.needsRedaction).toBe(kept.findingCount);
  });

  it("redacts a frozen version with its amendment: [redacted] stored, audited without the text, in the minutes' history, and its PDF no longer blocked", async () => {
    const pdf = () =>
      load(
        minutesPdf,
        `/meetings/${meeting.id}/minutes.pdf?version=${version.version}`,
        { meetingId: String(meeting.id) },
        cookies.secretariat,
      );
    expect((await pdf()).status).toBe(409);
    const res = await run(() =>
      redactionAction({
        request: postRequest(
          "/redaction",
          { intent: "redact", kind: "minutes-version", id: String(version.id) },
          cookies.secretariat,
        ),
        params: {},
        context: {},
      }),
    );
    expect(res.status).toBe(302);
    const row = getDb().select().from(minutesVersions).where(eq(minutesVersions.id, version.id)).get()!;
    expect(row.amendmentText).toBe("Item 2: read [redacted] for the victim");
    expect(`${row.bodyJson}${row.amendmentText}`).not.toMatch(leaked);
    const entry = getDb().select().from(auditLog).where(eq(auditLog.action, "redact:minutes")).get()!;
    expect(entry).toMatchObject({ entity: "meeting", entityId: meeting.id, detail: `version ${version.version}` });
    const page = await load(
      minutesLoader,
      `/meetings/${meeting.id}/minutes`,
      { meetingId: String(meeting.id) },
      cookies.secretariat,
    );
    expect(page.data.redactions[0].what).toBe(`Minutes, version ${version.version}`);
    expect((await pdf()).status).toBe(200);
  });
});

describe("the database file", () => {
  it("keeps no readable copy of text corrected since (secure_delete)", () => {
    const db = getDb();
    const canary = "Qwertyuiop Canarywala";
    const id = db
      .insert(actionItems)
      .values({
        collectiveId: 1,
        departmentId: policeDept,
        description: `Meet ${canary}`,
        dueOn: today,
        status: "open",
      })
      .returning()
      .get().id;
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    db.update(actionItems).set({ description: "Meet the witness" }).where(eq(actionItems.id, id)).run();
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    const file = config().DATABASE_PATH;
    const bytes = Buffer.concat([
      fs.readFileSync(file),
      fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0),
    ]);
    expect(bytes.includes(Buffer.from("Canarywala"))).toBe(false);
  });
});
