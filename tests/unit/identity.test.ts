import { describe, expect, it } from "vitest";
import { crossCaseFingerprints, fingerprintsOf, hmac, nearbyYearFps, normaliseName } from "~/lib/identity";
import { legacyKey } from "~/lib/phonetic";
import { honorificWords, nameSpellings } from "~/lib/name-words";

const key = "test-key";
const fp = (name: string, birthYear: number | null = null, extra: string | null = null) =>
  fingerprintsOf(key, { name, birthYear, extra })!;

describe("name normalisation", () => {
  it("ignores case, spacing, punctuation and honorifics", () => {
    expect(normaliseName("  Shri RAMESH   kumar ")).toEqual(["ramesh", "kumar"]);
    expect(normaliseName("Smt. Asha Devi")).toEqual(["asha", "devi"]);
  });
  it("folds transliteration variants", () => {
    expect(normaliseName("Mohd. Salim")).toEqual(normaliseName("Mohammed Salim"));
    expect(normaliseName("Muhammad Saleem")).toEqual(normaliseName("Mohammad Salim"));
    expect(normaliseName("Sunita Devi")).toEqual(normaliseName("Suneeta Debi"));
  });
  it("takes the leak guard's spellings and Latin honorifics, and spells each name as older fingerprints did", () => {
    for (const [name, forms] of Object.entries(nameSpellings))
      for (const form of forms) expect(normaliseName(`${form} Salim`)).toEqual(normaliseName(`${name} Salim`));
    for (const honorific of honorificWords.latin) expect(normaliseName(`${honorific} Asha`)).toEqual(["asha"]);
    expect(normaliseName("Mohammad")).toEqual(["mohamed"]);
  });
});

describe("matching", () => {
  it("matches the same person written differently", () => {
    expect(fp("Ramesh Kumar").nameFp).toBe(fp("ramesh  kumar").nameFp);
    expect(fp("Mohd. Salim").nameFp).toBe(fp("Mohammed Salim").nameFp);
  });
  it("does not match different names", () => {
    expect(fp("Ramesh Kumar").nameFp).not.toBe(fp("Suresh Kumar").nameFp);
    expect(fp("Ramesh Kumar").nameFp).not.toBe(fp("Kumar Ramesh").nameFp);
  });
  it("matches birth years within 2, and not further apart", () => {
    const stored = fp("Ramesh Kumar", 1990).nameYearFp!;
    expect(nearbyYearFps(key, "Ramesh Kumar", 1992)).toContain(stored);
    expect(nearbyYearFps(key, "Ramesh Kumar", 1988)).toContain(stored);
    expect(nearbyYearFps(key, "Ramesh Kumar", 1993)).not.toContain(stored);
  });
  it("keeps nothing readable", () => {
    const all = JSON.stringify(fp("Ramesh Kumar", 1990, "Nagpur"));
    expect(all).not.toMatch(/ramesh|kumar|nagpur|1990/i);
  });
});

describe("matching across cases by the phonetic key", () => {
  const cross = (name: string, birthYear: number | null = null, extra: string | null = null) =>
    crossCaseFingerprints(key, { name, birthYear, extra })!;
  const row = (name: string, birthYear: number | null = null, extra: string | null = null) =>
    cross(name, birthYear, extra).stored;
  const matches = (a: ReturnType<typeof cross>, b: ReturnType<typeof row>) =>
    a.nameFps.includes(b.nameFp) && a.sameAs(b);

  it("matches a Devanagari name with its Latin spelling, and back", () => {
    expect(matches(cross("सुनीता रमेश जगताप"), row("Sunita Ramesh Jagtap"))).toBe(true);
    expect(matches(cross("Suneeta Ramesh Jagtaap"), row("सुनीता रमेश जगताप"))).toBe(true);
    expect(matches(cross("Smt. Bhaosaheb Jadhao"), row("श्री भाऊसाहेब जाधव"))).toBe(true);
    expect(matches(cross("Dnyaneshwar Pawar"), row("Gyaneshwar Pawar"))).toBe(true);
  });
  it("matches o for au and back, in either script, with the birth year and district too", () => {
    expect(matches(cross("Gorav Bhosale"), row("Gaurav Bhosale"))).toBe(true);
    expect(matches(cross("गौरव भोसले", 1990), row("Gorav Bhosale", 1991))).toBe(true);
    expect(matches(cross("Pooja Chauhan", null, "Gondia"), row("पूजा चोहान", null, "Gaundia"))).toBe(true);
    expect(matches(cross("Gorav Bhosale"), row("Gaurav Bhonsle"))).toBe(false);
  });
  it("compares the birth year and the district in either script too", () => {
    expect(matches(cross("सुनीता जगताप", 2008, "सांगली"), row("Sunita Jagtap", 2009, "Sangli"))).toBe(true);
    expect(matches(cross("सुनीता जगताप", 2008), row("Sunita Jagtap", 2012))).toBe(false);
    expect(matches(cross("सुनीता जगताप", null, "सातारा"), row("Sunita Jagtap", null, "Sangli"))).toBe(false);
  });
  it("keeps different names, and the words in another order, apart", () => {
    expect(matches(cross("सुनील जगताप"), row("Sunita Jagtap"))).toBe(false);
    expect(matches(cross("Jagtap Sunita"), row("Sunita Jagtap"))).toBe(false);
  });
  it("still finds a row fingerprinted before the phonetic key, by its earlier fingerprint", () => {
    const before = fp("Ramesh Kumar", 1990, "Nagpur");
    expect(matches(cross("Ramesh  KUMAR", 1991, "Nagpur"), before)).toBe(true);
    expect(matches(cross("Ramesh Kumar", 1995), before)).toBe(false);
  });
  it("still finds a row fingerprinted under the phonetic key as it was (y a consonant, au written av)", () => {
    const asBefore = (...words: string[]) => ({
      nameFp: hmac(key, `kname:${words.map(legacyKey).join(" ")}`),
      nameYearFp: null,
      extraFp: null,
    });
    expect(matches(cross("Meena Canarykar"), asBefore("Meena", "Canarykar"))).toBe(true);
    expect(matches(cross("Gaurav Bhosale"), asBefore("Gaurav", "Bhosale"))).toBe(true);
    expect(matches(cross("Meena Kole"), asBefore("Meena", "Kawale"))).toBe(false);
  });
  it("keeps nothing readable", () => {
    expect(JSON.stringify(row("सुनीता जगताप", 2008, "Sangli"))).not.toMatch(/sunit|jgtp|jagtap|सुनीता|sangli|2008/i);
  });
});
