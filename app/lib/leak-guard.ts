// The leak guard's pure core: where in a text a protected name, place, number or FIR sits, and
// what a one-click rewrite puts in its place. The protected set holds keyed fingerprints only;
// the text's words are fingerprinted as they are read, each distinct word once.
import { firCitations, firKey } from "./fir-citation";
import { normaliseName } from "./identity";
import { joinable, wordsOf, type Word } from "./name-words";
import { legacyKey } from "./phonetic";
import { at } from "./at";
import { initialsForm, pairForm, phoneDigits, phoneForm, placeForm, wordForm } from "./protected-forms";
import { phoneStandIn, type ProtectedMatch, type ProtectedSet, type Protectee, type WordRole } from "./protected-set";

export { firKey };

export {
  accusedStandIn,
  buildProtectedSet,
  firStandIn,
  standInFor,
  victimStandIn,
  type ProtectedMatch,
  type ProtectedSet,
  type Protectee,
} from "./protected-set";

const idStandIn: Protectee = { kind: "id-number", replacement: "[ID number removed]" };

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
    if (digits.length === 10 && !landline && groups.every((g) => g.length >= 2))
      found.push({ start: m.index, end: m.index + m[0].length, ...phoneStandIn });
  }
  if (!set.phones.size) return;
  for (const m of text.matchAll(anyNumberRe)) {
    const digits = phoneDigits(m[0]);
    const who = digits.length >= 8 ? set.phones.get(phoneForm(set.hash, digits)) : undefined;
    if (who) found.push({ start: m.index, end: m.index + m[0].length, ...who });
  }
}

/** Where a word's key may differ from its legacy key: a "y", an "au" or an "ao" (phonetic.ts). */
const legacyDiffers = /y|a[ou]|ou|[\u0914\u094c\u090a]/i;

/** Names and places: each word fingerprinted once, then its neighbours only where the word can start a form. */
function wordMatches(text: string, set: ProtectedSet, found: ProtectedMatch[]) {
  const words = wordsOf(text);
  const fpOf = new Map<string, string>();
  const roleUnder = (key: string): WordRole | undefined => {
    let fp = fpOf.get(key);
    if (fp === undefined) fpOf.set(key, (fp = wordForm(set.hash, key)));
    return set.words.get(fp);
  };
  // A word not found under its key is looked up under the key it had before (phonetic legacyKey),
  // which entries fingerprinted then were made with, and read under it from there on.
  const roles = words.map((w, i) => {
    if (w.initials) return undefined;
    const role = roleUnder(w.key);
    if (role || !legacyDiffers.test(w.raw)) return role;
    const old = legacyKey(w.raw);
    const oldRole = old === w.key ? undefined : roleUnder(old);
    if (oldRole) words[i] = { ...w, key: old };
    return oldRole;
  });
  const add = (first: Word, last: Word, who: Protectee | undefined) => {
    if (who) found.push({ start: first.start, end: last.end, ...who });
  };
  /** The next word of a name after i: honorifics skipped, and up to three initials when allowed. */
  const next = (i: number, overInitials: boolean) => {
    let j = i + 1;
    let skipped = 0;
    while (
      j < words.length &&
      joinable(text, at(words, j - 1), at(words, j)) &&
      (at(words, j).honorific || (overInitials && at(words, j).initials && skipped++ < 3))
    )
      j++;
    return j < words.length && joinable(text, at(words, j - 1), at(words, j)) ? j : -1;
  };
  for (let i = 0; i < words.length; i++) {
    const w = at(words, i);
    const role = roles[i];
    if (!role) continue;
    if (!w.honorific) add(w, w, role.whole);
    for (const n of role.places ?? []) {
      const run = words.slice(i, i + n);
      if (run.length === n && run.every((x, k) => k === 0 || joinable(text, at(run, k - 1), x)))
        add(
          w,
          at(run, n - 1),
          set.places.get(
            placeForm(
              set.hash,
              run.map((x) => x.key),
            ),
          ),
        );
    }
    if (!role.member || w.honorific) continue;
    // Two words of one name, in either order, with nothing but punctuation (or initials) between.
    const j = next(i, true);
    if (j > 0 && roles[j]?.member) add(w, at(words, j), set.pairs.get(pairForm(set.hash, w.key, at(words, j).key)));
    // The surname with initials before it ("S. R. Jagtap") or after it ("Jagtap S. R.").
    let letters = "";
    for (
      let k = i - 1;
      k >= 0 && k >= i - 3 && at(words, k).initials && joinable(text, at(words, k), at(words, k + 1));
      k--
    ) {
      letters = at(words, k).initials + letters;
      add(at(words, k), w, set.initials.get(initialsForm(set.hash, w.key, letters)));
    }
    letters = "";
    for (
      let k = i + 1;
      k < words.length && k <= i + 3 && at(words, k).initials && joinable(text, at(words, k - 1), at(words, k));
      k++
    ) {
      letters += at(words, k).initials;
      add(w, at(words, k), set.initials.get(initialsForm(set.hash, w.key, letters)));
    }
  }
}

/** Forms fingerprinted before the phonetic key: runs of 1 to 4 normalised words, in order. */
function legacyMatches(text: string, set: ProtectedSet, found: ProtectedMatch[]) {
  const words = [...text.matchAll(/[\p{L}\p{M}]+/gu)].flatMap((m) =>
    normaliseName(m[0]).map((w) => ({ w, start: m.index, end: m.index + m[0].length })),
  );
  for (let i = 0; i < words.length; i++) {
    let run = "";
    for (let n = 0; n < 4 && i + n < words.length; n++) {
      run = n ? `${run} ${at(words, i + n).w}` : at(words, i).w;
      const who = set.legacy.get(set.hash(`guard:${run}`));
      if (who) found.push({ start: at(words, i).start, end: at(words, i + n).end, ...who });
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
  if (set.firs.size)
    for (const c of firCitations(text, set.firs)) found.push({ start: c.start, end: c.end, ...set.firs.get(c.fir)! });
  if (set.words.size) wordMatches(text, set, found);
  if (set.legacy.size) legacyMatches(text, set, found);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ProtectedMatch[] = [];
  for (const m of found) {
    const last = out.at(-1);
    if (last && m.replacement === last.replacement && (m.start <= last.end || joinable(text, last, m)))
      last.end = Math.max(last.end, m.end);
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
