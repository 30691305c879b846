import { parentPort } from "node:worker_threads";
import { openDatabase } from "#db/client";
import type { ImportCheck } from "./check.server";
import { commitImport, RegisterChangedError, type ImportResult } from "./commit.server";
import { checkFile, importer } from "./run.server";

// The import's thread (started by thread.server.ts): it checks a file, or writes a checked one, on
// its own connection, so the server's thread keeps answering while thousands of rows are read and
// written. It tells how far it got, then what came of it, and waits for the next task. It lives on
// between tasks so that the leak guard's protected set, built here once (seconds of CPU for a large
// collective), is kept and brought up to date in place, as the server's own thread keeps its copy.

export type ImportTask = { databasePath: string; collectiveId: number; userId: number | null } & (
  { kind: "check"; file: { name: string; bytes: Uint8Array } } | { kind: "commit"; check: ImportCheck }
);

export type ImportMessage =
  | { kind: "progress"; phase: "checking" | "writing"; done: number; total: number }
  | { kind: "checked"; check: ImportCheck }
  | { kind: "written"; result: ImportResult }
  | { kind: "refused"; message: string }
  | { kind: "failed"; error: unknown };

const tell = (message: ImportMessage) => parentPort!.postMessage(message);

async function run(task: ImportTask): Promise<Exclude<ImportMessage, { kind: "progress" | "failed" }>> {
  const db = openDatabase(task.databasePath);
  try {
    const who = importer(db, task.collectiveId, task.userId);
    if (task.kind === "check") {
      const check = await checkFile(db, who, task.file, (done, total) =>
        tell({ kind: "progress", phase: "checking", done, total }),
      );
      return { kind: "checked", check };
    }
    try {
      const result = commitImport(db, who, task.check, (done, total) =>
        tell({ kind: "progress", phase: "writing", done, total }),
      );
      return { kind: "written", result };
    } catch (error) {
      if (!(error instanceof RegisterChangedError)) throw error;
      return { kind: "refused", message: error.message };
    }
  } finally {
    db.$client.close();
  }
}

// One task at a time: thread.server.ts sends the next only once this one has answered.
parentPort!.on("message", (task: ImportTask) => {
  run(task).then(tell, (error: unknown) => tell({ kind: "failed", error }));
});
