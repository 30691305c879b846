// Case codes are `<DISTRICT CODE>-<YEAR>-<NNNN>`, e.g. NGP-2025-0017: the only name a case ever has.

export const caseCodePattern = /^[A-Z]{2,5}-\d{4}-\d{4}$/;

export function formatCaseCode(districtCode: string, year: number, serial: number): string {
  return `${districtCode}-${year}-${String(serial).padStart(4, "0")}`;
}

/** The next code for a year, one past the highest serial already issued in that year. */
export function nextCaseCode(existingCodes: readonly string[], districtCode: string, year: number): string {
  const prefix = `${districtCode}-${year}-`;
  const highest = existingCodes
    .filter((c) => c.startsWith(prefix))
    .map((c) => Number(c.slice(prefix.length)))
    .filter(Number.isInteger)
    .reduce((a, b) => Math.max(a, b), 0);
  return formatCaseCode(districtCode, year, highest + 1);
}

/** Codes typed by people: trimmed and upper-cased before matching. */
export function normaliseCaseCode(input: string): string {
  return input.trim().toUpperCase();
}
