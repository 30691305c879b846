import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every free-text field of every form schema (requiredText/optionalText in app/schemas) is checked
// by the input guard when it is saved, or is listed here with the reason it is not. A new text
// field fails this test until it is guarded (parseGuardedForm's fields) or listed.
const exempt: Record<string, string> = {
  fatherName: "the identity form: fingerprinted and discarded, never stored",
  motherName: "the identity form: fingerprinted and discarded, never stored",
  husbandName: "the identity form: fingerprinted and discarded, never stored",
  village: "the identity form: fingerprinted and discarded, never stored",
  school: "the identity form: fingerprinted and discarded, never stored",
  nativeDistrict: "the identity form: fingerprinted and discarded, never stored",
  firNumber: "the FIR number itself: a restricted field, shown only to the secretariat and the admin",
};

const read = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
    .join("\n");

describe("the guarded-field registry", () => {
  it("covers every free-text field of the form schemas", () => {
    const schemas = read(path.resolve("app/schemas"));
    const textFields = new Set(
      [...schemas.matchAll(/["']?([A-Za-z.]+)["']?: (?:requiredText|optionalText)\(/g)].map((m) => m[1]!),
    );
    // What the guard is given: `field: "the label"` or `field: { label: … }` in the guard's field lists.
    const guarding = [read(path.resolve("app/routes")), schemas, read(path.resolve("app/services"))].join("\n");
    const guarded = new Set(
      [...guarding.matchAll(/["']?([A-Za-z.]+)["']?: (?:"(?:the|an?|its) |\{ label|`)/g)].map((m) => m[1]!),
    );
    expect(textFields.size).toBeGreaterThan(20);
    expect(
      [...textFields].filter((f) => !guarded.has(f) && !(f in exempt)),
      "free-text fields the input guard does not check: guard them, or list them in `exempt` with the reason",
    ).toEqual([]);
    expect(
      Object.keys(exempt).filter((f) => !textFields.has(f)),
      "exemptions for fields that are gone",
    ).toEqual([]);
  });
});
