import { openDatabase } from "#db/client";
import { ConfigError, loadConfig } from "~/config.server";
import { prepareDatabase } from "~/services/backup.server";

try {
  const { DATABASE_PATH } = loadConfig();
  const db = openDatabase(DATABASE_PATH);
  prepareDatabase(db);
  db.$client.close();
  console.log(`Migrations applied to ${DATABASE_PATH}.`);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
