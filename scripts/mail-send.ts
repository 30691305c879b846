// `npm run mail:send`: delivers everything in the outbox that is due, once, and says what happened.
// Safe beside the running server: each message is claimed before it is sent, so none goes twice.
import { ConfigError } from "~/config.server";
import { closeDefaultTransport, deliverDueMail, safeReason, type DeliveryReport } from "~/services/mail.server";

const batch = 100;

try {
  const now = new Date();
  const total: DeliveryReport = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  // Batches until a short one: every message handled leaves the due set, so this ends.
  for (;;) {
    const report = await deliverDueMail({ now, limit: batch });
    for (const k of Object.keys(total) as (keyof DeliveryReport)[]) total[k] += report[k];
    if (report.sent + report.retrying + report.failed + report.skipped < batch) break;
  }
  closeDefaultTransport();
  console.log(
    `Mail: ${total.sent} sent, ${total.retrying} to retry later, ${total.failed} failed` +
      (total.skipped ? `, ${total.skipped} taken by another sender.` : "."),
  );
  process.exit(0);
} catch (error) {
  // Not the error's message: a database error can quote the row it was writing.
  console.error(error instanceof ConfigError ? error.message : `Mail delivery stopped: ${safeReason(error)}.`);
  process.exit(1);
}
