// Identity without names: attributes are normalised, then turned into keyed fingerprints
// (HMAC-SHA-256). The clear text is never kept; without the key the fingerprints are worthless.
import crypto from "node:crypto";

const honorifics = new Set(["mr", "mrs", "ms", "miss", "dr", "shri", "sri", "shree", "smt", "shrimati", "kumari", "km", "sh", "sm", "mst", "janab", "sahab", "saheb", "ji", "late"]);

/** Spellings of one name that are the same name. */
const aliases: Record<string, string> = {
  mohd: "mohammed", md: "mohammed", mohamad: "mohammed", mohammad: "mohammed", muhammad: "mohammed", muhammed: "mohammed", mohamed: "mohammed", mahomed: "mohammed",
  kr: "kumar", kumaar: "kumar",
  debi: "devi",
  sk: "shaikh", sheikh: "shaikh", shaik: "shaikh", shekh: "shaikh",
  syed: "sayyed", saiyed: "sayyed", sayed: "sayyed",
};

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

/** Lower case, no accents or punctuation, no honorifics, one spelling per name. Initials stay as letters. */
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
export function fingerprintsOf(key: string, person: { name: string; birthYear: number | null; extra: string | null }): Fingerprints | null {
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
  for (let d = -birthYearTolerance; d <= birthYearTolerance; d++) years.push(hmac(key, `name-year:${words}|${birthYear + d}`));
  return years;
}
