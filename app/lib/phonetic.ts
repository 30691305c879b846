import { at } from "./at";

// A script-neutral phonetic key for one word of an Indian name: the Latin and the Devanagari
// spellings of a name give the same key ("Jagtap" and "जगताप" are both "jgtp"), and so do the
// usual romanisation variants (Suneeta/Sunita, Vithal/Vitthal, Jadhao/Jadhav, Yadhav/Yadav,
// Bhaosaheb/Bhausaheb, Gyaneshwar/Dnyaneshwar).
// The key itself is never stored: only its keyed fingerprint (see protected-forms.ts).

const consonants: Record<string, string> = {
  क: "k",
  ख: "kh",
  ग: "g",
  घ: "gh",
  ङ: "n",
  च: "ch",
  छ: "chh",
  ज: "j",
  झ: "jh",
  ञ: "n",
  ट: "t",
  ठ: "th",
  ड: "d",
  ढ: "dh",
  ण: "n",
  त: "t",
  थ: "th",
  द: "d",
  ध: "dh",
  न: "n",
  ऩ: "n",
  प: "p",
  फ: "ph",
  ब: "b",
  भ: "bh",
  म: "m",
  य: "y",
  र: "r",
  ऱ: "r",
  ल: "l",
  ळ: "l",
  ऴ: "l",
  व: "v",
  श: "sh",
  ष: "sh",
  स: "s",
  ह: "h",
};
// The candra e (ॅ, ऍ) writes the English "a" of bank and cat: Marathi spells "Canary" कॅनरी.
const vowels: Record<string, string> = {
  अ: "a",
  आ: "a",
  इ: "i",
  ई: "i",
  उ: "u",
  ऊ: "u",
  ऋ: "ri",
  ॠ: "ri",
  ऌ: "li",
  ए: "e",
  ऐ: "ai",
  ओ: "o",
  औ: "au",
  ऍ: "a",
  ऑ: "o",
  ऎ: "e",
  ऒ: "o",
};
const signs: Record<string, string> = {
  "\u093e": "a",
  "\u093f": "i",
  "\u0940": "i",
  "\u0941": "u",
  "\u0942": "u",
  "\u0943": "ri",
  "\u0944": "ri",
  "\u0947": "e",
  "\u0948": "ai",
  "\u094b": "o",
  "\u094c": "au",
  "\u0945": "a",
  "\u0949": "o",
  "\u0946": "e",
  "\u094a": "o",
};
const virama = "\u094d";
const nasal = /[\u0901\u0902]/; // chandrabindu, anusvara

/** Devanagari to plain Latin letters, the inherent vowel written out as `schwa` ("जगताप" → "jagatapa"). */
function latinOf(word: string, schwa: string): string {
  let out = "";
  for (let i = 0; i < word.length; i++) {
    const ch = at(word, i);
    // ज्ञ is written "dny" in Marathi (Dnyaneshwar).
    if (word.startsWith("ज्ञ", i)) {
      out += "dny";
      i += 2;
      const after = word[i + 1] ?? "";
      if (after !== virama && !(after in signs)) out += schwa;
      continue;
    }
    const c = consonants[ch];
    if (c) {
      out += c;
      const next = word[i + 1] ?? "";
      if (next !== virama && !(next in signs)) out += schwa;
    } else if (ch in vowels) out += vowels[ch];
    else if (ch in signs) out += signs[ch];
    else if (nasal.test(ch)) out += "n";
    else if (/[a-z]/.test(ch)) out += ch;
    // virama, visarga, nukta (already split off), ZWJ/ZWNJ: nothing
  }
  return out;
}

/** Lower-case Latin letters of a word in either script: accents, the nukta and anything else dropped. */
export function plainLetters(word: string, schwa = "a"): string {
  const split = word
    .normalize("NFD")
    .toLowerCase()
    .replace(/[\u0300-\u036f\u093c]/g, "");
  return /[\u0900-\u097f]/.test(split) ? latinOf(split, schwa) : split.replace(/[^a-z]/g, "");
}

// Each step folds one romanisation choice; order matters (ch before c, sh before the aspirates).
const folds: [RegExp, string][] = [
  [/x/g, "ks"],
  [/c(?!h)/g, "k"],
  [/chh?/g, "c"],
  [/sh/g, "x"],
  [/kx/g, "ks"],
  [/([bdtkgpj])h/g, "$1"],
  [/f/g, "p"],
  [/w/g, "v"],
  [/q/g, "k"],
  [/z/g, "j"],
  [/ee|ii/g, "i"],
  [/oo|uu/g, "u"],
  [/ai/g, "ay"],
  [/^(?:gny|gy|jn)/, "dny"],
  // ao, au and av before a consonant are one sound in Marathi names: Bhaosaheb/Bhausaheb/भाऊसाहेब,
  // Raosaheb/Ravsaheb/रावसाहेब, Gaurav/Gourav/गौरव.
  [/ou/g, "au"],
  [/au|aon?$|ao(?=[^aeiou])/g, "av"],
  [/anv$/, "av"],
  [/ey$/, "e"],
  [/ia/g, "iya"],
  [/m(?=[bp])/g, "n"],
  [/(.)\1+/g, "$1"],
];

/**
 * The key: plain Latin letters, folded, then every "a" after the first letter dropped. Short and
 * long a and the Devanagari inherent vowel are written so unevenly (Jagtap/जगताप, Kamala/Kamla)
 * that the key keeps none of them; the other vowels and the consonants carry the name.
 */
export function phoneticKey(word: string): string {
  return dropA(folded(plainLetters(word)));
}

function folded(letters: string): string {
  let s = letters;
  for (const [from, to] of folds) s = s.replace(from, to);
  return s;
}

const dropA = (s: string) => (s.length > 1 ? s[0] + s.slice(1).replace(/[a\u0259]/g, "") : s.replace("\u0259", "a"));

// The Devanagari inherent vowel, marked while the spellings are found, so that "av" before it and a
// consonant ("राव|साहेब") reads as the "av" before a consonant it is spoken as.
const schwa = "\u0259";
/** Where "o" and the Marathi "au" (ao, au, ou, av before a consonant, folded to "av" above) may stand for each other. */
const auOrO = /av(?=\u0259?[^aeiou\u0259])|o(?=[^aeiou\u0259])/g;

/**
 * Every key the word may be written with, its own first: the key above, and the keys with "o" in
 * place of the "au" sound and back, since both are written for औ and for one another: Gaurav,
 * Gourav, Gorav, गौरव and गोरव; Chauhan, Chouhan and Chohan. They are kept apart in the key (so
 * "for" is not "Pawar" and "Kawale" stays "Kawle") and joined only here, where the protected forms
 * are made: a protected name is fingerprinted under each of its spellings, and a text is read
 * under its one key. At most three places in a word are varied (eight keys).
 */
export function phoneticKeys(word: string): string[] {
  const keys = new Set([phoneticKey(word)]);
  const s = folded(plainLetters(word, schwa));
  const sites = [...s.matchAll(auOrO)].slice(0, 3);
  for (let pick = 1; pick < 1 << sites.length; pick++) {
    let out = "";
    let from = 0;
    sites.forEach((m, i) => {
      out += s.slice(from, m.index);
      out += pick & (1 << i) ? (m[0] === "o" ? "av" : "o") : m[0];
      from = m.index + m[0].length;
    });
    keys.add(dropA((out + s.slice(from)).replace(/(.)\1+/g, "$1")));
  }
  return [...keys];
}

/** The letter an initial stands for: "S." for Sunita or सुनीता, "C." for Chandrakant or चंद्रकांत. */
export function initialOf(word: string): string {
  const first = plainLetters(word)[0] ?? "";
  return ({ w: "v", z: "j", f: "p", q: "k", x: "k" } as Record<string, string>)[first] ?? first;
}
