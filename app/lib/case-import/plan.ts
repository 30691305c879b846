// What each row of an imported register becomes, worked out without the database: matching keys,
// issued codes, and the columns an update would change.
import { formatCaseCode } from "~/lib/case-code";
import { firParts } from "~/lib/fir-citation";
import type { CaseInput } from "~/schemas/case";
import type { ImportColumn } from "./columns";

/** A case as the import compares it (read by app/models/case-import.server.ts). */
export type RegisteredCase = {
  id: number;
  code: string;
  version: number;
  policeStation: string;
  firNumber: string | null;
  firYear: number | null;
  courtName: string | null;
  courtCaseNumber: string | null;
  sections: string;
  stage: CaseInput["stage"];
  status: CaseInput["status"];
  outcome: CaseInput["outcome"];
  openedOn: string;
  closedOn: string | null;
  chargesheetLimitDays: number;
  departments: CaseInput["departments"];
  accusedNames: string[];
  victimCodes: string[];
  importEvent: { id: number; nextDate: string | null; note: string | null } | null;
};

/** An FIR as matched: its number without leading zeros and its year, or null without either. */
export function firIdentity(
  firNumber: string | null | undefined,
  firYear: number | string | null | undefined,
): string | null {
  if (!firNumber?.trim()) return null;
  const parts = firParts(firNumber);
  const year = firYear ? Number(firYear) : parts.year;
  return year ? `${parts.key}/${year}` : null;
}

/** Names compared as people write them: case, spacing and Unicode form aside. */
export const sameName = (name: string) => name.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

/** The departments of an updated case: the register's lead leads; a former lead stays involved, in support. */
export function departmentsWithLead(current: CaseInput["departments"], leadId: number): CaseInput["departments"] {
  const others = current
    .filter((d) => d.departmentId !== leadId)
    .map((d) => ({ ...d, role: d.role === "lead" ? ("support" as const) : d.role }));
  return [...others, { departmentId: leadId, role: "lead" as const }];
}

const caseColumns: [keyof CaseInput & keyof RegisteredCase, ImportColumn][] = [
  ["policeStation", "police_station"],
  ["firNumber", "fir_number"],
  ["firYear", "fir_year"],
  ["courtName", "court"],
  ["courtCaseNumber", "court_case_number"],
  ["sections", "sections"],
  ["stage", "stage"],
  ["status", "status"],
  ["outcome", "outcome"],
  ["openedOn", "opened_on"],
  ["closedOn", "closed_on"],
];

const departmentKey = (ds: CaseInput["departments"]) =>
  ds
    .map((d) => `${d.departmentId}:${d.role}`)
    .sort()
    .join(",");

/** The register's columns whose value differs from the case as recorded. */
export function changedColumns(current: RegisteredCase, input: CaseInput): ImportColumn[] {
  const changed = caseColumns
    .filter(([field]) => (current[field] ?? null) !== (input[field] ?? null))
    .map(([, column]) => column);
  if (departmentKey(current.departments) !== departmentKey(input.departments)) changed.push("lead_department");
  return changed;
}

/** Issues codes the way the case form does (one past the year's highest), never one the register or the file holds. */
export function codeIssuer(districtCode: string, taken: Iterable<string>) {
  const used = new Set(taken);
  const highest = new Map<number, number>();
  return {
    reserve: (code: string) => used.add(code),
    issue(year: number): string {
      const prefix = formatCaseCode(districtCode, year, 0).slice(0, -4);
      let serial =
        highest.get(year) ??
        [...used]
          .filter((c) => c.startsWith(prefix))
          .map((c) => Number(c.slice(prefix.length)) || 0)
          .reduce((a, b) => Math.max(a, b), 0);
      let code: string;
      do code = formatCaseCode(districtCode, year, ++serial);
      while (used.has(code));
      highest.set(year, serial);
      used.add(code);
      return code;
    },
  };
}

/** Victims' pseudonym codes, V-0001 onwards, past the collective's highest and any the file names. */
export function victimCodeIssuer(taken: Iterable<string>) {
  const used = new Set(taken);
  let serial = [...used].map((c) => (/^V-(\d+)$/.exec(c) ? Number(c.slice(2)) : 0)).reduce((a, b) => Math.max(a, b), 0);
  return {
    reserve: (code: string) => used.add(code),
    issue(): string {
      let code: string;
      do code = `V-${String(++serial).padStart(4, "0")}`;
      while (used.has(code));
      used.add(code);
      return code;
    },
  };
}
