// Identity without names: attributes are normalised, then turned into keyed fingerprints
// (HMAC-SHA-256). The clear text is never kept; without the key the fingerprints are worthless.
// Across cases a name is compared by the leak guard's phonetic key, word by word, so the Latin and
// the Devanagari spelling of one name, and its usual romanisations, give one fingerprint.
import crypto from "node:crypto";
import { honorificWords, nameSpellings, spellingsOf, wordsOf } from "./name-words";
import { legacyKey, phoneticKey } from "./phonetic";

const honorifics = new Set<string>(honorificWords.latin);

/**
 * Each other spelling of a name to the name (lib/name-words). These fingerprints spell Mohammad
 * "mohammed", as they always have: another spelling would stop older rows from matching.
 */
const aliases: Record<string, string> = Object.fromEntries(
  Object.entries(nameSpellings).flatMap(([name, forms]) => {
    const to = name === "mohammad" ? "mohammed" : name;
    return [name, ...forms].filter((f) => f !== to).map((f) => [f, to]);
  }),
);

/** Folds common romanisations of Indian names together: doubled letters, long vowels, v/w, ph/f, q/k, z/j. */
function fold(token: string): string {
  return token
    .replace(/ph/g, "f")
    .replace(/w/g, "v")
    .replace(/q/g, "k")
    .replace(/z/g, "j")
    .replace(/ee/g, "i")
    .replace(/oo/g, "u")
    .replace(/(.)\1+/g, "$1")
    .replace(/([aeiou])h$/, "$1");
}

/** Lower case, no accents (the normalisation of fingerprints made before the phonetic key) or punctuation, no honorifics, one spelling per name. Initials stay as letters. */
export function normaliseName(input: string): string[] {
  return input
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z\u0900-\u097f\s]/g, " ")
    .split(/\s+/)
    .filter((t) => t && !honorifics.has(t))
    .map((t) => fold(aliases[t] ?? t));
}

export function hmac(key: string, value: string): string {
  return crypto.createHmac("sha256", key).update(value).digest("hex");
}

export const birthYearTolerance = 2;

export type Fingerprints = { nameFp: string; nameYearFp: string | null; extraFp: string | null };

/**
 * The fingerprints of one person. Names match when their normalised words are the same, in the
 * same order; with a birth year on both sides, the years must be within 2 of each other; with a
 * district (victims) or father's name (accused) on both sides, those must match too.
 */
export function fingerprintsOf(
  key: string,
  person: { name: string; birthYear: number | null; extra: string | null },
): Fingerprints | null {
  const words = normaliseName(person.name);
  if (!words.length) return null;
  const name = words.join(" ");
  const extra = person.extra ? normaliseName(person.extra).join(" ") : "";
  return {
    nameFp: hmac(key, `name:${name}`),
    nameYearFp: person.birthYear ? hmac(key, `name-year:${name}|${person.birthYear}`) : null,
    extraFp: extra ? hmac(key, `extra:${extra}`) : null,
  };
}

/** The year fingerprints a stored one must be among, for a match within the tolerance. */
export function nearbyYearFps(key: string, name: string, birthYear: number): string[] {
  const words = normaliseName(name).join(" ");
  const years = [];
  for (let d = -birthYearTolerance; d <= birthYearTolerance; d++)
    years.push(hmac(key, `name-year:${words}|${birthYear + d}`));
  return years;
}

/**
 * The phonetic keys of a name's words, honorifics left out ("Smt. सुनीता जगताप" and "Suneeta Jagtap"
 * are both "sunit jgtp"), under every spelling of its words (Gaurav, Gorav: see phoneticKeys), its
 * own first; at most 16.
 */
function nameKeys(name: string): string[] {
  const words = wordsOf(name).filter((x) => !x.honorific);
  let keys = [""];
  for (const w of words) keys = keys.flatMap((k) => spellingsOf(w.raw).map((s) => (k ? `${k} ${s}` : s))).slice(0, 16);
  if (!keys[0]) return [];
  // The name under the key as it was (phonetic legacyKey), which older rows were fingerprinted with.
  const legacy = words.map((w) => (w.key === phoneticKey(w.raw) ? legacyKey(w.raw) : w.key)).join(" ");
  return [...new Set([...keys, legacy])];
}

/**
 * The cross-case fingerprints of a person, by the phonetic key (`stored`), and how to compare a
 * stored row with them: its name must be one of `nameFps` (the phonetic one, or the one made by
 * normaliseName before the phonetic key existed, so older rows still match), and `sameAs` checks
 * the birth year (within 2) and the district or father's name, in either scheme, when both sides have them.
 */
export function crossCaseFingerprints(
  key: string,
  person: { name: string; birthYear: number | null; extra: string | null },
) {
  const names = nameKeys(person.name);
  const name = names[0];
  if (!name) return null;
  const extras = person.extra ? nameKeys(person.extra) : [];
  const extra = extras[0] ?? "";
  const stored: Fingerprints = {
    nameFp: hmac(key, `kname:${name}`),
    nameYearFp: person.birthYear ? hmac(key, `kname-year:${name}|${person.birthYear}`) : null,
    extraFp: extra ? hmac(key, `kextra:${extra}`) : null,
  };
  const legacy = fingerprintsOf(key, person);
  const years = new Set<string>();
  if (person.birthYear) {
    for (const n of names)
      for (let d = -birthYearTolerance; d <= birthYearTolerance; d++)
        years.add(hmac(key, `kname-year:${n}|${person.birthYear + d}`));
    for (const fp of nearbyYearFps(key, person.name, person.birthYear)) years.add(fp);
  }
  const extraFps = new Set([...extras.map((e) => hmac(key, `kextra:${e}`)), legacy?.extraFp].filter((fp) => !!fp));
  return {
    stored,
    nameFps: [...names.map((n) => hmac(key, `kname:${n}`)), ...(legacy ? [legacy.nameFp] : [])],
    sameAs: (row: { nameYearFp: string | null; extraFp: string | null }) =>
      (!years.size || !row.nameYearFp || years.has(row.nameYearFp)) &&
      (!extraFps.size || !row.extraFp || extraFps.has(row.extraFp)),
  };
}
