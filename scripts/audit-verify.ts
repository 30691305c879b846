// `npm run audit:verify`: walks each collective's audit chain and reports the first broken link.
// Exits 1 when a chain is broken, so a cron job or monitor can alert on it.
import { openDatabase } from "#db/client";
import { loadConfig } from "~/config.server";
import { formatDateTime } from "~/lib/dates";
import { plural } from "~/lib/plural";
import { auditedCollectives, verifyAuditLog } from "~/models/audit.server";
import { getCollective } from "~/models/collective.server";

try {
  const db = openDatabase(loadConfig().DATABASE_PATH);
  let broken = 0;
  for (const collectiveId of auditedCollectives(db)) {
    const { name, timeZone } = getCollective(db, collectiveId);
    const report = verifyAuditLog(db, collectiveId);
    if (report.ok) {
      console.log(`${name}: the audit chain holds (${plural(report.checked, "entry", "entries")}).`);
    } else {
      broken += 1;
      const b = report.broken;
      console.log(
        `${name}: the audit chain is BROKEN at entry ${b.id} (${formatDateTime(b.at, timeZone)}): ${b.reason}. ${plural(report.checked, "entry before it holds", "entries before it hold")}.`,
      );
    }
  }
  db.$client.close();
  process.exit(broken ? 1 : 0);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
