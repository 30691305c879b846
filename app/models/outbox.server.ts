import { and, count, desc, eq, lte } from "drizzle-orm";
import type { Conn } from "#db/client";
import { auditLog, mailOutbox } from "#db/schema";
import { invariantResponse } from "~/lib/params";
import { inviteText } from "~/lib/invite-text";
import { fixSeparator, guardFields } from "~/lib/document-guard";
import { protectedSet } from "./protected-set.server";

export type OutgoingAttachment = { filename: string; contentType: string; content: Buffer };
export type OutgoingMail = {
  collectiveId: number;
  /** Unique per message: enqueueing the same key again is a no-op. */
  idempotencyKey: string;
  batch?: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: OutgoingAttachment[];
  icalEvent?: { method: "REQUEST" | "CANCEL"; content: string };
  /** The officer it greets: their own name is theirs, never taken for an accused person's of the same name. */
  recipientName?: string;
};

/** The recipient's own name, wherever the message greets them, set apart before the guard reads the text. */
function withoutOwnName(text: string, name: string | undefined): string {
  if (!name?.trim()) return text;
  return text.split(name).join("the recipient");
}

export type OutboxRow = typeof mailOutbox.$inferSelect;

/**
 * Writes a message in the caller's transaction; it is sent only if that transaction commits.
 * Every message passes the leak guard first: a protected name or FIR number anywhere in it
 * throws LeakBlocked, and the caller's transaction writes nothing.
 */
export function enqueueMail(db: Conn, mail: OutgoingMail, now = new Date()): number {
  const own = (text: string) => withoutOwnName(text, mail.recipientName);
  guardFields(protectedSet(db, mail.collectiveId), "the email", [
    ["the email's subject", own(mail.subject)],
    ["the email's text", own(mail.text)],
    ["the email's HTML", own(mail.html.replace(/<[^>]*>/g, " "))],
    ["the calendar invitation", mail.icalEvent ? inviteText(mail.icalEvent.content) : null],
    ...(mail.attachments ?? []).map((a): [string, string] => ["an attachment's file name", a.filename]),
  ]);
  const inserted = db
    .insert(mailOutbox)
    .values({
      collectiveId: mail.collectiveId,
      idempotencyKey: mail.idempotencyKey,
      batch: mail.batch ?? null,
      toAddress: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      attachments: JSON.stringify(
        (mail.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          base64: a.content.toString("base64"),
        })),
      ),
      icalEvent: mail.icalEvent?.content ?? null,
      icalMethod: mail.icalEvent?.method ?? null,
      nextAttemptAt: now.toISOString(),
    })
    .onConflictDoNothing({ target: mailOutbox.idempotencyKey })
    .returning({ id: mailOutbox.id })
    .get();
  if (inserted) return inserted.id;
  return db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(eq(mailOutbox.idempotencyKey, mail.idempotencyKey))
    .get()!.id;
}

/** The attachments as stored in the row (base64 in JSON), back to buffers. */
export function storedAttachments(row: Pick<OutboxRow, "attachments">): OutgoingAttachment[] {
  const list = JSON.parse(row.attachments) as { filename: string; contentType: string; base64: string }[];
  return list.map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: Buffer.from(a.base64, "base64"),
  }));
}

export const outboxPageSize = 50;

/**
 * What the guard held back lately (newest first): each block's audit entry names the document,
 * the place that holds protected text and, when known, the page to correct it on; never a value.
 */
export function heldByGuard(db: Conn, collectiveId: number, limit = 20) {
  return db
    .select({ id: auditLog.id, at: auditLog.at, detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.collectiveId, collectiveId), eq(auditLog.action, "leak:blocked")))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all()
    .map((r) => {
      const [what = "", fixUrl] = (r.detail ?? "").split(fixSeparator);
      const colon = what.indexOf(": ");
      return {
        id: r.id,
        at: r.at,
        document: colon < 0 ? what : what.slice(0, colon),
        field: colon < 0 ? "" : what.slice(colon + 2),
        fixUrl: fixUrl ?? null,
      };
    });
}

/** One page of a collective's messages, newest first; a page past the end shows the last one. */
export function listOutbox(db: Conn, collectiveId: number, requestedPage: number) {
  const total =
    db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.collectiveId, collectiveId)).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / outboxPageSize));
  const page = Math.min(Math.max(1, Math.trunc(requestedPage) || 1), pages);
  const rows = db
    .select({
      id: mailOutbox.id,
      to: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      nextAttemptAt: mailOutbox.nextAttemptAt,
      lastError: mailOutbox.lastError,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.collectiveId, collectiveId))
    .orderBy(desc(mailOutbox.id))
    .limit(outboxPageSize)
    .offset((page - 1) * outboxPageSize)
    .all();
  return { rows, total, page, pages };
}

/** A welcome email's set-password link is a credential: only those who manage seats see it here. */
export function hideSetPasswordLinks(body: string): string {
  return body.replace(/\/welcome\/[A-Za-z0-9_-]+/g, "/welcome/[link hidden: shown to administrators only]");
}

/** One message of the caller's collective; anything else (a forged or foreign id) is a 404. */
export function getOutboxMessage(db: Conn, collectiveId: number, id: number): OutboxRow {
  const row = db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.collectiveId, collectiveId)))
    .get();
  invariantResponse(row, "Message not found", { status: 404 });
  return row;
}

/**
 * lastError keeps the latest failure on its first line and, below it, one line per manual retry,
 * so resetting the attempt count never loses what happened before.
 */
const retryPrefix = "Retried by an administrator";
const historyOf = (lastError: string | null) =>
  (lastError ?? "").split("\n").filter((line) => line.startsWith(retryPrefix));

/** The lastError after a failed attempt (one line, capped), keeping the retry history. */
export function failureNote(previous: string | null, attempt: number, reason: string): string {
  const line = `Attempt ${attempt}: ${reason.replace(/\s+/g, " ").trim().slice(0, 500)}`;
  return [line, ...historyOf(previous)].join("\n");
}

/** An administrator's retry of a failed message: it goes back in the queue, now, with fresh attempts. */
export function retryFailed(db: Conn, collectiveId: number, id: number, now = new Date()): boolean {
  const row = db
    .select({ attempts: mailOutbox.attempts, lastError: mailOutbox.lastError })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.collectiveId, collectiveId), eq(mailOutbox.status, "failed")))
    .get();
  if (!row) return false;
  const latest = (row.lastError ?? "").split("\n")[0];
  const note = `${retryPrefix} after ${row.attempts} failed attempts${latest && !latest.startsWith(retryPrefix) ? ` (last: ${latest})` : ""}`;
  return (
    db
      .update(mailOutbox)
      .set({
        status: "pending",
        nextAttemptAt: now.toISOString(),
        attempts: 0,
        lastError: [note, ...historyOf(row.lastError)].join("\n"),
      })
      // The status condition again: two administrators pressing Retry at once reset it only once.
      .where(and(eq(mailOutbox.id, id), eq(mailOutbox.collectiveId, collectiveId), eq(mailOutbox.status, "failed")))
      .run().changes === 1
  );
}

/** The sender's queue: pending messages whose next attempt is due, oldest first. */
export function dueMessages(db: Conn, now: Date, limit: number): OutboxRow[] {
  return db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, now.toISOString())))
    .orderBy(mailOutbox.nextAttemptAt, mailOutbox.id)
    .limit(limit)
    .all();
}

/**
 * Claims a due message for one sender until `leaseUntil`, counting the attempt. The conditions make
 * it a compare-and-set: of two senders that read the same row, only one claims it.
 */
export function claimMessage(db: Conn, row: Pick<OutboxRow, "id" | "attempts">, now: Date, leaseUntil: Date): boolean {
  return (
    db
      .update(mailOutbox)
      .set({ nextAttemptAt: leaseUntil.toISOString(), attempts: row.attempts + 1 })
      .where(
        and(
          eq(mailOutbox.id, row.id),
          eq(mailOutbox.status, "pending"),
          eq(mailOutbox.attempts, row.attempts),
          lte(mailOutbox.nextAttemptAt, now.toISOString()),
        ),
      )
      .run().changes === 1
  );
}

/** Extends a claim while the message is in flight; a no-op once it is marked. */
export function renewClaim(db: Conn, { id, attempts }: { id: number; attempts: number }, leaseUntil: Date) {
  db.update(mailOutbox)
    .set({ nextAttemptAt: leaseUntil.toISOString() })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, "pending"), eq(mailOutbox.attempts, attempts)))
    .run();
}

export function markSent(db: Conn, id: number, smtpAccepted: string, now = new Date()) {
  db.update(mailOutbox)
    .set({ status: "sent", sentAt: now.toISOString(), smtpAccepted })
    .where(eq(mailOutbox.id, id))
    .run();
}

/** A failed attempt: back in the queue at `nextAttemptAt`, or failed for good. */
export function markAttemptFailed(
  db: Conn,
  id: number,
  { failed, lastError, nextAttemptAt }: { failed: boolean; lastError: string; nextAttemptAt: Date },
) {
  db.update(mailOutbox)
    .set({ status: failed ? "failed" : "pending", lastError, nextAttemptAt: nextAttemptAt.toISOString() })
    .where(eq(mailOutbox.id, id))
    .run();
}

/** How many of a send-out's messages are in each state. */
export function batchStatusCounts(db: Conn, batch: string) {
  return db
    .select({ status: mailOutbox.status, n: count() })
    .from(mailOutbox)
    .where(eq(mailOutbox.batch, batch))
    .groupBy(mailOutbox.status)
    .all();
}
