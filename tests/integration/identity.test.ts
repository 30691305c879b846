import fs from "node:fs";
import path from "node:path";
import { count, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accused, agendaItems, auditLog, cases, identityMatches, mailOutbox, meetings } from "#db/schema";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { action as caseAction, loader as caseLoader } from "~/routes/cases.$caseId";
import { action as meetingAction } from "~/routes/meetings.$meetingId";
import { action as minutesAction } from "~/routes/meetings.$meetingId_.minutes";
import { action as publishAction } from "~/routes/meetings.$meetingId_.publish";
import { action as runAction } from "~/routes/meetings.$meetingId_.run";
import { containsProtected, findProtected, firKey, protectedSet, rewriteProtected } from "~/services/identity.server";
import { deliverDueMail, smtpTransport } from "~/services/mail.server";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";
import { startSmtp } from "../support/smtp";
import { departmentIdsByKind, type SeededKind } from "../support/departments";
import { must } from "../support/present";

// Canary names: written once through the app, they must never be found anywhere afterwards.
const victimName = "Zarina Quaziwala";
const victimDistrict = "Canaryganj";
const fatherName = "Ibrahim Canaryvala";

let secretariat: string;
let dept: Record<SeededKind, number>;
let caseA: number;
let caseB: number;
beforeAll(async () => {
  secretariat = await cookieFor("secretariat@demo.testa");
  dept = departmentIdsByKind();
  const withVictims = getDb()
    .select({ id: cases.id })
    .from(cases)
    .all()
    .map((c) => c.id);
  [caseA, caseB] = [must(withVictims[0]), must(withVictims[1])];
});

const post = (caseId: number, body: Record<string, string>) =>
  run(() =>
    caseAction({
      request: postRequest(`/cases/${caseId}`, body, secretariat),
      params: { caseId: String(caseId) },
      context: {},
    }),
  );
const view = async (caseId: number) =>
  (
    await run(() =>
      caseLoader({
        request: getRequest(`/cases/${caseId}`, secretariat),
        params: { caseId: String(caseId) },
        context: {},
      }),
    )
  ).data;

/** The id of a case's first victim, as its page lists them. */
const firstVictim = async (caseId: number) => must((await view(caseId)).view.victims[0]).id;

/** The secretariat records a victim's identity on a case (fingerprinted, then discarded); the answer's status. */
const recordVictim = async (caseId: number, person: { name: string; birthYear: string; nativeDistrict?: string }) =>
  (
    await post(caseId, {
      intent: "victim-identity",
      victimId: String(await firstVictim(caseId)),
      nativeDistrict: "",
      ...person,
    })
  ).status;

/** Whether a case's page flags a possible match of this kind with the other case. */
const flagged = async (caseId: number, kind: "victim" | "accused", other: number) =>
  (await view(caseId)).matches.some(
    (m: { kind: string; otherCaseId: number }) => m.kind === kind && m.otherCaseId === other,
  );

describe("fingerprints", () => {
  it("flag a possible re-trafficked victim on both cases, naming the other to the secretariat, and the secretariat decides", async () => {
    expect(await recordVictim(caseA, { name: victimName, birthYear: "2008", nativeDistrict: victimDistrict })).toBe(
      302,
    );
    expect(await recordVictim(caseB, { name: "  zarina   QUAZIWALA ", birthYear: "2009", nativeDistrict: "" })).toBe(
      302,
    );
    const a = await view(caseA);
    const b = await view(caseB);
    expect(a.matches).toEqual([expect.objectContaining({ kind: "victim", status: "pending", otherCaseId: caseB })]);
    expect(b.matches[0].otherCode).toBe(a.view.case.code);
    const police = await cookieFor("police@demo.testa");
    const rep = await run(() =>
      caseLoader({ request: getRequest(`/cases/${caseA}`, police), params: { caseId: String(caseA) }, context: {} }),
    );
    if (rep.status === 200) expect(rep.data.matches).toEqual([]);
    expect(
      (await post(caseA, { intent: "decide-match", matchId: String(a.matches[0].id), decision: "confirmed" })).status,
    ).toBe(302);
    expect(getDb().select().from(identityMatches).get()).toMatchObject({ status: "confirmed" });
  });

  it("do not match a different name, or the same name born more than 2 years apart", async () => {
    const before = getDb().select({ n: count() }).from(identityMatches).get()!.n;
    await recordVictim(caseB, { name: victimName, birthYear: "2012", nativeDistrict: "" });
    const third = must(getDb().select({ id: cases.id }).from(cases).all()[2]).id;
    await recordVictim(third, { name: "Zarina Kazi", birthYear: "2008", nativeDistrict: "" });
    expect(getDb().select({ n: count() }).from(identityMatches).get()!.n).toBe(before);
  });

  it("flag the same victim recorded in Devanagari on one case and in Latin letters on another, both ways", async () => {
    const ids = getDb()
      .select({ id: cases.id })
      .from(cases)
      .all()
      .map((c) => c.id);
    const [c4, c5, c6] = [must(ids[4]), must(ids[5]), must(ids[6])];
    const matched = (caseId: number, other: number) => flagged(caseId, "victim", other);
    expect(await recordVictim(c4, { name: "सुनीता रमेश कॅनरीकर", birthYear: "2007", nativeDistrict: "सांगली" })).toBe(302);
    expect(
      await recordVictim(c5, { name: "Suneeta Ramesh Kanarikar", birthYear: "2008", nativeDistrict: "Sangli" }),
    ).toBe(302);
    expect(await matched(c5, c4)).toBe(true);
    expect(await matched(c4, c5)).toBe(true);
    // And the other way: Latin first, Devanagari after, with the romanisation folded (Bhaosaheb/भाऊसाहेब).
    expect(await recordVictim(c6, { name: "श्रीमती सुनीता भाऊसाहेब कॅनरीकर", birthYear: "2007", nativeDistrict: "" })).toBe(
      302,
    );
    expect(await recordVictim(c4, { name: "Sunita Bhaosaheb Kanarikar", birthYear: "2007", nativeDistrict: "" })).toBe(
      302,
    );
    expect(await matched(c4, c6)).toBe(true);
  });

  it("flag a possible repeat offender from an accused's attributes", async () => {
    const acc = getDb().select().from(accused).where(eq(accused.caseId, caseA)).get()!;
    await post(caseA, { intent: "accused-identity", accusedId: String(acc.id), fatherName, birthYear: "1980" });
    await post(caseB, { intent: "add-accused", name: acc.name, arrestedOn: "2026-11-01", bailStatus: "not_applied" });
    expect(await flagged(caseB, "accused", caseA)).toBe(true);
  });

  it("never store the clear text: no table and no file in the data folder holds a canary", () => {
    const sqlite = getDb().$client;
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    for (const { name } of tables) {
      const dump = JSON.stringify(sqlite.prepare(`select * from "${name}"`).all());
      for (const canary of [victimName, "Quaziwala", victimDistrict, fatherName, "Canaryvala"])
        expect(dump.toLowerCase(), `${name} holds ${canary}`).not.toContain(canary.toLowerCase());
    }
    const walk = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of walk(config().dataDir)) {
      const bytes = fs.readFileSync(file).toString("latin1").toLowerCase();
      for (const canary of ["quaziwala", "canaryganj", "canaryvala"])
        expect(bytes, `${file} holds ${canary}`).not.toContain(canary);
    }
  });
});

describe("the leak guard", () => {
  it("blocks the name in either order, spelled differently, and the FIR number; passes unrelated text", () => {
    const set = protectedSet(getDb(), 1);
    expect(containsProtected(`Met ${victimName} at the shelter`, set)).toBe(true);
    expect(containsProtected("QUAZIWALA, Zarina was present", set)).toBe(true);
    expect(containsProtected("Smt. Zareena Quaziwala", set)).toBe(true);
    const fir = getDb().select().from(cases).get()!.firNumber!;
    expect(containsProtected(`FIR ${fir}/2025 was registered`, set)).toBe(true);
    expect(containsProtected(`The chargesheet in ${fir}/2025 is due`, set)).toBe(true);
    expect(containsProtected(`FIR No. ${Number(fir)} was registered`, set)).toBe(true);
    const n = Number(fir);
    for (const cited of [
      `C.R. No. ${fir}`,
      `Cr. No. ${n} of 2025`,
      `crime no. ${n}`,
      `F.I.R. ${fir}`,
      `FIR-${fir}`,
      `FIR number is ${fir}`,
      `FIRs 111 and ${n}`,
      `FIR 111, ${n}`,
    ]) {
      expect(containsProtected(cited, set), cited).toBe(true);
    }
    // However the FIR was typed into the register, the number is what is compared.
    expect(["CR 0777/2025", "FIR No. 777/2025", "777", "0777"].map(firKey)).toEqual(["777", "777", "777", "777"]);
    // A bare number is not an FIR citation: a count passes, and a phone number is refused as a phone number.
    expect(containsProtected(`${fir} pages filed`, set)).toBe(false);
    expect(findProtected(`Call +91 712 256 ${fir}`, set).map((m) => m.kind)).toEqual(["phone"]);
    // Nor is a day and month that happens to start with the same number.
    expect(containsProtected(`File it by ${Number(fir)}/12.`, set)).toBe(false);
    expect(containsProtected(`FIR ${Number(fir)}/25 was registered`, set)).toBe(true);
    expect(
      containsProtected("Zarina from the ASHA programme attended; case DEM-2026-0011 and V-0042 discussed.", set),
    ).toBe(false);
  });

  it("says where each match is and what stands in for it", () => {
    const set = protectedSet(getDb(), 1);
    const kase = getDb().select().from(cases).where(eq(cases.id, caseA)).get()!;
    const text = `Smt. Zareena Quaziwala met the IO; FIR No. ${kase.firNumber} is pending.`;
    const matches = findProtected(text, set);
    expect(matches.map((m) => [text.slice(m.start, m.end), m.kind])).toEqual([
      ["Zareena Quaziwala", "name"],
      [`FIR No. ${kase.firNumber}`, "fir"],
    ]);
    expect(must(matches[0]).replacement).toMatch(/^V-\d{4}$/);
    expect(must(matches[1]).replacement).toBe(`the FIR of ${kase.code}`);
    const acc = getDb().select().from(accused).where(eq(accused.caseId, caseA)).get()!;
    const [named] = findProtected(`Bail opposed for ${acc.name}.`, set);
    expect(named).toMatchObject({ kind: "name", subject: "accused", replacement: `the accused (A-1 of ${kase.code})` });
    expect(findProtected(rewriteProtected(text, matches), set)).toEqual([]);
  });

  const meeting = () => getDb().select().from(meetings).where(eq(meetings.status, "planned")).get()!;
  const outbox = () => getDb().select({ n: count() }).from(mailOutbox).get()!.n;
  const blocks = () => getDb().select().from(auditLog).where(eq(auditLog.action, "leak:blocked")).all();

  it("refuses to publish an agenda with the name in an item's title, naming the field, sending nothing", async () => {
    const m = meeting();
    // Typed into the agenda, the name is refused at once, next to the field, and audited.
    const typed = await run(() =>
      meetingAction({
        request: postRequest(
          `/meetings/${m.id}`,
          { intent: "add", title: `Guest: ${victimName}`, minutes: "5", presentingDepartmentId: "" },
          secretariat,
        ),
        params: { meetingId: String(m.id) },
        context: {},
      }),
    );
    expect(typed.status).toBe(400);
    expect(typed.data.errors.title).toMatch(
      /^The title of the new agenda item was not saved: it contains “Zarina Quaziwala” \(a protected name\)/,
    );
    expect(getDb().select().from(agendaItems).where(like(agendaItems.title, "Guest:%")).all()).toEqual([]);
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, "input:refused")).all().at(-1)!.detail).toBe(
      `Meeting ${m.number}'s agenda: the title of the new agenda item`,
    );
    // One that got in another way (written before the key was set, say) still stops the agenda leaving.
    const last = getDb().select().from(agendaItems).where(eq(agendaItems.meetingId, m.id)).all().length;
    getDb()
      .insert(agendaItems)
      .values({
        meetingId: m.id,
        position: last + 100,
        kind: "custom",
        title: `Guest: ${victimName}`,
        minutes: 5,
        pinned: true,
      })
      .run();
    const before = outbox();
    const res = await run(() =>
      publishAction({
        request: postRequest(`/meetings/${m.id}/publish`, { version: String(meeting().version) }, secretariat),
        params: { meetingId: String(m.id) },
        context: {},
      }),
    );
    expect(res.status).toBe(409);
    expect(res.data.error).toMatch(
      /^There is a protected name or number in the title of agenda item \d+, so the agenda was not sent\./,
    );
    expect(outbox()).toBe(before);
    expect(blocks().at(-1)!.detail).toMatch(/^the agenda: the title of agenda item \d+$/);
    expect(JSON.stringify(blocks())).not.toMatch(/quaziwala/i);
    const custom = getDb().select().from(agendaItems).where(like(agendaItems.title, "Guest:%")).get()!;
    await run(() =>
      meetingAction({
        request: postRequest(`/meetings/${m.id}`, { intent: "remove", itemId: String(custom.id) }, secretariat),
        params: { meetingId: String(m.id) },
        context: {},
      }),
    );
  });

  let meetingId = 0;
  const runPost = (body: Record<string, string>) =>
    run(() =>
      runAction({
        request: postRequest(`/meetings/${meetingId}/run`, body, secretariat),
        params: { meetingId: String(meetingId) },
        context: {},
      }),
    );
  const circulate = () =>
    run(() =>
      minutesAction({
        request: postRequest(`/meetings/${meetingId}/minutes`, { intent: "circulate" }, secretariat),
        params: { meetingId: String(meetingId) },
        context: {},
      }),
    );
  const caseItem = () =>
    getDb()
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .all()
      .find((i) => i.kind === "case_review" && !i.removed && !i.forWrittenUpdate)!;

  it("refuses the name on the run page at once, and stops minutes that hold it some other way from being circulated", async () => {
    meetingId = meeting().id;
    await runPost({
      intent: "attendance",
      [`status.${dept.police}`]: "present",
      [`name.${dept.police}`]: "Sanjay Patil",
      [`designation.${dept.police}`]: "PI",
      [`version.${dept.police}`]: "0",
    });
    await runPost({ intent: "held", early: "yes" }); // the meeting is after today: held early, confirmed
    const item = caseItem();
    const typed = await runPost({
      intent: "item",
      itemId: String(item.id),
      status: "discussed",
      minutesUsed: "",
      version: String(item.version),
      discussion: `Spoke with ${victimName}.`,
      decisions: "",
    });
    expect(typed.status).toBe(400);
    expect(typed.data.errors.discussion).toMatch(/^The discussion was not saved: it contains “Zarina Quaziwala”/);
    const action = await runPost({
      intent: "add-action",
      agendaItemId: String(item.id),
      description: `Visit ${victimName} at home`,
      departmentId: String(dept.dcpu),
      dueOn: "2026-12-20",
      caseId: "",
    });
    expect(action.data.errors.description).toMatch(/^The action was not saved/);
    const attendee = await runPost({
      intent: "attendance",
      [`status.${dept.police}`]: "present",
      [`name.${dept.police}`]: victimName,
      [`designation.${dept.police}`]: "PI",
      [`version.${dept.police}`]: "1",
    });
    expect(attendee.data.errors[`name.${dept.police}`]).toMatch(
      /^The name of Police – Anti-Human-Trafficking Unit's attendee was not saved/,
    );
    // Text stored before the name was protected still stops the minutes on the way out.
    const stored: [Partial<typeof agendaItems.$inferInsert>, RegExp][] = [
      [
        { discussion: `Spoke with ${victimName}.` },
        /^There is a protected name or number in the minutes of item \d+, so the minutes were not sent/,
      ],
      [
        { decisions: "Escort Zarina Quaziwala to court." },
        /^There is a protected name or number in the minutes of item \d+/,
      ],
    ];
    for (const [bad, message] of stored) {
      getDb()
        .update(agendaItems)
        .set({
          discussion: "Spoke with the victim.",
          decisions: "Escort the victim to court.",
          status: "discussed",
          ...bad,
        })
        .where(eq(agendaItems.id, item.id))
        .run();
      const before = outbox();
      const res = await circulate();
      expect(res.status).toBe(409);
      expect(res.data.errors.form).toMatch(message);
      expect(outbox()).toBe(before);
    }
    getDb()
      .update(agendaItems)
      .set({ discussion: "Spoke with the victim.", decisions: "Escort the victim to court." })
      .where(eq(agendaItems.id, item.id))
      .run();
    expect(
      getDb()
        .select()
        .from(mailOutbox)
        .where(like(mailOutbox.batch, `meeting:${meetingId}:minutes%`))
        .all(),
    ).toEqual([]);
  });

  it("lets nothing carrying the name reach a real SMTP server", async () => {
    const smtp = await startSmtp();
    try {
      const due = getDb().select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.status, "pending")).get()!.n;
      await deliverDueMail({ transport: smtpTransport(smtp.url), now: new Date(Date.now() + 3_600_000) });
      if (due) await smtp.waitFor(due);
      expect(smtp.raw.join("\n")).not.toMatch(/quaziwala|canaryganj|canaryvala/i);
    } finally {
      await smtp.stop();
    }
  });
});
