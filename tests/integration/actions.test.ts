import { and, eq, isNull, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionItemUpdates, actionItems, cases, departments, mailOutbox, meetings, tenures } from "#db/schema";
import { getDb } from "~/db.server";
import { addDays, dateInZone, formatDate, todayIn } from "~/lib/dates";
import { loader as csvLoader } from "~/routes/reports.accountability[.]csv";
import { loader as matrixLoader } from "~/routes/reports.accountability";
import { action as itemAction, loader as itemLoader } from "~/routes/actions.$actionId";
import { loader as listLoader } from "~/routes/actions._index";
import { matrixCsv } from "~/lib/accountability";
import { deliverDueMail, smtpTransport } from "~/services/mail.server";
import { nudgeDaysBeforeMeeting, runReminders } from "~/services/reminders.server";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { departmentIdsByKind, type SeededKind } from "../support/departments";
import { must } from "../support/present";

let police: string;
let secretariat: string;
let dept: Record<SeededKind, number>;
let smtp: TestSmtp;
const today = todayIn("Asia/Kolkata");

beforeAll(async () => {
  police = await cookieFor("police@demo.testa");
  secretariat = await cookieFor("secretariat@demo.testa");
  dept = departmentIdsByKind();
  smtp = await startSmtp();
  // Fresh items for the police with a known state.
  getDb()
    .insert(actionItems)
    .values([
      {
        collectiveId: 1,
        departmentId: dept.police,
        description: "Police item A",
        dueOn: addDays(today, 3),
        status: "open",
      },
      {
        collectiveId: 1,
        departmentId: dept.dcpu,
        description: "DCPU item B",
        dueOn: addDays(today, -2),
        status: "open",
      },
    ])
    .run();
});
afterAll(async () => {
  await smtp.stop();
});

const item = (description: string) =>
  getDb().select().from(actionItems).where(eq(actionItems.description, description)).get()!;
const update = (id: number, body: Record<string, string>, cookie: string) =>
  run(() =>
    itemAction({ request: postRequest(`/actions/${id}`, body, cookie), params: { actionId: String(id) }, context: {} }),
  );
const form = (i: typeof actionItems.$inferSelect, over: Record<string, string> = {}) => ({
  status: i.status,
  reason: "",
  comment: "",
  dueOn: i.dueOn,
  currentDueOn: i.dueOn,
  dueReason: "",
  version: String(i.version),
  ...over,
});

describe("our department's actions", () => {
  it("shows a representative only their department's items, whatever the URL asks", async () => {
    const res = await run(() =>
      listLoader({ request: getRequest(`/actions?department=${dept.dcpu}`, police), params: {}, context: {} }),
    );
    expect(res.data.own).toBe(true);
    expect(res.data.rows.every((r: { departmentId: number }) => r.departmentId === dept.police)).toBe(true);
    expect(res.data.rows.map((r: { description: string }) => r.description)).toContain("Police item A");
  });

  it("lets the secretariat filter all actions, and reports a bad filter without a 500", async () => {
    const res = await run(() =>
      listLoader({
        request: getRequest(`/actions?department=${dept.dcpu}&status=open`, secretariat),
        params: {},
        context: {},
      }),
    );
    expect(
      res.data.rows.every(
        (r: { departmentId: number; status: string }) => r.departmentId === dept.dcpu && r.status === "open",
      ),
    ).toBe(true);
    expect(res.data.rows.find((r: { description: string }) => r.description === "DCPU item B").overdue).toBe(true);
    const bad = await run(() =>
      listLoader({
        request: getRequest(`/actions?status=finished&dueFrom=2026-02-30`, secretariat),
        params: {},
        context: {},
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toMatchObject({
      status: "That status does not exist.",
      dueFrom: "Due from must be a real date.",
    });
  });
});

describe("filtering all actions by case and meeting", () => {
  type Row = { caseId: number | null; meetingId: number | null; departmentId: number };
  type Option = { value: string; label: string };
  const list = (query: string, cookie = secretariat) =>
    run(() => listLoader({ request: getRequest(`/actions${query}`, cookie), params: {}, context: {} }));
  // A seeded item agreed at a meeting about a case, and what the secretariat should see in the lists.
  const linked = () =>
    getDb()
      .select()
      .from(actionItems)
      .all()
      .find((a) => a.caseId !== null && a.meetingId !== null)!;

  it("offers every case and meeting that has action items, by case code and as “Meeting N, DD/MM/YYYY”", async () => {
    const res = await list("");
    const a = linked();
    const code = getDb().select().from(cases).where(eq(cases.id, a.caseId!)).get()!.code;
    const meeting = getDb().select().from(meetings).where(eq(meetings.id, a.meetingId!)).get()!;
    expect(res.data.cases).toContainEqual({ value: String(a.caseId), label: code });
    const label = res.data.meetings.find((m: Option) => m.value === String(meeting.id)).label;
    expect(label).toMatch(new RegExp(`^Meeting ${meeting.number}, \\d{2}/\\d{2}/\\d{4}$`));
    expect(label).toBe(
      `Meeting ${meeting.number}, ${formatDate(dateInZone(new Date(meeting.startsAt), "Asia/Kolkata"))}`,
    );
    const withActions = new Set(
      getDb()
        .select()
        .from(actionItems)
        .all()
        .map((x) => x.caseId),
    );
    expect(res.data.cases.every((c: Option) => withActions.has(Number(c.value)))).toBe(true);
  });

  it("narrows the list to one case, to one meeting, and to both", async () => {
    const a = linked();
    const all = getDb().select().from(actionItems).all();
    const byCase = await list(`?caseId=${a.caseId}`);
    expect(byCase.status).toBe(200);
    expect(byCase.data.rows.map((r: { id: number }) => r.id).sort()).toEqual(
      all
        .filter((x) => x.caseId === a.caseId)
        .map((x) => x.id)
        .sort(),
    );
    const byMeeting = await list(`?meetingId=${a.meetingId}`);
    expect(byMeeting.data.rows.map((r: { id: number }) => r.id).sort()).toEqual(
      all
        .filter((x) => x.meetingId === a.meetingId)
        .map((x) => x.id)
        .sort(),
    );
    const both = await list(`?caseId=${a.caseId}&meetingId=${a.meetingId}`);
    expect(both.data.rows.length).toBeGreaterThan(0);
    expect(both.data.rows.every((r: Row) => r.caseId === a.caseId && r.meetingId === a.meetingId)).toBe(true);
  });

  it("reports a forged or non-numeric case or meeting, ignores it, and never fails", async () => {
    const everything = (await list("")).data.rows.length;
    for (const [query, field] of [
      ["?caseId=abc", "caseId"],
      ["?caseId=999999", "caseId"],
      ["?caseId=1e400", "caseId"],
      ["?meetingId=-3", "meetingId"],
      ["?meetingId=999999", "meetingId"],
      ["?meetingId=2.5", "meetingId"],
    ] as const) {
      const res = await list(query);
      expect(res.status, query).toBe(400);
      expect(res.data.errors[field], query).toMatch(/Choose a (case|meeting) from the list\./);
      expect(res.data.rows, query).toHaveLength(everything);
    }
  });

  it("offers a representative only the cases and meetings of their own department's items", async () => {
    const res = await list("", police);
    const own = getDb()
      .select()
      .from(actionItems)
      .all()
      .filter((x) => x.departmentId === dept.police);
    expect(res.data.cases.map((c: Option) => Number(c.value)).sort()).toEqual(
      [...new Set(own.map((x) => x.caseId).filter((id) => id !== null))].sort(),
    );
    // Another department's case is refused by name, and the list stays the police's own.
    const foreign = getDb()
      .select()
      .from(actionItems)
      .all()
      .find((x) => x.caseId !== null && !own.some((o) => o.caseId === x.caseId))!;
    const refused = await list(`?caseId=${foreign.caseId}`, police);
    expect(refused.status).toBe(400);
    expect(refused.data.errors.caseId).toBe("That case has no action items you can see. Choose a case from the list.");
    expect(refused.data.rows.every((r: Row) => r.departmentId === dept.police)).toBe(true);
  });
});

describe("updating an item", () => {
  it("records every change in the item's history: who, when, from what to what", async () => {
    const i = item("Police item A");
    const res = await update(i.id, form(i, { status: "in_progress", comment: "IO has requested the CDRs." }), police);
    expect(res.status).toBe(302);
    const history = getDb().select().from(actionItemUpdates).where(eq(actionItemUpdates.actionItemId, i.id)).all();
    expect(history).toEqual([
      expect.objectContaining({
        field: "status",
        fromValue: "open",
        toValue: "in_progress",
        comment: "IO has requested the CDRs.",
      }),
    ]);
    const page = await run(() =>
      itemLoader({ request: getRequest(`/actions/${i.id}`, police), params: { actionId: String(i.id) }, context: {} }),
    );
    expect(page.data.history[0]).toMatchObject({ who: "Sanjay Patil", fromValue: "Open", toValue: "In progress" });
  });

  it("needs a reason to move the due date, to block or drop, and says what was done to close", async () => {
    const i = item("Police item A");
    const moved = await update(i.id, form(i, { dueOn: addDays(i.dueOn, 7) }), police);
    expect(moved.data.errors.dueReason).toBe("Give a reason for moving the due date.");
    expect((await update(i.id, form(i, { status: "blocked" }), police)).data.errors.reason).toBe(
      "Say why the item is blocked.",
    );
    expect((await update(i.id, form(i, { status: "done" }), police)).data.errors.comment).toBe(
      "Say what was done, and when.",
    );
    const ok = await update(i.id, form(i, { dueOn: addDays(i.dueOn, 7), dueReason: "CDRs arrive next week" }), police);
    expect(ok.status).toBe(302);
    const history = getDb()
      .select()
      .from(actionItemUpdates)
      .where(and(eq(actionItemUpdates.actionItemId, i.id), eq(actionItemUpdates.field, "due date")))
      .all();
    expect(history).toEqual([
      expect.objectContaining({ fromValue: i.dueOn, toValue: addDays(i.dueOn, 7), comment: "CDRs arrive next week" }),
    ]);
  });

  it("refuses a stale form, and another department's representative, without writing", async () => {
    const i = item("Police item A");
    const stale = await update(i.id, form(i, { version: String(i.version - 1), status: "done", comment: "x" }), police);
    expect(stale.status).toBe(409);
    const other = item("DCPU item B");
    expect((await update(other.id, form(other, { status: "done", comment: "x" }), police)).status).toBe(403);
    expect(
      (
        await run(() =>
          itemLoader({
            request: getRequest(`/actions/${other.id}`, police),
            params: { actionId: String(other.id) },
            context: {},
          }),
        )
      ).status,
    ).toBe(403);
    expect(item("DCPU item B").status).toBe("open");
    for (const id of ["abc", "999999"]) {
      expect(
        (
          await run(() =>
            itemLoader({ request: getRequest(`/actions/${id}`, secretariat), params: { actionId: id }, context: {} }),
          )
        ).status,
      ).toBe(404);
    }
  });
});

describe("reminders", () => {
  it("send each department with something due exactly one digest a day, however often they run", async () => {
    runReminders(getDb());
    runReminders(getDb());
    await deliverDueMail({ transport: smtpTransport(smtp.url), now: new Date(Date.now() + 60_000) });
    await deliverDueMail({ transport: smtpTransport(smtp.url), now: new Date(Date.now() + 120_000) });
    const queued = getDb().select().from(mailOutbox).where(like(mailOutbox.batch, "reminders:%")).all();
    const received = await smtp.waitFor(queued.length);
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toHaveLength(queued.length);
    const recipients = received.map((m) => (m.to as { text: string }).text);
    expect(new Set(recipients).size).toBe(recipients.length);
    const dcpu = received.find((m) => (m.to as { text: string }).text.includes("dcpu@demo.testa"))!;
    expect(dcpu.text).toContain("DCPU item B");
    expect(dcpu.text).not.toContain("Police item A");
    // A department with nothing overdue or due this week gets nothing; five days before a
    // meeting, every department with unfinished work gets the nudge.
    const upcoming = getDb().select().from(meetings).where(eq(meetings.status, "planned")).get();
    const nudgeDay = upcoming
      ? addDays(dateInZone(new Date(upcoming.startsAt), "Asia/Kolkata"), -nudgeDaysBeforeMeeting) === today
      : false;
    const unfinishedDepts = new Set(
      getDb()
        .select()
        .from(actionItems)
        .all()
        .filter(
          (a) => ["open", "in_progress", "blocked"].includes(a.status) && (nudgeDay || a.dueOn <= addDays(today, 7)),
        )
        .map((a) => a.departmentId),
    );
    const holders = getDb().select().from(tenures).where(isNull(tenures.endsOn)).all();
    const expected = holders
      .filter((h) => unfinishedDepts.has(h.departmentId))
      .map((h) => h.email)
      .sort();
    expect(recipients.map((r) => r.replace(/.*</, "").replace(/>.*/, "")).sort()).toEqual(expected);
  });
});

describe("the nudge before a meeting", () => {
  it("five days before, reaches a department whose only work is due later, once", () => {
    const db = getDb();
    const upcoming = db.select().from(meetings).where(eq(meetings.status, "planned")).get()!;
    const meetingDay = dateInZone(new Date(upcoming.startsAt), "Asia/Kolkata");
    const nudgeNoon = new Date(`${addDays(meetingDay, -nudgeDaysBeforeMeeting)}T06:30:00.000Z`); // noon in India
    const court = db.select().from(departments).where(eq(departments.kind, "court")).get()!;
    db.update(actionItems).set({ status: "done" }).where(eq(actionItems.departmentId, court.id)).run();
    db.insert(actionItems)
      .values({
        collectiveId: court.collectiveId,
        departmentId: court.id,
        description: "Court item far ahead",
        dueOn: addDays(meetingDay, 60),
        status: "open",
      })
      .run();
    const courtMail = () =>
      db
        .select()
        .from(mailOutbox)
        .where(like(mailOutbox.idempotencyKey, `reminder:${court.collectiveId}:${court.id}:%`))
        .all()
        .filter((m) => m.text.includes("Court item far ahead"));
    runReminders(db, nudgeNoon);
    runReminders(db, nudgeNoon);
    expect(courtMail()).toHaveLength(1);
    expect(must(courtMail()[0]).text).toContain(`Meeting ${upcoming.number} is on`);
    // The day after, the court has nothing overdue or due within a week: nothing more.
    runReminders(db, new Date(nudgeNoon.getTime() + 86_400_000));
    expect(courtMail()).toHaveLength(1);
  });
});

describe("the daily digest's hour", () => {
  it("waits for the digest time in the collective's zone, then sends once that day", () => {
    const db = getDb();
    const digestsOn = (on: string) =>
      db
        .select()
        .from(mailOutbox)
        .where(like(mailOutbox.idempotencyKey, `reminder:%:${on}`))
        .all().length;
    // A day a few days on that no earlier test sent digests on (the nudge test above sends on the
    // days five and four before the next meeting, which can be three days from today).
    let day = addDays(todayIn("Asia/Kolkata"), 3);
    while (digestsOn(day) > 0) day = addDays(day, 1);
    const digests = () => digestsOn(day);
    // 00:05 and 08:29 in India (UTC+5:30): too early, whatever the first check of the day is.
    expect(runReminders(db, new Date(`${day}T00:05:00+05:30`), { notBefore: "08:30" })).toEqual({
      queued: 0,
      handled: [],
    });
    expect(runReminders(db, new Date(`${day}T08:29:00+05:30`), { notBefore: "08:30" }).handled).toEqual([]);
    expect(digests()).toBe(0);
    const first = runReminders(db, new Date(`${day}T08:30:00+05:30`), { notBefore: "08:30" });
    expect(first.handled.length).toBeGreaterThan(0);
    expect(digests()).toBe(first.queued);
    expect(first.queued).toBeGreaterThan(0);
    // Later the same day (another process, a restart): nothing new.
    runReminders(db, new Date(`${day}T17:00:00+05:30`), { notBefore: "08:30" });
    expect(digests()).toBe(first.queued);
  });
});

describe("the accountability matrix", () => {
  it("agrees with its CSV, for every period and split", async () => {
    for (const query of ["", "?period=quarter", "?period=year&split=tenure"]) {
      const page = await run(() =>
        matrixLoader({ request: getRequest(`/reports/accountability${query}`, secretariat), params: {}, context: {} }),
      );
      const csv = await csvLoader({
        request: getRequest(`/reports/accountability.csv${query}`, secretariat),
        params: {},
        context: {},
      });
      expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer())).toBe(
        matrixCsv(page.data.rows),
      );
    }
  });

  it("shows the police seat's two tenures separately", async () => {
    const observer = await cookieFor("observer@demo.testa");
    const page = await run(() =>
      matrixLoader({ request: getRequest(`/reports/accountability?split=tenure`, observer), params: {}, context: {} }),
    );
    const policeRows = page.data.rows.filter((r: { departmentId: number }) => r.departmentId === dept.police);
    expect(policeRows.map((r: { tenure: { officerName: string } }) => r.tenure.officerName)).toEqual([
      "Sanjay Patil",
      "Rajendra Sawant",
    ]);
  });
});
