import type { ImportColumn } from "~/lib/case-import/columns";
import { changedColumns, codeIssuer, sameName, victimCodeIssuer } from "~/lib/case-import/plan";
import type { RegisteredCaseRow } from "~/models/case-import.server";
import type { CheckedRow, RowProblem } from "./check.server";

// What each checked row becomes: a new case (with the code it will be issued), an update of the
// case it matched (and which columns change), unchanged, or a repeat of an earlier row.

export type ImportAction = "new" | "update" | "unchanged" | "duplicate";
export type PlannedRow = Omit<CheckedRow, "identity" | "rawKey" | "givenCode" | "match" | "victims" | "event"> & {
  action: ImportAction;
  duplicateOf: number | null;
  code: string;
  current: RegisteredCaseRow | null;
  changes: ImportColumn[];
  victimCodes: string[];
  event: (NonNullable<CheckedRow["event"]> & { eventId: number | null }) | null;
};

type Register = { districtCode: string; caseCodes: string[]; victimCodes: string[] };

function sameEvent(a: CheckedRow["event"], b: RegisteredCaseRow["importEvent"]): boolean {
  if (!a) return true;
  return !!b && a.nextDate === b.nextDate && a.note === b.note;
}

export function planRows(
  checked: readonly CheckedRow[],
  register: Register,
): { rows: PlannedRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const first = new Map<string, CheckedRow>();
  const duplicateOf = new Map<number, number>();
  for (const row of checked) {
    const earlier = first.get(row.identity);
    if (!earlier) first.set(row.identity, row);
    else if (earlier.rawKey === row.rawKey) duplicateOf.set(row.row, earlier.row);
    else {
      const column = row.identity.startsWith("fir:") ? "fir_number" : "case_code";
      problems.push({
        row: row.row,
        column,
        message: `the same case as row ${earlier.row}, with other details: keep one row per case.`,
      });
    }
  }

  const cases = codeIssuer(register.districtCode, register.caseCodes);
  const collectiveVictims = new Set(register.victimCodes);
  const victims = victimCodeIssuer(register.victimCodes);
  const victimRow = new Map<string, number>();
  for (const row of checked) {
    if (row.givenCode) cases.reserve(row.givenCode);
    if (duplicateOf.has(row.row)) continue;
    for (const code of row.victims.codes) {
      const other = victimRow.get(code);
      if (other !== undefined)
        problems.push({
          row: row.row,
          column: "victims",
          message: `${code} is also a victim of the case in row ${other}.`,
        });
      else if (collectiveVictims.has(code) && !row.match?.victimCodes.includes(code))
        problems.push({ row: row.row, column: "victims", message: `${code} is recorded on another case.` });
      victimRow.set(code, row.row);
      victims.reserve(code);
    }
  }

  const rows: PlannedRow[] = checked.map(
    ({ identity: _i, rawKey: _k, givenCode, match, victims: wanted, event, ...row }) => {
      const base = { ...row, current: match, victimCodes: [] as string[], event: null, changes: [] as ImportColumn[] };
      const repeated = duplicateOf.get(row.row);
      if (repeated !== undefined)
        return { ...base, action: "duplicate", duplicateOf: repeated, code: givenCode ?? match?.code ?? "" };
      const known = new Set(match?.accusedNames.map(sameName) ?? []);
      const accused = row.accused.filter((a) => {
        const fresh = !known.has(sameName(a.name));
        known.add(sameName(a.name));
        return fresh;
      });
      const recorded = match?.victimCodes ?? [];
      const victimCodes = wanted.codes.length
        ? wanted.codes.filter((c) => !recorded.includes(c))
        : Array.from({ length: Math.max(0, wanted.count - recorded.length) }, () => victims.issue());
      const writeEvent =
        event && !sameEvent(event, match?.importEvent ?? null)
          ? { ...event, eventId: match?.importEvent?.id ?? null }
          : null;
      const code = givenCode ?? match?.code ?? cases.issue(Number(row.input.openedOn.slice(0, 4)));
      if (!match) return { ...base, action: "new", duplicateOf: null, code, accused, victimCodes, event: writeEvent };
      const changes: ImportColumn[] = [...changedColumns(match, row.input)];
      if (accused.length) changes.push("accused");
      if (victimCodes.length) changes.push("victims");
      if (writeEvent && writeEvent.nextDate !== (match.importEvent?.nextDate ?? null)) changes.push("next_hearing_on");
      if (writeEvent && writeEvent.note !== (match.importEvent?.note ?? null)) changes.push("notes");
      return {
        ...base,
        action: changes.length ? "update" : "unchanged",
        duplicateOf: null,
        code,
        accused,
        victimCodes,
        event: writeEvent,
        changes,
      };
    },
  );
  return { rows, problems };
}
