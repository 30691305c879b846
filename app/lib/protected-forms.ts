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
import { initialOf, phoneticKey } from "./phonetic";
import { wordsOf } from "./name-words";
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

/** The forms of a person's name: any two of its words, run together or not, and the surname with initials. */
function nameForms(hash: Hasher, value: string): string[] {
  const words = wordsOf(value).filter((w) => !w.honorific);
  const full = words.filter((w) => !w.initials);
  const forms = new Set<string>();
  if (full.length === 1 && full.length === words.length) forms.add(`s:${wordForm(hash, at(full, 0).key)}`);
  else for (const w of full) forms.add(`m:${wordForm(hash, w.key)}`);
  for (const [i, a] of full.entries()) {
    for (const b of full.slice(i + 1)) {
      forms.add(`p:${pairForm(hash, a.key, b.key)}`);
      forms.add(`s:${wordForm(hash, phoneticKey(a.raw + b.raw))}`);
      forms.add(`s:${wordForm(hash, phoneticKey(b.raw + a.raw))}`);
    }
  }
  if (full.length > 2) forms.add(`s:${wordForm(hash, phoneticKey(full.map((w) => w.raw).join("")))}`);
  // Names are written given name first, surname last: "S. Jagtap", "S. R. Jagtap".
  const surname = words.at(-1);
  if (words.length > 1 && surname && !surname.initials) {
    const letters = words
      .slice(0, -1)
      .map((w) => w.initials ?? initialOf(w.raw))
      .join("");
    forms.add(`i:${initialsForm(hash, surname.key, letters.charAt(0))}`);
    forms.add(`i:${initialsForm(hash, surname.key, letters)}`);
  }
  return [...forms];
}

function placeForms(hash: Hasher, value: string): string[] {
  const keys = wordsOf(value).map((w) => w.key);
  if (keys.length <= 1) return keys.map((k) => `s:${wordForm(hash, k)}`);
  return [`q${keys.length}:${wordForm(hash, at(keys, 0))}`, `f:${placeForm(hash, keys)}`];
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
            .map((w) => `s:${wordForm(hash, w.key)}`),
        ),
      ];
    default:
      return nameForms(hash, value);
  }
}
