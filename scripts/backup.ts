// `npm run backup -- DIR`: copies the database (SQLite's online backup, safe while the server runs)
// and the secrets files (session-secret, identity-key) into DIR. Restore it with `npm run restore -- DIR`.
import { openDatabase } from "#db/client";
import { ConfigError, loadConfig } from "~/config.server";
import { backupTo } from "~/services/backup.server";

const dir = process.argv[2];
try {
  if (!dir) throw new ConfigError("Give the folder to back up into: npm run backup -- /path/to/backups/2026-12-01");
  const config = loadConfig();
  const db = openDatabase(config.DATABASE_PATH);
  const file = await backupTo(db, config.dataDir, dir);
  db.$client.close();
  console.log(
    `Backed up ${config.DATABASE_PATH} to ${file} (with session-secret and identity-key). Keep a copy of identity-key offline, apart from the backups.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
