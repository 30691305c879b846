import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Conn } from "#db/client";
import { getDb } from "~/db.server";
import { log } from "./log.server";
import { storedStateRollup } from "./state-rollup.server";

// When the state's roll-up is recomputed (see state-rollup.server.ts for why it is stored): every
// hour, at start-up when the stored one is missing or older, and when asked (a cross-district
// match decided, no roll-up stored yet). One run at a time; an ask during a run gives one more run
// after it. Each run is a worker thread running the TypeScript source through tsx, as the
// register import does (app/services/case-import/thread.server.ts).

const entry = pathToFileURL(path.resolve("app/services/state-refresh-worker.server.ts")).href;
const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
const databasePathOf = (db: Conn) => (db as unknown as { $client: { name: string } }).$client.name;
export const refreshEveryMs = 60 * 60 * 1000;

let running: Promise<void> | null = null;
let again = false;

function runOnce(databasePath: string): Promise<void> {
  const started = Date.now();
  return new Promise<void>((resolve) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: { databasePath } });
    worker.once("error", (error) => log("error", "job", { job: "state roll-up", error: error.name }));
    worker.once("exit", (code) => {
      log(code === 0 ? "info" : "error", "job", { job: "state roll-up", exitCode: code, ms: Date.now() - started });
      resolve();
    });
  });
}

/** Asks for the roll-up to be recomputed soon; resolves when the run that includes this ask has ended. */
export function requestStateRefresh(db: Conn = getDb()): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  const databasePath = databasePathOf(db);
  running = (async () => {
    do {
      again = false;
      await runOnce(databasePath);
    } while (again);
    running = null;
  })();
  return running;
}

/** The hourly job. Returns its stop function. */
export function startStateRollupJob({ intervalMs = refreshEveryMs } = {}): () => void {
  const stored = storedStateRollup(getDb());
  if (!stored || Date.now() - Date.parse(stored.computedAt) > intervalMs) void requestStateRefresh();
  const timer = setInterval(() => void requestStateRefresh(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
