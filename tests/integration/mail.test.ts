import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectives, mailOutbox } from "#db/schema";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { enqueueMail, listOutbox, outboxPageSize, type OutgoingMail } from "~/models/outbox.server";
import { loader as messageLoader, action as messageAction } from "~/routes/outbox.$messageId";
import { loader as attachmentLoader } from "~/routes/outbox.$messageId.attachments.$index";
import { loader as outboxLoader } from "~/routes/outbox._index";
import { deliverDueMail, emlFileName, maxAttempts, messageIdFor, smtpTransport } from "~/services/mail.server";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { must } from "../support/present";

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.stop();
});

const mail = (key: string, over: Partial<OutgoingMail> = {}): OutgoingMail => ({
  collectiveId: 1,
  idempotencyKey: key,
  batch: "test",
  to: "police@demo.testa",
  subject: `Subject ${key}`,
  html: "<p>Hello</p>",
  text: "Hello",
  ...over,
});

const rowFor = (key: string) => getDb().select().from(mailOutbox).where(eq(mailOutbox.idempotencyKey, key)).get()!;
const received = (subject: string) => smtp.messages.filter((m) => m.subject === subject);
const settle = () => new Promise((r) => setTimeout(r, 200));
const ics =
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:x@test\r\nDTSTAMP:20261128T100000Z\r\nDTSTART:20261210T053000Z\r\nSUMMARY:Meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
const pdf = Buffer.from("%PDF-1.4\n% test agenda\n%%EOF\n");
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
const asAdmin = () => cookieFor("admin@demo.testa");
const asSecretariat = () => cookieFor("secretariat@demo.testa");
const asRepresentative = () => cookieFor("police@demo.testa");

describe("the outbox", () => {
  it("shows an empty outbox before any mail", async () => {
    const page = await run(async () =>
      outboxLoader({ request: getRequest("/outbox", await asAdmin()), params: {}, context: {} }),
    );
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ total: 0, rows: [], page: 1, pages: 1 });
  });

  it("delivers a message with its PDF and its invite, each exactly once, under a stable Message-ID", async () => {
    const transport = smtpTransport(smtp.url);
    enqueueMail(
      getDb(),
      mail("one", {
        attachments: [{ filename: "agenda-meeting-7.pdf", contentType: "application/pdf", content: pdf }],
        icalEvent: { method: "REQUEST", content: ics },
      }),
    );
    const report = await deliverDueMail({ transport, now: later(1) });
    expect(report).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
    const message = must((await smtp.waitFor(1))[0], "the message");
    expect(message.subject).toBe("Subject one");
    expect(message.messageId).toBe(messageIdFor("one"));
    expect(smtp.recipients[0]).toEqual(["police@demo.testa"]);
    const pdfs = message.attachments.filter((a) => a.contentType === "application/pdf");
    expect(pdfs.map((a) => a.filename)).toEqual(["agenda-meeting-7.pdf"]);
    expect(Buffer.compare(must(pdfs[0]).content, pdf)).toBe(0);
    // nodemailer sends the invite as the text/calendar alternative plus its own invite.ics: never a second copy.
    const calendarParts = must(smtp.raw[0]).match(/^Content-Type: text\/calendar/gim) ?? [];
    expect(calendarParts).toHaveLength(1);
    expect(message.attachments.filter((a) => a.contentType.startsWith("text/calendar"))).toHaveLength(1);
    expect(message.attachments.filter((a) => a.filename?.endsWith(".ics"))).toHaveLength(1);
    expect(smtp.raw[0]).toMatch(/method=REQUEST/i);
    expect(rowFor("one")).toMatchObject({ status: "sent", attempts: 1 });
    transport.close?.();
  });

  it("keeps one message per idempotency key, and sends it once however often delivery runs", async () => {
    const transport = smtpTransport(smtp.url);
    const before = smtp.messages.length;
    const a = enqueueMail(getDb(), mail("twice"));
    const b = enqueueMail(getDb(), mail("twice", { subject: "changed" }));
    expect(b).toBe(a);
    expect(getDb().select().from(mailOutbox).where(eq(mailOutbox.idempotencyKey, "twice")).all()).toHaveLength(1);
    const reports = await Promise.all([
      deliverDueMail({ transport, now: later(1) }),
      deliverDueMail({ transport, now: later(1) }),
    ]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(1);
    await deliverDueMail({ transport, now: later(2) });
    await smtp.waitFor(before + 1);
    await settle();
    expect(received("Subject twice")).toHaveLength(1);
    expect(received("changed")).toHaveLength(0);
    transport.close?.();
  });

  it("never sends a message twice when several senders run at once", async () => {
    const transport = smtpTransport(smtp.url);
    const keys = Array.from({ length: 6 }, (_, i) => `race-${i}`);
    for (const k of keys) enqueueMail(getDb(), mail(k));
    const now = later(1);
    const reports = await Promise.all([1, 2, 3].map(() => deliverDueMail({ transport, now })));
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(keys.length);
    // The senders overlapped: each found messages another had already claimed.
    expect(reports.reduce((n, r) => n + r.skipped, 0)).toBeGreaterThan(0);
    await settle();
    for (const k of keys) expect(received(`Subject ${k}`)).toHaveLength(1);
    transport.close?.();
  });

  it("enqueues inside the caller's transaction: a rolled-back change sends nothing", () => {
    expect(() =>
      getDb().transaction((tx) => {
        enqueueMail(tx, mail("rolled-back"));
        throw new Error("the change failed");
      }),
    ).toThrow("the change failed");
    expect(getDb().select().from(mailOutbox).where(eq(mailOutbox.idempotencyKey, "rolled-back")).get()).toBeUndefined();
  });

  it("retries with backoff while the SMTP server is down, then delivers everything exactly once", async () => {
    const keys = ["down-1", "down-2", "down-3"];
    for (const k of keys) enqueueMail(getDb(), mail(k));
    await smtp.stop();
    const down = smtpTransport(smtp.url);
    const at = later(1);
    const failing = await deliverDueMail({ transport: down, now: at });
    expect(failing).toMatchObject({ sent: 0, retrying: 3, failed: 0 });
    const row = rowFor("down-1");
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toMatch(/^Attempt 1: .*ECONNREFUSED/);
    // The first backoff is 30 seconds after the failed attempt.
    expect(row.nextAttemptAt).toBe(new Date(at.getTime() + 30_000).toISOString());
    expect(await deliverDueMail({ transport: down, now: at })).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
    down.close?.();

    await smtp.restart();
    const up = smtpTransport(smtp.url);
    const report = await deliverDueMail({ transport: up, now: later(5) });
    expect(report.sent).toBe(3);
    await deliverDueMail({ transport: up, now: later(60) });
    await settle();
    for (const k of keys) expect(received(`Subject ${k}`)).toHaveLength(1);
    expect(rowFor("down-2")).toMatchObject({ status: "sent", attempts: 2 });
    up.close?.();
  });

  it("marks a message failed after the last attempt, and an administrator can retry it", async () => {
    const id = enqueueMail(getDb(), mail("hopeless"));
    const broken = { sendMail: async () => Promise.reject(new Error("550 mailbox\nunavailable")) };
    for (let i = 0; i < maxAttempts; i++) await deliverDueMail({ transport: broken, now: later(60 * 24 * (i + 1)) });
    expect(rowFor("hopeless")).toMatchObject({
      status: "failed",
      attempts: maxAttempts,
      lastError: `Attempt ${maxAttempts}: 550 mailbox unavailable`,
    });
    // Nothing more happens to a failed message on its own.
    expect((await deliverDueMail({ transport: broken, now: later(60 * 24 * 60) })).failed).toBe(0);

    const refused = await run(async () =>
      messageAction({
        request: postRequest(`/outbox/${id}`, {}, await asRepresentative()),
        params: { messageId: String(id) },
        context: {},
      }),
    );
    expect(refused.status).toBe(403);
    expect(rowFor("hopeless").status).toBe("failed");

    const retried = await run(async () =>
      messageAction({
        request: postRequest(`/outbox/${id}`, {}, await asAdmin()),
        params: { messageId: String(id) },
        context: {},
      }),
    );
    expect(retried.status).toBe(302);
    expect(retried.headers.get("Location")).toBe(`/outbox/${id}`);
    const reset = rowFor("hopeless");
    expect(reset).toMatchObject({ status: "pending", attempts: 0 });
    expect(reset.nextAttemptAt <= new Date().toISOString()).toBe(true);
    expect(reset.lastError).toBe(
      `Retried by an administrator after ${maxAttempts} failed attempts (last: Attempt ${maxAttempts}: 550 mailbox unavailable)`,
    );

    // A failure after the retry keeps the history below the new error.
    await deliverDueMail({ transport: broken, now: later(1) });
    expect(rowFor("hopeless").lastError).toBe(`Attempt 1: 550 mailbox unavailable\n${reset.lastError}`);

    const transport = smtpTransport(smtp.url);
    await deliverDueMail({ transport, now: later(10) });
    await deliverDueMail({ transport, now: later(20) });
    await settle();
    expect(received("Subject hopeless")).toHaveLength(1);
    expect(rowFor("hopeless").status).toBe("sent");
    transport.close?.();
  });

  it("writes an .eml file named by id when there is no SMTP server", async () => {
    expect(config().SMTP_URL).toBeUndefined();
    const id = enqueueMail(
      getDb(),
      mail("eml", {
        subject: "Agenda for meeting 9",
        attachments: [{ filename: "agenda.pdf", contentType: "application/pdf", content: pdf }],
      }),
    );
    await deliverDueMail({ now: later(60 * 24 * 90) });
    const folder = path.join(config().dataDir, "mail");
    expect(fs.readdirSync(folder)).toEqual([emlFileName(id)]);
    expect(emlFileName(id)).toMatch(/^\d{6,}\.eml$/);
    const eml = fs.readFileSync(path.join(folder, emlFileName(id)), "utf8");
    expect(eml).toContain("Subject: Agenda for meeting 9");
    expect(eml).toContain(`Message-ID: ${messageIdFor("eml")}`);
    expect(eml).toContain("\r\n");
    expect(rowFor("eml").status).toBe("sent");
  });

  it("lists every message for the admin and the secretariat, newest first, and refuses a representative", async () => {
    const admin = await run(async () =>
      outboxLoader({ request: getRequest("/outbox", await asAdmin()), params: {}, context: {} }),
    );
    expect(admin.status).toBe(200);
    const subjects = admin.data.rows.map((r: { subject: string }) => r.subject);
    expect(subjects[0]).toBe("Agenda for meeting 9");
    expect(subjects).toContain("Subject one");
    const first = admin.data.rows.find((r: { subject: string }) => r.subject === "Subject one");
    expect(first.sentAt).toMatch(/\d{2}\/\d{2}\/\d{4}, \d{1,2}:\d{2} [ap]m IST/);
    const secretariat = await run(async () =>
      outboxLoader({ request: getRequest("/outbox", await asSecretariat()), params: {}, context: {} }),
    );
    expect(secretariat.status).toBe(200);
    expect(secretariat.data.rows.map((r: { subject: string }) => r.subject)).toEqual(subjects);
    const representative = await run(async () =>
      outboxLoader({ request: getRequest("/outbox", await asRepresentative()), params: {}, context: {} }),
    );
    expect(representative.status).toBe(403);
  });

  it("shows a welcome email's set-password link to the admin only", async () => {
    const link = "https://desk.example/welcome/AbC-123_xyz";
    const id = enqueueMail(
      getDb(),
      mail("welcome-link", { text: `Set your password: ${link}`, html: `<a href="${link}">Set your password</a>` }),
    );
    const view = async (cookie: string) =>
      (
        await run(async () =>
          messageLoader({
            request: getRequest(`/outbox/${id}`, cookie),
            params: { messageId: String(id) },
            context: {},
          }),
        )
      ).data.message;
    const admin = await view(await asAdmin());
    expect(admin.text).toContain(link);
    const secretariat = await view(await asSecretariat());
    for (const body of [secretariat.text, secretariat.html]) {
      expect(body).not.toContain("AbC-123_xyz");
      expect(body).toContain("/welcome/[link hidden: shown to administrators only]");
    }
  });

  it("previews a message with its bodies and attachments, and serves the attachment as a download", async () => {
    const id = rowFor("one").id;
    const preview = await run(async () =>
      messageLoader({
        request: getRequest(`/outbox/${id}`, await asAdmin()),
        params: { messageId: String(id) },
        context: {},
      }),
    );
    expect(preview.status).toBe(200);
    expect(preview.data.message).toMatchObject({
      subject: "Subject one",
      text: "Hello",
      html: "<p>Hello</p>",
      invite: "REQUEST",
      attachments: [{ index: 0, filename: "agenda-meeting-7.pdf", size: pdf.length }],
    });
    const file = await attachmentLoader({
      request: getRequest(`/outbox/${id}/attachments/0`, await asAdmin()),
      params: { messageId: String(id), index: "0" },
      context: {},
    });
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("application/pdf");
    expect(file.headers.get("Content-Disposition")).toMatch(/^attachment; filename="agenda-meeting-7.pdf"/);
    expect(Buffer.compare(Buffer.from(await file.arrayBuffer()), pdf)).toBe(0);

    const forbidden = await run(async () =>
      attachmentLoader({
        request: getRequest(`/outbox/${id}/attachments/0`, await asRepresentative()),
        params: { messageId: String(id), index: "0" },
        context: {},
      }),
    );
    expect(forbidden.status).toBe(403);
  });

  it("answers 404 for forged ids and for another collective's mail", async () => {
    const other = getDb()
      .insert(collectives)
      .values({ name: "Elsewhere", district: "Elsewhere", districtCode: "ELS", state: "Maharashtra" })
      .returning()
      .get();
    const foreign = enqueueMail(
      getDb(),
      mail("foreign", {
        collectiveId: other.id,
        attachments: [{ filename: "x.pdf", contentType: "application/pdf", content: pdf }],
      }),
    );
    const own = rowFor("one").id;
    const cookie = await asAdmin();
    for (const messageId of [String(foreign), "999999", "abc", "1e3", "-1"]) {
      const page = await run(async () =>
        messageLoader({ request: getRequest(`/outbox/${messageId}`, cookie), params: { messageId }, context: {} }),
      );
      expect(page.status, messageId).toBe(404);
      const file = await run(async () =>
        attachmentLoader({
          request: getRequest(`/outbox/${messageId}/attachments/0`, cookie),
          params: { messageId, index: "0" },
          context: {},
        }),
      );
      expect(file.status, messageId).toBe(404);
    }
    for (const index of ["1", "-1", "x", "0.5"]) {
      const file = await run(async () =>
        attachmentLoader({
          request: getRequest(`/outbox/${own}/attachments/${index}`, cookie),
          params: { messageId: String(own), index },
          context: {},
        }),
      );
      expect(file.status, index).toBe(404);
    }
    const retry = await run(async () =>
      messageAction({
        request: postRequest(`/outbox/${foreign}`, {}, cookie),
        params: { messageId: String(foreign) },
        context: {},
      }),
    );
    expect(retry.status).toBe(404);
    const list = await run(async () =>
      outboxLoader({ request: getRequest("/outbox", cookie), params: {}, context: {} }),
    );
    expect(list.data.rows.map((r: { subject: string }) => r.subject)).not.toContain("Subject foreign");
  });

  it("pages the list 50 at a time", async () => {
    const db = getDb();
    const already = listOutbox(db, 1, 1).total;
    db.transaction((tx) => {
      for (let i = 0; i < outboxPageSize + 5 - already; i++) enqueueMail(tx, mail(`page-${i}`), later(60 * 24 * 365));
    });
    const cookie = await asAdmin();
    const first = await run(async () =>
      outboxLoader({ request: getRequest("/outbox", cookie), params: {}, context: {} }),
    );
    expect(first.data).toMatchObject({ total: outboxPageSize + 5, page: 1, pages: 2 });
    expect(first.data.rows).toHaveLength(outboxPageSize);
    const second = await run(async () =>
      outboxLoader({ request: getRequest("/outbox?page=2", cookie), params: {}, context: {} }),
    );
    expect(second.data.rows).toHaveLength(5);
    expect(second.data.rows.at(-1).subject).toBe("Subject one");
    const beyond = await run(async () =>
      outboxLoader({ request: getRequest("/outbox?page=99", cookie), params: {}, context: {} }),
    );
    expect(beyond.data.page).toBe(2);
  });
});
