import ExcelJS from "exceljs";
import { parseCsv } from "~/lib/csv";
import type { SheetCell } from "~/lib/case-import/cells";
import { importLimits } from "~/lib/case-import/columns";
import { plural } from "~/lib/plural";

// A register file read into rows of cells: CSV (UTF-8, comma or semicolon) or the first sheet of
// an .xlsx workbook. The limits are stated on the page and in the README.

const megabytes = (n: number) => `${(n / 1024 / 1024).toLocaleString("en-IN", { maximumFractionDigits: 1 })} MB`;

export type Sheet = { headers: string[]; rows: { number: number; cells: SheetCell[] }[] };
export type SheetResult = { ok: true; sheet: Sheet } | { ok: false; problem: string };

const tooManyRows = (n: number): SheetResult => ({
  ok: false,
  problem: `The file has ${plural(n, "case row", "case rows")}; one import takes at most ${importLimits.rows.toLocaleString("en-IN")}. Split it into smaller files and import each.`,
});

function fromMatrix(matrix: SheetCell[][]): SheetResult {
  const headerAt = matrix.findIndex((r) => r.some((c) => c !== null && String(c).trim() !== ""));
  if (headerAt < 0)
    return { ok: false, problem: "The file is empty: the first row must hold the column names of the template." };
  const headers = matrix[headerAt]!.map((c) => (c === null ? "" : String(c).trim()));
  const rows = matrix
    .map((cells, i) => ({ number: i + 1, cells }))
    .slice(headerAt + 1)
    .filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== ""));
  if (rows.length === 0) return { ok: false, problem: "The file has column names but no cases below them." };
  if (rows.length > importLimits.rows) return tooManyRows(rows.length);
  return { ok: true, sheet: { headers, rows } };
}

/** An xlsx cell's value as text, number or date: formulas by their result, rich text by its text. */
function xlsxCell(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || value instanceof Date) return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("result" in value) return xlsxCell((value.result ?? null) as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  return null;
}

async function readXlsx(bytes: Uint8Array): Promise<SheetResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return {
      ok: false,
      problem: "The file could not be read as an Excel workbook (.xlsx). Save it again from Excel, or as CSV (UTF-8).",
    };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, problem: "The workbook has no sheet." };
  // Counted before the cells are read, so a sheet far past the limit costs nothing more.
  if (sheet.actualRowCount - 1 > importLimits.rows) return tooManyRows(sheet.actualRowCount - 1);
  const matrix: SheetCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: SheetCell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(xlsxCell(row.getCell(c).value));
    matrix[number - 1] = cells;
  });
  return fromMatrix(Array.from(matrix, (r) => r ?? []));
}

/** Reads an uploaded register. The name decides the format (.csv or .xlsx); anything else is refused. */
export async function readRegister(fileName: string, bytes: Uint8Array): Promise<SheetResult> {
  if (bytes.byteLength > importLimits.bytes) {
    return {
      ok: false,
      problem: `The file is ${megabytes(bytes.byteLength)}; an import takes at most ${megabytes(importLimits.bytes)}. Split it into smaller files.`,
    };
  }
  const name = fileName.toLowerCase();
  if (name.endsWith(".xlsx")) return readXlsx(bytes);
  if (name.endsWith(".csv") || name.endsWith(".txt")) {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return {
        ok: false,
        problem:
          "The file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (Comma delimited)”, or upload the .xlsx itself.",
      };
    }
    return fromMatrix(parseCsv(text));
  }
  if (name.endsWith(".xls"))
    return {
      ok: false,
      problem: "Old Excel files (.xls) are not read: save the sheet as .xlsx or as CSV (UTF-8) and upload that.",
    };
  return { ok: false, problem: "Upload the register as a .csv or .xlsx file." };
}
