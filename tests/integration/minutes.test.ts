import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionItems, agendaItems, attendance, auditLog, meetings, tenures } from "#db/schema";
import { isNull } from "drizzle-orm";
import { getDb } from "~/db.server";
import { addDays, formatDate, todayIn } from "~/lib/dates";
import { saveAttendance } from "~/models/minutes.server";
import { loader as minutesPdf } from "~/routes/meetings.$meetingId.minutes[.]pdf";
import { action as minutesAction, loader as minutesLoader } from "~/routes/meetings.$meetingId_.minutes";
import { action as runAction, loader as runLoader } from "~/routes/meetings.$meetingId_.run";
import { deliverDueMail, smtpTransport } from "~/services/mail.server";
import { pdfText } from "../support/pdf";
import { expectNoRestricted } from "../support/restricted";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { departmentIdsByKind, type SeededKind } from "../support/departments";

let secretariat: string;
let smtp: TestSmtp;
let meeting: typeof meetings.$inferSelect;
let dept: Record<SeededKind, number>;
beforeAll(async () => {
  secretariat = await cookieFor("secretariat@demo.testa");
  smtp = await startSmtp();
  meeting = getDb().select().from(meetings).where(eq(meetings.status, "planned")).get()!;
  dept = departmentIdsByKind();
});
afterAll(async () => {
  await smtp.stop();
});

const params = () => ({ meetingId: String(meeting.id) });
const post = (body: Record<string, string>) =>
  run(() =>
    runAction({
      request: postRequest(`/meetings/${meeting.id}/run`, body, secretariat),
      params: params(),
      context: {},
    }),
  );
const lifecycle = (body: Record<string, string>) =>
  run(() =>
    minutesAction({
      request: postRequest(`/meetings/${meeting.id}/minutes`, body, secretariat),
      params: params(),
      context: {},
    }),
  );
const grid = async () =>
  (
    await run(() =>
      runLoader({ request: getRequest(`/meetings/${meeting.id}/run`, secretariat), params: params(), context: {} }),
    )
  ).data;
const attendanceForm = (
  rows: { dept: number; status: string; name?: string; designation?: string; substitute?: boolean; version?: number }[],
) => {
  const body: Record<string, string> = { intent: "attendance" };
  for (const r of rows) {
    body[`status.${r.dept}`] = r.status;
    body[`name.${r.dept}`] = r.name ?? "";
    body[`designation.${r.dept}`] = r.designation ?? "";
    if (r.substitute) body[`substitute.${r.dept}`] = "on";
    body[`version.${r.dept}`] = String(r.version ?? 0);
  }
  return body;
};
const rows = () => getDb().select({ n: count() }).from(attendance).where(eq(attendance.meetingId, meeting.id)).get()!.n;

describe("the run page", () => {
  it("offers to confirm the previous meeting's circulated minutes", async () => {
    const data = await grid();
    expect(data.previous).toMatchObject({ number: meeting.number - 1, minutesState: "circulated" });
  });
});

describe("attendance", () => {
  it("defaults each department to its seat holder", async () => {
    const data = await grid();
    const police = data.attendance.find((r: { departmentId: number }) => r.departmentId === dept.police);
    const holder = getDb()
      .select()
      .from(tenures)
      .where(and(eq(tenures.departmentId, dept.police), isNull(tenures.endsOn)))
      .get()!;
    expect(police).toMatchObject({ attendeeName: holder.officerName, status: "present", recorded: false });
  });

  it("records present, absent, excused and a substitute", async () => {
    const res = await post(
      attendanceForm([
        { dept: dept.police, status: "present", name: "Anita More", designation: "Sub-Inspector", substitute: true },
        { dept: dept.dwcd, status: "absent" },
        { dept: dept.court, status: "excused" },
        { dept: dept.ngo, status: "present", name: "Farida Shaikh", designation: "Case Manager" },
      ]),
    );
    expect(res.status).toBe(200);
    expect(res.data.savedAt).toMatch(/am|pm/);
    const saved = getDb().select().from(attendance).where(eq(attendance.meetingId, meeting.id)).all();
    expect(saved).toHaveLength(4);
    expect(saved.find((a) => a.departmentId === dept.police)).toMatchObject({
      isSubstitute: true,
      attendeeName: "Anita More",
      version: 1,
    });
    expect(saved.find((a) => a.departmentId === dept.dwcd)).toMatchObject({ status: "absent", attendeeName: null });
  });

  it("refuses a present row without a name, and a stale grid, writing nothing", async () => {
    const before = getDb().select().from(attendance).where(eq(attendance.meetingId, meeting.id)).all();
    const noName = await post(attendanceForm([{ dept: dept.dlsa, status: "present", name: "" }]));
    expect(noName.status).toBe(400);
    expect(noName.data.errors[`name.${dept.dlsa}`]).toBe("Give the name of the person who attended.");
    const stale = await post(attendanceForm([{ dept: dept.police, status: "absent", version: 0 }]));
    expect(stale.status).toBe(409);
    expect(getDb().select().from(attendance).where(eq(attendance.meetingId, meeting.id)).all()).toEqual(before);
  });

  it("leaves the previous state whole when a save fails halfway", () => {
    const before = rows();
    expect(() =>
      saveAttendance(
        getDb(),
        meeting,
        [
          {
            departmentId: dept.plv,
            status: "present",
            attendeeName: "A",
            attendeeDesignation: "B",
            isSubstitute: false,
            version: 0,
          },
          {
            departmentId: 999_999,
            status: "present",
            attendeeName: "C",
            attendeeDesignation: "D",
            isSubstitute: false,
            version: 0,
          },
        ],
        new Map(),
      ),
    ).toThrow();
    expect(rows()).toBe(before);
  });
});

/** The meeting's (first) case-review item, as stored now. */
const item = () =>
  getDb()
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.kind, "case_review")))
    .get()!;

describe("an item's minutes", () => {
  it("saves the discussion, decisions, status and time used", async () => {
    const it0 = item();
    const res = await post({
      intent: "item",
      itemId: String(it0.id),
      discussion: "The IO reported progress.",
      decisions: "Police to file the chargesheet by 15/12.",
      status: "discussed",
      minutesUsed: "9",
      version: String(it0.version),
    });
    expect(res.status).toBe(200);
    expect(res.data.version).toBe(it0.version + 1);
    expect(item()).toMatchObject({ discussion: "The IO reported progress.", status: "discussed", minutesUsed: 9 });
  });

  it("never lets two concurrent saves overwrite each other: the second sees both versions", async () => {
    const it0 = item();
    const base = {
      intent: "item",
      itemId: String(it0.id),
      status: "discussed",
      minutesUsed: "",
      version: String(it0.version),
    };
    const [first, second] = await Promise.all([
      post({ ...base, discussion: "First writer", decisions: "" }),
      post({ ...base, discussion: "Second writer", decisions: "" }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    expect(loser.data.conflict.discussion).toBe(first.status === 409 ? "Second writer" : "First writer");
    expect(loser.data.values.discussion).toBe(first.status === 409 ? "First writer" : "Second writer");
    // Choosing to keep one's own: save again on top of their version.
    const kept = await post({
      ...base,
      discussion: loser.data.values.discussion,
      decisions: "Police to file the chargesheet by 15/12.",
      version: String(loser.data.conflict.version),
    });
    expect(kept.status).toBe(200);
  });

  it("refuses bad input with messages", async () => {
    const res = await post({
      intent: "item",
      itemId: String(item().id),
      status: "finished",
      minutesUsed: "-3",
      version: "1",
    });
    expect(res.status).toBe(400);
    expect(res.data.errors).toMatchObject({
      status: "Choose discussed, deferred or not reached.",
      minutesUsed: "Minutes used cannot be negative.",
    });
  });
});

// Due dates a fortnight and nine days on from today in India: the tests run on any day, at any hour.
const dueLater = addDays(todayIn("Asia/Kolkata"), 14);
const dueSooner = addDays(todayIn("Asia/Kolkata"), 9);

describe("action items", () => {
  it("are created inline, owned by a department, with the meeting and item they came from", async () => {
    const it0 = item();
    const res = await post({
      intent: "add-action",
      agendaItemId: String(it0.id),
      description: "File the chargesheet",
      departmentId: String(dept.police),
      dueOn: dueLater,
      caseId: String(it0.caseId),
    });
    expect(res.status).toBe(200);
    const created = getDb().select().from(actionItems).where(eq(actionItems.agendaItemId, it0.id)).all().at(-1)!;
    expect(created).toMatchObject({
      departmentId: dept.police,
      meetingId: meeting.id,
      caseId: it0.caseId,
      status: "open",
      dueOn: dueLater,
    });
    await post({
      intent: "add-action",
      agendaItemId: String(it0.id),
      description: "Arrange an escort for the victim",
      departmentId: String(dept.dcpu),
      dueOn: dueSooner,
      caseId: "",
    });
  });

  it("refuse a missing description, an unknown department and a date that does not exist", async () => {
    const before = getDb().select({ n: count() }).from(actionItems).get()!.n;
    const res = await post({
      intent: "add-action",
      agendaItemId: String(item().id),
      description: "",
      departmentId: "999999",
      dueOn: "2026-11-31",
    });
    expect(res.status).toBe(400);
    expect(res.data.errors).toMatchObject({
      description: "Action is required.",
      dueOn: "Due date must be a real date (day/month/year).",
    });
    const unknown = await post({
      intent: "add-action",
      agendaItemId: String(item().id),
      description: "X",
      departmentId: "999999",
      dueOn: dueLater,
    });
    expect(unknown.data.errors.departmentId).toBe("Choose a department of this collective.");
    const forgedCase = await post({
      intent: "add-action",
      agendaItemId: String(item().id),
      description: "X",
      departmentId: String(dept.police),
      dueOn: dueLater,
      caseId: "999999",
    });
    expect(forgedCase.status).toBe(400);
    expect(forgedCase.data.errors.caseId).toBe("Choose a case from the list, or none.");
    expect(getDb().select({ n: count() }).from(actionItems).get()!.n).toBe(before);
  });
});

describe("the life of the minutes", () => {
  it("refuses to circulate before the meeting is held", async () => {
    const res = await lifecycle({ intent: "circulate" });
    expect(res.status).toBe(409);
    expect(res.data.errors.form).toBe("Mark the meeting as held before circulating its minutes.");
  });

  it("circulates: a frozen version, and each department's email lists only its own actions", async () => {
    // The meeting is after today: the first press asks for confirmation and changes nothing.
    const asked = await post({ intent: "held" });
    expect(asked.data.confirmEarly.days).toBeGreaterThan(0);
    expect(getDb().select().from(meetings).where(eq(meetings.id, meeting.id)).get()!.status).not.toBe("held");
    expect((await post({ intent: "held", early: "yes" })).status).toBe(200);
    meeting = getDb().select().from(meetings).where(eq(meetings.id, meeting.id)).get()!;
    const res = await lifecycle({ intent: "circulate" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/minutes%3Av1$/);
    await deliverDueMail({ transport: smtpTransport(smtp.url), now: new Date(Date.now() + 60_000) });
    const holders = getDb().select().from(tenures).where(isNull(tenures.endsOn)).all();
    const received = await smtp.waitFor(holders.length);
    expect(received).toHaveLength(holders.length);
    const police = received.find((m) => (m.to as { text: string }).text.includes("police@demo.testa"))!;
    const dcpu = received.find((m) => (m.to as { text: string }).text.includes("dcpu@demo.testa"))!;
    const court = received.find((m) => (m.to as { text: string }).text.includes("court@demo.testa"))!;
    expect(police.text).toContain("File the chargesheet");
    expect(police.text).not.toContain("Arrange an escort");
    expect(dcpu.text).toContain("Arrange an escort for the victim");
    expect(dcpu.text).not.toContain("File the chargesheet");
    expect(court.text).toContain("No action item was assigned to your department");
    for (const mail of received)
      expect(mail.attachments.filter((a) => a.contentType === "application/pdf").map((a) => a.filename)).toEqual([
        `minutes-meeting-${meeting.number}.pdf`,
      ]);
    meeting = getDb().select().from(meetings).where(eq(meetings.id, meeting.id)).get()!;
    expect(meeting.minutesState).toBe("circulated");
  });

  it("writes a PDF with attendance, decisions and the action table, and nothing restricted", async () => {
    const res = await minutesPdf({
      request: getRequest(`/meetings/${meeting.id}/minutes.pdf`, secretariat),
      params: params(),
      context: {},
    });
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    for (const expected of [
      "Attendance",
      "Anita More, Sub-Inspector (substitute)",
      "Absent: Department of Women and Child Development",
      "Excused: Exclusive Trafficking Court",
      "Decisions:",
      "Action items",
      "File the chargesheet",
      formatDate(dueLater),
      "Next meeting",
      "Page 1 of",
    ]) {
      expect(text).toContain(expected);
    }
    expectNoRestricted(text);
  });

  it("changes circulated minutes only by an amendment: a direct edit is refused, the amendment is a new circulated version, any version on request", async () => {
    const reviewed = item();
    const edit = await post({
      intent: "item",
      itemId: String(reviewed.id),
      discussion: "A correction typed straight in.",
      decisions: reviewed.decisions ?? "",
      status: "discussed",
      minutesUsed: "",
      version: String(reviewed.version),
    });
    expect(edit.status).toBe(409);
    expect(edit.data.errors.form).toBe(
      "These minutes are circulated. Record an amendment, with who moved it, to change them.",
    );
    expect(getDb().select().from(agendaItems).where(eq(agendaItems.id, reviewed.id)).get()!.discussion).toBe(
      reviewed.discussion,
    );
    const runPage = (
      await run(() =>
        runLoader({ request: getRequest(`/meetings/${meeting.id}/run`, secretariat), params: params(), context: {} }),
      )
    ).data;
    expect(runPage.editable).toBe(false);
    const page = await run(() =>
      minutesLoader({
        request: getRequest(`/meetings/${meeting.id}/minutes`, secretariat),
        params: params(),
        context: {},
      }),
    );
    expect(page.data.meeting.minutesState).toBe("circulated");
    expect(
      (
        await lifecycle({
          intent: "amend",
          amendmentText: "Item 2: the hearing is on 18/12/2026.",
          movedBy: "DLSA panel lawyer",
        })
      ).status,
    ).toBe(302);
    meeting = getDb().select().from(meetings).where(eq(meetings.id, meeting.id)).get()!;
    expect(meeting.minutesState).toBe("circulated");
    const pdf = async (query = "") =>
      minutesPdf({
        request: getRequest(`/meetings/${meeting.id}/minutes.pdf${query}`, secretariat),
        params: params(),
        context: {},
      });
    const latest = pdfText(Buffer.from(await (await pdf()).arrayBuffer()));
    expect(latest).toContain("Circulated, version 2");
    expect(latest).toContain("Item 2: the hearing is on 18/12/2026.");
    expect(pdfText(Buffer.from(await (await pdf("?version=1")).arrayBuffer()))).not.toContain(
      "Item 2: the hearing is on 18/12/2026.",
    );
    expect(pdfText(Buffer.from(await (await pdf("?version=1")).arrayBuffer()))).toContain("File the chargesheet");
    for (const bad of ["?version=9", "?version=abc", "?version=-1"])
      expect((await run(() => pdf(bad))).status).toBe(404);
    const audited = getDb()
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entity, "meeting"), eq(auditLog.entityId, meeting.id), eq(auditLog.action, "amend:minutes")),
      )
      .all();
    expect(audited).toHaveLength(1);
  });

  it("is confirmed, then refuses edits without an amendment, and records amendments", async () => {
    expect((await lifecycle({ intent: "confirm" })).status).toBe(302);
    meeting = getDb().select().from(meetings).where(eq(meetings.id, meeting.id)).get()!;
    expect(meeting.minutesState).toBe("confirmed");
    const edit = await post({ intent: "item", itemId: "1", discussion: "changed", version: "1" });
    expect(edit.status).toBe(409);
    expect(edit.data.errors.form).toMatch(/Record an amendment/);
    const bad = await lifecycle({ intent: "amend", amendmentText: "", movedBy: "" });
    expect(bad.data.errors).toMatchObject({
      amendmentText: "Amendment is required.",
      movedBy: "Moved by is required.",
    });
    expect(
      (
        await lifecycle({
          intent: "amend",
          amendmentText: "Item 3: the due date is 20/12/2026.",
          movedBy: "Public Prosecutor's Office",
        })
      ).status,
    ).toBe(302);
    const history = (
      await run(() =>
        minutesLoader({
          request: getRequest(`/meetings/${meeting.id}/minutes`, secretariat),
          params: params(),
          context: {},
        }),
      )
    ).data.history;
    expect(history.map((v: { state: string }) => v.state)).toEqual([
      "amended",
      "confirmed",
      "circulated",
      "circulated",
    ]);
    // Each frozen PDF names its own state and version.
    const pdfOf = async (query: string) =>
      pdfText(
        Buffer.from(
          await (
            await minutesPdf({
              request: getRequest(`/meetings/${meeting.id}/minutes.pdf${query}`, secretariat),
              params: params(),
              context: {},
            })
          ).arrayBuffer(),
        ),
      );
    expect(await pdfOf("?version=3")).toContain("Confirmed, version 3");
    expect(await pdfOf("")).toContain("Amended, version 4");
    expect(history[0]).toMatchObject({
      amendment: "Item 3: the due date is 20/12/2026.",
      movedBy: "Public Prosecutor's Office",
    });
    const first = (
      await run(() =>
        minutesLoader({
          request: getRequest(`/meetings/${meeting.id}/minutes?version=1`, secretariat),
          params: params(),
          context: {},
        }),
      )
    ).data.shown;
    expect(first).toMatchObject({ version: 1, state: "circulated" });
    expect(first.body.actions.map((a: { description: string }) => a.description)).toContain("File the chargesheet");
  });
});
