// The leak guard's pure core: where in a text a protected name, place, number or FIR sits, and
// what a one-click rewrite puts in its place. The protected set holds keyed fingerprints only;
// the text's words are fingerprinted as they are read, each distinct word once.
import type { RecordAttribute } from "#db/schema/enums";
import { firCitations, firKey } from "./fir-citation";
import { normaliseName } from "./identity";
import { joinable, wordsOf, type Word } from "./name-words";
import { initialsForm, keyedHasher, pairForm, phoneDigits, phoneForm, placeForm, wordForm, type Hasher } from "./protected-forms";

export { firKey };

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

type WordRole = { whole?: Protectee; member?: Protectee; places?: number[] };

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
};

export const victimStandIn = (code: string): Protectee => ({ kind: "name", subject: "victim", replacement: code });
export const accusedStandIn = (position: number, caseCode: string): Protectee => ({ kind: "name", subject: "accused", replacement: `the accused (A-${position} of ${caseCode})` });
export const firStandIn = (caseCode: string): Protectee => ({ kind: "fir", subject: "case", replacement: `the FIR of ${caseCode}` });
const relations: Partial<Record<RecordAttribute, string>> = { father: "the father", mother: "the mother", husband: "the husband", village: "the village", school: "the school" };

/** What stands in for one entry of a record: her code for her names, "the father of V-0042" for his. */
export function standInFor(attribute: RecordAttribute, who: Protectee): Protectee {
  if (attribute === "phone") return { ...phoneStandIn, subject: who.subject };
  const relation = relations[attribute];
  if (!relation) return who;
  const owner = who.subject === "victim" ? who.replacement : who.replacement.replace(/^the /, "");
  return { ...who, kind: attribute === "village" || attribute === "school" ? "place" : "name", replacement: `${relation} of ${owner}` };
}

const phoneStandIn: Protectee = { kind: "phone", replacement: "[phone number removed]" };
const idStandIn: Protectee = { kind: "id-number", replacement: "[ID number removed]" };

/** A victim's entry wins over an accused person's with the same form: hers is the name to hide. */
const put = (map: Map<string, Protectee>, fp: string, who: Protectee) => {
  const had = map.get(fp);
  if (!had || (who.subject === "victim" && had.subject !== "victim")) map.set(fp, who);
};

/** Builds the set from stored forms ("<role>:<hex>", see protected-forms.ts), each with whose it is. */
export function buildProtectedSet(key: string, entries: Iterable<{ forms: string[]; who: Protectee }>, firs: Iterable<[string, Protectee]>): ProtectedSet {
  const set: ProtectedSet = { hash: keyedHasher(key), words: new Map(), pairs: new Map(), initials: new Map(), places: new Map(), phones: new Map(), legacy: new Map(), firs: new Map(), size: 0 };
  const role = (fp: string) => {
    let r = set.words.get(fp);
    if (!r) set.words.set(fp, (r = {}));
    return r;
  };
  for (const { forms, who } of entries) {
    for (const form of forms) {
      const at = form.indexOf(":");
      const kind = form.slice(0, at);
      const fp = form.slice(at + 1);
      set.size++;
      if (kind === "s") {
        const r = role(fp);
        if (!r.whole || (who.subject === "victim" && r.whole.subject !== "victim")) r.whole = who;
      } else if (kind === "m") role(fp).member ??= who;
      else if (kind === "p") put(set.pairs, fp, who);
      else if (kind === "i") put(set.initials, fp, who);
      else if (kind === "f") put(set.places, fp, who);
      else if (kind === "t") put(set.phones, fp, who);
      else if (kind === "g") put(set.legacy, fp, who);
      else if (kind[0] === "q") {
        const r = role(fp);
        const n = Number(kind.slice(1));
        if (!r.places?.includes(n)) (r.places ??= []).push(n);
      }
    }
  }
  for (const [fir, who] of firs) if (!set.firs.has(fir)) set.firs.set(fir, who);
  return set;
}

// Indian mobile numbers (ten digits from 6 to 9, with +91 or 0 before, spaced or hyphenated) and
// twelve-digit Aadhaar-like numbers; groups of one digit ("6 7 8 9 10 …", a list) are not a number,
// nor is a landline written with its STD code ("0712 256 0106").
const mobileRe = /(?<![\d+])(?:(?:\+|00)?91[ -]?|0)?[6-9][\d -]{8,13}\d(?!\d)/g;
const aadhaarRe = /(?<!\d)[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}(?!\d)/g;
const anyNumberRe = /(?<![\d+])\+?\d[\d -]{6,16}\d(?!\d)/g;

function numberMatches(text: string, set: ProtectedSet, found: ProtectedMatch[]) {
  for (const m of text.matchAll(aadhaarRe)) found.push({ start: m.index, end: m.index + m[0].length, ...idStandIn });
  for (const m of text.matchAll(mobileRe)) {
    const groups = m[0].replace(/^(?:\+|00)?91[ -]|^0[ -]/, "").split(/[ -]+/);
    const digits = m[0].replace(/\D/g, "").replace(/^(?:0091|91|0)(?=[6-9]\d{9}$)/, "");
    // A landline written with its STD code and trunk 0 ("0712 256 0106", "020-2612 3456") is an office's number.
    const landline = /^0\d{2,4}[ -]/.test(m[0]);
    if (digits.length === 10 && !landline && groups.every((g) => g.length >= 2)) found.push({ start: m.index, end: m.index + m[0].length, ...phoneStandIn });
  }
  if (!set.phones.size) return;
  for (const m of text.matchAll(anyNumberRe)) {
    const digits = phoneDigits(m[0]);
    const who = digits.length >= 8 ? set.phones.get(phoneForm(set.hash, digits)) : undefined;
    if (who) found.push({ start: m.index, end: m.index + m[0].length, ...who });
  }
}

/** Names and places: each word fingerprinted once, then its neighbours only where the word can start a form. */
function wordMatches(text: string, set: ProtectedSet, found: ProtectedMatch[]) {
  const words = wordsOf(text);
  const fpOf = new Map<string, string>();
  const roleOf = (w: Word): WordRole | undefined => {
    if (w.initials) return undefined;
    let fp = fpOf.get(w.key);
    if (fp === undefined) fpOf.set(w.key, (fp = wordForm(set.hash, w.key)));
    return set.words.get(fp);
  };
  const roles = words.map(roleOf);
  const add = (first: Word, last: Word, who: Protectee | undefined) => {
    if (who) found.push({ start: first.start, end: last.end, ...who });
  };
  /** The next word of a name after i: honorifics skipped, and up to three initials when allowed. */
  const next = (i: number, overInitials: boolean) => {
    let j = i + 1;
    let skipped = 0;
    while (j < words.length && joinable(text, words[j - 1], words[j]) && (words[j].honorific || (overInitials && words[j].initials && skipped++ < 3))) j++;
    return j < words.length && joinable(text, words[j - 1], words[j]) ? j : -1;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const role = roles[i];
    if (!role) continue;
    if (!w.honorific) add(w, w, role.whole);
    for (const n of role.places ?? []) {
      const run = words.slice(i, i + n);
      if (run.length === n && run.every((x, k) => k === 0 || joinable(text, run[k - 1], x))) add(w, run[n - 1], set.places.get(placeForm(set.hash, run.map((x) => x.key))));
    }
    if (!role.member || w.honorific) continue;
    // Two words of one name, in either order, with nothing but punctuation (or initials) between.
    const j = next(i, true);
    if (j > 0 && roles[j]?.member) add(w, words[j], set.pairs.get(pairForm(set.hash, w.key, words[j].key)));
    // The surname with initials before it ("S. R. Jagtap") or after it ("Jagtap S. R.").
    let letters = "";
    for (let k = i - 1; k >= 0 && k >= i - 3 && words[k].initials && joinable(text, words[k], words[k + 1]); k--) {
      letters = words[k].initials + letters;
      add(words[k], w, set.initials.get(initialsForm(set.hash, w.key, letters)));
    }
    letters = "";
    for (let k = i + 1; k < words.length && k <= i + 3 && words[k].initials && joinable(text, words[k - 1], words[k]); k++) {
      letters += words[k].initials;
      add(w, words[k], set.initials.get(initialsForm(set.hash, w.key, letters)));
    }
  }
}

/** Forms fingerprinted before the phonetic key: runs of 1 to 4 normalised words, in order. */
function legacyMatches(text: string, set: ProtectedSet, found: ProtectedMatch[]) {
  const words = [...text.matchAll(/[\p{L}\p{M}]+/gu)].flatMap((m) => normaliseName(m[0]).map((w) => ({ w, start: m.index, end: m.index + m[0].length })));
  for (let i = 0; i < words.length; i++) {
    let run = "";
    for (let n = 0; n < 4 && i + n < words.length; n++) {
      run = n ? `${run} ${words[i + n].w}` : words[i].w;
      const who = set.legacy.get(set.hash(`guard:${run}`));
      if (who) found.push({ start: words[i].start, end: words[i + n].end, ...who });
    }
  }
}

/**
 * Every protected name, place, phone or ID number and FIR citation in the text, in order, none
 * overlapping. Matches of one person that touch ("Sunita Ramesh Jagtap" is two pairs) are one.
 */
export function findProtected(text: string, set: ProtectedSet): ProtectedMatch[] {
  const found: ProtectedMatch[] = [];
  numberMatches(text, set, found);
  if (set.firs.size) for (const c of firCitations(text, set.firs)) found.push({ start: c.start, end: c.end, ...set.firs.get(c.fir)! });
  if (set.words.size) wordMatches(text, set, found);
  if (set.legacy.size) legacyMatches(text, set, found);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ProtectedMatch[] = [];
  for (const m of found) {
    const last = out.at(-1);
    if (last && m.replacement === last.replacement && (m.start <= last.end || joinable(text, last, m))) last.end = Math.max(last.end, m.end);
    else if (!last || m.start >= last.end) out.push({ ...m });
  }
  return out;
}

/** The text with every match put in its replacement: the one-click rewrite. */
export function rewriteProtected(text: string, matches: ProtectedMatch[]): string {
  let out = "";
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + m.replacement;
    at = m.end;
  }
  return out + text.slice(at);
}
