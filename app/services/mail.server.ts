import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import type { Db } from "#db/client";
import { config, ConfigError } from "~/config.server";
import { getDb } from "~/db.server";
import {
  claimMessage,
  dueMessages,
  failureNote,
  markAttemptFailed,
  markSent,
  renewClaim,
  storedAttachments,
  type OutboxRow,
} from "~/models/outbox.server";
import { log } from "./log.server";
import { at } from "~/lib/at";

export const maxAttempts = 8;
/** Waits after the 1st, 2nd, … failure before the next try (the last one repeats). */
export const backoffSeconds = [30, 120, 600, 1800, 3600, 7200, 14_400];
/**
 * How long a claimed message stays invisible to other senders. Short, so a sender killed mid-send
 * holds its one message back a minute at most; renewed every `leaseSeconds / 3` while the SMTP
 * conversation lasts, so a slow server never lets a second sender take it.
 */
export const leaseSeconds = 60;

/** What the sender needs from a nodemailer transport; tests pass their own. */
export type MailTransport = { sendMail(message: SendMailOptions): Promise<unknown>; close?(): void };

let configured: MailTransport | undefined;

/** SMTP (pooled, created once) when SMTP_URL is set; otherwise .eml files in the data folder. */
export function defaultTransport(): MailTransport {
  const url = config().SMTP_URL;
  configured ??= url ? smtpTransport(url) : emlFileTransport(path.join(config().dataDir, "mail"));
  return configured;
}

/** Closes the pooled SMTP connections, so a stopping server does not wait on idle sockets. */
export function closeDefaultTransport() {
  configured?.close?.();
  configured = undefined;
}

/**
 * A pooled SMTP connection: one handshake for a whole send-out. The claim is renewed while a send
 * lasts, so these timeouts only bound how long a hung server can hold one message.
 * Settings in the URL's query string win over these.
 */
export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport({
    url,
    pool: true,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
  });
}

/** The embedded default: each message as an RFC 822 file named by its outbox id, nothing else. */
export function emlFileTransport(folder: string): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    async sendMail(message) {
      const info = (await builder.sendMail(message)) as { message: Buffer };
      const id = Number((message.headers as Record<string, string> | undefined)?.[outboxIdHeader]);
      if (!Number.isSafeInteger(id)) throw new Error("The .eml transport needs the outbox id header");
      fs.mkdirSync(folder, { recursive: true });
      const file = path.join(folder, emlFileName(id));
      // Written beside the target and renamed, so a reader never sees half a message.
      fs.writeFileSync(`${file}.tmp`, info.message);
      fs.renameSync(`${file}.tmp`, file);
      return info;
    },
  };
}

const outboxIdHeader = "X-Testa-Outbox-Id";
export const emlFileName = (outboxId: number) => `${String(outboxId).padStart(6, "0")}.eml`;

/** One Message-ID per idempotency key: a crash between sending and marking resends the same id. */
export function messageIdFor(idempotencyKey: string): string {
  return `<${crypto.createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32)}@testa-desk>`;
}

function messageFor(row: OutboxRow): SendMailOptions {
  return {
    from: config().MAIL_FROM,
    to: row.toAddress,
    subject: row.subject,
    html: row.html,
    text: row.text,
    messageId: messageIdFor(row.idempotencyKey),
    headers: { [outboxIdHeader]: String(row.id) },
    attachments: storedAttachments(row).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
    // nodemailer attaches the invite itself; it must not be added to the attachments too.
    ...(row.icalEvent
      ? { icalEvent: { method: row.icalMethod ?? "REQUEST", content: row.icalEvent, filename: "invite.ics" } }
      : {}),
  };
}

/** `skipped`: due, but another sender claimed it first. */
export type DeliveryReport = { sent: number; retrying: number; failed: number; skipped: number };

/**
 * Sends up to `limit` messages that are due. Each is claimed first with a conditional update, so
 * two senders (the server's and `npm run mail:send`) never send the same message.
 */
export async function deliverDueMail({
  db = getDb(),
  transport,
  now = new Date(),
  limit = 100,
}: { db?: Db; transport?: MailTransport; now?: Date; limit?: number } = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  const due = dueMessages(db, now, limit);
  if (!due.length) return report;
  const via = transport ?? defaultTransport();
  for (const row of due) {
    const attempts = row.attempts + 1;
    if (!claimMessage(db, row, now, new Date(now.getTime() + leaseSeconds * 1000))) {
      report.skipped++;
      continue;
    }
    // Renew the claim while this message is in flight; the conditions make it a no-op once marked.
    const renew = setInterval(
      () => {
        renewClaim(db, { id: row.id, attempts }, new Date(Date.now() + leaseSeconds * 1000));
      },
      (leaseSeconds * 1000) / 3,
    );
    try {
      const info = await via.sendMail(messageFor(row));
      // Marked the moment the server has accepted it, with what it said: a crash can now resend
      // only a message whose acceptance was never recorded, that is the one in flight.
      markSent(db, row.id, acceptanceNote(info));
      report.sent++;
    } catch (error) {
      const failed = attempts >= maxAttempts;
      const wait = at(backoffSeconds, Math.min(attempts - 1, backoffSeconds.length - 1));
      markAttemptFailed(db, row.id, {
        failed,
        lastError: failureNote(row.lastError, attempts, error instanceof Error ? error.message : String(error)),
        nextAttemptAt: new Date(now.getTime() + wait * 1000),
      });
      if (failed) report.failed++;
      else report.retrying++;
      // Ids and counts only: subjects, bodies and addresses stay out of logs.
      log("warn", "mail attempt failed", {
        job: "mail",
        outboxId: row.id,
        attempt: attempts,
        retryInSeconds: failed ? null : wait,
        gaveUp: failed,
      });
    } finally {
      clearInterval(renew);
    }
  }
  return report;
}

/** The server's reply and how many recipients it took ("250 Ok: queued as 1A2B; 1 of 1 accepted"), no addresses. */
export function acceptanceNote(info: unknown): string {
  const i = (info ?? {}) as { response?: unknown; accepted?: unknown[]; rejected?: unknown[] };
  const accepted = Array.isArray(i.accepted) ? i.accepted.length : 0;
  const total = accepted + (Array.isArray(i.rejected) ? i.rejected.length : 0);
  const reply =
    typeof i.response === "string" ? i.response.replace(/\s+/g, " ").slice(0, 200) : "written to the mail folder";
  return total ? `${reply}; ${accepted} of ${total} accepted` : reply;
}

/** A run's failure, described without its message: driver errors can quote a query's parameters. */
export function safeReason(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  const codeOf = (e: unknown) =>
    e && typeof e === "object" && typeof (e as { code?: unknown }).code === "string"
      ? (e as { code: string }).code
      : null;
  const cause = error instanceof Error ? error.cause : undefined;
  return codeOf(error) ?? codeOf(cause) ?? (error instanceof Error ? error.name : "unknown error");
}

let wake: (() => void) | undefined;

/** The sender inside the server: a timer that never overlaps itself, and can be woken early. */
export function startMailSender({ intervalMs = 5000 }: { intervalMs?: number } = {}): () => void {
  let running = false;
  let again = false;
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    if (running) {
      // Woken mid-run: go once more when this run ends, for mail enqueued after its query.
      again = true;
      return;
    }
    running = true;
    const started = Date.now();
    try {
      const total: DeliveryReport = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
      do {
        again = false;
        const report = await deliverDueMail();
        for (const k of Object.keys(total) as (keyof DeliveryReport)[]) total[k] += report[k];
      } while (again && !stopped);
      // One line per run that did something; the idle ticks every few seconds say nothing.
      if (total.sent + total.retrying + total.failed + total.skipped)
        log("info", "job", { job: "mail", ...total, ms: Date.now() - started });
    } catch (error) {
      log("error", "job failed", { job: "mail", cause: safeReason(error), ms: Date.now() - started });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  const wakeThis = () => void setImmediate(tick);
  wake = wakeThis;
  wakeThis();
  return () => {
    stopped = true;
    clearInterval(timer);
    if (wake === wakeThis) wake = undefined;
    closeDefaultTransport();
  };
}

/** Called after enqueueing, so mail goes now rather than at the next tick. No-op without a sender. */
export function wakeMailSender() {
  wake?.();
}
