// The words of a text as names are written in it: split at spaces and punctuation, at a capital
// inside a word ("SunitaJagtap") and where the script changes, each with its offsets, its phonetic
// key, and whether it is an initial ("S.", "S R", "स.") or an honorific ("Smt.", "श्रीमती").
import { initialOf, phoneticKey, phoneticKeys } from "./phonetic";

export type Word = {
  start: number;
  end: number;
  raw: string;
  /** The phonetic key, with the usual short forms (Mohd., Kr.) taken to their full name. */
  key: string;
  /** For an initial, the letters it stands for ("s", or "sr" for "SR"); otherwise null. */
  initials: string | null;
  honorific: boolean;
};

/** Honorifics, which name no one: the Latin ones (also those of the older fingerprints, lib/identity), then the Devanagari. */
export const honorificWords = {
  latin: [
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "shri",
    "sri",
    "shree",
    "smt",
    "shrimati",
    "kumari",
    "km",
    "sh",
    "sm",
    "mst",
    "janab",
    "sahab",
    "saheb",
    "ji",
    "late",
  ],
  devanagari: ["श्री", "श्रीमती", "सौ", "कु", "कुमारी", "डॉ", "श्रीमान", "स्व", "श्रीयुत"],
} as const;

/** Spellings of one name that are the same name: the name, and its other spellings. */
export const nameSpellings: Readonly<Record<string, readonly string[]>> = {
  mohammad: ["mohd", "md", "mohamad", "mohammed", "muhammad", "muhammed", "mohamed", "mahomed"],
  kumar: ["kr", "kumaar"],
  devi: ["debi"],
  shaikh: ["sk", "sheikh", "shaik", "shekh"],
  sayyed: ["syed", "saiyed", "sayed"],
};

const honorifics = new Set([...honorificWords.latin, ...honorificWords.devanagari].map(phoneticKey));

/** The same spellings, by key. */
const aliases = new Map<string, string>(
  Object.entries(nameSpellings).flatMap(([name, forms]) =>
    forms.map((f) => [phoneticKey(f), phoneticKey(name)] as const),
  ),
);

/** Every key a word of a protected name may be written with (phoneticKeys), its own first, short forms taken to their full name. */
export const spellingsOf = (raw: string): string[] => [...new Set(phoneticKeys(raw).map((k) => aliases.get(k) ?? k))];

/** Two- and three-letter capitals that are an office, never initials ("PI Jagtap" is the inspector). */
const offices = new Set([
  "pi",
  "psi",
  "api",
  "asi",
  "io",
  "pp",
  "app",
  "spp",
  "sp",
  "dsp",
  "acp",
  "dcp",
  "si",
  "hc",
  "pc",
  "dm",
  "adm",
  "sdm",
  "cwc",
  "ngo",
  "plv",
  "adv",
  "ps",
  "dy",
  "jt",
  "ceo",
  "cjm",
  "dlsa",
  "cdpo",
  "bdo",
  "mla",
  "mp",
]);

const parts = /[\u0900-\u097f\u200c\u200d]+|\p{Lu}+(?!\p{Ll})|\p{Lu}?[\p{Ll}\p{M}]+|[\p{L}\p{M}]+/gu;
const akshara = /^(?:[\u0915-\u0939\u0958-\u095f]\u093c?[\u093e-\u094c]?[\u0901\u0902]?|[\u0905-\u0914])$/;

/** The letters a word stands for when it is an initial, or null. */
function initialsOf(raw: string, dotAfter: boolean): string | null {
  if (/^\p{L}$/u.test(raw) && !/[\u0900-\u097f]/.test(raw))
    return /\p{Lu}/u.test(raw) || dotAfter ? initialOf(raw) : null;
  if (akshara.test(raw)) return dotAfter ? initialOf(raw) : null;
  if (/^\p{Lu}{2,3}$/u.test(raw) && !offices.has(raw.toLowerCase())) return [...raw].map(initialOf).join("");
  return null;
}

/** A word in one script and one case pattern ("Sunita", "SUNITA", "सुनीता") needs no splitting. */
const whole = /^(?:[A-Z]?[a-z]*|[A-Z]+|[\u0900-\u097f\u200c\u200d]+)$/;
/** Letters and marks, Latin (with accents) and Devanagari, by range: a Unicode-property pattern is slower. */
const letters = /[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0300-\u036f\u0900-\u0963\u0971-\u097f\u200c\u200d]+/g;

export function wordsOf(text: string, keys = new Map<string, string>()): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(letters)) {
    const pieces = whole.test(m[0]) ? [{ 0: m[0], index: 0 }] : m[0].matchAll(parts);
    for (const p of pieces) {
      const start = m.index + p.index!;
      const raw = p[0];
      const end = start + raw.length;
      let key = keys.get(raw);
      if (key === undefined) {
        const k = phoneticKey(raw);
        keys.set(raw, (key = aliases.get(k) ?? k));
      }
      if (!key) continue;
      // "सौ." and "कु." are honorifics, not initials.
      const honorific = honorifics.has(key);
      out.push({
        start,
        end,
        raw,
        key,
        initials: honorific || raw.length > 4 ? null : initialsOf(raw, text[end] === "."),
        honorific,
      });
    }
  }
  return out;
}

/** Whether nothing but spaces, commas, dots, hyphens or apostrophes stands between two words. */
export function joinable(text: string, a: { end: number }, b: { start: number }): boolean {
  for (let i = a.end; i < b.start; i++) {
    const ch = text[i];
    if (ch === undefined || !" \t\n\r,.-–—'’".includes(ch)) return false;
  }
  return true;
}
