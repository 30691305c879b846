// The columns of the case-register template, and how a spreadsheet's own headers map onto them.

export const importColumns = [
  "case_code",
  "police_station",
  "fir_number",
  "fir_year",
  "sections",
  "court",
  "court_case_number",
  "stage",
  "status",
  "outcome",
  "opened_on",
  "closed_on",
  "next_hearing_on",
  "lead_department",
  "accused",
  "victims",
  "notes",
] as const;
export type ImportColumn = (typeof importColumns)[number];

/** What one import takes, stated on the page and in the README; past it the file is refused with a message. */
export const importLimits = { bytes: 10 * 1024 * 1024, rows: 10_000 };
export const acceptedTypes = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Without these a row cannot become a case, so a file without them is refused whole. */
export const requiredColumns: readonly ImportColumn[] = [
  "police_station",
  "stage",
  "status",
  "opened_on",
  "lead_department",
];

/** What each column holds, for the template's description on the page and in the README. */
export const columnHelp: Record<ImportColumn, string> = {
  case_code:
    "The collective's code (DEM-2026-0042). Empty: a code is issued, and the FIR number and year then identify the case.",
  police_station: "Required.",
  fir_number: "Restricted. With fir_year it identifies the case when case_code is empty.",
  fir_year: "A year such as 2025.",
  sections: "As written in the FIR, e.g. BNS 143, ITPA 4, 5.",
  court: "The court's name.",
  court_case_number: "e.g. SC 112/2025.",
  stage:
    "rescue, fir, investigation, chargesheet, charges_framed, prosecution_evidence, defence_evidence, judgment, appeal, closed; or their English, Marathi or Hindi names.",
  status: "open or closed (also Open/Closed, चालू/बंद, खुला/बंद).",
  outcome: "convicted, acquitted, discharged, other; or empty.",
  opened_on: "Required. DD/MM/YYYY, YYYY-MM-DD, or an Excel date.",
  closed_on: "Required when status is closed. Same forms as opened_on.",
  next_hearing_on: "The next hearing. Same forms as opened_on.",
  lead_department:
    "Required. A department's kind (police, prosecution, court, dcpu, dwcd, dlsa, plv, shelter_home, ngo) or its name as on the Departments page.",
  accused: "Restricted. Names separated by ;",
  victims: "A count (2), or pseudonym codes separated by ; (V-0041; V-0042). Never a name.",
  notes: "Restricted note, kept on the case's timeline.",
};

/** A header as compared: lower case, without spaces, underscores, hyphens or dots, Unicode-normalised. */
export function headerKey(header: string): string {
  return header
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s_.\-\u200c\u200d]+/g, "");
}

const byKey = new Map<string, ImportColumn>(importColumns.map((c) => [headerKey(c), c]));

export function columnOf(header: string): ImportColumn | undefined {
  return byKey.get(headerKey(header));
}

export const victimNameRefusal =
  "The law forbids recording a victim's name or anything that may make her identity known (BNS s.72, formerly IPC s.228A; POCSO s.23; " +
  "JJ Act s.74; the Supreme Court in Nipun Saxena v. Union of India, 2018), so TESTA Desk has no place for it. Delete the column and import " +
  "again: victims come in as a count or as pseudonym codes (V-0042).";

// "पीडित" (victim, in Marathi and Hindi) is also written with a nukta, "पीड़ित".
const victimWord = /victim|पीडित|पीड़ित/;
const nameWord = /name|naam|नाव|नाम/;

/** Cells that read like a person's name: two or more words of letters only, no digits. */
const nameLike = /^[\p{L}\p{M}.']+(?:\s+[\p{L}\p{M}.']+)+$/u;

/**
 * The columns that look like victims' names, with why: a header naming a victim's name, any header
 * with "पीडित" that is not the victims column, or an unmapped column beside the victims column
 * whose header says "name" or whose cells mostly read as names.
 */
export function victimNameColumns(
  headers: readonly string[],
  cellsOf: (index: number) => readonly string[],
): { index: number; header: string }[] {
  const keys = headers.map((h) => h.normalize("NFC").toLowerCase());
  const found = new Set<number>();
  keys.forEach((key, i) => {
    const mapped = columnOf(headers[i]!);
    if (victimWord.test(key) && (nameWord.test(key) || (mapped !== "victims" && /पीड/.test(key)))) found.add(i);
  });
  const victimsAt = headers.findIndex((h) => columnOf(h) === "victims");
  if (victimsAt >= 0) {
    for (const i of [victimsAt - 1, victimsAt + 1]) {
      if (i < 0 || i >= headers.length || columnOf(headers[i]!)) continue;
      const cells = cellsOf(i).filter((c) => c.trim() !== "");
      const namey = cells.filter((c) => nameLike.test(c.trim())).length;
      if (nameWord.test(keys[i]!) || (cells.length > 0 && namey * 2 > cells.length)) found.add(i);
    }
  }
  return [...found].sort((a, b) => a - b).map((index) => ({ index, header: headers[index]! }));
}
