import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { roles as everyRole, type Role } from "#db/schema/enums";
import {
  actsForSeat,
  allows,
  can,
  grants,
  homePathFor,
  permissions,
  requirePermission,
  scopeOf,
  seesRestricted,
  successorRole,
} from "~/lib/permissions";
import { thrownResponse } from "../support/thrown";

const roles: Role[] = ["admin", "secretariat", "representative", "observer"];
const police = { role: "representative", departmentId: 3 } as const;
const secretariat = { role: "secretariat", departmentId: null } as const;
const observer = { role: "observer", departmentId: null } as const;

describe("permissions", () => {
  it("gives restricted fields only to admin and secretariat", () => {
    expect(seesRestricted("admin")).toBe(true);
    expect(seesRestricted("secretariat")).toBe(true);
    expect(seesRestricted("representative")).toBe(false);
    expect(seesRestricted("observer")).toBe(false);
  });

  it("keeps observers to aggregates", () => {
    expect(grants.observer).toEqual(["read:reports"]);
    expect(can("observer", "read:case:own")).toBe(false);
    expect(homePathFor("observer")).toBe("/reports/outcomes");
    expect(homePathFor("representative")).toBe("/actions");
    expect(homePathFor("secretariat")).toBe("/meetings");
    expect(homePathFor("admin")).toBe("/meetings");
  });

  it("gives the state's roles the state's pages and nothing of a district's", () => {
    expect(grants.state_admin).toEqual(["manage:collectives", "read:state"]);
    expect(grants.state_observer).toEqual(["read:state"]);
    expect(everyRole.filter((r) => can(r, "manage:collectives"))).toEqual(["state_admin"]);
    expect(everyRole.filter((r) => can(r, "read:state"))).toEqual(["state_admin", "state_observer"]);
    for (const p of ["read:reports", "read:meeting", "read:case:own", "manage:collective"] as const) {
      expect(can("state_admin", p), p).toBe(false);
      expect(can("state_observer", p), p).toBe(false);
    }
    expect(homePathFor("state_admin")).toBe("/state");
    expect(homePathFor("state_observer")).toBe("/state");
    expect(actsForSeat("state_admin")).toBe(false);
  });

  it("lets only the admin manage departments and seats", () => {
    expect(roles.filter((r) => can(r, "manage:departments"))).toEqual(["admin"]);
  });

  it("lets the secretariat write cases and meetings, and representatives only read", () => {
    expect(can("secretariat", "write:case")).toBe(true);
    expect(can("secretariat", "write:meeting")).toBe(true);
    expect(can("representative", "write:case")).toBe(false);
    expect(can("representative", "read:case:own")).toBe(true);
  });

  it("grants only known permissions", () => {
    for (const list of Object.values(grants)) for (const p of list) expect(permissions).toContain(p);
  });
});

describe("scoped permissions (:own and :any)", () => {
  it("gives representatives their own department's records and the secretariat and admin every department's", () => {
    for (const record of ["read:case", "read:action-item", "update:action-item", "read:brief"] as const) {
      expect(
        roles.map((r) => scopeOf(r, record)),
        record,
      ).toEqual(["any", "any", "own", null]);
    }
  });

  it("meets a request for :own with either scope, and one for :any only with :any", () => {
    expect(can("representative", "update:action-item:own")).toBe(true);
    expect(can("representative", "update:action-item:any")).toBe(false);
    expect(can("secretariat", "update:action-item:own")).toBe(true);
    expect(can("secretariat", "update:action-item:any")).toBe(true);
    expect(can("observer", "update:action-item:own")).toBe(false);
  });

  it("lets a representative reach a record of their own department, and no other", () => {
    expect(allows(police, "update:action-item:own", { departmentId: 3 })).toBe(true);
    expect(allows(police, "update:action-item:own", { departmentId: 4 })).toBe(false);
    // A case belongs to every department involved in it.
    expect(allows(police, "read:case:own", { departmentId: [4, 3] })).toBe(true);
    expect(allows(police, "read:case:own", { departmentId: [4, 5] })).toBe(false);
    expect(allows(police, "read:case:own", { departmentId: [] })).toBe(false);
  });

  it("lets a representative without a seat today reach no department's record", () => {
    expect(allows({ role: "representative", departmentId: null }, "read:brief:own", { departmentId: 3 })).toBe(false);
  });

  it("lets the secretariat reach any department's record, and an observer none", () => {
    expect(allows(secretariat, "update:action-item:own", { departmentId: 4 })).toBe(true);
    expect(allows(secretariat, "read:case:own", { departmentId: [] })).toBe(true);
    expect(allows(observer, "read:brief:own", { departmentId: 3 })).toBe(false);
  });

  it("at a route's door, before the record is read, asks only whether the role holds the permission at some scope", () => {
    expect(allows(police, "read:case:own")).toBe(true);
    expect(allows(observer, "read:case:own")).toBe(false);
    expect(allows(police, "read:case:any")).toBe(false);
  });

  it("refuses with a 403 that says why: another department's record, or a role without the permission", async () => {
    expect(
      await thrownResponse(() => requirePermission(police, "read:action-item:own", { departmentId: 3 })),
    ).toBeNull();
    expect(await thrownResponse(() => requirePermission(police, "read:case:own", { departmentId: [4] }))).toEqual({
      status: 403,
      text: "Your department is not involved in this case.",
    });
    expect(await thrownResponse(() => requirePermission(police, "read:brief:own", { departmentId: 4 }))).toEqual({
      status: 403,
      text: "This brief is for the department's own representative.",
    });
    expect(await thrownResponse(() => requirePermission(police, "read:action-item:own", { departmentId: 4 }))).toEqual({
      status: 403,
      text: "This action item belongs to another department.",
    });
    expect(
      await thrownResponse(() => requirePermission(police, "update:action-item:own", { departmentId: 4 })),
    ).toEqual({
      status: 403,
      text: "Only the owning department or the secretariat can update this action item.",
    });
    expect(await thrownResponse(() => requirePermission(observer, "read:case:own"))).toEqual({
      status: 403,
      text: "Your role does not allow this.",
    });
  });

  it("binds to a seat only the roles whose permissions are their own department's", () => {
    expect(roles.filter(actsForSeat)).toEqual(["representative"]);
    expect(successorRole("secretariat")).toBe("secretariat");
    expect(successorRole("representative")).toBe("representative");
    expect(successorRole(undefined)).toBe("representative");
  });
});

describe("role checks", () => {
  // Ownership and policy are decided in app/lib/permissions.ts only: elsewhere code asks for a
  // permission (can, allows, requirePermission, requireUserWithPermission), never compares a role.
  const sources = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
    });
  const roleWords = roles.join("|");

  it("compares no role outside app/lib/permissions.ts", () => {
    const offences = sources(path.resolve("app"))
      .filter((file) => !file.endsWith(path.join("lib", "permissions.ts")))
      .flatMap((file) =>
        fs
          .readFileSync(file, "utf8")
          .split("\n")
          .map((line, n) => ({ line, at: `${path.relative(process.cwd(), file)}:${n + 1}` }))
          .filter(({ line }) =>
            new RegExp(
              `[!=]==\\s*"(${roleWords})"|"(${roleWords})"\\s*[!=]==|(Set\\(|includes\\(|case )\\[?\\s*"(${roleWords})"`,
            ).test(line),
          )
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offences).toEqual([]);
  });
});
