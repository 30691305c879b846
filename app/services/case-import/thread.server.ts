import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ImportMessage, ImportTask } from "./worker.server";

// Runs import tasks on one worker thread, one at a time (two imports writing at once would only
// wait on each other's lock, on a machine of two cores). The thread stays between tasks, so what it
// built for the last one (the leak guard's protected set) serves the next; it ends after an idle
// half hour, and never keeps the process alive while idle. It runs the TypeScript source through
// tsx, as `npm start` and the CLI do, resolved from the app's folder as the build is.

const entry = pathToFileURL(path.resolve("app/services/case-import/worker.server.ts")).href;
const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
const idleMs = 30 * 60 * 1000;

type Outcome = Exclude<ImportMessage, { kind: "progress" | "failed" }>;
type Thread = { worker: Worker; idle: NodeJS.Timeout | null };

let thread: Thread | null = null;
let queue: Promise<unknown> = Promise.resolve();

function importThread(): Thread {
  if (thread) return thread;
  const worker = new Worker(bootstrap, { eval: true });
  const started: Thread = { worker, idle: null };
  // A thread that failed or ended is never handed a task again: the next task starts another.
  const forget = () => {
    if (thread === started) thread = null;
  };
  worker.once("error", forget);
  worker.once("exit", forget);
  worker.unref();
  return (thread = started);
}

function runOnThread(task: ImportTask, onProgress: (message: Extract<ImportMessage, { kind: "progress" }>) => void) {
  const current = importThread();
  const { worker } = current;
  if (current.idle) clearTimeout(current.idle);
  worker.ref();
  return new Promise<Outcome>((resolve, reject) => {
    const settle = () => {
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      worker.unref();
      current.idle = setTimeout(() => void worker.terminate(), idleMs).unref();
    };
    const onMessage = (message: ImportMessage) => {
      if (message.kind === "progress") return onProgress(message);
      settle();
      if (message.kind === "failed")
        reject(message.error instanceof Error ? message.error : new Error(String(message.error)));
      else resolve(message);
    };
    const onError = (error: Error) => {
      settle();
      reject(error);
    };
    const onExit = (code: number) => {
      settle();
      reject(new Error(`The import's thread ended (exit code ${code}) without a result.`));
    };
    worker.on("message", onMessage).once("error", onError).once("exit", onExit);
    worker.postMessage(task);
  });
}

/** The task's last message (its outcome); `onProgress` hears the ones before. Rejects if the thread failed. */
export function runImportTask(
  task: ImportTask,
  onProgress: (message: Extract<ImportMessage, { kind: "progress" }>) => void,
): Promise<Outcome> {
  const run = () => runOnThread(task, onProgress);
  const result = queue.then(run, run);
  queue = result.catch(() => {});
  return result;
}
