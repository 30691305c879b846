import { describe, expect, it } from "vitest";
import { initialOf, phoneticKey, phoneticKeys } from "~/lib/phonetic";

const same = (...words: string[]) => expect(new Set(words.map(phoneticKey)).size, words.join(" / ")).toBe(1);
const differ = (a: string, b: string) => expect(phoneticKey(a), `${a} / ${b}`).not.toBe(phoneticKey(b));

describe("the phonetic key", () => {
  it("ignores case, accents and vowel length (aa/a, ee/i, oo/u)", () => {
    same("Sunita", "SUNITA", "Suneeta", "Sunitaa");
    same("Pooja", "Puja");
    same("Jagtap", "Jagtaap");
  });
  it("folds aspirates (bh/b, dh/d, th/t, kh/k, gh/g, ph/p, jh/j, chh/ch) and doubled letters", () => {
    same("Yadav", "Yadhav");
    same("Vitthal", "Vithal", "Vital");
    same("Bhosale", "Bosale");
    same("Deshmukh", "Deshmuk");
    same("Ghule", "Gule");
    same("Phule", "Fule", "Pule");
    same("Jhala", "Jala");
    same("Chhaya", "Chaya");
    same("Kakade", "Khakade");
  });
  it("folds w/v, -ao/-av and the -gaon of village names", () => {
    same("Waghmare", "Vaghmare");
    same("Jadhao", "Jadhav");
    same("Rao", "Rav");
    same("Wadgaon", "Vadgav");
  });
  it("folds ao/au/av before a consonant, and the ways of writing ज्ञ", () => {
    same("Bhaosaheb", "Bhausaheb", "Bhousaheb", "भाऊसाहेब");
    same("Raosaheb", "Ravsaheb", "रावसाहेब");
    same("Gaurav", "Gourav", "गौरव");
    same("Gyaneshwar", "Dnyaneshwar", "Gnyaneshwar", "Jnaneshwar", "ज्ञानेश्वर");
  });
  it("gives a name its spellings with o for the au sound and back (au, ou, ao, av before a consonant; औ, ओ), its own key first", () => {
    // Each spelling's keys include every other spelling's key: a protected Gaurav is found as Gorav, and back.
    const spelt = (...words: string[]) => {
      for (const a of words) for (const b of words) expect(phoneticKeys(a), `${a} / ${b}`).toContain(phoneticKey(b));
    };
    spelt("Gaurav", "Gourav", "Gorav", "गौरव", "गोरव");
    spelt("Chauhan", "Chouhan", "Chohan", "चौहान");
    spelt("Gautam", "Goutam", "Gotam", "गौतम");
    spelt("Raosaheb", "Ravsaheb", "रावसाहेब", "Rosaheb");
    spelt("Bhausaheb", "Bhaosaheb", "भाऊसाहेब", "Bhosaheb");
    expect(phoneticKeys("Gaurav")[0]).toBe(phoneticKey("Gaurav"));
  });
  it("keeps o and au apart in the key itself, so ordinary words keep their key", () => {
    differ("for", "Pawar");
    differ("Gorav", "Gaurav");
    same("Kawale", "Kawle", "कावळे");
    expect(phoneticKeys("Pawar")).toEqual([phoneticKey("Pawar")]);
    expect(phoneticKeys("Jagtap")).toEqual([phoneticKey("Jagtap")]);
  });
  it("gives a Devanagari name the key of its Latin spelling, whatever the schwa does", () => {
    same("Jagtap", "जगताप");
    same("Sunita", "सुनीता", "सुनिता");
    same("Vitthal", "Vithal", "विठ्ठल");
    same("Ramesh", "रमेश");
    same("Mamta", "ममता");
    same("Kamala", "Kamla", "कमला");
    same("Sanjay", "संजय");
    same("Pandey", "Pande", "पांडे");
    same("Gaikwad", "गायकवाड");
    same("Vaishali", "वैशाली");
    same("Lakshmi", "Laxmi", "लक्ष्मी");
    same("Krishna", "कृष्ण");
    same("Dnyaneshwar", "ज्ञानेश्वर");
    same("Shinde", "शिंदे");
    same("Patil", "पाटील");
    same("Wadgaon", "वडगाव");
    same("Kanarikar", "कॅनरीकर");
  });
  it("drops the nukta (ज़/ज, फ़/फ)", () => {
    same("ज़रीना", "जरीना", "Zarina", "Jarina");
    same("फ़रीदा", "फरीदा", "Farida");
  });
  it("keeps different names apart", () => {
    differ("Sunita", "Sunil");
    differ("Ramesh", "Suresh");
    differ("Jagtap", "Jadhav");
    differ("Asha", "as");
    differ("Patil", "Pawar");
    differ("Shinde", "Sinde");
  });
  it("knows the letter an initial stands for, in either script", () => {
    expect(["Sunita", "सुनीता", "Shinde", "शिंदे"].map(initialOf)).toEqual(["s", "s", "s", "s"]);
    expect(["Chandrakant", "चंद्रकांत", "Wagh", "वाघ"].map(initialOf)).toEqual(["c", "c", "v", "v"]);
  });
});
