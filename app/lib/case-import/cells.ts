// Cells of a case register as people keep them, turned into what the case form would receive.
import { caseStages, caseStatuses, caseOutcomes } from "#db/schema/enums";
import { isoFromDayNumber } from "~/lib/dates";
import {
  outcomeLabels,
  stageLabels,
  stageLabelsHindi,
  stageLabelsMarathi,
  statusLabels,
  statusLabelsHindi,
  statusLabelsMarathi,
} from "~/lib/labels";

/** What a spreadsheet cell holds once read: text, a number, or a date (xlsx date cells). */
export type SheetCell = string | number | Date | null;

// Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in); 25569 is 1970-01-01.
const excelEpochOffset = 25_569;
const plausibleSerial = (n: number) => Number.isInteger(n) && n >= 18_264 && n <= 73_051; // 1950 to 2099

/**
 * A date cell as ISO: DD/MM/YYYY (also with - or . and one-digit day or month), YYYY-MM-DD, an
 * Excel serial, or an xlsx date. Anything else is returned as typed, for the schema to refuse.
 */
export function importDate(cell: SheetCell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  if (typeof cell === "number") return plausibleSerial(cell) ? isoFromDayNumber(cell - excelEpochOffset) : String(cell);
  const text = cell.trim();
  const indian = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (indian) return `${indian[3]}-${indian[2]!.padStart(2, "0")}-${indian[1]!.padStart(2, "0")}`;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]!.padStart(2, "0")}-${iso[3]!.padStart(2, "0")}`;
  if (/^\d{5}$/.test(text) && plausibleSerial(Number(text))) return isoFromDayNumber(Number(text) - excelEpochOffset);
  return text;
}

/** A cell as text: numbers as written (an FIR year 2025, not 2025.0), dates as ISO. */
export function importText(cell: SheetCell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return importDate(cell);
  return String(cell).trim();
}

const choiceKey = (text: string) =>
  text
    .normalize("NFC")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

function choiceTable(values: readonly string[], ...labelTables: Record<string, string>[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const value of values) {
    table.set(choiceKey(value), value);
    for (const labels of labelTables) if (labels[value]) table.set(choiceKey(labels[value]), value);
  }
  return table;
}

const stages = choiceTable(caseStages, stageLabels, stageLabelsMarathi, stageLabelsHindi);
const statuses = choiceTable(caseStatuses, statusLabels, statusLabelsMarathi, statusLabelsHindi);
const outcomes = choiceTable(caseOutcomes, outcomeLabels);

/** A stage, status or outcome as the product's value when the cell names one; otherwise as typed, for the schema to refuse. */
export const importStage = (text: string) => stages.get(choiceKey(text)) ?? text;
export const importStatus = (text: string) => statuses.get(choiceKey(text)) ?? text;
export const importOutcome = (text: string) => outcomes.get(choiceKey(text)) ?? text;

/** A `;`-separated list: trimmed, empty parts dropped. */
export function importList(text: string): string[] {
  return text
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Victims as a register gives them: a count, or pseudonym codes. Anything else is refused. */
export type VictimsCell = { count: number; codes: string[] } | { problem: string };
const victimCode = /^[A-Z][A-Z0-9]{0,5}-\d{1,6}$/;
export const maxVictimsPerCase = 50;

export function importVictims(text: string): VictimsCell {
  if (text === "") return { count: 0, codes: [] };
  if (/^\d+$/.test(text)) {
    const count = Number(text);
    return count <= maxVictimsPerCase
      ? { count, codes: [] }
      : { problem: `a case has at most ${maxVictimsPerCase} victims here (it says ${count}).` };
  }
  const codes = importList(text).map((c) => c.toUpperCase());
  const bad = codes.find((c) => !victimCode.test(c));
  if (bad !== undefined) {
    return {
      problem:
        "give a count (2) or pseudonym codes separated by ; (V-0041; V-0042), never a victim's name: the law forbids recording it.",
    };
  }
  if (new Set(codes).size !== codes.length) return { problem: "the same pseudonym code is given twice." };
  return { count: codes.length, codes };
}
