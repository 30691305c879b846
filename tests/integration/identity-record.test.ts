import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accused, auditLog, cases, identityFingerprints, identityRecordEntries, meetings } from "#db/schema";
import { getDb } from "~/db.server";
import { action as caseAction, loader as caseLoader } from "~/routes/cases.$caseId";
import { action as meetingAction } from "~/routes/meetings.$meetingId";
import { findProtected, protectedSet } from "~/services/identity.server";
import { protectedSetAfresh } from "~/models/protected-set.server";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";
import { must } from "../support/present";

// Canaries: typed once into the identity form, they must never be stored or shown again.
const canaries = {
  name: "Kaveri Shantaram Canarykar",
  other: "Kavu Canarybai",
  village: "Canarywadi Khurd",
  phone: "+91 98220 55501",
  landline: "0233 2255501",
};

let secretariat: string;
let caseId: number;
let victimId: number;
beforeAll(async () => {
  secretariat = await cookieFor("secretariat@demo.testa");
  caseId = must(getDb().select({ id: cases.id }).from(cases).all()[3]).id;
  victimId = (await view()).view.victims[0].id;
});

const post = (body: Record<string, string>) =>
  run(() =>
    caseAction({
      request: postRequest(`/cases/${caseId}`, body, secretariat),
      params: { caseId: String(caseId) },
      context: {},
    }),
  );
async function view() {
  return (
    await run(() =>
      caseLoader({
        request: getRequest(`/cases/${caseId}`, secretariat),
        params: { caseId: String(caseId) },
        context: {},
      }),
    )
  ).data;
}
const identity = (fields: Record<string, string>) =>
  post({ intent: "victim-identity", victimId: String(victimId), ...fields });
const blocked = (text: string) => findProtected(text, protectedSet(getDb(), 1)).length > 0;
const record = async () =>
  (await view()).records
    .filter((r: { subjectId: number }) => r.subjectId === victimId)
    .map((r: { attribute: string }) => r.attribute);

describe("a victim's identity record, through the form on the case page", () => {
  it("is built up over several saves, each value fingerprinted and discarded", async () => {
    expect((await identity({ name: canaries.name, birthYear: "2009", nativeDistrict: "Sangli" })).status).toBe(302);
    expect(await record()).toEqual(["name"]);
    expect(blocked("Met Kaveri Canarykar at the shelter")).toBe(true);
    expect(blocked("Kavu Canarybai came")).toBe(false);

    // Later: another name she is known by, her village, two phone numbers and a word protected alone.
    // The guard's set is updated in place, not rebuilt.
    const kept = protectedSet(getDb(), 1);
    const later = await identity({
      otherNames: canaries.other,
      village: canaries.village,
      phones: `${canaries.phone}\n${canaries.landline}`,
      words: "Canarykar",
    });
    expect(later.status).toBe(302);
    expect(await record()).toEqual(["name", "other_name", "village", "phone", "phone", "word"]);
    for (const text of [
      "Kavu Canarybai came",
      "Canarybai Kavu",
      "She is from Canarywadi Khurd.",
      "Call 0233-2255501",
      "Canarykar alone",
    ])
      expect(blocked(text), text).toBe(true);
    expect(blocked("Canarywadi alone")).toBe(false);
    expect(protectedSet(getDb(), 1)).toBe(kept);
    // A save elsewhere refuses it at once: the guard's set follows the record.
    const m = getDb().select().from(meetings).where(eq(meetings.status, "planned")).get()!;
    const typed = await run(() =>
      meetingAction({
        request: postRequest(
          `/meetings/${m.id}`,
          { intent: "add", title: "Visit to Canarywadi Khurd", minutes: "5", presentingDepartmentId: "" },
          secretariat,
        ),
        params: { meetingId: String(m.id) },
        context: {},
      }),
    );
    expect(typed.status).toBe(400);

    const audited = getDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "fingerprint:victim"))
      .all()
      .map((a) => a.detail);
    expect(audited.at(-1)).toBe(
      `victim ${victimId}: other name, village or locality, 2 × phone number, word protected alone; 0 new match(es)`,
    );
  });

  it("refuses a mistake next to the field, without echoing what was typed, and adds nothing", async () => {
    const before = await record();
    const bad = await identity({ otherNames: "Kavu Canarybai", phones: "98220" });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.phones).toBe("Each phone number must have 8 to 13 digits, such as +91 98220 12345.");
    expect(JSON.stringify(bad.data)).not.toMatch(/canary|98220"/i);
    expect((await identity({ birthYear: "2009" })).data.errors.name).toBe(
      "Give her name with the birth year or native district: they are fingerprinted together.",
    );
    expect((await identity({})).data.errors.form).toBe("Fill in at least one field to add to the record.");
    expect(await record()).toEqual(before);
  });

  it("lets the secretariat remove one fingerprint, audited without the value", async () => {
    const entries = (await view()).records.filter((r: { subjectId: number }) => r.subjectId === victimId);
    const village = entries.find((r: { attribute: string }) => r.attribute === "village")!;
    expect(blocked("She is from Canarywadi Khurd.")).toBe(true);
    const kept = protectedSet(getDb(), 1);
    expect((await post({ intent: "remove-identity-entry", entryId: String(village.id) })).status).toBe(302);
    expect(protectedSet(getDb(), 1), "updated in place").toBe(kept);
    expect(await record()).toEqual(["name", "other_name", "phone", "phone", "word"]);
    expect(blocked("She is from Canarywadi Khurd.")).toBe(false);
    expect(blocked("Kavu Canarybai came")).toBe(true);
    const removal = getDb().select().from(auditLog).where(eq(auditLog.action, "fingerprint:remove")).all().at(-1)!;
    expect(removal).toMatchObject({
      entityId: caseId,
      detail: `victim ${victimId}: village or locality (entry ${village.id})`,
    });

    // Removing her name removes the fingerprint that matches her across cases, made from it.
    const name = entries.find((r: { attribute: string }) => r.attribute === "name")!;
    await post({ intent: "remove-identity-entry", entryId: String(name.id) });
    expect(
      getDb()
        .select()
        .from(identityFingerprints)
        .where(and(eq(identityFingerprints.subjectKind, "victim"), eq(identityFingerprints.subjectId, victimId)))
        .all(),
    ).toEqual([]);
    expect(blocked("Met Kaveri Canarykar")).toBe(true); // "Canarykar" is still protected alone
    expect(blocked("Met Kaveri Shantaram")).toBe(false);

    // An entry of another case, or one already removed, is not there to remove.
    const other = await post({ intent: "remove-identity-entry", entryId: String(name.id) });
    expect(other.status).toBe(404);
    expect(other.data.errors.form).toBe("That fingerprint is not on this case's records.");
  });

  it("records an accused person's aliases", async () => {
    const person = (await view()).view.accused[0];
    expect(
      (
        await post({
          intent: "accused-identity",
          accusedId: String(person.id),
          aliases: "Canary Dada\nTotya Canarywala",
        })
      ).status,
    ).toBe(302);
    expect(findProtected("Seen with Canary Dada near the bus stand.", protectedSet(getDb(), 1))).toEqual([
      expect.objectContaining({
        kind: "name",
        subject: "accused",
        replacement: `the accused (A-1 of ${(await view()).view.case.code})`,
      }),
    ]);
    expect(blocked("Totya Canarywala was arrested")).toBe(true);
  });

  it("never stores the clear text", () => {
    const sqlite = getDb().$client;
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    const dump = tables
      .map(({ name }) => JSON.stringify(sqlite.prepare(`select * from "${name}"`).all()))
      .join("\n")
      .toLowerCase();
    for (const canary of ["canary", "kaveri", "shantaram", "9822055501", "98220 55501", "2255501"])
      expect(dump, canary).not.toContain(canary);
    expect(
      getDb()
        .select()
        .from(identityRecordEntries)
        .all()
        .every((e) => (JSON.parse(e.guardFps) as string[]).every((f) => /^[a-z0-9]+:[0-9a-f]{64}$/.test(f))),
    ).toBe(true);
  });
});

describe("the protected set, kept up to date in place", () => {
  const found = (text: string, set = protectedSet(getDb(), 1)) => findProtected(text, set).map((m) => m.replacement);
  /** What the kept set finds equals what a set built afresh finds. */
  const asAfresh = (texts: string[]) => {
    const afresh = protectedSetAfresh(getDb(), 1);
    for (const text of texts) expect(found(text), text).toEqual(found(text, afresh));
    expect(protectedSet(getDb(), 1).size).toBe(afresh.size);
  };

  it("takes in an accused person added, renamed or removed, an FIR changed and a case recoded, without a rebuild", async () => {
    const db = getDb();
    const kept = protectedSet(db, 1);
    const kase = db.select().from(cases).where(eq(cases.id, caseId)).get()!;
    const onCase = db.select().from(accused).where(eq(accused.caseId, caseId)).all().length;
    const added = await post({
      intent: "add-accused",
      name: "Ganpat Canaryrao Zendekar",
      arrestedOn: "",
      bailStatus: "not_applied",
    });
    expect(added.status).toBe(302);
    expect(found("Bail for Ganpat Zendekar")).toEqual([`the accused (A-${onCase + 1} of ${kase.code})`]);
    const person = db.select().from(accused).where(eq(accused.name, "Ganpat Canaryrao Zendekar")).get()!;
    db.update(accused).set({ name: "Ganpat Canaryrao Zindekar" }).where(eq(accused.id, person.id)).run();
    expect(found("Bail for Ganpat Zendekar")).toEqual([]);
    expect(found("Bail for Ganpat Zindekar")).toHaveLength(1);
    db.update(cases)
      .set({ firNumber: "7391", code: `${kase.code}X` })
      .where(eq(cases.id, caseId))
      .run();
    expect(found("FIR No. 7391 of 2026; Ganpat Zindekar")).toEqual([
      `the FIR of ${kase.code}X`,
      `the accused (A-${onCase + 1} of ${kase.code}X)`,
    ]);
    // Its old number is no longer its FIR (another case may share the digits).
    if (kase.firNumber)
      expect(found(`FIR No. ${kase.firNumber}`)).not.toContainEqual(expect.stringContaining(kase.code));
    // Her record's stand-in follows the case's code too.
    expect(found(`Met ${canaries.other} today`)).toEqual([expect.stringMatching(/^V-\d+$/)]);
    db.delete(accused).where(eq(accused.id, person.id)).run();
    expect(found("Bail for Ganpat Zindekar")).toEqual([]);
    db.update(cases).set({ firNumber: kase.firNumber, code: kase.code }).where(eq(cases.id, caseId)).run();
    expect(protectedSet(db, 1), "updated in place").toBe(kept);
    asAfresh([
      `FIR No. ${kase.firNumber ?? "1"} of ${kase.firYear ?? 2026}`,
      "Seen with Canary Dada",
      "Totya Canarywala",
    ]);
  });

  it("forgets what a rolled-back transaction added", () => {
    const db = getDb();
    expect(() =>
      db.transaction((tx) => {
        tx.insert(accused).values({ caseId, name: "Rollback Canaryappa Vhatkar", bailStatus: "not_applied" }).run();
        // The guard inside the transaction sees its own change…
        expect(findProtected("Rollback Vhatkar", protectedSet(tx, 1))).toHaveLength(1);
        throw new Error("rolled back");
      }),
    ).toThrow("rolled back");
    // …and, once it is rolled back, no later check does, even when another change brings the revision back to the same number.
    db.insert(accused).values({ caseId, name: "Committed Canaryappa Khot", bailStatus: "not_applied" }).run();
    expect(found("Rollback Vhatkar")).toEqual([]);
    expect(found("Committed Khot")).toHaveLength(1);
    asAfresh(["Rollback Vhatkar", "Seen with Canary Dada"]);
  });
});
