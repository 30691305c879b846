// `npm run restore -- [--force] DIR`: with the server stopped, puts the backup in DIR in place of
// DATABASE_PATH. It refuses a DATABASE_PATH that already holds data unless --force is given.
// Every session ends, and the cookie-signing secret is replaced (unless SESSION_SECRET is set), so
// no cookie issued before the restore opens the restored data.
import { ConfigError, loadConfig } from "~/config.server";
import { restoreFrom, RestoreRefused } from "~/services/backup.server";

const args = process.argv.slice(2);
const force = args.includes("--force");
const [dir, ...extra] = args.filter((a) => a !== "--force");
try {
  if (!dir || extra.length || dir.startsWith("--"))
    throw new ConfigError(
      "Give the folder the backup is in: npm run restore -- [--force] /path/to/backups/daily-2026-12-01",
    );
  const config = loadConfig();
  const file = await restoreFrom(dir, config.DATABASE_PATH, { keepSessionSecret: !!process.env.SESSION_SECRET, force });
  console.log(
    `Restored ${file} from ${dir}. Every session has ended: everyone signs in again. Start the server with npm start.`,
  );
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof RestoreRefused ? error.message : error);
  process.exit(1);
}
