import { describe, expect, it } from "vitest";
import { at } from "~/lib/at";

describe("at", () => {
  it("gives the element a bounds check vouched for", () => {
    expect(at(["a", "b"], 1)).toBe("b");
    expect(at("जगताप", 0)).toBe("ज");
  });

  it("refuses, naming the index and the length, where there is none", () => {
    expect(() => at(["a"], 1)).toThrow("No element at 1 (length 1)");
    expect(() => at([], -1)).toThrow(RangeError);
  });
});
