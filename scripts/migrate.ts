import { openDatabase } from "#db/client";
import { ConfigError, loadConfig } from "~/config.server";
import { prepareDatabase } from "~/services/backup.server";

try {
  const { DATABASE_PATH } = loadConfig();
  const db = openDatabase(DATABASE_PATH);
  const { backedUpTo } = await prepareDatabase(db);
  db.$client.close();
  if (backedUpTo) console.log(`Backed the database up to ${backedUpTo} before migrating it.`);
  console.log(`Migrations applied to ${DATABASE_PATH}.`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
