// Words people read for the codes the database keeps.
import type { RecordAttribute } from "#db/schema/enums";

export const stageLabels: Record<string, string> = {
  rescue: "Rescue",
  fir: "FIR registered",
  investigation: "Investigation",
  chargesheet: "Chargesheet filed",
  charges_framed: "Charges framed",
  prosecution_evidence: "Prosecution evidence",
  defence_evidence: "Defence evidence",
  judgment: "Judgment",
  appeal: "Appeal",
  closed: "Closed",
};

export const outcomeLabels: Record<string, string> = {
  convicted: "Convicted",
  acquitted: "Acquitted",
  discharged: "Discharged",
  other: "Other",
};

export const departmentKindLabels: Record<string, string> = {
  police: "Police",
  prosecution: "Prosecution",
  court: "Court",
  dcpu: "District Child Protection Unit",
  dwcd: "Women and Child Development",
  dlsa: "Legal Services Authority",
  plv: "Para-Legal Volunteers",
  shelter_home: "Shelter home",
  ngo: "NGO",
  other: "Other",
};

export const roleLabels: Record<string, string> = {
  admin: "Administrator",
  secretariat: "Secretariat",
  representative: "Department representative",
  observer: "Observer",
};

export function label(map: Record<string, string>, code: string | null | undefined): string {
  if (!code) return "";
  return map[code] ?? code.replace(/_/g, " ");
}

export const eventKindLabels: Record<string, string> = {
  rescue: "Rescue",
  arrest: "Arrest",
  fir: "FIR",
  statement: "Statement before magistrate",
  chargesheet_filed: "Chargesheet filed",
  charges_framed: "Charges framed",
  hearing: "Hearing",
  testimony: "Victim testimony",
  bail_application: "Bail application",
  bail_order: "Bail order",
  judgment: "Judgment",
  appeal_filed: "Appeal filed",
  compensation_application: "Compensation application",
  compensation_order: "Compensation order",
  other: "Other",
};

/** The life of the minutes, in words for the meetings list and the minutes page. */
export const minutesStateLabels: Record<string, string> = {
  draft: "Draft: being written up",
  circulated: "Circulated: awaiting confirmation at the next meeting",
  confirmed: "Confirmed",
  amended: "Confirmed, with amendments",
};

/** What happened to an agenda item at the meeting; "" is an item nobody has marked yet. */
export const itemStatusLabels: Record<string, string> = {
  "": "Not recorded",
  discussed: "Discussed",
  deferred: "Deferred",
  not_reached: "Not reached",
};

/** The attributes of an identity record (the values themselves are never kept). */
export const recordAttributeLabels: Record<RecordAttribute, string> = {
  name: "Name",
  other_name: "Other name",
  father: "Father's name",
  mother: "Mother's name",
  husband: "Husband's name",
  village: "Village or locality",
  school: "School",
  phone: "Phone number",
  alias: "Alias",
  word: "Word protected alone",
};

export const statusLabels: Record<string, string> = { open: "Open", closed: "Closed" };

/**
 * The stages and statuses in Marathi and Hindi, as the state's police and courts write them, so a
 * register kept in either language imports as it is. To be reviewed by a native speaker with the
 * glossary; each is matched whole, after trimming and Unicode normalisation.
 */
export const stageLabelsMarathi: Record<string, string> = {
  rescue: "सुटका",
  fir: "एफआयआर दाखल",
  investigation: "तपास",
  chargesheet: "दोषारोपपत्र दाखल",
  charges_framed: "दोषारोप निश्चित",
  prosecution_evidence: "सरकार पक्षाचा पुरावा",
  defence_evidence: "बचाव पक्षाचा पुरावा",
  judgment: "निकाल",
  appeal: "अपील",
  closed: "बंद",
};

export const stageLabelsHindi: Record<string, string> = {
  rescue: "बचाव",
  fir: "एफआईआर दर्ज",
  investigation: "जांच",
  chargesheet: "आरोप पत्र दाखिल",
  charges_framed: "आरोप तय",
  prosecution_evidence: "अभियोजन साक्ष्य",
  defence_evidence: "बचाव साक्ष्य",
  judgment: "निर्णय",
  appeal: "अपील",
  closed: "बंद",
};

export const statusLabelsMarathi: Record<string, string> = { open: "चालू", closed: "बंद" };
export const statusLabelsHindi: Record<string, string> = { open: "खुला", closed: "बंद" };

/** Every language's words for the stages, English first: the register's search reads them all. */
export const stageLabelTables: readonly Record<string, string>[] = [stageLabels, stageLabelsMarathi, stageLabelsHindi];

const folded = (text: string) => text.normalize("NFC").toLocaleLowerCase("en").trim().replace(/\s+/g, " ");

/**
 * The stages whose stored value ("charges_framed", read as "charges framed") or label in any
 * language of the tables contains the words typed, in any case: "charges", "दोषारोपपत्र", "जांच".
 */
export function stagesMatching<T extends string>(stages: readonly T[], typed: string): T[] {
  const words = folded(typed);
  if (!words) return [];
  return stages.filter((stage) =>
    [stage.replace(/_/g, " "), ...stageLabelTables.map((table) => table[stage] ?? "")].some(
      (name) => name !== "" && folded(name).includes(words),
    ),
  );
}
