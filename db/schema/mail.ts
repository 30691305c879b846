import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { collectives } from "./collective";
import { createdAt, id } from "./columns";
import { mailStatuses } from "./enums";

/**
 * Every message is written here first, in the same transaction as the change that causes it.
 * The sender delivers rows by idempotency key, so a retry never sends one message twice.
 */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: id(),
    collectiveId: integer()
      .notNull()
      .references(() => collectives.id),
    idempotencyKey: text().notNull().unique(),
    /** Groups the messages of one send-out (e.g. "meeting:12:agenda:v2") for progress and re-sends. */
    batch: text(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    /** JSON array of { filename, contentType, base64 }: kept in the row so the enqueue is one transaction. */
    attachments: text().notNull().default("[]"),
    /** iCalendar text sent as nodemailer's icalEvent (which attaches it itself). */
    icalEvent: text(),
    icalMethod: text(),
    status: text({ enum: mailStatuses }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: text().notNull(),
    lastError: text(),
    sentAt: text(),
    /** What the SMTP server said when it accepted the message (its reply and how many recipients it took). */
    smtpAccepted: text(),
    createdAt: createdAt(),
  },
  (t) => [index("mail_outbox_status_next").on(t.status, t.nextAttemptAt), index("mail_outbox_batch").on(t.batch)],
);
