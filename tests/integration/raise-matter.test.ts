import { and, asc, eq, inArray, notInArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accused, agendaItems, agendaVersions, caseDepartments, cases, meetings, users } from "#db/schema";
import { getDb } from "~/db.server";
import { dateInZone, formatDate, todayIn } from "~/lib/dates";
import { action as raiseAction, loader as actionsLoader } from "~/routes/actions._index";
import { loader as meetingLoader } from "~/routes/meetings.$meetingId";
import { loader as matrixLoader } from "~/routes/reports.accountability";
import { openCasesOfDepartment } from "~/models/case.server";
import { buildAgendaDocument } from "~/services/agenda-document.server";
import { raiseMatter } from "~/services/agenda-edit.server";
import { regenerateAgenda } from "~/services/agenda.server";
import { MeetingConflict } from "~/lib/meeting-state";
import { publishAgenda } from "~/services/meeting-mail.server";
import { createCase, createCollective } from "../factories";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";
import { departmentsByKind, type SeededKind } from "../support/departments";
import { must } from "../support/present";

// A representative raises a matter for the next meeting on "Our department's actions"; it lands
// on that meeting's draft agenda with who raised it, and counts as the department's initiative.
let police: string;
let dcpu: string;
let secretariat: string;
let dept: Record<SeededKind, { id: number; name: string }>;
const today = todayIn("Asia/Kolkata");
const meetingDayIn = (startsAt: string) => dateInZone(new Date(startsAt), "Asia/Kolkata");

beforeAll(async () => {
  police = await cookieFor("police@demo.testa");
  dcpu = await cookieFor("dcpu@demo.testa");
  secretariat = await cookieFor("secretariat@demo.testa");
  dept = departmentsByKind();
});

const next = () =>
  getDb()
    .select()
    .from(meetings)
    .where(inArray(meetings.status, ["planned", "agenda_published"]))
    .orderBy(asc(meetings.startsAt))
    .get()!;
const itemsOf = (meetingId: number) =>
  getDb()
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position))
    .all();
const raise = (fields: Record<string, string>, cookie = police) =>
  run(() => raiseAction({ request: postRequest("/actions?index", fields, cookie), params: {}, context: {} }));
const page = (cookie = police) =>
  run(() => actionsLoader({ request: getRequest("/actions", cookie), params: {}, context: {} }));
/** A police case the rules also flag for review at the next meeting: its raised matter must keep its own reason. */
const policeCase = () => {
  const reviewed = new Set(
    itemsOf(next().id)
      .filter((i) => i.kind === "case_review")
      .map((i) => i.caseId),
  );
  const own = openCasesOfDepartment(getDb(), 1, dept.police.id);
  return must(own.find((c) => reviewed.has(c.id)) ?? own[0], "an open case of the police");
};
/** An open case of the collective the DCPU has no part in (the demo's police are on every case). */
const notDcpuCase = () => {
  const ofDcpu = getDb()
    .select({ id: caseDepartments.caseId })
    .from(caseDepartments)
    .where(eq(caseDepartments.departmentId, dept.dcpu.id))
    .all()
    .map((c) => c.id);
  return getDb()
    .select()
    .from(cases)
    .where(and(eq(cases.status, "open"), notInArray(cases.id, ofDcpu)))
    .get()!;
};

describe("the card on a representative's actions page", () => {
  it("offers the next meeting by number and date, and the department's open cases by code", async () => {
    const res = await page();
    const m = next();
    expect(res.data.raise).toEqual({
      open: true,
      label: `Meeting ${m.number} (${formatDate(meetingDayIn(m.startsAt))})`,
      cases: openCasesOfDepartment(getDb(), 1, dept.police.id).map((c) => ({ value: String(c.id), label: c.code })),
    });
    expect(res.data.raise.cases.length).toBeGreaterThan(0);
  });

  it("is not shown to the secretariat or the admin, who may not post it either", async () => {
    expect((await page(secretariat)).data.raise).toBeNull();
    expect((await page(await cookieFor("admin@demo.testa"))).data.raise).toBeNull();
    const before = itemsOf(next().id).length;
    expect((await raise({ title: "Posted by the secretariat", minutes: "10" }, secretariat)).status).toBe(403);
    expect(itemsOf(next().id)).toHaveLength(before);
  });
});

describe("raising a matter", () => {
  const title = "Shortage of women constables for rescue operations";

  it("puts it on the next meeting's agenda before “Any other business”, pinned, with who raised it and when", async () => {
    const m = next();
    const kase = policeCase();
    const res = await raise({ title, minutes: "15", caseId: String(kase.id) });
    expect(res.status).toBe(200);
    expect(res.data.raised).toMatchObject({ id: m.id, number: m.number, date: formatDate(meetingDayIn(m.startsAt)) });

    const visible = itemsOf(m.id).filter((i) => !i.removed && !i.forWrittenUpdate);
    const at = visible.findIndex((i) => i.title === title);
    expect(must(visible[at + 1]).kind).toBe("any_other_business");
    const reason = `Raised by ${dept.police.name} on ${formatDate(today)}`;
    expect(visible[at]).toMatchObject({
      kind: "custom",
      pinned: true,
      minutes: 15,
      caseId: kase.id,
      presentingDepartmentId: dept.police.id,
      raisedByDepartmentId: dept.police.id,
      raisedOn: today,
      reasons: JSON.stringify([reason]),
    });
    expect(must(visible[at]).raisedByUserId).not.toBeNull();

    // The secretariat's agenda page and the agenda's documents show the reason like any other.
    const agenda = await run(() =>
      meetingLoader({
        request: getRequest(`/meetings/${m.id}`, secretariat),
        params: { meetingId: String(m.id) },
        context: {},
      }),
    );
    const shown = agenda.data.agenda.timed.find((i: { title: string }) => i.title === title);
    expect(shown).toMatchObject({
      reasonList: [reason],
      presentingDepartment: dept.police.name,
      caseCode: kase.code,
      pinned: true,
    });
    const doc = buildAgendaDocument(getDb(), m);
    expect(doc.items).toContainEqual(
      expect.objectContaining({
        title: `${title} (${kase.code})`,
        reasons: [reason],
        presentingDepartment: dept.police.name,
      }),
    );
  });

  it("survives regeneration of the agenda, reason and place kept", () => {
    const m = next();
    regenerateAgenda(getDb(), m);
    const visible = itemsOf(m.id).filter((i) => !i.removed && !i.forWrittenUpdate);
    const item = visible.find((i) => i.title === title)!;
    expect(JSON.parse(item.reasons)).toEqual([`Raised by ${dept.police.name} on ${formatDate(today)}`]);
    expect(visible.at(-1)!.kind).toBe("any_other_business");
    expect(visible.indexOf(item)).toBeLessThan(visible.length - 1);
  });

  it("counts in the accountability matrix as the department's initiative: level 4", async () => {
    const res = await run(() =>
      matrixLoader({ request: getRequest("/reports/accountability", secretariat), params: {}, context: {} }),
    );
    expect(res.data.rows.find((r: { departmentId: number }) => r.departmentId === dept.police.id)).toMatchObject({
      raised: 1,
      level: 4,
    });
  });

  it("is always raised for the representative's own department, whatever the form says", async () => {
    const m = next();
    const res = await raise(
      {
        title: "Escort vehicles for children's court visits",
        minutes: "10",
        departmentId: String(dept.dlsa.id),
        raisedByDepartmentId: String(dept.dlsa.id),
        presentingDepartmentId: String(dept.dlsa.id),
      },
      dcpu,
    );
    expect(res.status).toBe(200);
    const item = itemsOf(m.id).find((i) => i.title === "Escort vehicles for children's court visits")!;
    expect(item).toMatchObject({
      raisedByDepartmentId: dept.dcpu.id,
      presentingDepartmentId: dept.dcpu.id,
      reasons: JSON.stringify([`Raised by ${dept.dcpu.name} on ${formatDate(today)}`]),
    });
  });
});

describe("refusals, each with its input kept and nothing written", () => {
  it("a title naming an accused person is refused before anyone can read it", async () => {
    const before = itemsOf(next().id).length;
    const name = getDb().select({ name: accused.name }).from(accused).get()!.name;
    const res = await raise({ title: `Bail opposed for ${name}`, minutes: "10", caseId: "" });
    expect(res.status).toBe(400);
    expect(res.data.errors.title).toBe(
      `The title of the matter was not saved: it contains “${name}” (a protected name). Use the rewrite below, or describe it by case or victim code.`,
    );
    expect(res.data.errors["rewrite:title"]).not.toContain(name);
    expect(res.data.values).toMatchObject({ title: `Bail opposed for ${name}` });
    expect(itemsOf(next().id)).toHaveLength(before);
  });

  it("an empty or overlong title, or a time outside 5 to 30 minutes, is refused next to its field", async () => {
    const before = itemsOf(next().id).length;
    const empty = await raise({ title: "  ", minutes: "10", caseId: "" });
    expect(empty.status).toBe(400);
    expect(empty.data.errors).toEqual({ title: "Title is required." });
    expect(empty.data.values).toMatchObject({ title: "  ", minutes: "10" });
    const long = await raise({ title: "x".repeat(151), minutes: "3" });
    expect(long.data.errors).toEqual({
      title: "Title must be at most 150 characters (it has 151).",
      minutes: "Time must be at least 5 minutes.",
    });
    expect((await raise({ title: "Fine", minutes: "31" })).data.errors).toEqual({
      minutes: "Time must be at most 30 minutes.",
    });
    expect(itemsOf(next().id)).toHaveLength(before);
  });

  it("a forged case id, another department's or collective's case, or a closed one, is a field error, never a 500", async () => {
    const before = itemsOf(next().id).length;
    const elsewhere = createCase(getDb(), {
      collectiveId: createCollective(getDb(), { districtCode: "ELS" }).id,
      departments: [],
    });
    const closed = getDb()
      .select({ id: cases.id })
      .from(cases)
      .innerJoin(caseDepartments, eq(caseDepartments.caseId, cases.id))
      .where(and(eq(cases.status, "closed"), eq(caseDepartments.departmentId, dept.police.id)))
      .get()!;
    const attempts: [string, string][] = [
      ...["abc", "0x1", "-4", "1e3", "2.5", "999999", String(elsewhere.id), String(closed.id)].map(
        (id): [string, string] => [id, police],
      ),
      [String(notDcpuCase().id), dcpu],
    ];
    for (const [caseId, cookie] of attempts) {
      const res = await raise({ title: "About a case", minutes: "10", caseId }, cookie);
      expect(res.status, caseId).toBe(400);
      expect(res.data.errors, caseId).toEqual({
        caseId: "Choose one of your department's open cases from the list, or none.",
      });
      expect(res.data.values.title).toBe("About a case");
    }
    expect(itemsOf(next().id)).toHaveLength(before);
  });

  it("a published agenda is refused by name, saying the secretariat can still add it", async () => {
    const m = next();
    getDb().update(meetings).set({ status: "agenda_published" }).where(eq(meetings.id, m.id)).run();
    try {
      const before = itemsOf(m.id).length;
      const res = await raise({ title: "Too late for this one", minutes: "10" });
      expect(res.status).toBe(409);
      const message = `The agenda of Meeting ${m.number} (${formatDate(meetingDayIn(m.startsAt))}) is already published, so a matter can no longer be raised here. The secretariat can still add it: ask them to.`;
      expect(res.data.errors).toEqual({ form: message });
      expect(res.data.values.title).toBe("Too late for this one");
      expect(itemsOf(m.id)).toHaveLength(before);
      // The card gives the same reason instead of the form.
      expect((await page()).data.raise).toEqual({ open: false, reason: message });
    } finally {
      getDb().update(meetings).set({ status: "planned" }).where(eq(meetings.id, m.id)).run();
    }
  });

  it("with no meeting scheduled, says so", async () => {
    const m = next();
    getDb().update(meetings).set({ status: "cancelled" }).where(eq(meetings.id, m.id)).run();
    try {
      const res = await raise({ title: "Nowhere to go", minutes: "10" });
      expect(res.status).toBe(409);
      expect(res.data.errors.form).toMatch(/^No meeting is scheduled yet\. /);
      expect((await page()).data.raise).toEqual({ open: false, reason: res.data.errors.form });
      expect(getDb().select().from(agendaItems).where(eq(agendaItems.title, "Nowhere to go")).all()).toEqual([]);
    } finally {
      getDb().update(meetings).set({ status: "planned" }).where(eq(meetings.id, m.id)).run();
    }
  });
});

describe("a matter raised while the agenda is being published", () => {
  it("stops that publication (which would have sent an agenda without it), and the secretariat publishes again", async () => {
    const m = next();
    const secretariatUser = getDb().select().from(users).where(eq(users.email, "secretariat@demo.testa")).get()!;
    const policeUser = getDb().select().from(users).where(eq(users.email, "police@demo.testa")).get()!;
    const rep = {
      id: policeUser.id,
      collectiveId: 1,
      email: policeUser.email,
      name: policeUser.name,
      role: "representative" as const,
      departmentId: dept.police.id,
      tenureId: null,
    };
    // Publishing renders the PDF before its transaction; the matter is raised in that moment.
    const publishing = publishAgenda(getDb(), m, secretariatUser.id, m.version);
    expect(raiseMatter(getDb(), rep, { title: "Raised during publication", minutes: 5, caseId: null }).ok).toBe(true);
    await expect(publishing).rejects.toBeInstanceOf(MeetingConflict);
    expect(getDb().select().from(meetings).where(eq(meetings.id, m.id)).get()!.status).toBe("planned");
    expect(getDb().select().from(agendaVersions).where(eq(agendaVersions.meetingId, m.id)).all()).toEqual([]);
  });
});
