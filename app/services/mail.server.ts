import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, lte } from "drizzle-orm";
import nodemailer, { type SendMailOptions } from "nodemailer";
import type { Db } from "#db/client";
import { mailOutbox } from "#db/schema";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { storedAttachments, type OutboxRow } from "~/models/outbox.server";

export const maxAttempts = 8;
/** Waits after the 1st, 2nd, … failure before the next try. */
export const backoffSeconds = [30, 120, 600, 1800, 3600, 7200, 14_400];
/** How long a claimed message stays invisible to other senders while this one sends it. */
const leaseSeconds = 600;

export type MailTransport = { sendMail(message: SendMailOptions): Promise<unknown> };

let configured: MailTransport | undefined;

/** SMTP (pooled) when SMTP_URL is set; otherwise .eml files in the data folder. */
export function defaultTransport(): MailTransport {
  const url = config().SMTP_URL;
  configured ??= url ? smtpTransport(url) : emlFileTransport(path.join(config().dataDir, "mail"));
  return configured;
}

/** A pooled SMTP connection: one TLS handshake for a whole send-out. */
export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport(`${url}${url.includes("?") ? "&" : "?"}pool=true`);
}

/** The embedded default: each message as an RFC 822 file named by its outbox id, nothing else. */
export function emlFileTransport(folder: string): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async sendMail(message) {
      const info = (await builder.sendMail(message)) as { message: Buffer };
      fs.mkdirSync(folder, { recursive: true });
      const id = String((message.headers as Record<string, string>)["X-Testa-Outbox-Id"]).padStart(6, "0");
      const file = path.join(folder, `${id}.eml`);
      fs.writeFileSync(`${file}.tmp`, info.message);
      fs.renameSync(`${file}.tmp`, file);
      return info;
    },
  };
}

function messageFor(row: OutboxRow): SendMailOptions {
  const key = crypto.createHash("sha256").update(row.idempotencyKey).digest("hex").slice(0, 32);
  return {
    from: config().MAIL_FROM,
    to: row.toAddress,
    subject: row.subject,
    html: row.html,
    text: row.text,
    messageId: `<${key}@testa-desk>`,
    headers: { "X-Testa-Outbox-Id": String(row.id) },
    attachments: storedAttachments(row).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    // nodemailer attaches the invite itself; it must not be added to the attachments too.
    ...(row.icalEvent ? { icalEvent: { method: row.icalMethod ?? "REQUEST", content: row.icalEvent, filename: "invite.ics" } } : {}),
  };
}

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/**
 * Sends every message that is due. Each is claimed first with a conditional update, so two
 * senders (the server's and `npm run mail:send`) never send the same message.
 */
export async function deliverDueMail({
  db = getDb(),
  transport = defaultTransport(),
  now = new Date(),
  limit = 100,
}: { db?: Db; transport?: MailTransport; now?: Date; limit?: number } = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const due = db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, now.toISOString())))
    .orderBy(mailOutbox.id)
    .limit(limit)
    .all();
  for (const row of due) {
    const claimed = db
      .update(mailOutbox)
      .set({ nextAttemptAt: new Date(now.getTime() + leaseSeconds * 1000).toISOString(), attempts: row.attempts + 1 })
      .where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.status, "pending"), eq(mailOutbox.attempts, row.attempts), lte(mailOutbox.nextAttemptAt, now.toISOString())))
      .run();
    if (claimed.changes !== 1) continue;
    const attempts = row.attempts + 1;
    try {
      await transport.sendMail(messageFor(row));
      db.update(mailOutbox).set({ status: "sent", sentAt: new Date().toISOString(), lastError: null }).where(eq(mailOutbox.id, row.id)).run();
      report.sent++;
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const failed = attempts >= maxAttempts;
      const wait = backoffSeconds[Math.min(attempts - 1, backoffSeconds.length - 1)];
      db.update(mailOutbox)
        .set({
          status: failed ? "failed" : "pending",
          lastError: `Attempt ${attempts}: ${reason}`,
          nextAttemptAt: new Date(now.getTime() + wait * 1000).toISOString(),
        })
        .where(eq(mailOutbox.id, row.id))
        .run();
      if (failed) report.failed++;
      else report.retrying++;
      // Log ids and counts only: subjects and bodies stay out of logs.
      console.warn(`mail: outbox message ${row.id} attempt ${attempts} failed${failed ? "; giving up" : ""}`);
    }
  }
  return report;
}

let wake: (() => void) | undefined;

/** The sender inside the server: a timer that never overlaps itself, and can be woken early. */
export function startMailSender({ intervalMs = 5000 }: { intervalMs?: number } = {}): () => void {
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      await deliverDueMail();
    } catch (error) {
      console.error("mail: delivery run failed", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  wake = () => setImmediate(tick);
  setImmediate(tick);
  return () => {
    stopped = true;
    clearInterval(timer);
    wake = undefined;
  };
}

/** Called after enqueueing, so mail goes now rather than at the next tick. */
export function wakeMailSender() {
  wake?.();
}
