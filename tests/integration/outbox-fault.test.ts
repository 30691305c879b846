import { spawn } from "node:child_process";
import path from "node:path";
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "#db/schema";
import { getDb } from "~/db.server";
import { enqueueMail, type OutgoingMail } from "~/models/outbox.server";
import { deliverDueMail, leaseSeconds, messageIdFor, smtpTransport } from "~/services/mail.server";
import { startSmtp, type TestSmtp } from "../support/smtp";
import { must } from "../support/present";

// The outbox under faults: an SMTP server that is down and then back, and a sender process
// killed with SIGKILL in the middle of a batch. Nothing may be lost; at most one message may go
// twice, and it must be the one that was in flight when the sender died.

const tsx = path.resolve("node_modules/.bin/tsx");
const batch = 8;
const inFlight = 4;

let smtp: TestSmtp;
beforeAll(async () => {
  // The server receives the 4th message of the "kill" batch whole, and the first time never answers it.
  let held = false;
  smtp = await startSmtp({ holdReply: (m) => !held && m.subject === `Fault kill-${inFlight}` && (held = true) });
});
afterAll(async () => {
  await smtp.stop();
});

const mail = (key: string): OutgoingMail => ({
  collectiveId: 1,
  idempotencyKey: key,
  to: "dcpu@demo.testa",
  subject: `Fault ${key}`,
  html: "<p>Hello</p>",
  text: "Hello",
});
const rowsOf = (prefix: string) =>
  getDb()
    .select()
    .from(mailOutbox)
    .where(like(mailOutbox.idempotencyKey, `${prefix}-%`))
    .orderBy(mailOutbox.id)
    .all();
const receivedCount = (subject: string) => smtp.messages.filter((m) => m.subject === subject).length;
const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

describe("the outbox under faults", () => {
  it("keeps every message while the SMTP server is down, and sends each once when it is back", async () => {
    const db = getDb();
    db.transaction((tx) => {
      for (let i = 1; i <= batch; i++) enqueueMail(tx, mail(`down-${i}`));
    });
    await smtp.stop();
    const transport = smtpTransport(smtp.url);
    try {
      const down = await deliverDueMail({ db, transport });
      expect(down).toMatchObject({ sent: 0, retrying: batch, failed: 0 });
      expect(
        rowsOf("down").every(
          (r) => r.status === "pending" && r.attempts === 1 && r.lastError?.startsWith("Attempt 1:"),
        ),
      ).toBe(true);

      await smtp.restart();
      // The first retry is due 30 seconds later.
      const back = await deliverDueMail({ db, transport, now: later(31) });
      expect(back.sent).toBe(batch);
    } finally {
      transport.close?.();
    }
    for (let i = 1; i <= batch; i++) expect(receivedCount(`Fault down-${i}`), `down-${i}`).toBe(1);
    for (const row of rowsOf("down")) {
      expect(row.status).toBe("sent");
      expect(row.smtpAccepted).toMatch(/^250 .*; 1 of 1 accepted$/);
    }
  });

  it(
    "after a kill -9 mid-batch, resends only the message in flight, once, with the same Message-ID",
    { timeout: 90_000 },
    async () => {
      const db = getDb();
      db.transaction((tx) => {
        for (let i = 1; i <= batch; i++) enqueueMail(tx, mail(`kill-${i}`));
      });
      const sender = spawn(tsx, ["scripts/mail-send.ts"], {
        env: { ...process.env, SMTP_URL: smtp.url },
        stdio: "ignore",
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        sender.once("exit", (_code, signal) => resolve(signal)),
      );
      // The server holds its reply to message 4: the sender is now mid-send. Kill it there.
      const until = Date.now() + 30_000;
      while (receivedCount(`Fault kill-${inFlight}`) === 0 && Date.now() < until)
        await new Promise((r) => setTimeout(r, 20));
      expect(receivedCount(`Fault kill-${inFlight}`)).toBe(1);
      sender.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");

      // What the outbox knew at the kill: 1-3 accepted and marked, 4 claimed and in flight, 5-8 untouched.
      const atKill = rowsOf("kill");
      expect(atKill.map((r) => r.status)).toEqual([
        "sent",
        "sent",
        "sent",
        "pending",
        "pending",
        "pending",
        "pending",
        "pending",
      ]);
      expect(atKill.map((r) => r.attempts)).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
      const claimedUntil = new Date(must(atKill[inFlight - 1]).nextAttemptAt).getTime();
      // A claim of a minute at most: the probe saw 10 minutes.
      expect(claimedUntil - Date.now()).toBeLessThanOrEqual(60_000);

      // A restarted sender at once: the rest go now, not after the claim.
      const transport = smtpTransport(smtp.url);
      try {
        expect(await deliverDueMail({ db, transport })).toMatchObject({ sent: batch - inFlight, skipped: 0 });
        // The in-flight one only once its short claim has run out.
        expect(await deliverDueMail({ db, transport, now: later(leaseSeconds + 1) })).toMatchObject({ sent: 1 });
      } finally {
        transport.close?.();
      }

      const counts = Array.from({ length: batch }, (_, i) => receivedCount(`Fault kill-${i + 1}`));
      expect(counts).toEqual(counts.map((_, i) => (i + 1 === inFlight ? 2 : 1)));
      const copies = smtp.messages.filter((m) => m.subject === `Fault kill-${inFlight}`);
      expect(new Set(copies.map((m) => m.messageId))).toEqual(new Set([messageIdFor(`kill-${inFlight}`)]));
      expect(rowsOf("kill").every((r) => r.status === "sent")).toBe(true);
      expect(
        db
          .select()
          .from(mailOutbox)
          .where(eq(mailOutbox.idempotencyKey, `kill-${inFlight}`))
          .get()!.attempts,
      ).toBe(2);
    },
  );
});
