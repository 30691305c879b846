import type { Conn } from "#db/client";
import { label, stageLabels, statusLabels } from "~/lib/labels";
import { departmentsForImport } from "~/models/case-import.server";
import { problemLine } from "./check.server";
import { tally, tallySentence } from "./commit.server";
import type { ImportJob } from "./jobs.server";

// What the import page shows of a job: progress, the problems, or the preview. A large file's
// lists are cut at `shown` rows (every row was checked all the same).

export const shown = 500;

export function importView(db: Conn, job: ImportJob) {
  const check = job.check;
  const leadName = new Map(departmentsForImport(db, job.collectiveId).map((d) => [d.id, d.name]));
  const problems = check
    ? [
        ...check.fileProblems.map((line) => ({ line, rewrite: null })),
        ...check.problems.map((p) => ({ line: problemLine(p), rewrite: p.rewrite ?? null })),
      ]
    : [];
  const rows = check?.rows ?? [];
  return {
    id: job.id,
    state: job.state,
    fileName: job.fileName,
    progress: job.progress,
    problemCount: problems.length,
    problems: problems.slice(0, shown),
    columns: check?.columns ?? [],
    totals: tally({ rows }),
    rowCount: rows.length,
    rows: rows.slice(0, shown).map((r) => ({
      row: r.row,
      action: r.action,
      duplicateOf: r.duplicateOf,
      code: r.code,
      policeStation: r.input.policeStation,
      stage: label(stageLabels, r.input.stage),
      status: label(statusLabels, r.input.status),
      lead: leadName.get(r.input.departments.find((d) => d.role === "lead")?.departmentId ?? -1) ?? "",
      changes: r.changes,
      accused: r.accused.length,
      victims: r.victimCodes.length,
    })),
    refusal: job.refusal,
    resultSentence: job.result ? tallySentence(job.result) : "",
  };
}

export type ImportView = ReturnType<typeof importView>;
