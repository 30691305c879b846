import ICAL from "ical.js";
import { eq, isNull, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaItems, mailOutbox, meetings, tenures } from "#db/schema";
import { getDb } from "~/db.server";
import { deploymentId } from "~/models/deployment.server";
import { loader as pdfLoader } from "~/routes/meetings.$meetingId.agenda[.]pdf";
import { loader as icsLoader } from "~/routes/meetings.$meetingId.invite[.]ics";
import { action as meetingAction, loader as meetingLoader } from "~/routes/meetings.$meetingId";
import { action as cancelAction } from "~/routes/meetings.$meetingId_.cancel";
import { action as publishAction } from "~/routes/meetings.$meetingId_.publish";
import { action as rescheduleAction } from "~/routes/meetings.$meetingId_.reschedule";
import { loader as sendingLoader } from "~/routes/meetings.$meetingId_.sending";
import { action as newAction, loader as newLoader } from "~/routes/meetings.new";
import { deliverDueMail, smtpTransport } from "~/services/mail.server";
import { pdfText } from "../support/pdf";
import { expectNoRestricted } from "../support/restricted";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { must } from "../support/present";

let secretariat: string;
let smtp: TestSmtp;
beforeAll(async () => {
  secretariat = await cookieFor("secretariat@demo.testa");
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.stop();
});

const upcoming = () => getDb().select().from(meetings).where(eq(meetings.status, "planned")).get()!;
const items = (meetingId: number) =>
  getDb().select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(agendaItems.position).all();
const params = (id: number) => ({ meetingId: String(id) });
const edit = (id: number, body: Record<string, string>) =>
  run(() =>
    meetingAction({ request: postRequest(`/meetings/${id}`, body, secretariat), params: params(id), context: {} }),
  );
const holders = () => getDb().select().from(tenures).where(isNull(tenures.endsOn)).all();
const deliver = () => deliverDueMail({ transport: smtpTransport(smtp.url), now: new Date(Date.now() + 60_000) });

describe("the generated agenda", () => {
  it("opens with the standing items, explains every case, and closes with any other business", async () => {
    const res = await run(() =>
      meetingLoader({
        request: getRequest(`/meetings/${upcoming().id}`, secretariat),
        params: params(upcoming().id),
        context: {},
      }),
    );
    const timed = res.data.agenda.timed;
    expect(timed[0].title).toBe("Confirmation of the previous meeting's minutes");
    expect(timed[1].title).toBe("Review of action items");
    expect(timed.at(-1).title).toBe("Any other business");
    const reviews = timed.filter((i: { kind: string }) => i.kind === "case_review");
    expect(reviews.length).toBeGreaterThan(3);
    for (const r of reviews) expect(r.reasonList.length).toBeGreaterThan(0);
    expect(timed[0].startTime).toBe("11:00 am");
    expect(res.data.agenda.totalMinutes).toBeLessThanOrEqual(120);
    const all = [...timed, ...res.data.agenda.writtenUpdates]
      .flatMap((i: { reasonList: string[] }) => i.reasonList)
      .join("\n");
    expect(all).toMatch(/Victim testimony on \d{2}\/\d{2}\/\d{4}/);
    expect(all).toMatch(/Chargesheet (due in \d+ days|overdue)/);
    expect(all).toMatch(/Bail application pending/);
    expect(all).toMatch(/left to appeal/);
  });
});

describe("editing the agenda", () => {
  it("moves an item up without JavaScript (a plain POST)", async () => {
    const id = upcoming().id;
    const before = items(id).filter((i) => !i.removed && !i.forWrittenUpdate);
    const third = must(before[3]);
    const res = await edit(id, { intent: "move", itemId: String(third.id), direction: "up" });
    expect(res.status).toBe(200);
    const after = items(id).filter((i) => !i.removed && !i.forWrittenUpdate);
    expect(must(after[2]).id).toBe(third.id);
    expect(must(after[3]).id).toBe(must(before[2]).id);
  });

  it("keeps pins, removals and custom items when regenerating, and says what changed", async () => {
    const id = upcoming().id;
    const reviews = items(id).filter((i) => i.kind === "case_review" && !i.forWrittenUpdate);
    const [pinned, removed] = [must(reviews[0]), must(reviews[1])];
    await edit(id, { intent: "pin", itemId: String(pinned.id) });
    await edit(id, { intent: "remove", itemId: String(removed.id) });
    await edit(id, {
      intent: "add",
      title: "Training: victim-friendly courts",
      minutes: "15",
      presentingDepartmentId: "",
    });
    const res = await edit(id, { intent: "regenerate" });
    expect(res.data.changes).toMatchObject({ first: false });
    const after = items(id);
    expect(after.find((i) => i.id === pinned.id)?.pinned).toBe(true);
    expect(after.find((i) => i.id === removed.id)?.removed).toBe(true);
    expect(after.filter((i) => i.caseId === removed.caseId)).toHaveLength(1);
    expect(after.find((i) => i.title === "Training: victim-friendly courts")).toMatchObject({
      kind: "custom",
      minutes: 15,
    });
    const visible = after.filter((i) => !i.removed && !i.forWrittenUpdate);
    expect(visible.at(-1)!.kind).toBe("any_other_business");
  });

  it("refuses bad input with a message and changes nothing", async () => {
    const id = upcoming().id;
    const before = items(id);
    const res = await edit(id, { intent: "add", title: "", minutes: "500" });
    expect(res.status).toBe(400);
    expect(res.data.errors).toMatchObject({
      title: "Title is required.",
      minutes: "Time must be at most 120 minutes.",
    });
    expect((await edit(id, { intent: "explode" })).status).toBe(400);
    expect((await edit(id, { intent: "remove", itemId: "999999" })).status).toBe(404);
    const forged = await edit(id, {
      intent: "add",
      title: "Guest talk",
      minutes: "10",
      presentingDepartmentId: "999999",
    });
    expect(forged.status).toBe(400);
    expect(forged.data.errors.presentingDepartmentId).toBe("Choose a department of this collective, or none.");
    expect(items(id)).toEqual(before);
  });

  it("detects a concurrent change to an item's time", async () => {
    const id = upcoming().id;
    const item = items(id).find((i) => i.kind === "action_review")!;
    expect(
      (await edit(id, { intent: "minutes", itemId: String(item.id), minutes: "20", version: String(item.version) }))
        .status,
    ).toBe(200);
    const stale = await edit(id, {
      intent: "minutes",
      itemId: String(item.id),
      minutes: "25",
      version: String(item.version),
    });
    expect(stale.status).toBe(409);
    expect(stale.data.errors.form).toMatch(/Someone else changed/);
    expect(items(id).find((i) => i.id === item.id)!.minutes).toBe(20);
  });
});

describe("the agenda PDF", () => {
  it("lists the items and reasons, by case code only, with no restricted value", async () => {
    const id = upcoming().id;
    const res = await run(() =>
      pdfLoader({ request: getRequest(`/meetings/${id}/agenda.pdf`, secretariat), params: params(id), context: {} }),
    );
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    const text = pdfText(
      Buffer.from(
        await (
          await pdfLoader({
            request: getRequest(`/meetings/${id}/agenda.pdf`, secretariat),
            params: params(id),
            context: {},
          })
        ).arrayBuffer(),
      ),
    );
    expect(text).toContain("DRAFT");
    expect(text).toMatch(/Case review: DEM-\d{4}-\d{4}/);
    expectNoRestricted(text, { notes: true });
  });
});

describe("publishing", () => {
  it("freezes the agenda and emails every seat holder the PDF and the invite, once each", async () => {
    const meeting = upcoming();
    const res = await run(() =>
      publishAction({
        request: postRequest(`/meetings/${meeting.id}/publish`, { version: String(meeting.version) }, secretariat),
        params: params(meeting.id),
        context: {},
      }),
    );
    expect(res.status).toBe(302);
    const location = res.headers.get("Location")!;
    expect(location).toMatch(/\/sending\?batch=meeting%3A\d+%3Aagenda%3Av1$/);
    const queued = getDb()
      .select()
      .from(mailOutbox)
      .where(like(mailOutbox.batch, `meeting:${meeting.id}:agenda:%`))
      .all();
    expect(queued.map((m) => m.toAddress).sort()).toEqual(
      holders()
        .map((h) => h.email)
        .sort(),
    );
    expect(getDb().select().from(meetings).where(eq(meetings.id, meeting.id)).get()!.status).toBe("agenda_published");

    await deliver();
    const received = await smtp.waitFor(holders().length);
    expect(received).toHaveLength(holders().length);
    for (const mail of received) {
      expect(mail.subject).toMatch(/^Agenda: Demo District collective, Meeting 7, /);
      expect(mail.attachments.filter((a) => a.contentType === "application/pdf").map((a) => a.filename)).toEqual([
        "agenda-meeting-7.pdf",
      ]);
      const invites = mail.attachments.filter((a) => a.contentType.startsWith("text/calendar"));
      expect(invites).toHaveLength(1);
      const calendar = new ICAL.Component(ICAL.parse(must(invites[0]).content.toString("utf8")));
      expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
      expect(mail.text).toContain("Case review: DEM-");
      expect(mail.html).toContain("Open the meeting in TESTA Desk");
    }
    const progress = await run(() =>
      sendingLoader({ request: getRequest(location, secretariat), params: params(meeting.id), context: {} }),
    );
    expect(progress.data.progress).toMatchObject({ total: holders().length, sent: holders().length, pending: 0 });
  });

  it("serves the published version's invite with one stable UID", async () => {
    const id = getDb().select().from(meetings).where(eq(meetings.status, "agenda_published")).get()!.id;
    const res = await icsLoader({
      request: getRequest(`/meetings/${id}/invite.ics`, secretariat),
      params: params(id),
      context: {},
    });
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    // A download is published, not a request: Outlook refuses "accept" on a downloaded REQUEST.
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    const vevent = calendar.getFirstSubcomponent("vevent")!;
    // The UID comes from the deployment id kept in the database, whatever the address is now.
    const deployment = deploymentId(getDb(), "https://testa.elsewhere.example:8443");
    expect(deployment).not.toContain("elsewhere");
    expect(vevent.getFirstPropertyValue("uid")).toBe(`testa-meeting-${id}@${deployment}`);
    expect(vevent.getFirstPropertyValue("sequence")).toBe(0);
    expect(vevent.getAllProperties("attendee")).toHaveLength(0);
  });

  it("sends an update with SEQUENCE + 1 when the meeting is rescheduled", async () => {
    const meeting = getDb().select().from(meetings).where(eq(meetings.status, "agenda_published")).get()!;
    const before = smtp.messages.length;
    const res = await run(() =>
      rescheduleAction({
        request: postRequest(
          `/meetings/${meeting.id}/reschedule`,
          {
            date: "2026-12-17",
            startTime: "15:00",
            durationMinutes: "120",
            venue: "Collector's Office, Conference Hall 2",
            onlineLink: "",
            version: String(meeting.version),
          },
          secretariat,
        ),
        params: params(meeting.id),
        context: {},
      }),
    );
    expect(res.status).toBe(302);
    await deliver();
    const updates = (await smtp.waitFor(before + holders().length)).slice(before);
    expect(updates).toHaveLength(holders().length);
    const update = must(updates[0]);
    const invite = update.attachments.find((a) => a.contentType.startsWith("text/calendar"))!;
    const vevent = new ICAL.Component(ICAL.parse(invite.content.toString("utf8"))).getFirstSubcomponent("vevent")!;
    expect(vevent.getFirstPropertyValue("sequence")).toBe(1);
    expect(vevent.getFirstPropertyValue("uid")).toBe(
      `testa-meeting-${meeting.id}@${deploymentId(getDb(), "http://anything")}`,
    );
    expect(new ICAL.Event(vevent).startDate.toJSDate().toISOString()).toBe("2026-12-17T09:30:00.000Z");
    expect(update.subject).toMatch(/^Rescheduled: .*Thu, 17\/12\/2026, 3:00 pm IST/);
    // The agenda PDF served from the meeting page is the one just sent: new time, new place.
    const pdf = await pdfLoader({
      request: getRequest(`/meetings/${meeting.id}/agenda.pdf`, secretariat),
      params: params(meeting.id),
      context: {},
    });
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain("17/12/2026");
    expect(text).toContain("Conference Hall 2");
  });

  it("refuses a reschedule from a stale form, and bad input, writing nothing", async () => {
    const meeting = getDb().select().from(meetings).where(eq(meetings.status, "agenda_published")).get()!;
    const post = (body: Record<string, string>) =>
      run(() =>
        rescheduleAction({
          request: postRequest(`/meetings/${meeting.id}/reschedule`, body, secretariat),
          params: params(meeting.id),
          context: {},
        }),
      );
    const stale = await post({
      date: "2026-12-18",
      startTime: "11:00",
      durationMinutes: "120",
      venue: "Hall",
      version: String(meeting.version - 1),
    });
    expect(stale.status).toBe(409);
    const bad = await post({
      date: "2026-02-30",
      startTime: "25:00",
      durationMinutes: "10",
      venue: "",
      onlineLink: "http://insecure",
      version: String(meeting.version),
    });
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toMatchObject({
      date: "Date must be a real date (day/month/year).",
      startTime: "Enter the start time as HH:MM, for example 11:00.",
      durationMinutes: "Duration must be at least 30 minutes.",
      onlineLink: "The online link must start with https://",
    });
    expect(getDb().select().from(meetings).where(eq(meetings.id, meeting.id)).get()).toEqual(meeting);
  });

  it("cancels with METHOD:CANCEL to everyone", async () => {
    const meeting = getDb().select().from(meetings).where(eq(meetings.status, "agenda_published")).get()!;
    const before = smtp.messages.length;
    const unconfirmed = await run(() =>
      cancelAction({
        request: postRequest(`/meetings/${meeting.id}/cancel`, { version: String(meeting.version) }, secretariat),
        params: params(meeting.id),
        context: {},
      }),
    );
    expect(unconfirmed.data.errors.confirm).toBe("Tick the box to confirm the cancellation.");
    const res = await run(() =>
      cancelAction({
        request: postRequest(
          `/meetings/${meeting.id}/cancel`,
          {
            confirm: "on",
            reason: "The district court hall is unavailable that day.",
            version: String(meeting.version),
          },
          secretariat,
        ),
        params: params(meeting.id),
        context: {},
      }),
    );
    expect(res.status).toBe(302);
    await deliver();
    const sent = (await smtp.waitFor(before + holders().length)).slice(before);
    const cancellation = must(sent[0]);
    expect(cancellation.text).toContain("The district court hall is unavailable that day.");
    const invite = cancellation.attachments.find((a) => a.contentType.startsWith("text/calendar"))!;
    const calendar = new ICAL.Component(ICAL.parse(invite.content.toString("utf8")));
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(calendar.getFirstSubcomponent("vevent")!.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(calendar.getFirstSubcomponent("vevent")!.getFirstPropertyValue("sequence")).toBe(2);
  });
});

describe("scheduling the next meeting", () => {
  it("proposes the next second Thursday and generates its agenda", async () => {
    const proposal = await run(() =>
      newLoader({ request: getRequest("/meetings/new", secretariat), params: {}, context: {} }),
    );
    const { date, startTime, durationMinutes } = proposal.data.proposal;
    expect(startTime).toBe("11:00");
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    expect(weekday).toBe(4);
    expect(Number(date.slice(8, 10))).toBeGreaterThanOrEqual(8);
    expect(Number(date.slice(8, 10))).toBeLessThanOrEqual(14);
    const res = await run(() =>
      newAction({
        request: postRequest(
          "/meetings/new",
          { date, startTime, durationMinutes: String(durationMinutes), venue: "Hall 2", onlineLink: "" },
          secretariat,
        ),
        params: {},
        context: {},
      }),
    );
    expect(res.status).toBe(302);
    const id = Number(res.headers.get("Location")!.split("/").pop());
    expect(items(id).length).toBeGreaterThan(3);
  });

  it("refuses a meeting with neither a venue nor a link", async () => {
    const before = getDb().select().from(meetings).all().length;
    const res = await run(() =>
      newAction({
        request: postRequest(
          "/meetings/new",
          { date: "2027-01-14", startTime: "11:00", durationMinutes: "120", venue: "", onlineLink: "" },
          secretariat,
        ),
        params: {},
        context: {},
      }),
    );
    expect(res.status).toBe(400);
    expect(res.data.errors.venue).toBe("Give a venue, an online-meeting link, or both.");
    expect(getDb().select().from(meetings).all().length).toBe(before);
  });

  it("is not open to representatives, and forged ids are 404", async () => {
    const police = await cookieFor("police@demo.testa");
    expect(
      (await run(() => newAction({ request: postRequest("/meetings/new", {}, police), params: {}, context: {} })))
        .status,
    ).toBe(403);
    for (const id of ["abc", "99999"]) {
      const res = await run(() =>
        meetingLoader({ request: getRequest(`/meetings/${id}`, secretariat), params: { meetingId: id }, context: {} }),
      );
      expect(res.status).toBe(404);
    }
    const other = await run(() =>
      sendingLoader({
        request: getRequest(`/meetings/1/sending?batch=meeting:2:agenda:v1`, secretariat),
        params: { meetingId: "1" },
        context: {},
      }),
    );
    expect(other.status).toBe(404);
  });
});
