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
const head: [RegExp, string][] = [
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
];
const tail: [RegExp, string][] = [
  [/anv$/, "av"],
  [/ey$/, "e"],
  [/ia/g, "iya"],
  [/m(?=[bp])/g, "n"],
  [/(.)\1+/g, "$1"],
];

// The Devanagari inherent vowel, marked while the spellings are found (phoneticKeys), so that "av"
// before it and a consonant ("राव|साहेब") reads as the "av" before a consonant it is spoken as.
const schwa = "\u0259";
// Two sounds are marked while folding and written out in the key: the "au" of औ, आऊ, au and ou
// (written "o" in the key: Gaurav, Gourav, Gorav and गौरव are one word), and the "ao" of Rao and
// Jadhao (written "av": Raosaheb is रावसाहेब, Jadhao is जाधव).
const au = "\u00d4";
const ao = "\u00c2";
const folds: [RegExp, string][] = [
  ...head,
  // "y" after a consonant and before none is the vowel i: Canarykar is कॅनरीकर, Pinky is पिंकी.
  [/(?<=[^aeiouy\u0259])y(?![aeiou\u0259])/g, "i"],
  [/ou/g, "au"],
  [/au/g, au],
  [/aon?$|ao(?=[^aeiou\u0259])/g, ao],
  ...tail,
];
/** The steps of the key as it was before the marks above, for what was fingerprinted with it (legacyKey). */
const legacyFolds: [RegExp, string][] = [...head, [/ou/g, "au"], [/au|aon?$|ao(?=[^aeiou])/g, "av"], ...tail];

const fold = (letters: string, steps: [RegExp, string][]) =>
  steps.reduce((s, [from, to]) => s.replace(from, to), letters);
/** The marked sounds written out. */
const spoken = (s: string) =>
  s
    .replaceAll(au, "o")
    .replaceAll(ao, "av")
    .replace(/(.)\1+/g, "$1");

/**
 * The key: plain Latin letters, folded, then every "a" after the first letter dropped. Short and
 * long a and the Devanagari inherent vowel are written so unevenly (Jagtap/जगताप, Kamala/Kamla)
 * that the key keeps none of them; the other vowels and the consonants carry the name.
 */
export function phoneticKey(word: string): string {
  return dropA(spoken(fold(plainLetters(word), folds)));
}

/**
 * The key as it was before "y" was read as a vowel and "au" as "o" (both in December 2026). Stored
 * fingerprints were made from it and cannot be made again (the clear text is gone), so a text word
 * whose key differs is also looked up under this one (leak-guard), and a person's cross-case
 * fingerprints are also compared under it (identity).
 */
export function legacyKey(word: string): string {
  return dropA(fold(plainLetters(word), legacyFolds));
}

const dropA = (s: string) => (s.length > 1 ? s[0] + s.slice(1).replace(/[a\u0259]/g, "") : s.replace("\u0259", "a"));

/** Places where the "au" sound may be written "o" or "av": the marks, and o or av before a consonant. */
const auSites = /\u00d4|\u00c2|o(?=\u0259?[^aeiou\u0259\u00d4\u00c2])|av(?=\u0259?[^aeiou\u0259\u00d4\u00c2])/g;

/**
 * Whether the rest of a word after an "au" site makes it a compound (Bhau|saheb, Rao|saheb): at its
 * end, or with three consonants or another such site after it. "Kole" and "Kawale" (कावळे) have one
 * consonant after theirs, and stay apart; so do Chauhan and Chavhan.
 */
function compoundAfter(rest: string): boolean {
  if (!rest || /[\u00d4\u00c2]/.test(rest)) return true;
  return (rest.match(/[^aeiou\u0259]/g)?.length ?? 0) >= 3;
}

/** The other way each site may be written, or null where it stays as it is. */
function otherSpelling(site: string, rest: string): string | null {
  if (site === ao) return "o";
  if (site === au) return compoundAfter(rest) ? "av" : null;
  if (!compoundAfter(rest)) return null;
  return site === "o" ? "av" : "o";
}

/**
 * Every key the word may be written with, its own first: the key above, and the keys with "o" in
 * place of the "au" sound and back where both are written for it: Bhausaheb, Bhaosaheb, Bhosaheb and
 * भाऊसाहेब; Raosaheb, Ravsaheb, Rosaheb and रावसाहेब; Jadhao and Jadho. In a short word "o" and "av"
 * stay apart (Kole is not Kawale, Chauhan is not Chavhan), and the key already joins au and o
 * (Gaurav, Gorav). A protected name is fingerprinted under each spelling, a text read under its one
 * key. At most three places in a word are varied (eight keys).
 */
export function phoneticKeys(word: string): string[] {
  const keys = new Set([phoneticKey(word)]);
  const s = fold(plainLetters(word, schwa), folds);
  const sites = [...s.matchAll(auSites)]
    .slice(0, 3)
    .map((m) => ({ m, other: otherSpelling(m[0], s.slice(m.index + m[0].length)) }))
    .filter((x) => x.other !== null);
  for (let pick = 1; pick < 1 << sites.length; pick++) {
    let out = "";
    let from = 0;
    sites.forEach(({ m, other }, i) => {
      out += s.slice(from, m.index) + (pick & (1 << i) ? other : m[0]);
      from = m.index + m[0].length;
    });
    keys.add(dropA(spoken(out + s.slice(from))));
  }
  return [...keys];
}

/** The letter an initial stands for: "S." for Sunita or सुनीता, "C." for Chandrakant or चंद्रकांत. */
export function initialOf(word: string): string {
  const first = plainLetters(word)[0] ?? "";
  return ({ w: "v", z: "j", f: "p", q: "k", x: "k" } as Record<string, string>)[first] ?? first;
}
