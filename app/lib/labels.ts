// Words people read for the codes the database keeps.
import type { RecordAttribute } from "#db/schema/enums";
import { catalogues, type Language } from "~/lib/i18n";

// The words live in the catalogue (app/lib/i18n), one table per vocabulary; the English tables
// below are what the pages not yet converted read. labelIn() gives a code's word in any language.

/** The vocabularies whose codes the catalogue names: labelIn(language, "stage", "fir"). */
export type LabelGroup =
  | "stage"
  | "status"
  | "outcome"
  | "departmentKind"
  | "role"
  | "eventKind"
  | "minutesState"
  | "itemStatus"
  | "recordAttribute";

const table = (language: Language, group: LabelGroup): Record<string, string> => catalogues[language][group];

/** A code's word in a language; an unknown code is shown as itself, underscores as spaces. */
export function labelIn(language: Language, group: LabelGroup, code: string | null | undefined): string {
  if (code === null || code === undefined) return "";
  // The item nobody has marked yet is stored as "" and named "none" in the catalogue.
  const key = group === "itemStatus" && code === "" ? "none" : code;
  if (!key) return "";
  return table(language, group)[key] ?? code.replace(/_/g, " ");
}

const english = (group: LabelGroup) => table("en-IN", group);

export const stageLabels: Record<string, string> = english("stage");
export const outcomeLabels: Record<string, string> = english("outcome");
export const departmentKindLabels: Record<string, string> = english("departmentKind");
export const roleLabels: Record<string, string> = english("role");

export function label(map: Record<string, string>, code: string | null | undefined): string {
  if (!code) return "";
  return map[code] ?? code.replace(/_/g, " ");
}

export const eventKindLabels: Record<string, string> = english("eventKind");

/** The life of the minutes, in words for the meetings list and the minutes page. */
export const minutesStateLabels: Record<string, string> = english("minutesState");

/** What happened to an agenda item at the meeting; "" is an item nobody has marked yet. */
export const itemStatusLabels: Record<string, string> = {
  "": catalogues["en-IN"].itemStatus.none,
  ...Object.fromEntries(Object.entries(english("itemStatus")).filter(([code]) => code !== "none")),
};

/** The attributes of an identity record (the values themselves are never kept). */
export const recordAttributeLabels: Record<RecordAttribute, string> = catalogues["en-IN"].recordAttribute;

export const statusLabels: Record<string, string> = english("status");

/**
 * The stages and statuses in Marathi and Hindi, as the state's police and courts write them, so a
 * register kept in either language imports as it is. To be reviewed by a native speaker with the
 * glossary; each is matched whole, after trimming and Unicode normalisation.
 */
export const stageLabelsMarathi: Record<string, string> = table("mr", "stage");
export const stageLabelsHindi: Record<string, string> = table("hi", "stage");
export const statusLabelsMarathi: Record<string, string> = table("mr", "status");
export const statusLabelsHindi: Record<string, string> = table("hi", "status");

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
