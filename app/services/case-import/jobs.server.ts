import crypto from "node:crypto";
import type { Conn } from "#db/client";
import { errorFields, log } from "~/services/log.server";
import type { ImportCheck } from "./check.server";
import { commitImport, RegisterChangedError, type ImportResult } from "./commit.server";
import { checkFile, importer } from "./run.server";

// The page's imports, kept in the server's memory only (the file holds FIR numbers and accused
// names, so it never touches the disk), for the person who uploaded it, for an hour at most.

export type ImportJob = {
  id: string;
  userId: number;
  collectiveId: number;
  /** Shown back to the person who uploaded it only; never logged or audited. */
  fileName: string;
  startedAt: number;
  state: "checking" | "checked" | "done";
  progress: { done: number; total: number };
  check: ImportCheck | null;
  result: ImportResult | null;
  /** Why the commit wrote nothing, when it did not. */
  refusal: string | null;
};

const jobs = new Map<string, ImportJob>();
const lifetimeMs = 60 * 60 * 1000;

function prune(now = Date.now()) {
  for (const [id, job] of jobs) if (now - job.startedAt > lifetimeMs) jobs.delete(id);
}

/** Starts checking an uploaded file and returns at once; the page follows the job's progress. */
export function startImportCheck(
  db: Conn,
  user: { id: number; collectiveId: number },
  file: { name: string; bytes: Uint8Array },
): ImportJob {
  prune();
  // One import at a time per person: a new upload replaces the last.
  for (const [id, job] of jobs) if (job.userId === user.id) jobs.delete(id);
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
  void checkFile(db, importer(db, user.collectiveId, user.id), file, (done, total) => (job.progress = { done, total }))
    .then((check) => Object.assign(job, { check, state: "checked" }))
    .catch((error: unknown) => {
      log("error", "import check failed", errorFields(error));
      Object.assign(job, {
        state: "checked",
        check: {
          collectiveId: user.collectiveId,
          columns: [],
          fileProblems: ["The file could not be checked. Save it again from the spreadsheet and upload it once more."],
          problems: [],
          rows: [],
          revision: "",
        },
      });
    });
  return job;
}

/** The person's own job, or null (another person's id, an expired one, or a restarted server). */
export function importJob(user: { id: number; collectiveId: number }, id: string | null): ImportJob | null {
  prune();
  const job = id ? jobs.get(id) : undefined;
  return job && job.userId === user.id && job.collectiveId === user.collectiveId ? job : null;
}

/** Writes a checked job in one transaction; a register changed since the check writes nothing. */
export function commitImportJob(db: Conn, job: ImportJob): ImportJob {
  if (job.state !== "checked" || !job.check) return job;
  try {
    job.result = commitImport(db, importer(db, job.collectiveId, job.userId), job.check);
    job.state = "done";
    job.refusal = null;
  } catch (error) {
    if (!(error instanceof RegisterChangedError)) throw error;
    job.refusal = error.message;
  }
  return job;
}

export function forgetImportJob(id: string) {
  jobs.delete(id);
}
