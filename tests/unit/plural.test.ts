import { describe, expect, it } from "vitest";
import { plural } from "~/lib/plural";

describe("plural", () => {
  it("writes one, none and many as English does", () => {
    expect(plural(1, "minute", "minutes")).toBe("1 minute");
    expect(plural(0, "case", "cases")).toBe("0 cases");
    expect(plural(39, "case", "cases")).toBe("39 cases");
    expect(plural(2, "accused", "accused")).toBe("2 accused");
  });
});
