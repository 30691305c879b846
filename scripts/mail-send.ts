// `npm run mail:send`: delivers everything in the outbox that is due, once, and says what happened.
import { ConfigError } from "~/config.server";
import { deliverDueMail } from "~/services/mail.server";

try {
  const report = await deliverDueMail();
  console.log(`Mail: ${report.sent} sent, ${report.retrying} to retry later, ${report.failed} failed.`);
  process.exit(0);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
