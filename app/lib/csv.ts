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

/** What every CSV file begins with: a UTF-8 byte-order mark, so that Excel on Windows reads Devanagari (and every other non-Latin text) as UTF-8. */
export const csvBom = "\uFEFF";

/** One RFC 4180 line with its CRLF: for a file written a line at a time (the archive export). */
export function csvLine(line: readonly CsvCell[]): string {
  return line.map(cell).join(",") + "\r\n";
}

/** RFC 4180 CSV: CRLF line ends, quoted where needed, and the byte-order mark first. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return csvBom + [header, ...rows].map(csvLine).join("");
}

/**
 * Reads CSV as spreadsheets write it: UTF-8 with or without a byte-order mark, comma or semicolon
 * (Excel in locales with a decimal comma writes semicolons; the header line decides), RFC 4180
 * quotes, CRLF or LF. Returns every record as text cells, a blank line as one empty cell, so a
 * record's index + 1 is the row number a spreadsheet shows.
 */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const delimiter = delimiterOf(body);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endRow = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = "";
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (body[i + 1] === '"') cell += body[++i];
      else quoted = false;
    } else if (ch === '"' && cell === "") {
      quoted = true;
    } else if (ch === delimiter) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      endRow();
    } else {
      cell += ch;
    }
  }
  if (row.length || cell !== "" || quoted) endRow();
  return rows;
}

/** The header line's separator: whichever of `;` and `,` it holds more of outside quotes. */
function delimiterOf(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}
