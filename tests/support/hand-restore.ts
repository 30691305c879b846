import fs from "node:fs";
import path from "node:path";
import { openDatabase, type Db } from "#db/client";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { backupTo } from "~/services/backup.server";

/**
 * A backup of the test database copied into place by hand, as an operator might restore one: the
 * app has not finished the restore yet, and a session from before it is still in the file.
 */
export async function handRestoredCopy(name: string): Promise<Db> {
  const backupDir = path.join(config().dataDir, `backup-${name}`);
  await backupTo(getDb(), config().dataDir, backupDir);
  const copied = path.join(config().dataDir, name, "testa.db");
  fs.mkdirSync(path.dirname(copied), { recursive: true });
  fs.copyFileSync(path.join(backupDir, "testa.db"), copied);
  const db = openDatabase(copied);
  db.$client
    .prepare(
      "insert into sessions (id, user_id, expires_at) values ('stale', (select id from users limit 1), '2999-01-01T00:00:00.000Z')",
    )
    .run();
  return db;
}
