import type { z } from "zod";
import type { Conn } from "#db/client";
import { importText } from "~/lib/case-import/cells";
import {
  columnOf,
  importColumns,
  requiredColumns,
  victimNameColumns,
  victimNameRefusal,
  type ImportColumn,
} from "~/lib/case-import/columns";
import { firIdentity } from "~/lib/case-import/plan";
import {
  departmentsForImport,
  registerForImport,
  registerRevision,
  victimCodesOf,
  type RegisteredCaseRow,
} from "~/models/case-import.server";
import type { accusedSchema, CaseInput } from "~/schemas/case";
import type { Sheet } from "./sheet.server";
import { checkRow, type RowContext } from "./row-check.server";
import { planRows, type PlannedRow } from "./plan.server";

// A register checked: the file as a whole (its columns), then every row as the case form checks a
// case (row-check.server.ts), against the register as it is now. Nothing is written here.

export type RowProblem = { row: number; column: string; message: string; rewrite?: string };
export type CheckedRow = {
  row: number;
  /** The case code or FIR that identifies the case, to find the same case twice in one file. */
  identity: string;
  rawKey: string;
  givenCode: string | null;
  match: RegisteredCaseRow | null;
  input: CaseInput;
  accused: z.infer<typeof accusedSchema>[];
  victims: { count: number; codes: string[] };
  event: { occurredOn: string; nextDate: string | null; note: string | null } | null;
};
export type ImportCheck = {
  collectiveId: number;
  columns: { header: string; column: ImportColumn | null }[];
  fileProblems: string[];
  problems: RowProblem[];
  rows: PlannedRow[];
  revision: string;
};
export type Who = { collectiveId: number; id: number | null; districtCode: string; today: string };

/** The file as a whole: its columns mapped, and refused if it names a victim or lacks a required column. */
export function mapColumns(sheet: Sheet): { columns: ImportCheck["columns"]; problems: string[] } {
  const columns = sheet.headers.map((header) => ({ header, column: columnOf(header) ?? null }));
  const problems: string[] = [];
  for (const { header } of victimNameColumns(sheet.headers, (i) =>
    sheet.rows.map((r) => importText(r.cells[i] ?? null)),
  )) {
    problems.push(`The column “${header}” looks like victims' names, so the file was refused. ${victimNameRefusal}`);
  }
  for (const column of importColumns) {
    const at = columns.filter((c) => c.column === column);
    if (at.length > 1)
      problems.push(`Two columns are ${column} (${at.map((c) => `“${c.header}”`).join(" and ")}): keep one.`);
  }
  const missing = requiredColumns.filter((c) => !columns.some((m) => m.column === c));
  if (missing.length)
    problems.push(
      `The file has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""}. The first row must name the template's columns (download the template below).`,
    );
  return { columns, problems };
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Checks every row (yielding between batches, so the server keeps answering while a large file is
 * read; `progress` hears how far it got) and plans what each valid row becomes.
 */
export async function checkRegister(
  db: Conn,
  who: Who,
  sheet: Sheet,
  progress: (done: number, total: number) => void = () => {},
): Promise<ImportCheck> {
  const revision = registerRevision(db, who.collectiveId);
  const { columns, problems: fileProblems } = mapColumns(sheet);
  const result: ImportCheck = {
    collectiveId: who.collectiveId,
    columns,
    fileProblems,
    problems: [],
    rows: [],
    revision,
  };
  if (fileProblems.length) return result;
  const register = registerForImport(db, who.collectiveId);
  const byFir = new Map<string, RegisteredCaseRow[]>();
  for (const c of register) {
    const key = firIdentity(c.firNumber, c.firYear);
    if (key) byFir.set(key, [...(byFir.get(key) ?? []), c]);
  }
  const ctx: RowContext = {
    db,
    who,
    columns,
    departments: departmentsForImport(db, who.collectiveId),
    byCode: new Map(register.map((c) => [c.code, c])),
    byFir,
    guarded: new Map(),
  };
  const checked: CheckedRow[] = [];
  for (let i = 0; i < sheet.rows.length; i++) {
    const row = checkRow(ctx, sheet.rows[i]!, result.problems);
    if (row) checked.push(row);
    if (i % 200 === 199) {
      progress(i + 1, sheet.rows.length);
      await yieldToOthers();
    }
  }
  progress(sheet.rows.length, sheet.rows.length);
  const planned = planRows(checked, {
    districtCode: who.districtCode,
    caseCodes: register.map((c) => c.code),
    victimCodes: victimCodesOf(db, who.collectiveId),
  });
  result.problems.push(...planned.problems);
  result.problems.sort((a, b) => a.row - b.row);
  result.rows = result.problems.length ? [] : planned.rows;
  return result;
}

/** `row N: <column>: <what is wrong>`, as the page lists and the CLI prints each problem. */
export const problemLine = (p: RowProblem) => `row ${p.row}: ${p.column}: ${p.message}`;
