import { describe, expect, it } from "vitest";
import { fingerprintsOf, nearbyYearFps, normaliseName } from "~/lib/identity";

const key = "test-key";
const fp = (name: string, birthYear: number | null = null, extra: string | null = null) => fingerprintsOf(key, { name, birthYear, extra })!;

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
