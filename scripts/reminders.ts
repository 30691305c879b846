// `npm run reminders`: queues today's digests (safe to run any number of times a day), then sends what is due.
import { ConfigError } from "~/config.server";
import { getDb } from "~/db.server";
import { deliverDueMail } from "~/services/mail.server";
import { runReminders } from "~/services/reminders.server";

try {
  const { queued } = runReminders(getDb());
  const report = await deliverDueMail();
  console.log(
    `Reminders: ${queued} digests queued today (repeats are ignored); mail ${report.sent} sent, ${report.retrying} to retry, ${report.failed} failed.`,
  );
  process.exit(0);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
