import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ImportMessage, ImportTask } from "./worker.server";

// Runs an import task on a worker thread, one at a time (two imports writing at once would only
// wait on each other's lock, on a machine of two cores). The worker runs the TypeScript source
// through tsx, as `npm start` and the CLI do, resolved from the app's folder as the build is.

const entry = pathToFileURL(path.resolve("app/services/case-import/worker.server.ts")).href;
const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;

let queue: Promise<unknown> = Promise.resolve();

/** The task's last message (its outcome); `onProgress` hears the ones before. Rejects if the thread failed. */
export function runImportTask(
  task: ImportTask,
  onProgress: (message: Extract<ImportMessage, { kind: "progress" }>) => void,
): Promise<Exclude<ImportMessage, { kind: "progress" }>> {
  const run = () =>
    new Promise<Exclude<ImportMessage, { kind: "progress" }>>((resolve, reject) => {
      let outcome: Exclude<ImportMessage, { kind: "progress" }> | null = null;
      const worker = new Worker(bootstrap, { eval: true, workerData: task });
      worker.on("message", (message: ImportMessage) => {
        if (message.kind === "progress") onProgress(message);
        else outcome = message;
      });
      worker.once("error", reject);
      worker.once("exit", (code) =>
        outcome
          ? resolve(outcome)
          : reject(new Error(`The import's thread ended (exit code ${code}) without a result.`)),
      );
    });
  const result = queue.then(run, run);
  queue = result.catch(() => {});
  return result;
}
