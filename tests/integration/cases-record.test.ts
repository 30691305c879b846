import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  accused,
  auditLog,
  caseEvents,
  cases,
  collectives,
  departments,
  identityFingerprints,
  victims,
} from "#db/schema";
import { getDb } from "~/db.server";
import { addDays, formatDate, todayIn } from "~/lib/dates";
import { action as caseAction, loader as caseLoader } from "~/routes/cases.$caseId";
import { createCase, createCollective, createDepartment, createVictim } from "../factories";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";
import { must } from "../support/present";

// Adding to a case's record from its page: events, victims (by code only) and accused.

let secretariat: string;
let police: string;
let demoId: number;
let policeId: number;

beforeAll(async () => {
  secretariat = await cookieFor("secretariat@demo.testa");
  police = await cookieFor("police@demo.testa");
  demoId = getDb().select().from(collectives).where(eq(collectives.districtCode, "DEM")).get()!.id;
  policeId = getDb().select().from(departments).where(eq(departments.kind, "police")).get()!.id;
});

const db = () => getDb();
const today = () => todayIn("Asia/Kolkata");
const rows = (table: typeof cases | typeof caseEvents | typeof victims | typeof accused | typeof auditLog) =>
  db().select({ n: count() }).from(table).get()!.n;
const allRows = () => [rows(cases), rows(caseEvents), rows(victims), rows(accused), rows(auditLog)];
const caseRow = (id: number) => db().select().from(cases).where(eq(cases.id, id)).get()!;
/** A fresh case of the demo collective involving the police, at investigation, with no outcome. */
const freshCase = () =>
  createCase(db(), {
    collectiveId: demoId,
    stage: "investigation",
    departments: [{ departmentId: policeId, role: "lead" }],
  });

const post = (caseId: number | string, body: Record<string, string>, cookie = secretariat) =>
  run(() =>
    caseAction({
      request: postRequest(`/cases/${caseId}`, body, cookie),
      params: { caseId: String(caseId) },
      context: {},
    }),
  );
const openCase = (caseId: number, cookie = secretariat) =>
  run(() =>
    caseLoader({ request: getRequest(`/cases/${caseId}`, cookie), params: { caseId: String(caseId) }, context: {} }),
  );

describe("adding an event", () => {
  it("adds a hearing with a next date, shown on the timeline and as the next-hearing clock", async () => {
    const kase = freshCase();
    // A next date may be planned up to two years ahead (lib/date-rules).
    const nextDate = addDays(today(), 400);
    const res = await post(kase.id, {
      intent: "add-event",
      kind: "hearing",
      occurredOn: "2026-11-25",
      outcome: "Adjourned",
      nextDate,
      note: "Defence sought time",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/cases/${kase.id}`);
    const event = must(db().select().from(caseEvents).where(eq(caseEvents.caseId, kase.id)).all()[0]);
    expect(event).toMatchObject({
      kind: "hearing",
      occurredOn: "2026-11-25",
      outcome: "Adjourned",
      nextDate,
      note: "Defence sought time",
    });
    const page = await openCase(kase.id);
    expect(page.data.view.events).toEqual([
      { id: event.id, kind: "hearing", occurredOn: "2026-11-25", outcome: "Adjourned", nextDate },
    ]);
    expect(page.data.view.restricted.notes[event.id]).toBe("Defence sought time");
    expect(page.data.view.clocks).toContainEqual(
      expect.objectContaining({
        kind: "next_date",
        label: `Next hearing on ${formatDate(nextDate)}, in 400 days`,
      }),
    );
    // The note is restricted: the police see the event but not the note.
    const theirs = await openCase(kase.id, police);
    expect(theirs.data.view.events).toHaveLength(1);
    expect(JSON.stringify(theirs.data)).not.toContain("Defence sought time");
  });

  it("records a judgment's verdict as the case's outcome, moves it to the judgment stage and starts the appeal clock", async () => {
    const kase = freshCase();
    const judged = "2026-11-02";
    const res = await post(kase.id, {
      intent: "add-event",
      kind: "judgment",
      occurredOn: judged,
      outcome: "",
      verdict: "acquitted",
    });
    expect(res.status).toBe(302);
    expect(caseRow(kase.id)).toMatchObject({
      outcome: "acquitted",
      stage: "judgment",
      stageChangedOn: today(),
      version: kase.version + 1,
    });
    expect(db().select().from(caseEvents).where(eq(caseEvents.caseId, kase.id)).get()).toMatchObject({
      kind: "judgment",
      outcome: "Acquitted",
    });
    const page = await openCase(kase.id);
    expect(page.data.view.clocks).toContainEqual(
      expect.objectContaining({
        kind: "appeal",
        label: expect.stringMatching(/^Acquitted on 02\/11\/2026, no appeal filed: |^Appeal window closed/),
      }),
    );
  });

  it("keeps an appeal-stage case at its stage when a judgment is recorded", async () => {
    const kase = createCase(db(), {
      collectiveId: demoId,
      stage: "appeal",
      outcome: "acquitted",
      departments: [{ departmentId: policeId, role: "lead" }],
    });
    expect(
      (await post(kase.id, { intent: "add-event", kind: "judgment", occurredOn: "2026-11-02", verdict: "convicted" }))
        .status,
    ).toBe(302);
    expect(caseRow(kase.id)).toMatchObject({
      stage: "appeal",
      outcome: "convicted",
      stageChangedOn: kase.stageChangedOn,
    });
  });

  const bad: [string, Record<string, string>, string, string][] = [
    [
      "a next date before the event",
      { kind: "hearing", occurredOn: "2026-11-25", nextDate: "2026-11-01" },
      "nextDate",
      "The next date cannot be before the event's date.",
    ],
    [
      "a date that does not exist",
      { kind: "hearing", occurredOn: "2026-04-31" },
      "occurredOn",
      "Date must be a real date (day/month/year).",
    ],
    ["a missing date", { kind: "hearing", occurredOn: "" }, "occurredOn", "Date is required."],
    [
      "a next date that does not exist",
      { kind: "hearing", occurredOn: "2026-11-25", nextDate: "2026-11-31" },
      "nextDate",
      "Next date must be a real date (day/month/year).",
    ],
    ["an unknown kind", { kind: "party", occurredOn: "2026-11-25" }, "kind", "Choose a valid event."],
    [
      "a judgment without a verdict",
      { kind: "judgment", occurredOn: "2026-11-25" },
      "verdict",
      "Choose the verdict of the judgment.",
    ],
    [
      "a verdict on a hearing",
      { kind: "hearing", occurredOn: "2026-11-25", verdict: "convicted" },
      "verdict",
      "Only a judgment has a verdict: leave it empty for this event.",
    ],
    [
      "an unknown verdict",
      { kind: "judgment", occurredOn: "2026-11-25", verdict: "pardoned" },
      "verdict",
      "Choose a valid verdict.",
    ],
  ];
  for (const [what, change, field, message] of bad) {
    it(`refuses ${what} with a 400 and a message next to the field, keeping the input and writing nothing`, async () => {
      const kase = freshCase();
      const before = allRows();
      const res = await post(kase.id, { intent: "add-event", outcome: "Kept text", ...change });
      expect(res.status).toBe(400);
      expect(res.data.intent).toBe("add-event");
      expect(res.data.errors[field]).toBe(message);
      expect(res.data.values.outcome).toBe("Kept text");
      expect(allRows()).toEqual(before);
      expect(caseRow(kase.id)).toEqual(kase);
    });
  }

  it("refuses an unknown intent with a 400 and writes nothing", async () => {
    const kase = freshCase();
    const before = allRows();
    const res = await post(kase.id, { intent: "delete-case" });
    expect(res.status).toBe(400);
    expect(res.data.errors.form).toBe("Choose what to add to the case.");
    expect(allRows()).toEqual(before);
  });
});

describe("victims", () => {
  it("adds a victim under the next pseudonym code, and a name sent anyway is stored nowhere", async () => {
    const kase = freshCase();
    const highest = Math.max(
      ...db()
        .select()
        .from(victims)
        .all()
        .map((v) => Number(v.code.slice(2))),
      0,
    );
    const res = await post(kase.id, {
      intent: "add-victim",
      name: "Zzsecret Victimname",
      minor: "on",
      ageBand: "16_17",
      legalAidAssignedOn: "2026-11-20",
      inShelter: "on",
    });
    expect(res.status).toBe(302);
    const added = db().select().from(victims).where(eq(victims.caseId, kase.id)).get()!;
    expect(added).toMatchObject({
      code: `V-${String(highest + 1).padStart(4, "0")}`,
      minor: true,
      ageBand: "16_17",
      legalAidAssignedOn: "2026-11-20",
      inShelter: true,
      educationEnrolled: false,
    });
    expect(Object.keys(added)).not.toContain("name");
    const everything = JSON.stringify([added, db().select().from(auditLog).all(), (await openCase(kase.id)).data]);
    expect(everything).not.toContain("Zzsecret");
  });

  it("updates a victim's services", async () => {
    const kase = freshCase();
    const victim = createVictim(db(), { caseId: kase.id, collectiveId: demoId, ageBand: "18_25" });
    const res = await post(kase.id, {
      intent: "update-victim",
      victimId: String(victim.id),
      version: String(victim.version),
      ageBand: "18_25",
      compensationAppliedOn: "2026-10-01",
      compensationReceivedOn: "2026-11-15",
      educationEnrolled: "on",
      testifiedInProtectionRoom: "on",
    });
    expect(res.status).toBe(302);
    expect(db().select().from(victims).where(eq(victims.id, victim.id)).get()).toMatchObject({
      code: victim.code,
      compensationAppliedOn: "2026-10-01",
      compensationReceivedOn: "2026-11-15",
      educationEnrolled: true,
      testifiedInProtectionRoom: true,
      livelihoodSupport: false,
    });
    const page = await openCase(kase.id, police);
    expect(page.data.view.victims[0]).toMatchObject({
      code: victim.code,
      compensationReceivedOn: "2026-11-15",
      educationEnrolled: true,
    });
  });

  it("refuses a save over someone else's change to the same victim, keeping the entries, writing nothing", async () => {
    const kase = freshCase();
    const victim = createVictim(db(), { caseId: kase.id, collectiveId: demoId, ageBand: "18_25" });
    const loaded = String(victim.version);
    // Two people opened the form; the first saves.
    expect(
      (
        await post(kase.id, {
          intent: "update-victim",
          victimId: String(victim.id),
          version: loaded,
          ageBand: "18_25",
          inShelter: "on",
        })
      ).status,
    ).toBe(302);
    const afterFirst = db().select().from(victims).where(eq(victims.id, victim.id)).get()!;
    expect(afterFirst).toMatchObject({ inShelter: true, version: victim.version + 1 });
    // The second, from the same stale form, is refused with both kept: theirs stored, hers in the form.
    const second = await post(kase.id, {
      intent: "update-victim",
      victimId: String(victim.id),
      version: loaded,
      ageBand: "18_25",
      educationEnrolled: "on",
    });
    expect(second.status).toBe(409);
    expect(second.data.errors.form).toMatch(/^Someone else changed this victim's services while you were editing/);
    expect(second.data.values).toMatchObject({ educationEnrolled: "on" });
    expect(db().select().from(victims).where(eq(victims.id, victim.id)).get()).toEqual(afterFirst);
  });

  it("refuses a save without the version it was loaded with, so no save skips the conflict check", async () => {
    const kase = freshCase();
    const victim = createVictim(db(), { caseId: kase.id, collectiveId: demoId, ageBand: "18_25" });
    for (const version of [undefined, "", "01", "x"]) {
      const res = await post(kase.id, {
        intent: "update-victim",
        victimId: String(victim.id),
        ...(version === undefined ? {} : { version }),
        ageBand: "18_25",
        inShelter: "on",
      });
      expect(res.status).toBe(400);
      expect(res.data.errors.form).toMatch(/Reload the page/);
      expect(res.data.values).toMatchObject({ inShelter: "on" });
    }
    expect(db().select().from(victims).where(eq(victims.id, victim.id)).get()).toEqual(victim);
  });

  it("refuses to update a victim of another case, with a 404 and nothing changed", async () => {
    const kase = freshCase();
    const elsewhere = freshCase();
    const victim = createVictim(db(), { caseId: elsewhere.id, collectiveId: demoId });
    const res = await post(kase.id, {
      intent: "update-victim",
      victimId: String(victim.id),
      version: String(victim.version),
      ageBand: "18_25",
      inShelter: "on",
    });
    expect(res.status).toBe(404);
    expect(db().select().from(victims).where(eq(victims.id, victim.id)).get()).toEqual(victim);
  });

  const bad: [string, Record<string, string>, string, string][] = [
    [
      "a minor with an adult age band",
      { minor: "on", ageBand: "26_35" },
      "ageBand",
      "A minor's age band must be under 18.",
    ],
    [
      "an adult age band for a child not ticked minor",
      { ageBand: "12_15" },
      "ageBand",
      "Tick “minor” for an age band under 18.",
    ],
    ["an unknown age band", { ageBand: "ancient" }, "ageBand", "Choose a valid age band."],
    [
      "a legal-aid date that does not exist",
      { ageBand: "18_25", legalAidAssignedOn: "2026-02-29" },
      "legalAidAssignedOn",
      "Legal-aid lawyer assigned on must be a real date (day/month/year).",
    ],
    [
      "compensation received but never applied for",
      { ageBand: "18_25", compensationReceivedOn: "2026-11-01" },
      "compensationAppliedOn",
      "Give the date compensation was applied for.",
    ],
  ];
  for (const [what, change, field, message] of bad) {
    it(`refuses ${what} with a 400 and writes nothing`, async () => {
      const kase = freshCase();
      const before = allRows();
      const res = await post(kase.id, { intent: "add-victim", ...change });
      expect(res.status).toBe(400);
      expect(res.data.errors[field]).toBe(message);
      expect(res.data.values.ageBand).toBe(change.ageBand);
      expect(allRows()).toEqual(before);
    });
  }
});

describe("the participation indicators on a victim's form", () => {
  const loadedVersion = (victimId: number) =>
    String(db().select({ version: victims.version }).from(victims).where(eq(victims.id, victimId)).get()!.version);
  const services = (victimId: number, over: Record<string, string> = {}) => ({
    intent: "update-victim",
    victimId: String(victimId),
    version: loadedVersion(victimId),
    ageBand: "18_25",
    legalAidAssignedOn: "2026-01-05",
    ...over,
  });

  it("records when she was informed, bail hearings, summonses and threats, and her index follows", async () => {
    const kase = freshCase();
    const victim = createVictim(db(), { caseId: kase.id, collectiveId: demoId, legalAidAssignedOn: "2026-01-05" });
    const other = createVictim(db(), { caseId: kase.id, collectiveId: demoId });
    // Investigation, by default: legal aid 3 (met), education 2, shelter 1, informed of progress 2: 3 of 8.
    const before = await openCase(kase.id);
    expect(before.data.participation[victim.id].score).toBe(38);
    expect(before.data.participation[other.id].score).toBe(0);

    const res = await post(
      kase.id,
      services(victim.id, {
        lastInformedOn: today(),
        heardAtBail: "yes",
        escortedWhenSummoned: "no",
        threatReported: "on",
        threatActedOn: "on",
      }),
    );
    expect(res.status).toBe(302);
    expect(db().select().from(victims).where(eq(victims.id, victim.id)).get()).toMatchObject({
      lastInformedOn: today(),
      heardAtBail: true,
      escortedWhenSummoned: false,
      supportPersonAtTestimony: false,
      threatReported: true,
      threatActedOn: true,
    });
    // Now bail (2, met), the summons (2, not met) and the threat (3, met) apply as well: 10 of 15.
    const after = await openCase(kase.id);
    expect(after.data.participation[victim.id].score).toBe(67);
    expect(
      after.data.participation[victim.id].indicators
        .filter((i: { met: boolean }) => !i.met)
        .map((i: { key: string }) => i.key)
        .sort(),
    ).toEqual(["attended_when_summoned", "education_or_livelihood", "shelter"]);
    expect(after.data.participation[other.id].score).toBe(0);
    expect(after.data.view.victims.find((v: { id: number }) => v.id === victim.id)).toMatchObject({
      lastInformedOn: today(),
      heardAtBail: true,
      escortedWhenSummoned: false,
    });

    // "Not yet" for a bail hearing and a summons takes them out of the index again; a stale date no longer counts.
    await post(
      kase.id,
      services(victim.id, { lastInformedOn: addDays(today(), -61), heardAtBail: "", escortedWhenSummoned: "" }),
    );
    expect(db().select().from(victims).where(eq(victims.id, victim.id)).get()).toMatchObject({
      heardAtBail: null,
      escortedWhenSummoned: null,
      threatReported: false,
    });
    expect((await openCase(kase.id)).data.participation[victim.id].score).toBe(38);
  });

  const bad: [string, Record<string, string>, string, string][] = [
    [
      "a threat acted on that was never reported",
      { threatActedOn: "on" },
      "threatActedOn",
      "A threat is acted on only once reported: tick “threat reported” too.",
    ],
    [
      "an informed date after today",
      { lastInformedOn: "2099-01-01" },
      "lastInformedOn",
      "Last informed of case progress on cannot be after today.",
    ],
    [
      "an informed date that does not exist",
      { lastInformedOn: "2026-02-30" },
      "lastInformedOn",
      "Last informed of case progress on must be a real date (day/month/year).",
    ],
    [
      "an unknown answer about bail hearings",
      { heardAtBail: "maybe" },
      "heardAtBail",
      "Choose an answer for heard at bail hearings.",
    ],
  ];
  for (const [what, change, field, message] of bad) {
    it(`refuses ${what} next to the field, keeping the input and writing nothing`, async () => {
      const kase = freshCase();
      const victim = createVictim(db(), { caseId: kase.id, collectiveId: demoId });
      const before = allRows();
      const res = await post(kase.id, services(victim.id, { escortedWhenSummoned: "yes", ...change }));
      expect(res.status).toBe(400);
      expect(res.data.errors[field]).toBe(message);
      expect(res.data.values).toMatchObject({ escortedWhenSummoned: "yes", ...change });
      expect(allRows()).toEqual(before);
      expect(db().select().from(victims).where(eq(victims.id, victim.id)).get()).toEqual(victim);
    });
  }
});

describe("accused", () => {
  it("adds an accused whose arrest starts the chargesheet clock, and whose name only the secretariat sees", async () => {
    const kase = freshCase();
    const res = await post(kase.id, {
      intent: "add-accused",
      name: "Zzaccused Testname",
      arrestedOn: "2026-11-01",
      bailStatus: "pending",
    });
    expect(res.status).toBe(302);
    const person = db().select().from(accused).where(eq(accused.caseId, kase.id)).get()!;
    expect(person).toMatchObject({ name: "Zzaccused Testname", arrestedOn: "2026-11-01", bailStatus: "pending" });
    expect(
      db().select().from(identityFingerprints).where(eq(identityFingerprints.subjectId, person.id)).all().length,
    ).toBeGreaterThan(0);
    const mine = await openCase(kase.id);
    expect(mine.data.view.restricted.accusedNames[person.id]).toBe("Zzaccused Testname");
    expect(mine.data.view.clocks).toContainEqual(
      expect.objectContaining({
        kind: "chargesheet",
        label: expect.stringContaining("arrest 01/11/2026, 60-day limit"),
      }),
    );
    const theirs = await openCase(kase.id, police);
    expect(JSON.stringify(theirs.data)).not.toContain("Zzaccused");
    expect(theirs.data.view.accused).toEqual([
      { id: person.id, position: 1, arrestedOn: "2026-11-01", bailStatus: "pending" },
    ]);
    expect(JSON.stringify(db().select().from(auditLog).all())).not.toContain("Zzaccused");
  });

  it("refuses an accused without a name, or with a bad date or bail status, and writes nothing", async () => {
    const kase = freshCase();
    const before = allRows();
    const noName = await post(kase.id, {
      intent: "add-accused",
      name: " ",
      bailStatus: "pending",
      arrestedOn: "2026-11-01",
    });
    expect(noName.status).toBe(400);
    expect(noName.data.errors.name).toBe("Name is required.");
    expect(noName.data.values.arrestedOn).toBe("2026-11-01");
    const badDate = await post(kase.id, {
      intent: "add-accused",
      name: "Someone",
      arrestedOn: "01/11/2026",
      bailStatus: "pending",
    });
    expect(badDate.data.errors.arrestedOn).toBe("Arrested on must be a real date (day/month/year).");
    const badBail = await post(kase.id, { intent: "add-accused", name: "Someone", bailStatus: "maybe" });
    expect(badBail.data.errors.bailStatus).toBe("Choose a valid bail status.");
    expect(allRows()).toEqual(before);
  });
});

describe("who may add to a case", () => {
  it("refuses representatives, and answers 404 for forged ids and another collective's case, writing nothing", async () => {
    const kase = freshCase();
    const event = { intent: "add-event", kind: "hearing", occurredOn: "2026-11-25" };
    const before = allRows();
    expect((await post(kase.id, event, police)).status).toBe(403);
    for (const caseId of ["999999", "abc", "0x1"]) expect((await post(caseId, event)).status).toBe(404);
    const other = createCollective(db(), { name: "Record District", district: "Record", districtCode: "REC" });
    const otherDept = createDepartment(db(), { collectiveId: other.id, name: "Record police", kind: "police" });
    const foreign = createCase(db(), {
      collectiveId: other.id,
      departments: [{ departmentId: otherDept.id, role: "lead" }],
    });
    const afterFactories = allRows();
    expect((await post(foreign.id, event)).status).toBe(404);
    expect((await post(foreign.id, { intent: "add-victim", ageBand: "18_25" })).status).toBe(404);
    expect(allRows()).toEqual(afterFactories);
    expect(afterFactories.slice(1)).toEqual(before.slice(1));
  });
});
