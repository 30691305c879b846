import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "#db/schema";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { enqueueMail, type OutgoingMail } from "~/models/outbox.server";
import {
  closeDefaultTransport,
  deliverDueMail,
  emlFileName,
  startMailSender,
  wakeMailSender,
} from "~/services/mail.server";
import { startSmtp, type TestSmtp } from "../support/smtp";

// This file runs the sender the way production does: configured by SMTP_URL, started as the
// server's background job, and as `npm run mail:send` in separate processes.
const exec = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  // Before anything reads config(): the app then sends through this server by itself.
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  closeDefaultTransport();
  await smtp.stop();
});

const mail = (key: string): OutgoingMail => ({
  collectiveId: 1,
  idempotencyKey: key,
  to: "dcpu@demo.testa",
  subject: `Subject ${key}`,
  html: "<p>Hello</p>",
  text: "Hello",
});
const received = (subject: string) => smtp.messages.filter((m) => m.subject === subject);
const mailSend = (env: Record<string, string | undefined>) =>
  exec(tsx, ["scripts/mail-send.ts"], { env: { ...process.env, ...env }, timeout: 30_000 });

describe("the mail sender", () => {
  it("sends through SMTP_URL when no transport is given", async () => {
    expect(config().SMTP_URL).toBe(smtp.url);
    enqueueMail(getDb(), mail("configured"));
    expect(await deliverDueMail()).toMatchObject({ sent: 1 });
    await smtp.waitFor(1);
    expect(received("Subject configured")).toHaveLength(1);
  });

  it("runs in the background, and a wake-up sends new mail without waiting for the timer", async () => {
    const stop = startMailSender({ intervalMs: 60_000 });
    try {
      const before = smtp.messages.length;
      getDb().transaction((tx) => enqueueMail(tx, mail("woken")));
      wakeMailSender();
      await smtp.waitFor(before + 1, 5_000);
      expect(received("Subject woken")).toHaveLength(1);
    } finally {
      stop();
    }
    // Stopped: a wake-up does nothing, and the message waits in the outbox.
    enqueueMail(getDb(), mail("after-stop"));
    wakeMailSender();
    await new Promise((r) => setTimeout(r, 300));
    expect(getDb().select().from(mailOutbox).where(eq(mailOutbox.idempotencyKey, "after-stop")).get()!.status).toBe(
      "pending",
    );
  });

  it("`npm run mail:send` twice at once delivers each message exactly once", async () => {
    const db = getDb();
    db.transaction((tx) => {
      for (let i = 0; i < 20; i++) enqueueMail(tx, mail(`cli-${i}`));
    });
    const due = db.select().from(mailOutbox).where(eq(mailOutbox.status, "pending")).all().length;
    const before = smtp.messages.length;
    const runs = await Promise.all([mailSend({}), mailSend({})]);
    const sent = runs.map((r) => Number(/Mail: (\d+) sent, 0 to retry later, 0 failed/.exec(r.stdout)?.[1]));
    expect(sent.reduce((sum, n) => sum + n, 0)).toBe(due);
    await smtp.waitFor(before + due);
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 20; i++) expect(received(`Subject cli-${i}`), `cli-${i}`).toHaveLength(1);
    expect(
      db
        .select()
        .from(mailOutbox)
        .where(like(mailOutbox.idempotencyKey, "cli-%"))
        .all()
        .every((r) => r.status === "sent" && r.attempts === 1),
    ).toBe(true);
  });

  it("`npm run mail:send` without SMTP_URL writes .eml files and reports the counts", async () => {
    const id = enqueueMail(getDb(), mail("cli-eml"));
    const { stdout } = await mailSend({ SMTP_URL: "" });
    expect(stdout.trim()).toBe("Mail: 1 sent, 0 to retry later, 0 failed.");
    const file = path.join(config().dataDir, "mail", emlFileName(id));
    expect(fs.readFileSync(file, "utf8")).toContain("Subject: Subject cli-eml");
  });
});
