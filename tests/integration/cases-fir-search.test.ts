import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, collectives } from "#db/schema";
import { getDb } from "~/db.server";
import { loader as casesLoader } from "~/routes/cases._index";
import { createCase } from "../factories";
import { cookieFor, getRequest, run } from "../support/remix";

// Searching the case register by FIR number compares numbers, as the leak guard does: leading zeros
// and a label ("FIR", "No.") do not matter, and the year counts only when both sides have one.

let secretariat: string;
const codes: Record<string, string> = {};

beforeAll(async () => {
  secretariat = await cookieFor("secretariat@demo.testa");
  const db = getDb();
  const collectiveId = db.select().from(collectives).where(eq(collectives.districtCode, "DEM")).get()!.id;
  // Numbers outside the demo seed's range (100 to 899), so only these cases can match.
  codes.zeroPadded = createCase(db, { collectiveId, firNumber: "09871", firYear: 2025 }).code;
  codes.withYear = createCase(db, { collectiveId, firNumber: "9871/2024", firYear: 2024 }).code;
  codes.longer = createCase(db, { collectiveId, firNumber: "98710", firYear: 2025 }).code;
});

const search = async (fir: string) =>
  run(async () =>
    casesLoader({ request: getRequest(`/cases?fir=${encodeURIComponent(fir)}`, secretariat), params: {}, context: {} }),
  );
const found = async (fir: string) => ((await search(fir)).data.rows as { code: string }[]).map((r) => r.code).sort();

describe("searching the case register by FIR number", () => {
  it("finds an FIR stored with leading zeros by its number and year", async () => {
    expect(await found("9871/2025")).toEqual([codes.zeroPadded]);
    expect(await found("09871-2025")).toEqual([codes.zeroPadded]);
  });

  it("finds every year's FIR of that number when no year is typed, with or without a label", async () => {
    const both = [codes.zeroPadded, codes.withYear].sort();
    expect(await found("FIR 9871")).toEqual(both);
    expect(await found("9871")).toEqual(both);
  });

  it("tells years apart when both sides give one, and does not match a longer number", async () => {
    expect(await found("FIR No. 09871 of 2024")).toEqual([codes.withYear]);
    expect(await found("9871/2023")).toEqual([]);
    expect(await found("98710")).toEqual([codes.longer]);
  });

  it("audits each search without the number", async () => {
    const res = await search("FIR 9871");
    expect(res.status).toBe(200);
    const entry = getDb().select().from(auditLog).where(eq(auditLog.action, "search:fir")).all().at(-1)!;
    expect(entry.detail).toBe("2 cases found");
    expect(JSON.stringify(entry)).not.toContain("9871");
  });
});
