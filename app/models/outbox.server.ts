import { and, count, desc, eq } from "drizzle-orm";
import type { Conn } from "#db/client";
import { mailOutbox } from "#db/schema";

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
};

export type OutboxRow = typeof mailOutbox.$inferSelect;

/** Writes a message in the caller's transaction; it is sent only if that transaction commits. */
export function enqueueMail(db: Conn, mail: OutgoingMail, now = new Date()): number {
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
      attachments: JSON.stringify((mail.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, base64: a.content.toString("base64") }))),
      icalEvent: mail.icalEvent?.content ?? null,
      icalMethod: mail.icalEvent?.method ?? null,
      nextAttemptAt: now.toISOString(),
    })
    .onConflictDoNothing({ target: mailOutbox.idempotencyKey })
    .returning({ id: mailOutbox.id })
    .get();
  if (inserted) return inserted.id;
  return db.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.idempotencyKey, mail.idempotencyKey)).get()!.id;
}

export function storedAttachments(row: Pick<OutboxRow, "attachments">): OutgoingAttachment[] {
  const list = JSON.parse(row.attachments) as { filename: string; contentType: string; base64: string }[];
  return list.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.base64, "base64") }));
}

export const outboxPageSize = 50;

export function listOutbox(db: Conn, collectiveId: number, page: number) {
  const total = db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.collectiveId, collectiveId)).get()?.n ?? 0;
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
  return { rows, total, pages: Math.max(1, Math.ceil(total / outboxPageSize)) };
}

export function getOutboxMessage(db: Conn, collectiveId: number, id: string | undefined): OutboxRow {
  const n = Number(id);
  const row =
    Number.isSafeInteger(n) && n > 0
      ? db.select().from(mailOutbox).where(and(eq(mailOutbox.id, n), eq(mailOutbox.collectiveId, collectiveId))).get()
      : undefined;
  if (!row) throw new Response("Message not found", { status: 404 });
  return row;
}

/** An administrator's retry of a failed message: it goes back in the queue, now. */
export function retryFailed(db: Conn, collectiveId: number, id: number, now = new Date()): boolean {
  return (
    db
      .update(mailOutbox)
      .set({ status: "pending", nextAttemptAt: now.toISOString(), attempts: 0 })
      .where(and(eq(mailOutbox.id, id), eq(mailOutbox.collectiveId, collectiveId), eq(mailOutbox.status, "failed")))
      .run().changes === 1
  );
}
