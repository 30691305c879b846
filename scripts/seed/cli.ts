// `npm run db:seed`: migrates the database and fills an empty one with the demo collective.
// A database that already holds a collective is left alone, so running it twice is harmless.
import { openDatabase } from "#db/client";
import { migrateDatabase } from "#db/migrate";
import { isSeeded, seedDemo } from "./demo";
import { ConfigError, loadConfig } from "~/config.server";
import { todayIn } from "~/lib/dates";

async function main() {
  const { DATABASE_PATH } = loadConfig();
  const db = openDatabase(DATABASE_PATH);
  try {
    migrateDatabase(db);
    if (isSeeded(db)) {
      console.log(`${DATABASE_PATH} already holds a collective: left as it is.`);
      return;
    }
    // The demo's dates are relative to today as the collective sees it, so its clocks are live.
    await seedDemo(db, { today: todayIn("Asia/Kolkata") });
    console.log(`Seeded the demo collective into ${DATABASE_PATH} (accounts are listed in the README).`);
  } finally {
    db.$client.close();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
