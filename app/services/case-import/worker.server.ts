import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "#db/client";
import type { ImportCheck } from "./check.server";
import { commitImport, RegisterChangedError, type ImportResult } from "./commit.server";
import { checkFile, importer } from "./run.server";

// The import's thread (started by thread.server.ts): it checks a file, or writes a checked one, on
// its own connection, so the server's thread keeps answering while thousands of rows are read and
// written. It tells how far it got, then what came of it, and ends.

export type ImportTask = { databasePath: string; collectiveId: number; userId: number | null } & (
  { kind: "check"; file: { name: string; bytes: Uint8Array } } | { kind: "commit"; check: ImportCheck }
);

export type ImportMessage =
  | { kind: "progress"; phase: "checking" | "writing"; done: number; total: number }
  | { kind: "checked"; check: ImportCheck }
  | { kind: "written"; result: ImportResult }
  | { kind: "refused"; message: string };

const task = workerData as ImportTask;
const tell = (message: ImportMessage) => parentPort!.postMessage(message);
const db = openDatabase(task.databasePath);
try {
  const who = importer(db, task.collectiveId, task.userId);
  if (task.kind === "check") {
    const check = await checkFile(db, who, task.file, (done, total) =>
      tell({ kind: "progress", phase: "checking", done, total }),
    );
    tell({ kind: "checked", check });
  } else {
    try {
      const result = commitImport(db, who, task.check, (done, total) =>
        tell({ kind: "progress", phase: "writing", done, total }),
      );
      tell({ kind: "written", result });
    } catch (error) {
      if (!(error instanceof RegisterChangedError)) throw error;
      tell({ kind: "refused", message: error.message });
    }
  }
} finally {
  db.$client.close();
}
