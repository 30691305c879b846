import { workerData } from "node:worker_threads";
import { openDatabase } from "#db/client";
import { computeStateRollup } from "./state-rollup.server";

// The roll-up's thread (started by state-refresh.server.ts): computes and stores the state's
// roll-up on its own connection, so the server's thread keeps answering meanwhile, and ends.
const { databasePath } = workerData as { databasePath: string };
const db = openDatabase(databasePath);
try {
  computeStateRollup(db);
} finally {
  db.$client.close();
}
