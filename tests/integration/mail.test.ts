import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "#db/schema";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { enqueueMail, type OutgoingMail } from "~/models/outbox.server";
import { loader as outboxLoader } from "~/routes/outbox._index";
import { deliverDueMail, emlFileTransport, maxAttempts, smtpTransport } from "~/services/mail.server";
import { cookieFor, getRequest, run } from "../support/remix";
import { startSmtp, type TestSmtp } from "../support/smtp";

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

const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:x@test\r\nDTSTAMP:20261128T100000Z\r\nDTSTART:20261210T053000Z\r\nSUMMARY:Meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe("the outbox", () => {
  it("delivers a message with its PDF and its invite, each exactly once", async () => {
    const transport = smtpTransport(smtp.url);
    enqueueMail(getDb(), mail("one", { attachments: [{ filename: "agenda-meeting-7.pdf", contentType: "application/pdf", content: Buffer.from("%PDF-1.4 test") }], icalEvent: { method: "REQUEST", content: ics } }));
    const report = await deliverDueMail({ transport, now: later(1) });
    expect(report.sent).toBe(1);
    const [received] = await smtp.waitFor(1);
    expect(received.subject).toBe("Subject one");
    const pdfs = received.attachments.filter((a) => a.contentType === "application/pdf");
    const calendars = received.attachments.filter((a) => a.contentType.startsWith("text/calendar"));
    expect(pdfs.map((a) => a.filename)).toEqual(["agenda-meeting-7.pdf"]);
    expect(calendars).toHaveLength(1);
    expect(getDb().select().from(mailOutbox).where(eq(mailOutbox.idempotencyKey, "one")).get()!.status).toBe("sent");
  });

  it("keeps one message per idempotency key, and sends it once however often delivery runs", async () => {
    const transport = smtpTransport(smtp.url);
    const before = smtp.messages.length;
    const a = enqueueMail(getDb(), mail("twice"));
    const b = enqueueMail(getDb(), mail("twice", { subject: "changed" }));
    expect(b).toBe(a);
    await Promise.all([deliverDueMail({ transport, now: later(1) }), deliverDueMail({ transport, now: later(1) })]);
    await deliverDueMail({ transport, now: later(2) });
    await smtp.waitFor(before + 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.messages.filter((m) => m.subject === "Subject twice")).toHaveLength(1);
  });

  it("retries with backoff while the SMTP server is down, then delivers everything exactly once", async () => {
    const keys = ["down-1", "down-2", "down-3"];
    for (const k of keys) enqueueMail(getDb(), mail(k));
    await smtp.stop();
    const failing = await deliverDueMail({ transport: smtpTransport(smtp.url), now: later(1) });
    expect(failing).toMatchObject({ sent: 0, retrying: 3 });
    const row = getDb().select().from(mailOutbox).where(eq(mailOutbox.idempotencyKey, "down-1")).get()!;
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toMatch(/^Attempt 1: /);
    expect(row.nextAttemptAt > later(1).toISOString()).toBe(true);
    // Nothing is due again until the backoff has passed.
    expect((await deliverDueMail({ transport: smtpTransport(smtp.url), now: later(1) })).sent).toBe(0);

    await smtp.restart();
    const report = await deliverDueMail({ transport: smtpTransport(smtp.url), now: later(5) });
    expect(report.sent).toBe(3);
    await deliverDueMail({ transport: smtpTransport(smtp.url), now: later(60) });
    await new Promise((r) => setTimeout(r, 200));
    for (const k of keys) expect(smtp.messages.filter((m) => m.subject === `Subject ${k}`)).toHaveLength(1);
  });

  it("marks a message failed after the last attempt", async () => {
    enqueueMail(getDb(), mail("hopeless"));
    const broken = { sendMail: async () => Promise.reject(new Error("550 mailbox unavailable")) };
    for (let i = 0; i < maxAttempts; i++) await deliverDueMail({ transport: broken, now: later(60 * 24 * (i + 1)) });
    const row = getDb().select().from(mailOutbox).where(eq(mailOutbox.idempotencyKey, "hopeless")).get()!;
    expect(row).toMatchObject({ status: "failed", attempts: maxAttempts });
    expect(row.lastError).toBe(`Attempt ${maxAttempts}: 550 mailbox unavailable`);
  });

  it("writes .eml files named by id when there is no SMTP server", async () => {
    const id = enqueueMail(getDb(), mail("eml"));
    const folder = path.join(config().dataDir, "mail");
    await deliverDueMail({ transport: emlFileTransport(folder), now: later(60 * 24 * 30) });
    const file = path.join(folder, `${String(id).padStart(6, "0")}.eml`);
    expect(fs.readFileSync(file, "utf8")).toContain("Subject: Subject eml");
  });

  it("shows the admin every message, and refuses the secretariat", async () => {
    const admin = await run(async () => outboxLoader({ request: getRequest("/outbox", await cookieFor("admin@demo.testa")), params: {}, context: {} }));
    expect(admin.status).toBe(200);
    expect(admin.data.rows.map((r: { subject: string }) => r.subject)).toContain("Subject one");
    const secretariat = await run(async () => outboxLoader({ request: getRequest("/outbox", await cookieFor("secretariat@demo.testa")), params: {}, context: {} }));
    expect(secretariat.status).toBe(403);
  });
});
