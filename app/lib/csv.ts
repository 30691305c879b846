// The one CSV writer of the app: every export (outcomes, accountability, the audit log) goes
// through it, so quoting, line ends and the defences below are written once.

/** A cell: text, a number, or empty. */
export type CsvCell = string | number | null | undefined;

// Excel and LibreOffice run a cell that begins with one of these as a formula. A tab or CR at the
// start is stripped by some importers, exposing what follows.
const formulaStart = /^[=+\-@\t\r]/;
// What a plain figure looks like: it is not a formula and stays as typed ("-3", "+5", "12.5%").
const plainNumber = /^[+-]?\d+(?:\.\d+)?%?$/;

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice). */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV: CRLF line ends, quoted where needed, and a UTF-8 byte-order mark first so that
 * Excel on Windows reads Devanagari (and every other non-Latin text) as UTF-8.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return "\uFEFF" + [header, ...rows].map((line) => line.map(cell).join(",")).join("\r\n") + "\r\n";
}
