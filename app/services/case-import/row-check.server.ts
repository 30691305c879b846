import type { Conn } from "#db/client";
import { caseCodePattern, normaliseCaseCode } from "~/lib/case-code";
import {
  importDate,
  importList,
  importOutcome,
  importStage,
  importStatus,
  importText,
  importVictims,
  type SheetCell,
} from "~/lib/case-import/cells";
import type { ImportColumn } from "~/lib/case-import/columns";
import { departmentsWithLead, firIdentity, sameName, type RegisteredCase } from "~/lib/case-import/plan";
import { rewriteKey } from "~/lib/forms";
import { importedEventOutcome, type departmentsForImport, type RegisteredCaseRow } from "~/models/case-import.server";
import { accusedSchema, caseEventSchema, caseSchema } from "~/schemas/case";
import { refuseProtectedInput, type GuardedFields } from "~/services/input-guard.server";
import type { CheckedRow, ImportCheck, RowProblem, Who } from "./check.server";
import type { Sheet } from "./sheet.server";

// One row of a register checked as the case form checks a case: the same zod schemas, the same
// guard on free text, matched against the register as it is now by case code or FIR.

/** The text each guarded column is named by, and what it may hold (GuardScope). */
const guardedColumns: GuardedFields = {
  police_station: "the police station",
  court: "the court",
  court_case_number: "the court case number",
  sections: "the sections",
  notes: { label: "the note", scope: "restricted" },
  accused: { label: "the accused's names", scope: "restricted" },
};
const dateColumns = new Set<ImportColumn>(["opened_on", "closed_on", "next_hearing_on"]);
/** Cells quoted back in a message: never restricted or free text, only values a person picks. */
const quotedColumns = new Set<ImportColumn>(["stage", "status", "outcome", "fir_year", ...dateColumns]);
const caseFieldColumn: Record<string, ImportColumn> = {
  policeStation: "police_station",
  firNumber: "fir_number",
  firYear: "fir_year",
  courtName: "court",
  courtCaseNumber: "court_case_number",
  sections: "sections",
  stage: "stage",
  status: "status",
  outcome: "outcome",
  openedOn: "opened_on",
  closedOn: "closed_on",
  departments: "lead_department",
};

type Departments = ReturnType<typeof departmentsForImport>;

function resolveDepartment(departments: Departments, text: string): { id: number } | { problem: string } | null {
  if (!text) return null;
  const key = sameName(text);
  const byName = departments.find((d) => sameName(d.name) === key);
  if (byName) return { id: byName.id };
  const ofKind = departments.filter((d) => d.kind === key.replace(/[\s-]+/g, "_"));
  if (ofKind.length === 1) return { id: ofKind[0]!.id };
  if (ofKind.length > 1)
    return {
      problem: `${ofKind.length} departments are of the kind “${text}” (${ofKind.map((d) => d.name).join(", ")}): give the department's name.`,
    };
  return {
    problem: `no active department is called “${text}”. Give a kind (police, prosecution, court, dcpu, dwcd, dlsa, plv, shelter_home, ngo) or a name as on the Departments page.`,
  };
}

export type RowContext = {
  db: Conn;
  who: Who;
  columns: ImportCheck["columns"];
  departments: Departments;
  byCode: Map<string, RegisteredCaseRow>;
  byFir: Map<string, RegisteredCaseRow[]>;
  guarded: Map<string, { message: string; rewrite?: string } | null>;
};

/**
 * The input guard's refusal of one cell, if any. A register repeats its police stations, courts
 * and sections row after row: each distinct text is checked once per file.
 */
function guarded(ctx: RowContext, row: number, column: ImportColumn, text: string) {
  if (!(column in guardedColumns) || !text) return null;
  const key = `${column}\u0000${text}`;
  let refusal = ctx.guarded.get(key);
  if (refusal === undefined) {
    const fields = { [column]: guardedColumns[column]! };
    const refused = refuseProtectedInput(
      ctx.db,
      ctx.who,
      `the register import, row ${row}`,
      { [column]: text },
      fields,
    );
    refusal = refused?.[column] ? { message: refused[column]!, rewrite: refused[rewriteKey(column)] } : null;
    ctx.guarded.set(key, refusal);
  }
  return refusal;
}

export function checkRow(ctx: RowContext, line: Sheet["rows"][number], problems: RowProblem[]): CheckedRow | null {
  const row = line.number;
  const cells = new Map<ImportColumn, SheetCell>();
  ctx.columns.forEach((c, i) => c.column && cells.set(c.column, line.cells[i] ?? null));
  const has = (column: ImportColumn) => cells.has(column);
  const text = (column: ImportColumn) =>
    dateColumns.has(column) ? importDate(cells.get(column) ?? null) : importText(cells.get(column) ?? null);
  const before = problems.length;
  const problem = (column: string, message: string, rewrite?: string) => {
    const raw = quotedColumns.has(column as ImportColumn) ? importText(cells.get(column as ImportColumn) ?? null) : "";
    problems.push({
      row,
      column,
      message: raw ? `${message} The cell holds “${raw}”.` : message,
      ...(rewrite ? { rewrite } : {}),
    });
  };

  const givenCode = text("case_code") ? normaliseCaseCode(text("case_code")) : null;
  if (givenCode && (!caseCodePattern.test(givenCode) || !givenCode.startsWith(`${ctx.who.districtCode}-`))) {
    problem(
      "case_code",
      `“${givenCode}” is not a case code of this collective: its codes are written ${ctx.who.districtCode}-2026-0042, or leave it empty to have one issued.`,
    );
  }
  const fir = firIdentity(text("fir_number"), text("fir_year"));
  let match = givenCode ? (ctx.byCode.get(givenCode) ?? null) : null;
  const firMatches = fir ? (ctx.byFir.get(fir) ?? []) : [];
  if (givenCode && fir && firMatches.some((c) => c.code !== givenCode)) {
    problem(
      "fir_number",
      `this FIR number and year are those of ${firMatches.map((c) => c.code).join(", ")}, not of ${givenCode}.`,
    );
  } else if (!givenCode && firMatches.length > 1) {
    problem(
      "fir_number",
      `this FIR number and year match ${firMatches.length} cases (${firMatches.map((c) => c.code).join(", ")}): give the case_code.`,
    );
  } else if (!givenCode) {
    match = firMatches[0] ?? null;
  }
  if (!givenCode && !fir) {
    problem(
      "case_code",
      "give the case code, or the FIR number and year: without either, importing the file again would register this case a second time.",
    );
  }

  const keep = <T>(
    column: ImportColumn,
    fromCase: (c: RegisteredCase) => T,
    fallback: T,
    read: (t: string) => string | T = (t) => t,
  ) => (has(column) ? read(text(column)) : match ? fromCase(match) : fallback);
  const lead = resolveDepartment(ctx.departments, text("lead_department"));
  if (lead && "problem" in lead) problem("lead_department", lead.problem);
  const involved =
    lead && "id" in lead
      ? match
        ? departmentsWithLead(match.departments, lead.id)
        : [{ departmentId: lead.id, role: "lead" as const }]
      : [];
  const values: Record<string, unknown> = {
    policeStation: keep("police_station", (c) => c.policeStation, ""),
    firNumber: keep("fir_number", (c) => c.firNumber ?? "", ""),
    firYear: keep("fir_year", (c) => (c.firYear === null ? "" : String(c.firYear)), ""),
    courtName: keep("court", (c) => c.courtName ?? "", ""),
    courtCaseNumber: keep("court_case_number", (c) => c.courtCaseNumber ?? "", ""),
    sections: keep("sections", (c) => c.sections, ""),
    stage: importStage(text("stage")),
    status: importStatus(text("status")),
    outcome: keep("outcome", (c) => c.outcome ?? "", "", importOutcome),
    openedOn: text("opened_on"),
    closedOn: keep("closed_on", (c) => c.closedOn ?? "", ""),
    chargesheetLimitDays: String(match?.chargesheetLimitDays ?? 60),
    ...Object.fromEntries(involved.map((d) => [`dept-${d.departmentId}`, d.role])),
  };
  const parsed = caseSchema.safeParse(values);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      const column = caseFieldColumn[field] ?? (field.startsWith("dept-") ? "lead_department" : "case_code");
      if (seen.has(column) || (column === "lead_department" && lead && "problem" in lead)) continue;
      seen.add(column);
      problem(column, issue.message);
    }
  }

  const accused = importList(text("accused")).flatMap((name, i) => {
    const person = accusedSchema.safeParse({ intent: "add-accused", name, bailStatus: "not_applied" });
    if (!person.success) problem("accused", `Accused ${i + 1}: ${person.error.issues[0]?.message}`);
    return person.success ? [person.data] : [];
  });
  const victims = importVictims(text("victims"));
  if ("problem" in victims) problem("victims", victims.problem);

  let event: CheckedRow["event"] = null;
  const nextDate = keep("next_hearing_on", (c) => c.importEvent?.nextDate ?? "", "");
  const note = keep("notes", (c) => c.importEvent?.note ?? "", "");
  if (parsed.success && (nextDate || note || match?.importEvent)) {
    const occurredOn = parsed.data.openedOn < ctx.who.today ? parsed.data.openedOn : ctx.who.today;
    const checked = caseEventSchema.safeParse({
      intent: "add-event",
      kind: "other",
      occurredOn,
      outcome: importedEventOutcome,
      nextDate,
      note,
      verdict: "",
    });
    if (checked.success) event = { occurredOn, nextDate: checked.data.nextDate, note: checked.data.note };
    else {
      for (const issue of checked.error.issues) {
        const column = issue.path[0] === "note" ? "notes" : "next_hearing_on";
        problem(
          column,
          issue.message.replace(
            "The next date cannot be before the event's date.",
            "The next hearing cannot be before the case was opened.",
          ),
        );
      }
    }
  }

  for (const column of cells.keys()) {
    const refused = guarded(ctx, row, column, text(column));
    if (refused) problem(column, refused.message, refused.rewrite);
  }

  if (problems.length > before || !parsed.success || "problem" in victims) return null;
  return {
    row,
    identity: givenCode ?? `fir:${fir}`,
    rawKey: JSON.stringify([...cells.entries()].map(([c, v]) => [c, importText(v)])),
    givenCode,
    match,
    input: parsed.data,
    accused,
    victims,
    event,
  };
}
