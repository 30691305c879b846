// The protected set: every fingerprinted form of a collective's identity records, accused names
// and FIR numbers, each mapped to whose it is. It is built once, then kept up to date in place:
// an entry added or removed changes only its own forms, so a save does not rebuild the set.
import type { RecordAttribute } from "#db/schema/enums";
import { keyedHasher, type Hasher } from "./protected-forms";

export type ProtectedMatch = {
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
  kind: "name" | "place" | "phone" | "id-number" | "fir";
  /** Whose it is: a victim's, an accused person's, or a case's (its FIR); none for a bare phone or ID number. */
  subject?: "victim" | "accused" | "case";
  /** What a one-click rewrite puts in its place: "V-0042", "the accused (A-2 of DEM-2026-0042)", … */
  replacement: string;
};

/** Who a fingerprint protects, and what stands in for it. */
export type Protectee = Omit<ProtectedMatch, "start" | "end">;

export type WordRole = { whole?: Protectee; member?: Protectee; places?: number[] };

export type ProtectedSet = {
  hash: Hasher;
  words: Map<string, WordRole>;
  pairs: Map<string, Protectee>;
  initials: Map<string, Protectee>;
  places: Map<string, Protectee>;
  phones: Map<string, Protectee>;
  /** Runs of words fingerprinted before the forms above existed (see protected-forms.ts, role g). */
  legacy: Map<string, Protectee>;
  /** FIR number as compared (see firKey) → the case it belongs to. */
  firs: Map<string, Protectee>;
  /** How many fingerprints the set holds, for the bench and the logs. */
  size: number;
  /** Who holds each form ("<role>:<hex>"), by entry id, so removing an entry leaves the others' forms. */
  owners: Map<string, Map<string, Protectee>>;
  /** The forms of each entry, by entry id ("e:12" a record entry, "a:3" an accused person). */
  entries: Map<string, string[]>;
};

export const victimStandIn = (code: string): Protectee => ({ kind: "name", subject: "victim", replacement: code });
export const accusedStandIn = (position: number, caseCode: string): Protectee => ({
  kind: "name",
  subject: "accused",
  replacement: `the accused (A-${position} of ${caseCode})`,
});
export const firStandIn = (caseCode: string): Protectee => ({
  kind: "fir",
  subject: "case",
  replacement: `the FIR of ${caseCode}`,
});
const relations: Partial<Record<RecordAttribute, string>> = {
  father: "the father",
  mother: "the mother",
  husband: "the husband",
  village: "the village",
  school: "the school",
};
export const phoneStandIn: Protectee = { kind: "phone", replacement: "[phone number removed]" };

/** What stands in for one entry of a record: her code for her names, "the father of V-0042" for his. */
export function standInFor(attribute: RecordAttribute, who: Protectee): Protectee {
  if (attribute === "phone") return { ...phoneStandIn, subject: who.subject };
  const relation = relations[attribute];
  if (!relation) return who;
  const owner = who.subject === "victim" ? who.replacement : who.replacement.replace(/^the /, "");
  return {
    ...who,
    kind: attribute === "village" || attribute === "school" ? "place" : "name",
    replacement: `${relation} of ${owner}`,
  };
}

/** A victim's entry wins over an accused person's with the same form: hers is the name to hide. */
const wins = (who: Protectee, had: Protectee | undefined) =>
  !had || (who.subject === "victim" && had.subject !== "victim");

const mapOf = (set: ProtectedSet, kind: string): Map<string, Protectee> | null =>
  ({ p: set.pairs, i: set.initials, f: set.places, t: set.phones, g: set.legacy })[kind] ?? null;

/** Puts the form's holder (or, with none left, nothing) where the matcher looks for it. */
function settle(set: ProtectedSet, form: string, who: Protectee | undefined) {
  const at = form.indexOf(":");
  const kind = form.slice(0, at);
  const fp = form.slice(at + 1);
  const map = mapOf(set, kind);
  if (map) {
    if (who) map.set(fp, who);
    else map.delete(fp);
    return;
  }
  let role = set.words.get(fp);
  if (!role) set.words.set(fp, (role = {}));
  if (kind === "s") role.whole = who;
  else if (kind === "m") role.member = who;
  else if (kind[0] === "q") {
    const n = Number(kind.slice(1));
    const others = (role.places ?? []).filter((p) => p !== n);
    role.places = who ? [...others, n] : others;
    if (!role.places.length) delete role.places;
  }
  if (!role.whole && !role.member && !role.places) set.words.delete(fp);
}

/** The holder the matcher currently reports for a form. */
function current(set: ProtectedSet, form: string): Protectee | undefined {
  const at = form.indexOf(":");
  const kind = form.slice(0, at);
  const fp = form.slice(at + 1);
  const map = mapOf(set, kind);
  if (map) return map.get(fp);
  const role = set.words.get(fp);
  return kind === "s" ? role?.whole : kind === "m" ? role?.member : undefined;
}

/** Adds one entry's forms ("<role>:<hex>", see protected-forms.ts), each with whose it is. */
export function addToSet(set: ProtectedSet, entryId: string, forms: string[], who: Protectee) {
  if (set.entries.has(entryId)) removeFromSet(set, entryId);
  set.entries.set(entryId, forms);
  for (const form of forms) {
    let owners = set.owners.get(form);
    if (!owners) set.owners.set(form, (owners = new Map()));
    owners.set(entryId, who);
    set.size++;
    if (form[0] === "q" || wins(who, current(set, form))) settle(set, form, who);
  }
}

/** Removes one entry's forms; a form another entry also holds stays, with that entry's stand-in. */
export function removeFromSet(set: ProtectedSet, entryId: string) {
  const forms = set.entries.get(entryId);
  if (!forms) return;
  set.entries.delete(entryId);
  for (const form of forms) {
    const owners = set.owners.get(form);
    const who = owners?.get(entryId);
    if (!owners || !who) continue;
    owners.delete(entryId);
    set.size--;
    if (!owners.size) set.owners.delete(form);
    if (current(set, form) !== who && form[0] !== "q") continue;
    let next: Protectee | undefined;
    for (const other of owners?.values() ?? []) if (wins(other, next)) next = other;
    settle(set, form, next);
  }
}

/** Builds the set from stored forms, each entry with its id and whose it is, and the FIR numbers. */
export function buildProtectedSet(
  key: string,
  entries: Iterable<{ id?: string; forms: string[]; who: Protectee }>,
  firs: Iterable<[string, Protectee]>,
): ProtectedSet {
  const set: ProtectedSet = {
    hash: keyedHasher(key),
    words: new Map(),
    pairs: new Map(),
    initials: new Map(),
    places: new Map(),
    phones: new Map(),
    legacy: new Map(),
    firs: new Map(),
    size: 0,
    owners: new Map(),
    entries: new Map(),
  };
  let n = 0;
  for (const { id, forms, who } of entries) addToSet(set, id ?? `#${n++}`, forms, who);
  for (const [fir, who] of firs) if (!set.firs.has(fir)) set.firs.set(fir, who);
  return set;
}
