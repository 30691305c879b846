import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { accused, actionItems, agendaItems, auditLog, cases, inputRefusals, meetings } from "#db/schema";
import { getDb } from "~/db.server";
import { addDays, todayIn } from "~/lib/dates";
import { rewriteFromKey, rewriteKey } from "~/lib/forms";
import { action as itemAction } from "~/routes/actions.$actionId";
import { action as raiseAction } from "~/routes/actions._index";
import { action as caseAction } from "~/routes/cases.$caseId";
import { action as departmentAction } from "~/routes/departments.$departmentId";
import { action as newDepartmentAction } from "~/routes/departments._index";
import { action as transferAction } from "~/routes/departments.$departmentId_.transfer";
import { action as editCaseAction } from "~/routes/cases.$caseId_.edit";
import { action as newCaseAction } from "~/routes/cases.new";
import { action as meetingAction } from "~/routes/meetings.$meetingId";
import { action as cancelAction } from "~/routes/meetings.$meetingId_.cancel";
import { action as runAction } from "~/routes/meetings.$meetingId_.run";
import { action as newMeetingAction } from "~/routes/meetings.new";
import { action as participationAction } from "~/routes/settings.participation";
import { cookieFor, postRequest, run, type Outcome } from "../support/remix";
import { actionUpdateForm, caseRegisterForm, openActionItem, recordVictimName } from "../support/canary";
import { departmentIdsByKind, type SeededKind } from "../support/departments";

// The guard at input: a victim's name (and an accused's, and an FIR) typed into a field others
// read is refused when saved, with the field named, the input kept and a rewrite offered.
const victim = "Sunita Ramesh Jagtap";
let cookies: Record<"secretariat" | "police" | "admin", string>;
let caseId: number;
let accusedName: string;
let fir: string;
let dept: Record<SeededKind, number>;
const today = todayIn("Asia/Kolkata");

beforeAll(async () => {
  cookies = {
    secretariat: await cookieFor("secretariat@demo.testa"),
    police: await cookieFor("police@demo.testa"),
    admin: await cookieFor("admin@demo.testa"),
  };
  dept = departmentIdsByKind();
  const kase = getDb()
    .select()
    .from(cases)
    .all()
    .find((c) => c.firNumber && getDb().select().from(accused).where(eq(accused.caseId, c.id)).get())!;
  caseId = kase.id;
  fir = kase.firNumber!;
  accusedName = getDb().select().from(accused).where(eq(accused.caseId, caseId)).get()!.name;
  await recordVictimName(caseId, victim, cookies.secretariat);
});

function expectRefused(res: Outcome, field: string, label: RegExp, words: string) {
  expect(res.status).toBe(400);
  expect(res.data.errors[field]).toMatch(label);
  expect(res.data.errors[field]).toContain(`“${words}”`);
  // The input is kept; the rewrite offered no longer holds the words.
  expect(JSON.stringify(res.data.values)).toContain(words);
  expect(res.data.errors[rewriteKey(field)]).toBeTypeOf("string");
  expect(res.data.errors[rewriteKey(field)].toLowerCase()).not.toContain(words.toLowerCase());
}

/** A fresh open item of the police, for a representative of the police to update. */
const openItem = () => openActionItem(dept.police, today);
const updateItem = (id: number, body: Record<string, string>, cookie = cookies.police) =>
  run(() =>
    itemAction({ request: postRequest(`/actions/${id}`, body, cookie), params: { actionId: String(id) }, context: {} }),
  );
const itemForm = actionUpdateForm;

/** A new meeting scheduled by the secretariat at this venue. */
const newMeetingAt = (venue: string) =>
  run(() =>
    newMeetingAction({
      request: postRequest(
        "/meetings/new",
        { date: addDays(today, 60), startTime: "11:00", durationMinutes: "120", venue, onlineLink: "" },
        cookies.secretariat,
      ),
      params: {},
      context: {},
    }),
  );

describe("a refused save", () => {
  it("names the field and the words, keeps the input, offers a rewrite that saves in one click, and audits without the text", async () => {
    const item = openItem();
    const typed = `Waiting for ${victim}'s statement`;
    const res = await updateItem(item.id, itemForm(item, { status: "blocked", reason: typed }));
    expectRefused(res, "reason", new RegExp(`^Action ${item.id}'s blocked reason was not saved`), victim);
    const rewrite = res.data.errors[rewriteKey("reason")];
    // The rewrite button: its value stands in for the field's, as long as the field still holds what was refused.
    const saved = await updateItem(item.id, {
      ...itemForm(item, { status: "blocked", reason: typed }),
      [rewriteKey("reason")]: rewrite,
      [rewriteFromKey("reason")]: typed,
    });
    expect(saved.status).toBe(302);
    expect(getDb().select().from(actionItems).where(eq(actionItems.id, item.id)).get()!.statusReason).toBe(rewrite);
    const audits = JSON.stringify(getDb().select().from(auditLog).where(eq(auditLog.action, "input:refused")).all());
    expect(audits).toContain(`action ${item.id}'s blocked reason`);
    expect(audits.toLowerCase()).not.toContain("jagtap");
  });

  it("is audited once per refused value, however often autosave sends it again, across a restart too", async () => {
    const item = openItem();
    const refusals = () => getDb().select().from(auditLog).where(eq(auditLog.action, "input:refused")).all().length;
    const before = refusals();
    // The person goes on editing another box: each save sends the refused reason again, unchanged.
    for (const comment of ["Called", "Called the shelter", "Called the shelter twice"]) {
      expectRefused(
        await updateItem(item.id, itemForm(item, { status: "blocked", reason: `Waiting for ${victim}`, comment })),
        "reason",
        /blocked reason was not saved/,
        victim,
      );
    }
    expect(refusals()).toBe(before + 1);
    // After a restart (the modules loaded afresh, nothing kept in memory) the same value is still known, by its keyed hash.
    vi.resetModules();
    const restarted = (await import("~/routes/actions.$actionId")).action;
    const again = await run(() =>
      restarted({
        request: postRequest(
          `/actions/${item.id}`,
          itemForm(item, { status: "blocked", reason: `Waiting for ${victim}` }),
          cookies.police,
        ),
        params: { actionId: String(item.id) },
        context: {},
      }),
    );
    expectRefused(again, "reason", /blocked reason was not saved/, victim);
    expect(refusals()).toBe(before + 1);
    const kept = JSON.stringify(getDb().select().from(inputRefusals).all());
    expect(kept).toMatch(/[0-9a-f]{64}/);
    expect(kept.toLowerCase()).not.toMatch(/jagtap|sunita|waiting/);
    expectRefused(
      await updateItem(item.id, itemForm(item, { status: "blocked", reason: `Still waiting for ${victim}` })),
      "reason",
      /blocked reason was not saved/,
      victim,
    );
    expect(refusals()).toBe(before + 2);
  });

  it("keeps a person's own edit over a stale rewrite", async () => {
    const item = openItem();
    const own = "Waiting for the statement of V-0001";
    const saved = await updateItem(item.id, {
      ...itemForm(item, { status: "blocked", reason: own }),
      [rewriteKey("reason")]: "something else",
      [rewriteFromKey("reason")]: `Waiting for ${victim}`,
    });
    expect(saved.status).toBe(302);
    expect(getDb().select().from(actionItems).where(eq(actionItems.id, item.id)).get()!.statusReason).toBe(own);
  });
});

describe("every free-text field others read", () => {
  const meeting = () =>
    getDb().select().from(meetings).where(eq(meetings.status, "planned")).get() ??
    getDb().select().from(meetings).get()!;
  const held = () => getDb().select().from(meetings).where(eq(meetings.status, "held")).get()!;

  it("an action's evidence and due-date reason, by a representative", async () => {
    const item = openItem();
    expectRefused(
      await updateItem(item.id, itemForm(item, { status: "done", comment: `Met ${victim} at the shelter` })),
      "comment",
      /evidence was not saved/,
      victim,
    );
    expectRefused(
      await updateItem(item.id, itemForm(item, { dueOn: addDays(item.dueOn, 7), dueReason: `${victim} is unwell` })),
      "dueReason",
      /reason for the new due date/,
      victim,
    );
  });

  it("a matter raised by a representative", async () => {
    const res = await run(() =>
      raiseAction({
        request: postRequest(
          "/actions?index",
          { title: `Support for ${victim}`, minutes: "10", caseId: "" },
          cookies.police,
        ),
        params: {},
        context: {},
      }),
    );
    if (res.status === 409) return; // no meeting open for matters in this seed's calendar
    expectRefused(res, "title", /^The title of the matter was not saved/, victim);
  });

  it("an agenda item's title, and the run page's minutes, action and attendance, by the secretariat", async () => {
    const m = meeting();
    const add = await run(() =>
      meetingAction({
        request: postRequest(
          `/meetings/${m.id}`,
          { intent: "add", title: `Case of ${accusedName}`, minutes: "10", presentingDepartmentId: "" },
          cookies.secretariat,
        ),
        params: { meetingId: String(m.id) },
        context: {},
      }),
    );
    if (add.status !== 409) expectRefused(add, "title", /^The title of the new agenda item/, accusedName);
    const h = held();
    const item = getDb().select().from(agendaItems).where(eq(agendaItems.meetingId, h.id)).get()!;
    const post = (body: Record<string, string>) =>
      run(() =>
        runAction({
          request: postRequest(`/meetings/${h.id}/run`, body, cookies.secretariat),
          params: { meetingId: String(h.id) },
          context: {},
        }),
      );
    if (h.minutesState === "confirmed" || h.minutesState === "amended") return;
    expectRefused(
      await post({
        intent: "item",
        itemId: String(item.id),
        discussion: `FIR ${fir} was discussed`,
        decisions: "",
        status: "",
        minutesUsed: "",
        version: String(item.version),
      }),
      "discussion",
      /^The discussion was not saved/,
      `FIR ${fir}`,
    );
    expectRefused(
      await post({
        intent: "add-action",
        agendaItemId: String(item.id),
        description: `Trace ${victim}`,
        departmentId: String(dept.police),
        dueOn: addDays(today, 10),
        caseId: "",
      }),
      "description",
      /^The action was not saved/,
      victim,
    );
    // An attendee is an officer: a name equal to an accused's passes, a victim's does not.
    const grid = {
      intent: "attendance",
      [`status.${dept.police}`]: "present",
      [`designation.${dept.police}`]: "PI",
      [`version.${dept.police}`]: "0",
    };
    const victimAttendee = await post({ ...grid, [`name.${dept.police}`]: victim });
    expectRefused(victimAttendee, `name.${dept.police}`, /attendee was not saved/, victim);
    const namesake = await post({ ...grid, [`name.${dept.police}`]: accusedName });
    expect(namesake.data.errors?.[`name.${dept.police}`]).toBeUndefined();
  });

  it("a new meeting's venue", async () => {
    expectRefused(await newMeetingAt(`Near ${victim}'s house`), "venue", /^The venue was not saved/, victim);
  });

  it("a case event's outcome; its restricted note may name the accused but never the victim; an accused's name never the victim's", async () => {
    const post = (body: Record<string, string>) =>
      run(() =>
        caseAction({
          request: postRequest(`/cases/${caseId}`, body, cookies.secretariat),
          params: { caseId: String(caseId) },
          context: {},
        }),
      );
    const event = {
      intent: "add-event",
      kind: "hearing",
      occurredOn: addDays(today, -1),
      nextDate: "",
      outcome: "",
      verdict: "",
      note: "",
    };
    expectRefused(
      await post({ ...event, outcome: `${accusedName} absent` }),
      "outcome",
      /^The event's outcome was not saved/,
      accusedName,
    );
    expectRefused(
      await post({ ...event, note: `${victim} present` }),
      "note",
      /^The event's note was not saved/,
      victim,
    );
    expect((await post({ ...event, outcome: "Adjourned", note: `${accusedName} absent; FIR ${fir}` })).status).toBe(
      302,
    );
    expectRefused(
      await post({ intent: "add-accused", name: victim, arrestedOn: "", bailStatus: "not_applied" }),
      "name",
      /^The accused's name was not saved/,
      victim,
    );
  });

  it("a transfer's fields, by the admin: the designation never names the accused, the officer's own name may equal one", async () => {
    const body = {
      effectiveOn: addDays(today, 30),
      officerName: accusedName,
      designation: `PI, who arrested ${accusedName}`,
      email: "canary.pi@police.example",
      phone: "+91 98220 12345",
    };
    const post = (b: Record<string, string>) =>
      run(() =>
        transferAction({
          request: postRequest(`/departments/${dept.dcpu}/transfer`, b, cookies.admin),
          params: { departmentId: String(dept.dcpu) },
          context: {},
        }),
      );
    const res = await post(body);
    expectRefused(res, "designation", /^The designation of the new holder was not saved/, accusedName);
    expect(res.data.errors.officerName).toBeUndefined();
    expect(res.data.errors.phone).toBeUndefined();
    expectRefused(
      await post({ ...body, designation: "PI", officerName: victim }),
      "officerName",
      /^The name of the new holder/,
      victim,
    );
  });

  it("a case's court case number and sections, on registering and on editing the case", async () => {
    const register = caseRegisterForm(dept.police, today);
    const post = (b: Record<string, string>) =>
      run(() => newCaseAction({ request: postRequest("/cases/new", b, cookies.secretariat), params: {}, context: {} }));
    expectRefused(
      await post({ ...register, courtCaseNumber: `SC 45/2026 (${victim})` }),
      "courtCaseNumber",
      /^The court case number was not saved/,
      victim,
    );
    expectRefused(
      await post({ ...register, sections: `BNS 143 against ${accusedName}` }),
      "sections",
      /^The list of sections was not saved/,
      accusedName,
    );
    const kase = getDb().select().from(cases).where(eq(cases.id, caseId)).get()!;
    const edit = {
      ...register,
      policeStation: kase.policeStation,
      firNumber: kase.firNumber ?? "",
      openedOn: kase.openedOn,
      version: String(kase.version),
      sections: `ITPA 5; victim ${victim}`,
    };
    const edited = await run(() =>
      editCaseAction({
        request: postRequest(`/cases/${caseId}/edit`, edit, cookies.secretariat),
        params: { caseId: String(caseId) },
        context: {},
      }),
    );
    expectRefused(edited, "sections", /^The list of sections was not saved/, victim);
    expect(getDb().select().from(cases).where(eq(cases.id, caseId)).get()!.sections).toBe(kase.sections);
  });

  it("a meeting's cancellation reason, which goes into every seat holder's email", async () => {
    const m = getDb().select().from(meetings).where(eq(meetings.status, "agenda_published")).get() ?? meeting();
    const res = await run(() =>
      cancelAction({
        request: postRequest(
          `/meetings/${m.id}/cancel`,
          { confirm: "on", reason: `${victim} cannot attend`, version: String(m.version) },
          cookies.secretariat,
        ),
        params: { meetingId: String(m.id) },
        context: {},
      }),
    );
    expectRefused(res, "reason", /^The reason for cancelling was not saved/, victim);
    expect(getDb().select().from(meetings).where(eq(meetings.id, m.id)).get()!.status).toBe(m.status);
  });

  it("department names and participation labels", async () => {
    const named = await run(() =>
      newDepartmentAction({
        request: postRequest("/departments?index", { name: `${victim} shelter`, kind: "other" }, cookies.admin),
        params: {},
        context: {},
      }),
    );
    expectRefused(named, "name", /^The department's name was not saved/, victim);
    const renamed = await run(() =>
      departmentAction({
        request: postRequest(
          `/departments/${dept.dcpu}`,
          { intent: "department", name: `DCPU for ${victim}`, kind: "dcpu", active: "on" },
          cookies.admin,
        ),
        params: { departmentId: String(dept.dcpu) },
        context: {},
      }),
    );
    expectRefused(renamed, "name", /^The department's name/, victim);
    const res = await run(() =>
      participationAction({
        request: postRequest(
          "/settings/participation",
          { "informed.label": `Informed ${victim}`, "informed.weight": "1", "informed.active": "on" },
          cookies.admin,
        ),
        params: {},
        context: {},
      }),
    );
    if (res.status === 400 && res.data.errors["informed.label"])
      expectRefused(res, "informed.label", /^The label of indicator 1 was not saved/, victim);
  });
});

// Every way the name is written, in every guarded field, by each role: canary-fields.test.ts.

describe("ordinary district text", () => {
  const corpus = [
    "PI Sunil Patil (AHTU) to file the chargesheet under BNS 143 and ITPA s.5 by 15/12",
    "DCPU to arrange the CWC hearing; Circular No. 12 of the WCD department applies",
    "Shelter home superintendent Smt. Jadhav to confirm the escort for the testimony",
    "Panel lawyer from DLSA to file the compensation application under BNSS 396 (Manodhairya)",
    "Call the control room on 0712 256 0106 for the escort",
  ];
  it("passes through the guard at input", async () => {
    for (const text of corpus) {
      const item = openItem();
      const res = await updateItem(item.id, itemForm(item, { status: "in_progress", comment: text }));
      expect(res.status, text).toBe(302);
    }
  });
});
