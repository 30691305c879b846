import { describe, expect, it } from "vitest";
import { can, grants, homePathFor, permissions, seesRestricted } from "~/lib/permissions";

describe("permissions", () => {
  it("gives restricted fields only to admin and secretariat", () => {
    expect(seesRestricted("admin")).toBe(true);
    expect(seesRestricted("secretariat")).toBe(true);
    expect(seesRestricted("representative")).toBe(false);
    expect(seesRestricted("observer")).toBe(false);
  });

  it("keeps observers to aggregates", () => {
    expect(grants.observer).toEqual(["read:reports"]);
    expect(can("observer", "read:case")).toBe(false);
    expect(homePathFor("observer")).toBe("/reports/outcomes");
    expect(homePathFor("representative")).toBe("/actions");
    expect(homePathFor("secretariat")).toBe("/meetings");
  });

  it("lets only the admin manage departments and seats", () => {
    const managers = (["admin", "secretariat", "representative", "observer"] as const).filter((r) =>
      can(r, "manage:departments"),
    );
    expect(managers).toEqual(["admin"]);
  });

  it("lets the secretariat write cases and meetings, and representatives only read", () => {
    expect(can("secretariat", "write:case")).toBe(true);
    expect(can("secretariat", "write:meeting")).toBe(true);
    expect(can("representative", "write:case")).toBe(false);
    expect(can("representative", "read:case")).toBe(true);
  });

  it("grants only known permissions", () => {
    for (const list of Object.values(grants)) for (const p of list) expect(permissions).toContain(p);
  });
});
