// `npm start`: everything a fresh machine needs after `npm install`: check the configuration,
// build if stale, create and migrate the database, seed it when new, then serve.
import { openDatabase } from "#db/client";
import { isSeeded, seedAdmin, seedDemo } from "./seed/demo";
import { ConfigError, loadConfig } from "~/config.server";
import { todayIn } from "~/lib/dates";
import { prepareDatabase } from "~/services/backup.server";
import { startServer } from "../server";
import { buildIfStale } from "./build-if-stale";

async function main() {
  const config = loadConfig();
  buildIfStale();

  const db = openDatabase(config.DATABASE_PATH);
  const prepared = await prepareDatabase(db);
  if (prepared.backedUpTo) console.log(`Backed the database up to ${prepared.backedUpTo} before migrating it.`);
  if (prepared.restored)
    console.log("This database was restored from a backup: every session has ended, everyone signs in again.");
  if (!isSeeded(db)) {
    if (config.TESTA_DEMO) {
      await seedDemo(db, { today: todayIn("Asia/Kolkata") });
      console.log("New database: seeded the demo collective (accounts are listed in the README).");
    } else {
      if (!config.ADMIN_EMAIL || !config.ADMIN_PASSWORD) {
        throw new ConfigError(
          "Configuration error: with TESTA_DEMO=0 a new database needs ADMIN_EMAIL and ADMIN_PASSWORD for the first administrator.",
        );
      }
      await seedAdmin(db, { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
      console.log(`New database: created the administrator ${config.ADMIN_EMAIL}.`);
    }
  }
  db.$client.close();

  await startServer({ port: config.PORT });
  console.log(`TESTA Desk is serving ${config.APP_URL} (database ${config.DATABASE_PATH}).`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError || /already in use/.test(String(error?.message)) ? error.message : error);
  process.exit(1);
});
