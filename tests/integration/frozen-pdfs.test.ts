import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { frozenPdfs, meetings, minutesVersions, users, victims } from "#db/schema";
import { getDb } from "~/db.server";
import { loader as agendaPdf } from "~/routes/meetings.$meetingId.agenda[.]pdf";
import { loader as minutesPdf } from "~/routes/meetings.$meetingId.minutes[.]pdf";
import { action as redactionAction } from "~/routes/redaction";
import { addToIdentityRecord } from "~/services/identity-record.server";
import { publishAgenda } from "~/services/meeting-mail.server";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";
import { pdfText } from "../support/pdf";

// A frozen agenda or minutes version is rendered once and its bytes served from then on; the leak
// guard still holds what is stored, and a redaction makes the next download render the redacted text.
const victim = "Sunita Ramesh Jagtap";
let secretariat: string;
let police: string;
let meeting: typeof meetings.$inferSelect;
let version: typeof minutesVersions.$inferSelect;

const download = async (loader: typeof minutesPdf, path: string, cookie = secretariat) => {
  const res = (await loader({
    request: getRequest(path, cookie),
    params: { meetingId: String(meeting.id) },
    context: {},
  }).catch((thrown: unknown) => thrown)) as Response;
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
};
const minutesOf = (v = version.version) => download(minutesPdf, `/meetings/${meeting.id}/minutes.pdf?version=${v}`);
const stored = (kind: "agenda" | "minutes", v: number) =>
  getDb()
    .select()
    .from(frozenPdfs)
    .where(and(eq(frozenPdfs.meetingId, meeting.id), eq(frozenPdfs.kind, kind), eq(frozenPdfs.version, v)))
    .get();

beforeAll(async () => {
  secretariat = await cookieFor("secretariat@demo.testa");
  police = await cookieFor("police@demo.testa");
  const db = getDb();
  meeting = db.select().from(meetings).where(eq(meetings.status, "held")).orderBy(desc(meetings.startsAt)).get()!;
  version = db
    .select()
    .from(minutesVersions)
    .where(eq(minutesVersions.meetingId, meeting.id))
    .orderBy(desc(minutesVersions.version))
    .get()!;
});

describe("frozen documents", () => {
  it("renders a frozen minutes version once and serves every later download, to anyone, from the stored bytes", async () => {
    expect(stored("minutes", version.version)).toBeUndefined();
    const first = await minutesOf();
    expect(first.status).toBe(200);
    expect(pdfText(first.body)).toContain(`Meeting ${meeting.number}`);
    const kept = stored("minutes", version.version)!;
    expect(Buffer.compare(kept.pdf, first.body)).toBe(0);
    const later = await download(minutesPdf, `/meetings/${meeting.id}/minutes.pdf`, police);
    expect(later.status).toBe(200);
    expect(Buffer.compare(later.body, kept.pdf)).toBe(0);
    expect(getDb().select().from(frozenPdfs).where(eq(frozenPdfs.kind, "minutes")).all()).toHaveLength(1);
  });

  it("stores a published agenda's PDF when it is sent and serves it from then on, and never stores a draft's", async () => {
    const db = getDb();
    const planned = db.select().from(meetings).where(eq(meetings.status, "planned")).get()!;
    const agendaOf = async () =>
      Buffer.from(
        await (
          await agendaPdf({
            request: getRequest(`/meetings/${planned.id}/agenda.pdf`, secretariat),
            params: { meetingId: String(planned.id) },
            context: {},
          })
        ).arrayBuffer(),
      );
    expect(pdfText(await agendaOf())).toContain("DRAFT");
    expect(db.select().from(frozenPdfs).where(eq(frozenPdfs.meetingId, planned.id)).all()).toEqual([]);
    const sender = db.select().from(users).where(eq(users.email, "secretariat@demo.testa")).get()!;
    const { version: sent } = await publishAgenda(db, planned, sender.id, planned.version);
    const kept = db.select().from(frozenPdfs).where(eq(frozenPdfs.meetingId, planned.id)).all();
    expect(kept.map((k) => [k.kind, k.version])).toEqual([["agenda", sent]]);
    const served = await agendaOf();
    expect(pdfText(served)).not.toContain("DRAFT");
    expect(Buffer.compare(served, kept[0]!.pdf)).toBe(0);
  });

  it("holds a stored PDF whose text became protected, and serves the redacted text once the version is redacted", async () => {
    const db = getDb();
    // An amendment that names the victim, frozen (and downloaded, so stored) before her name was protected.
    const amendment = { text: `Item 2: read ${victim} for the victim`, movedBy: "DCPU" };
    const body = JSON.parse(version.bodyJson);
    const amended = db
      .insert(minutesVersions)
      .values({
        meetingId: meeting.id,
        version: version.version + 1,
        state: version.state,
        bodyJson: JSON.stringify({ ...body, version: version.version + 1, amendments: [amendment] }),
        amendmentText: amendment.text,
        amendmentMovedBy: amendment.movedBy,
      })
      .returning()
      .get();
    const before = await minutesOf(amended.version);
    expect(pdfText(before.body)).toContain("Jagtap");
    expect(stored("minutes", amended.version)).toBeDefined();
    protectVictimName();
    expect((await minutesOf(amended.version)).status).toBe(409);
    const redacted = await run(() =>
      redactionAction({
        request: postRequest(
          "/redaction",
          { intent: "redact", kind: "minutes-version", id: String(amended.id) },
          secretariat,
        ),
        params: {},
        context: {},
      }),
    );
    expect(redacted.status).toBe(302);
    expect(stored("minutes", amended.version)).toBeUndefined();
    const after = await minutesOf(amended.version);
    expect(after.status).toBe(200);
    const text = pdfText(after.body);
    expect(text).toContain("[redacted]");
    expect(text).not.toMatch(/jagtap/i);
    expect(Buffer.compare(stored("minutes", amended.version)!.pdf, after.body)).toBe(0);
  });
});

/** Records the victim's name in a seeded victim's identity record: from then on it is protected text. */
function protectVictimName() {
  const db = getDb();
  const victimRow = db.select().from(victims).where(eq(victims.collectiveId, 1)).get()!;
  const sender = db.select().from(users).where(eq(users.email, "secretariat@demo.testa")).get()!;
  addToIdentityRecord(
    db,
    { collectiveId: 1, caseId: victimRow.caseId, subjectKind: "victim", subjectId: victimRow.id },
    sender.id,
    [{ attribute: "name", value: victim }],
    null,
  );
}
