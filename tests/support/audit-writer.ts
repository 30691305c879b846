// Run as its own process by tests/integration/audit-concurrency.test.ts: writes N audit entries to
// DATABASE_PATH as fast as it can, each in its own transaction, while another process does the same.
import fs from "node:fs";
import { openDatabase } from "#db/client";
import { audit } from "~/models/audit.server";

const [collectiveArg, countArg, tag, barrier] = process.argv.slice(2);
if (tag === undefined || barrier === undefined)
  throw new Error("Usage: audit-writer.ts <collective id> <count> <tag> <barrier file>");
const [collectiveId, count] = [Number(collectiveArg), Number(countArg)];
const db = openDatabase(process.env.DATABASE_PATH!);
// Both writers start together: each says it is ready, then waits for the test to drop the barrier file.
process.stdout.write("ready\n");
while (!fs.existsSync(barrier)) await new Promise((r) => setTimeout(r, 2));
for (let i = 0; i < count; i++)
  audit(db, {
    collectiveId,
    userId: null,
    action: "update",
    entity: "collective",
    entityId: collectiveId,
    detail: `${tag} ${i}`,
  });
db.$client.close();
