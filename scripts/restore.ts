// `npm run restore -- DIR`: with the server stopped, puts the backup in DIR in place of DATABASE_PATH.
// Every session ends, and the cookie-signing secret is replaced (unless SESSION_SECRET is set), so
// no cookie issued before the restore opens the restored data.
import { ConfigError, loadConfig } from "~/config.server";
import { restoreFrom } from "~/services/backup.server";

const dir = process.argv[2];
try {
  if (!dir) throw new ConfigError("Give the folder the backup is in: npm run restore -- /path/to/backups/2026-12-01");
  const config = loadConfig();
  const file = restoreFrom(dir, config.DATABASE_PATH, { keepSessionSecret: !!process.env.SESSION_SECRET });
  console.log(`Restored ${file} from ${dir}. Every session has ended: everyone signs in again. Start the server with npm start.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
