import { and, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { collectives, meetings, minutesVersions } from "#db/schema";
import { getDb } from "~/db.server";
import { loader as minutesPdfLoader } from "~/routes/meetings.$meetingId.minutes[.]pdf";
import { loader as minutesLoader } from "~/routes/meetings.$meetingId_.minutes";
import { buildMinutesDocument } from "~/services/minutes.server";
import { cookieFor, getRequest, run } from "../support/remix";

// Defect 13 of issue 13: representatives read circulated minutes only, never a draft (which holds
// other departments' actions before anyone has checked them).

let police: string;
let secretariat: string;
let meetingId: number;
const page = (cookie: string, query = "") =>
  run(() =>
    minutesLoader({
      request: getRequest(`/meetings/${meetingId}/minutes${query}`, cookie),
      params: { meetingId: String(meetingId) },
      context: {},
    }),
  );
const pdf = (cookie: string, query = "") =>
  run(() =>
    minutesPdfLoader({
      request: getRequest(`/meetings/${meetingId}/minutes.pdf${query}`, cookie),
      params: { meetingId: String(meetingId) },
      context: {},
    }),
  );

beforeAll(async () => {
  police = await cookieFor("police@demo.testa");
  secretariat = await cookieFor("secretariat@demo.testa");
  const demo = getDb().select().from(collectives).where(eq(collectives.districtCode, "DEM")).get()!;
  const held =
    getDb()
      .select()
      .from(meetings)
      .where(and(eq(meetings.collectiveId, demo.id), eq(meetings.status, "held"), eq(meetings.minutesState, "draft")))
      .get() ??
    getDb()
      .select()
      .from(meetings)
      .where(
        and(eq(meetings.collectiveId, demo.id), ne(meetings.status, "cancelled"), eq(meetings.minutesState, "draft")),
      )
      .get()!;
  meetingId = held.id;
});

describe("minutes for a representative", () => {
  it("are not shown while a draft: neither the page nor the PDF gives it", async () => {
    const mine = await page(police);
    expect(mine.status).toBe(200);
    expect(mine.data.shown).toBeNull();
    expect(mine.data.notCirculated).toBe(true);
    const file = await pdf(police);
    expect(file.status).toBe(404);
    expect(file.data).toBe("The minutes of this meeting have not been circulated yet.");
    // The secretariat still reads and prints the draft.
    expect((await page(secretariat)).data.shown).toMatchObject({ version: null, state: "draft" });
    expect((await pdf(secretariat)).status).toBe(200);
  });

  it("are shown once circulated, as circulated", async () => {
    // Circulation as the service freezes it (the emailing is minutes.test.ts's business).
    const meeting = getDb().select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
    const { departmentIdOf: _ids, ...doc } = buildMinutesDocument(getDb(), meeting);
    getDb()
      .insert(minutesVersions)
      .values({
        meetingId,
        version: 1,
        state: "circulated",
        bodyJson: JSON.stringify({ ...doc, minutesState: "circulated", version: 1 }),
      })
      .run();
    getDb().update(meetings).set({ minutesState: "circulated" }).where(eq(meetings.id, meetingId)).run();
    const mine = await page(police);
    expect(mine.data.notCirculated).toBe(false);
    expect(mine.data.shown).toMatchObject({ version: 1, state: "circulated" });
    expect((await pdf(police)).status).toBe(200);
    expect((await pdf(police, "?version=1")).status).toBe(200);
  });
});
