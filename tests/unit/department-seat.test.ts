import { describe, expect, it } from "vitest";
import { parseForm } from "~/lib/forms";
import { seatOn } from "~/models/department.server";
import { departmentEditSchema, holderContactSchema, setPasswordSchema, transferSchema } from "~/schemas/department";

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
};

describe("who holds a seat on a day", () => {
  const former = { id: 1, startsOn: "2022-01-01", endsOn: "2025-06-30" };
  const outgoing = { id: 2, startsOn: "2025-07-01", endsOn: "2026-03-31" };
  const successor = { id: 3, startsOn: "2026-04-01", endsOn: null };
  const history = [successor, outgoing, former];

  it("is the outgoing officer up to and including their last day, with the successor incoming", () => {
    expect(seatOn(history, "2026-03-31")).toEqual({ holder: outgoing, incoming: successor });
  });

  it("is the successor from their first day, with no one incoming", () => {
    expect(seatOn(history, "2026-04-01")).toEqual({ holder: successor, incoming: null });
  });

  it("is nobody for a vacant seat, or before anyone started", () => {
    expect(seatOn([], "2026-04-01")).toEqual({ holder: null, incoming: null });
    expect(seatOn([former], "2021-12-31")).toEqual({ holder: null, incoming: former });
  });
});

describe("the transfer form", () => {
  const good = {
    effectiveOn: "2026-04-01",
    officerName: " Priya Nair ",
    designation: "DCPO",
    email: " priya@example.org ",
    phone: "",
  };

  it("trims the input and treats an empty phone as none", () => {
    const parsed = parseForm(transferSchema, form(good));
    expect(parsed).toMatchObject({
      ok: true,
      data: { officerName: "Priya Nair", email: "priya@example.org", phone: null },
    });
  });

  it("puts each problem next to its field", () => {
    const parsed = parseForm(
      transferSchema,
      form({ ...good, effectiveOn: "2026-02-30", officerName: "", email: "priya", phone: "call me" }),
    );
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors).toEqual({
      effectiveOn: "Takes effect on must be a real date (day/month/year).",
      officerName: "Successor's name is required.",
      email: "Enter a valid email address.",
      phone: "Enter a phone number of digits, spaces and +.",
    });
  });
});

describe("the administrator's small forms", () => {
  it("reads an unticked 'active' box as inactive", () => {
    expect(parseForm(departmentEditSchema, form({ intent: "department", name: "DLSA", kind: "dlsa" }))).toMatchObject({
      ok: true,
      data: { active: false },
    });
  });

  it("asks for the holder's name, not a successor's", () => {
    const parsed = parseForm(
      holderContactSchema,
      form({ intent: "contact", tenureId: "4", officerName: "", designation: "X", email: "x@example.org" }),
    );
    expect(!parsed.ok && parsed.errors.officerName).toBe("Name is required.");
  });
});

describe("setting a password", () => {
  it("needs 10 characters and the same password twice", () => {
    expect(parseForm(setPasswordSchema, form({ password: "short", confirm: "short" }))).toMatchObject({
      ok: false,
      errors: { password: "Use at least 10 characters." },
    });
    expect(parseForm(setPasswordSchema, form({ password: "long-enough-1", confirm: "long-enough-2" }))).toMatchObject({
      ok: false,
      errors: { confirm: "The two passwords do not match." },
    });
    expect(parseForm(setPasswordSchema, form({ password: "long-enough-1", confirm: "long-enough-1" })).ok).toBe(true);
  });
});
