// What one entry of an identity record protects, as keyed fingerprints of the forms the leak guard
// looks for. Each is stored as "<role>:<hex>"; the role says how findProtected uses it:
//   s   a word that matches alone (a one-word name, a marked word, two words run together)
//   m   a word of a longer name (matches only with another word of it, or with initials)
//   p   two words of one name, in either order
//   i   a surname with initials ("S. R. Jagtap")
//   qN  the first word of an N-word place; f the whole place
//   t   a phone number (its last ten digits)
//   g   a form fingerprinted before this scheme (a run of words, in order)
// Only keyed hashes leave this file: never a word, a phonetic key or a number.
import crypto from "node:crypto";
import type { RecordAttribute } from "#db/schema/enums";
import { initialOf, phoneticKeys } from "./phonetic";
import { spellingsOf, wordsOf, type Word } from "./name-words";
import { at } from "./at";

export type Hasher = (value: string) => string;

/** HMAC-SHA-256 under the identity key: without the key, a fingerprint says nothing. */
export function keyedHasher(key: string): Hasher {
  return (value) => crypto.createHmac("sha256", key).update(value, "utf8").digest("hex");
}

export const wordForm = (hash: Hasher, key: string) => hash(`w:${key}`);
export const pairForm = (hash: Hasher, a: string, b: string) => hash(`p:${a < b ? `${a} ${b}` : `${b} ${a}`}`);
export const initialsForm = (hash: Hasher, surname: string, letters: string) => hash(`i:${surname}|${letters}`);
export const placeForm = (hash: Hasher, keys: string[]) => hash(`f:${keys.join(" ")}`);
export const phoneForm = (hash: Hasher, digits: string) => hash(`t:${digits.slice(-10)}`);

/** Each way of taking one key from each list: the spellings of a run of words. */
function combinations(lists: string[][]): string[][] {
  return lists.reduce<string[][]>((runs, keys) => runs.flatMap((run) => keys.map((k) => [...run, k])), [[]]);
}

/** The forms of a person's name, under each spelling of its words: any two of its words, run together or not, and the surname with initials. */
function nameForms(hash: Hasher, value: string): string[] {
  const words = wordsOf(value).filter((w) => !w.honorific);
  const full = words.filter((w) => !w.initials);
  const keys = new Map(full.map((w) => [w, spellingsOf(w.raw)]));
  const keysOf = (w: Word) => keys.get(w) ?? [w.key];
  const forms = new Set<string>();
  const joined = (raw: string) => {
    for (const k of phoneticKeys(raw)) forms.add(`s:${wordForm(hash, k)}`);
  };
  const role = full.length === 1 && full.length === words.length ? "s" : "m";
  for (const w of full) for (const k of keysOf(w)) forms.add(`${role}:${wordForm(hash, k)}`);
  for (const [i, a] of full.entries()) {
    for (const b of full.slice(i + 1)) {
      for (const [ka, kb] of combinations([keysOf(a), keysOf(b)])) forms.add(`p:${pairForm(hash, ka!, kb!)}`);
      joined(a.raw + b.raw);
      joined(b.raw + a.raw);
    }
  }
  if (full.length > 2) joined(full.map((w) => w.raw).join(""));
  // Names are written given name first, surname last: "S. Jagtap", "S. R. Jagtap".
  const surname = words.at(-1);
  if (words.length > 1 && surname && !surname.initials) {
    const letters = words
      .slice(0, -1)
      .map((w) => w.initials ?? initialOf(w.raw))
      .join("");
    for (const k of keysOf(surname)) {
      forms.add(`i:${initialsForm(hash, k, letters.charAt(0))}`);
      forms.add(`i:${initialsForm(hash, k, letters)}`);
    }
  }
  return [...forms];
}

function placeForms(hash: Hasher, value: string): string[] {
  const spellings = wordsOf(value).map((w) => spellingsOf(w.raw));
  if (spellings.length <= 1) return spellings.flat().map((k) => `s:${wordForm(hash, k)}`);
  return [
    ...at(spellings, 0).map((k) => `q${spellings.length}:${wordForm(hash, k)}`),
    ...combinations(spellings).map((keys) => `f:${placeForm(hash, keys)}`),
  ];
}

/** Digits of a phone number as compared: the last ten, so "+91 98220 12345" and "098220-12345" are one number. */
export const phoneDigits = (value: string) => value.replace(/\D/g, "").slice(-10);

/** The fingerprinted forms of one attribute's value; empty when nothing in it can be matched. */
export function protectedForms(hash: Hasher, attribute: RecordAttribute, value: string): string[] {
  switch (attribute) {
    case "village":
    case "school":
      return placeForms(hash, value);
    case "phone":
      return phoneDigits(value).length >= 8 ? [`t:${phoneForm(hash, phoneDigits(value))}`] : [];
    case "word":
      return [
        ...new Set(
          wordsOf(value)
            .filter((w) => !w.honorific && !w.initials)
            .flatMap((w) => spellingsOf(w.raw).map((k) => `s:${wordForm(hash, k)}`)),
        ),
      ];
    default:
      return nameForms(hash, value);
  }
}
