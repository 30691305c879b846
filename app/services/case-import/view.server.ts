import type { Conn } from "#db/client";
import { label, stageLabels, statusLabels } from "~/lib/labels";
import { departmentsForImport } from "~/models/case-import.server";
import { problemLine } from "./check.server";
import { tally, tallySentence } from "./commit.server";
import type { ImportJob } from "./jobs.server";
import { pageOf, type RowFilter } from "~/lib/case-import/preview";
import type { ImportAction } from "./plan.server";

// What the import page shows of a job: progress, the problems, or the preview, a page of rows at a
// time (every row was checked all the same): all of them, or only the new, updated, unchanged or
// repeated ones.

const pagingOf = ({ items, ...at }: ReturnType<typeof pageOf>) => ({ ...at, last: at.first + items.length - 1 });

export function importView(db: Conn, job: ImportJob, query: { page: number; show: RowFilter }) {
  const check = job.check;
  const leadName = new Map(departmentsForImport(db, job.collectiveId).map((d) => [d.id, d.name]));
  const problems = check
    ? [
        ...check.fileProblems.map((line) => ({ line, rewrite: null })),
        ...check.problems.map((p) => ({ line: problemLine(p), rewrite: p.rewrite ?? null })),
      ]
    : [];
  const rows = check?.rows ?? [];
  const shown = query.show === "all" ? rows : rows.filter((r) => r.action === (query.show as ImportAction));
  const problemPage = pageOf(problems, query.page);
  const rowPage = pageOf(shown, query.page);
  return {
    id: job.id,
    state: job.state,
    fileName: job.fileName,
    progress: job.progress,
    problemCount: problems.length,
    problems: problemPage.items,
    columns: check?.columns ?? [],
    totals: tally({ rows }),
    rowCount: rows.length,
    show: query.show,
    shownCount: shown.length,
    paging: pagingOf(problems.length ? problemPage : rowPage),
    rows: rowPage.items.map((r) => ({
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
