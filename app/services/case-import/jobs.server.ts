import crypto from "node:crypto";
import type { Conn } from "#db/client";
import { errorFields, log } from "~/services/log.server";
import type { ImportCheck } from "./check.server";
import type { ImportResult } from "./commit.server";
import { runImportTask } from "./thread.server";

// The page's imports, kept in the server's memory only (the file holds FIR numbers and accused
// names, so it never touches the disk), for the person who uploaded it, for an hour at most. The
// check and the write each run on a worker thread (thread.server.ts); the page follows `progress`.

export type ImportJob = {
  id: string;
  userId: number;
  collectiveId: number;
  /** Shown back to the person who uploaded it only; never logged or audited. */
  fileName: string;
  startedAt: number;
  state: "checking" | "checked" | "writing" | "done";
  progress: { done: number; total: number };
  check: ImportCheck | null;
  result: ImportResult | null;
  /** Why the commit wrote nothing, when it did not. */
  refusal: string | null;
};

const jobs = new Map<string, ImportJob>();
const lifetimeMs = 60 * 60 * 1000;

function prune(now = Date.now()) {
  for (const [id, job] of jobs)
    if (now - job.startedAt > lifetimeMs && job.state !== "checking" && job.state !== "writing") jobs.delete(id);
}

const unreadable = (collectiveId: number): ImportCheck => ({
  collectiveId,
  columns: [],
  fileProblems: ["The file could not be checked. Save it again from the spreadsheet and upload it once more."],
  problems: [],
  rows: [],
  revision: "",
});

const databasePathOf = (db: Conn) => (db as unknown as { $client: { name: string } }).$client.name;

/** Starts checking an uploaded file and returns at once; the page follows the job's progress. */
export function startImportCheck(
  db: Conn,
  user: { id: number; collectiveId: number },
  file: { name: string; bytes: Uint8Array },
): ImportJob {
  prune();
  // One import at a time per person: a new upload replaces the last (a write under way finishes).
  for (const [id, job] of jobs) if (job.userId === user.id && job.state !== "writing") jobs.delete(id);
  const job: ImportJob = {
    id: crypto.randomBytes(18).toString("base64url"),
    userId: user.id,
    collectiveId: user.collectiveId,
    fileName: file.name,
    startedAt: Date.now(),
    state: "checking",
    progress: { done: 0, total: 0 },
    check: null,
    result: null,
    refusal: null,
  };
  jobs.set(job.id, job);
  const task = { databasePath: databasePathOf(db), collectiveId: user.collectiveId, userId: user.id };
  void runImportTask({ ...task, kind: "check", file }, ({ done, total }) => (job.progress = { done, total }))
    .then((outcome) =>
      Object.assign(job, { check: outcome.kind === "checked" ? outcome.check : unreadable(user.collectiveId) }),
    )
    .catch((error: unknown) => {
      log("error", "import check failed", errorFields(error));
      job.check = unreadable(user.collectiveId);
    })
    .finally(() => (job.state = "checked"));
  return job;
}

/** The person's own job, or null (another person's id, an expired one, or a restarted server). */
export function importJob(user: { id: number; collectiveId: number }, id: string | null): ImportJob | null {
  prune();
  const job = id ? jobs.get(id) : undefined;
  return job && job.userId === user.id && job.collectiveId === user.collectiveId ? job : null;
}

/**
 * Starts writing a checked job, in one transaction on the import's thread, and returns at once; a
 * register changed since the check writes nothing and says so (`refusal`), as does a failure.
 */
export function commitImportJob(db: Conn, job: ImportJob): ImportJob {
  if (job.state !== "checked" || !job.check) return job;
  const check = job.check;
  Object.assign(job, { state: "writing", refusal: null, progress: { done: 0, total: check.rows.length } });
  const task = { databasePath: databasePathOf(db), collectiveId: job.collectiveId, userId: job.userId };
  void runImportTask({ ...task, kind: "commit", check }, ({ done, total }) => (job.progress = { done, total }))
    .then((outcome) => {
      if (outcome.kind === "written") Object.assign(job, { state: "done", result: outcome.result });
      else Object.assign(job, { state: "checked", refusal: outcome.kind === "refused" ? outcome.message : null });
    })
    .catch((error: unknown) => {
      log("error", "import write failed", errorFields(error));
      Object.assign(job, {
        state: "checked",
        refusal:
          "The import failed on the server and nothing was written. Try again; if it fails again, tell the administrator of the server.",
      });
    });
  return job;
}

/** The thread that checks a job is not stopped: its result is dropped when it comes. */
export function forgetImportJob(id: string) {
  if (jobs.get(id)?.state !== "writing") jobs.delete(id);
}
