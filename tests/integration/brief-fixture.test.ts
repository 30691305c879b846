import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { actionItemUpdates, actionItems, agendaItems, attendance, cases, meetings } from "#db/schema";
import { getDb } from "~/db.server";
import { addDays, formatDate } from "~/lib/dates";
import { loader as briefPdf } from "~/routes/departments.$departmentId.brief[.]pdf";
import { loader as briefLoader } from "~/routes/departments.$departmentId_.brief";
import { buildBrief } from "~/services/brief.server";
import {
  createAccused,
  createCase,
  createCaseEvent,
  createCollective,
  createDepartment,
  createTenure,
  createUser,
} from "../factories";
import { testToday } from "../support/constants";
import { pdfText } from "../support/pdf";
import { cookieFor, getRequest, run } from "../support/remix";
import { at as elementAt } from "~/lib/at";

// A small collective of its own, beside the demo one, whose brief for "Fixture Police Unit" (F) is
// worked out by hand below. Every date is relative to today (day 0), so the test holds on any day.
//
// Seats: F was held by Suresh Kale from day -400 to day -45, and by Kavita Deshmukh since day -44.
// The other active seats: Fixture DCPU (Anil Rao) and Fixture Prosecution (Meera Joshi). Not
// listed: Fixture Old Cell (inactive) and Fixture NGO (vacant: the last holder left on day -10,
// the next starts on day +5).
//
// Meetings held: 1 (day -100), 2 (day -60), 3 (day -30), 4 (day -10). Meeting 5 (day +5) was
// cancelled; Meeting 6 (day +20) is next; Meeting 7 (day +50) comes after it.
// F's attendance: present at 1, absent at 2 (Suresh); present at 3 and 4 (Kavita).
//
// F's action items (carried = held meetings after the one that agreed it):
//   A1 agreed at 1, due -70, done on -75 (on time)               -> Suresh's
//   A2 agreed at 2, due -50, done on -40 (10 days late)          -> Suresh's (it fell due in his tenure)
//   A3 agreed at 1, due -20, open: overdue; carried 3 (2, 3, 4); updated on -25
//   A4 agreed at 3, due +10, in progress; carried 1 (4); updated on -28 and -8
//   A5 agreed at 4, due +20, blocked; carried 0; no update
//   A6 added by the secretariat (no meeting), due +30, open; carried 0; no update
//   A7 agreed at 4, due -5, dropped: not in the brief
// Cases of F, open: 0001 lead, 0002 support, 0003 lead, 0004 informed; 2024-0009 lead but closed.
const d = (n: number) => addDays(testToday, n);
const at = (n: number) => `${d(n)}T05:30:00.000Z`; // 11:00 IST on day n
const when = (n: number) => `${d(n)}T06:00:00.000Z`;

const restricted = {
  firs: ["4471/2025", "0583/2025", "9912/2024"],
  accused: ["Zorawar Kanhaiyalal", "Bhimsen Trilokchand"],
  notes: ["Canary note about the raid"],
};

let collectiveId: number;
let F: number;
let G: number;
let nextMeetingId: number;

beforeAll(() => {
  const db = getDb();
  const c = createCollective(db, { name: "Fixture District", district: "Fixture", districtCode: "FXD" });
  collectiveId = c.id;
  const f = createDepartment(db, { collectiveId, name: "Fixture Police Unit", kind: "police" });
  const g = createDepartment(db, { collectiveId, name: "Fixture Prosecution", kind: "prosecution" });
  const h = createDepartment(db, { collectiveId, name: "Fixture DCPU", kind: "dcpu" });
  const old = createDepartment(db, { collectiveId, name: "Fixture Old Cell", kind: "other", active: false });
  const ngo = createDepartment(db, { collectiveId, name: "Fixture NGO", kind: "ngo" });
  F = f.id;
  G = g.id;

  const suresh = createUser(db, {
    collectiveId,
    email: "suresh.kale@fixture.example",
    name: "Suresh Kale",
    role: "representative",
    active: false,
  });
  const kavita = createUser(db, {
    collectiveId,
    email: "kavita.deshmukh@fixture.example",
    name: "Kavita Deshmukh",
    role: "representative",
  });
  const meera = createUser(db, {
    collectiveId,
    email: "meera.joshi@fixture.example",
    name: "Meera Joshi",
    role: "representative",
  });
  createUser(db, { collectiveId, email: "secretariat@fixture.example", role: "secretariat" });
  createUser(db, { collectiveId, email: "admin@fixture.example", role: "admin" });

  const predecessor = createTenure(db, {
    departmentId: F,
    userId: suresh.id,
    officerName: "Suresh Kale",
    designation: "Police Inspector",
    email: "suresh.kale@fixture.example",
    startsOn: d(-400),
    endsOn: d(-45),
  });
  const current = createTenure(db, {
    departmentId: F,
    userId: kavita.id,
    officerName: "Kavita Deshmukh",
    designation: "Assistant Commissioner of Police",
    email: "kavita.deshmukh@fixture.example",
    startsOn: d(-44),
  });
  createTenure(db, {
    departmentId: G,
    userId: meera.id,
    officerName: "Meera Joshi",
    designation: "Special Public Prosecutor",
    email: "meera.joshi@fixture.example",
    phone: "+91 98200 11111",
    startsOn: d(-300),
  });
  createTenure(db, {
    departmentId: h.id,
    officerName: "Anil Rao",
    designation: "DCPO",
    email: "anil.rao@fixture.example",
    startsOn: d(-200),
  });
  createTenure(db, {
    departmentId: old.id,
    officerName: "Olga Retired",
    designation: "Officer",
    email: "olga@fixture.example",
    startsOn: d(-200),
  });
  createTenure(db, {
    departmentId: ngo.id,
    officerName: "Nitin Gone",
    designation: "Director",
    email: "nitin@fixture.example",
    startsOn: d(-500),
    endsOn: d(-10),
  });
  createTenure(db, {
    departmentId: ngo.id,
    officerName: "Neha Soon",
    designation: "Director",
    email: "neha@fixture.example",
    startsOn: d(5),
  });

  // Cases (codes out of order on purpose: the brief lists them by code).
  const c3 = createCase(db, {
    collectiveId,
    code: "FXD-2025-0003",
    stage: "prosecution_evidence",
    firNumber: "0583/2025",
    departments: [
      { departmentId: F, role: "lead" },
      { departmentId: G, role: "support" },
    ],
  });
  createCaseEvent(db, { caseId: c3.id, kind: "hearing", occurredOn: d(-40), nextDate: d(-10) });
  createCaseEvent(db, {
    caseId: c3.id,
    kind: "testimony",
    occurredOn: d(-10),
    nextDate: d(25),
    note: restricted.notes[0],
  });
  const c1 = createCase(db, {
    collectiveId,
    code: "FXD-2025-0001",
    stage: "charges_framed",
    firNumber: "4471/2025",
    departments: [
      { departmentId: F, role: "lead" },
      { departmentId: G, role: "support" },
    ],
  });
  createCaseEvent(db, { caseId: c1.id, kind: "hearing", occurredOn: d(-20), nextDate: d(12) });
  createAccused(db, { caseId: c1.id, name: restricted.accused[0], arrestedOn: d(-120) });
  const c2 = createCase(db, {
    collectiveId,
    code: "FXD-2025-0002",
    stage: "investigation",
    departments: [
      { departmentId: F, role: "support" },
      { departmentId: h.id, role: "lead" },
    ],
  });
  createAccused(db, { caseId: c2.id, name: restricted.accused[1], arrestedOn: d(-30) });
  const c4 = createCase(db, {
    collectiveId,
    code: "FXD-2025-0004",
    stage: "judgment",
    departments: [
      { departmentId: F, role: "informed" },
      { departmentId: G, role: "lead" },
    ],
  });
  createCaseEvent(db, { caseId: c4.id, kind: "hearing", occurredOn: d(-33), nextDate: d(-3) });
  createCase(db, {
    collectiveId,
    code: "FXD-2024-0009",
    stage: "closed",
    status: "closed",
    outcome: "convicted",
    closedOn: d(-90),
    firNumber: "9912/2024",
    departments: [{ departmentId: F, role: "lead" }],
  });
  const c6 = createCase(db, {
    collectiveId,
    code: "FXD-2025-0005",
    stage: "chargesheet",
    departments: [{ departmentId: G, role: "lead" }],
  });

  const meeting = (number: number, day: number, status: "held" | "planned" | "agenda_published" | "cancelled") =>
    db
      .insert(meetings)
      .values({
        collectiveId,
        number,
        startsAt: at(day),
        durationMinutes: 120,
        venue: "Collectorate Hall",
        onlineLink: "https://meet.example/fxd",
        status,
      })
      .returning()
      .get();
  const m1 = meeting(1, -100, "held");
  const m2 = meeting(2, -60, "held");
  const m3 = meeting(3, -30, "held");
  const m4 = meeting(4, -10, "held");
  meeting(5, 5, "cancelled");
  nextMeetingId = meeting(6, 20, "agenda_published").id;
  meeting(7, 50, "planned");

  let position = 0;
  const item = (
    meetingId: number,
    kind: "case_review" | "custom",
    caseId: number | null,
    title: string,
    decisions: string | null,
  ) =>
    db
      .insert(agendaItems)
      .values({ meetingId, position: ++position, kind, caseId, title, minutes: 10, status: "discussed", decisions })
      .returning()
      .get();
  // Meeting 1 is not one of the last three: its decision stays out.
  const i1 = item(m1.id, "case_review", c1.id, "Case review", "Police to trace the absconding accused.");
  // Meeting 2: a review of F's case.
  const i2 = item(m2.id, "case_review", c3.id, "Case review", "Police to trace the second witness.");
  // Meeting 3: an item that concerns F only through the action it gave F; and a review of a case
  // F has no part in, with an action for another department: not F's.
  const i3 = item(m3.id, "custom", null, "Shelter home capacity", "Police to escort transfers to the new shelter.");
  const i3other = item(m3.id, "case_review", c6.id, "Case review", "Prosecution to seek an early hearing.");
  // Meeting 4: a review of F's case; a review with no decision; business for nobody in particular.
  const i4 = item(m4.id, "case_review", c1.id, "Case review", "Police to file the supplementary chargesheet.");
  item(m4.id, "case_review", c2.id, "Case review", null);
  item(m4.id, "custom", null, "Any other business", "The next meeting moves to the district court hall.");

  const attend = (meetingId: number, tenureId: number, status: "present" | "absent") =>
    db.insert(attendance).values({ meetingId, departmentId: F, tenureId, status }).run();
  attend(m1.id, predecessor.id, "present");
  attend(m2.id, predecessor.id, "absent");
  attend(m3.id, current.id, "present");
  attend(m4.id, current.id, "present");

  const action = (v: Partial<typeof actionItems.$inferInsert> & { description: string; dueOn: string }) =>
    db
      .insert(actionItems)
      .values({ collectiveId, departmentId: F, ...v })
      .returning()
      .get();
  const update = (actionItemId: number, userId: number, day: number, comment: string) =>
    db
      .insert(actionItemUpdates)
      .values({ actionItemId, userId, field: "comment", comment, at: when(day) })
      .run();
  const a2 = action({
    description: "Record the second witness statement",
    dueOn: d(-50),
    status: "done",
    completedOn: d(-40),
    caseId: c3.id,
    meetingId: m2.id,
    agendaItemId: i2.id,
  });
  update(a2.id, suresh.id, -52, "Witness located.");
  action({
    description: "Trace the absconding accused",
    dueOn: d(-70),
    status: "done",
    completedOn: d(-75),
    caseId: c1.id,
    meetingId: m1.id,
    agendaItemId: i1.id,
  });
  const a3 = action({
    description: "Send the forensic report to the court",
    dueOn: d(-20),
    status: "open",
    caseId: c1.id,
    meetingId: m1.id,
    agendaItemId: i1.id,
  });
  update(a3.id, kavita.id, -25, "Lab has been reminded.");
  const a4 = action({
    description: "Escort transfers to the new shelter",
    dueOn: d(10),
    status: "in_progress",
    meetingId: m3.id,
    agendaItemId: i3.id,
  });
  update(a4.id, kavita.id, -8, "Two transfers done.");
  update(a4.id, kavita.id, -28, "Vehicle arranged.");
  action({
    description: "File the supplementary chargesheet",
    dueOn: d(20),
    status: "blocked",
    statusReason: "Waiting for the lab",
    caseId: c1.id,
    meetingId: m4.id,
    agendaItemId: i4.id,
  });
  action({ description: "Share the station contact list", dueOn: d(30), status: "open" });
  action({
    description: "Dropped item of the police",
    dueOn: d(-5),
    status: "dropped",
    statusReason: "No longer needed",
    meetingId: m4.id,
    agendaItemId: i4.id,
  });
  // Another department's action on the item that does not concern F.
  db.insert(actionItems)
    .values({
      collectiveId,
      departmentId: G,
      description: "Move for an early hearing",
      dueOn: d(15),
      caseId: c6.id,
      meetingId: m3.id,
      agendaItemId: i3other.id,
    })
    .run();
});

// What the brief should say, worked out by hand from the fixture above.
const expectedActions = [
  {
    description: "Send the forensic report to the court",
    caseCode: "FXD-2025-0001",
    due: formatDate(d(-20)),
    overdue: true,
    history: `agreed at Meeting 1, carried 3 times, last update ${formatDate(d(-25))}`,
  },
  {
    description: "Escort transfers to the new shelter",
    caseCode: null,
    due: formatDate(d(10)),
    overdue: false,
    history: `agreed at Meeting 3, carried 1 time, last update ${formatDate(d(-8))}`,
  },
  {
    description: "File the supplementary chargesheet",
    caseCode: "FXD-2025-0001",
    due: formatDate(d(20)),
    overdue: false,
    history: "agreed at Meeting 4, carried 0 times, no update yet",
  },
  {
    description: "Share the station contact list",
    caseCode: null,
    due: formatDate(d(30)),
    overdue: false,
    history: "added by the secretariat, carried 0 times, no update yet",
  },
];
const expectedCases = [
  { code: "FXD-2025-0001", stage: "Charges framed", nextDate: formatDate(d(12)), role: "lead" },
  { code: "FXD-2025-0002", stage: "Investigation", nextDate: "—", role: "support" },
  { code: "FXD-2025-0003", stage: "Prosecution evidence", nextDate: formatDate(d(25)), role: "lead" },
  { code: "FXD-2025-0004", stage: "Judgment", nextDate: formatDate(d(-3)), role: "informed" },
];
const expectedDecisions = [
  { meeting: "Meeting 2", item: "Case review: FXD-2025-0003", decisions: "Police to trace the second witness." },
  { meeting: "Meeting 3", item: "Shelter home capacity", decisions: "Police to escort transfers to the new shelter." },
  {
    meeting: "Meeting 4",
    item: "Case review: FXD-2025-0001",
    decisions: "Police to file the supplementary chargesheet.",
  },
];
const roleSummary =
  "Fixture Police Unit is involved in 4 open cases: it leads 2, supports 1 and is kept informed on 1. It owns 4 unfinished action items.";
const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][new Date(`${d(20)}T00:00:00Z`).getUTCDay()];
const nextWhen = `${weekday}, ${formatDate(d(20))}, 11:00 am IST`;

const doc = () => buildBrief(getDb(), collectiveId, F);
const loaderFor = async (departmentId: number, email: string) =>
  run(async () =>
    briefLoader({
      request: getRequest(`/departments/${departmentId}/brief`, await cookieFor(email)),
      params: { departmentId: String(departmentId) },
      context: {},
    }),
  );

describe("the onboarding brief of a fixture department", () => {
  it("names the department, its holder and its role", () => {
    const b = doc();
    expect(b.collectiveName).toBe("Fixture District");
    expect(b.department).toEqual({ id: F, name: "Fixture Police Unit", kind: "Police" });
    expect(b.holder).toEqual({ officer: "Kavita Deshmukh", designation: "Assistant Commissioner of Police" });
    expect(b.roleSummary).toBe(roleSummary);
  });

  it("lists the open action items with a one-line history each, soonest due first", () => {
    expect(doc().actions).toEqual(expectedActions);
  });

  it("lists the open cases it is involved in by code, with stage, next date and its role", () => {
    expect(doc().cases).toEqual(expectedCases);
  });

  it("gives the decisions of the last three meetings that concern it, and no other", () => {
    const b = doc();
    expect(b.decisions).toEqual(expectedDecisions);
    const all = JSON.stringify(b.decisions);
    expect(all).not.toContain("absconding accused"); // Meeting 1: not one of the last three
    expect(all).not.toContain("early hearing"); // another department's case and action
    expect(all).not.toContain("district court hall"); // concerns nobody in particular
  });

  it("splits the accountability figures by tenure, the current holder first", () => {
    const rows = doc().accountability;
    expect(rows.map((r) => ({ ...r, tenure: r.tenure && { ...r.tenure, id: 0 } }))).toEqual([
      {
        departmentId: F,
        department: "Fixture Police Unit",
        tenure: { id: 0, officerName: "Kavita Deshmukh", from: d(-44), to: null },
        // Meetings 3 and 4, both attended. A3 to A7 fell (or fall) due in her tenure; none done,
        // A3 overdue, A7 dropped; she posted updates, so level 2. F raised no matter for an agenda
        // (the fixture has none), so level 4 ("initiated") cannot hold: still 2.
        meetingsHeld: 2,
        attended: 2,
        assigned: 5,
        doneOnTime: 0,
        doneLate: 0,
        open: 3,
        overdue: 1,
        medianDaysLate: null,
        raised: 0,
        level: 2,
      },
      {
        departmentId: F,
        department: "Fixture Police Unit",
        tenure: { id: 0, officerName: "Suresh Kale", from: d(-400), to: d(-45) },
        // Meetings 1 and 2, one attended. A1 done on time, A2 done 10 days late: level 3. No matter
        // raised, so not 4 under the new rule either (nor was it under the old one: A2 was late).
        meetingsHeld: 2,
        attended: 1,
        assigned: 2,
        doneOnTime: 1,
        doneLate: 1,
        open: 0,
        overdue: 0,
        medianDaysLate: 10,
        raised: 0,
        level: 3,
      },
    ]);
  });

  it("gives the other seats' current holders with designations and contacts, and the next meeting", () => {
    const b = doc();
    expect(b.seats).toEqual([
      {
        department: "Fixture DCPU",
        officer: "Anil Rao",
        designation: "DCPO",
        email: "anil.rao@fixture.example",
        phone: null,
      },
      {
        department: "Fixture Prosecution",
        officer: "Meera Joshi",
        designation: "Special Public Prosecutor",
        email: "meera.joshi@fixture.example",
        phone: "+91 98200 11111",
      },
    ]);
    expect(b.nextMeeting).toEqual({
      number: 6,
      when: nextWhen,
      venue: "Collectorate Hall",
      onlineLink: "https://meet.example/fxd",
      inviteUrl: `http://localhost:3000/meetings/${nextMeetingId}/invite.ics`,
      pageUrl: `http://localhost:3000/meetings/${nextMeetingId}`,
    });
  });

  it("is what the page's loader serves to the department's own representative, the secretariat and the admin", async () => {
    const own = await loaderFor(F, "kavita.deshmukh@fixture.example");
    expect(own.status).toBe(200);
    expect(own.data.brief).toEqual(JSON.parse(JSON.stringify(doc())));
    expect(own.data.brief.actions).toEqual(expectedActions);
    expect(own.data.brief.cases).toEqual(expectedCases);
    expect(own.data.brief.decisions).toEqual(expectedDecisions);
    expect((await loaderFor(F, "secretariat@fixture.example")).status).toBe(200);
    expect((await loaderFor(F, "admin@fixture.example")).status).toBe(200);
    expect((await loaderFor(F, "meera.joshi@fixture.example")).status).toBe(403);
    expect((await loaderFor(G, "meera.joshi@fixture.example")).status).toBe(200);
    // The predecessor's tenure has ended: he can no longer read it.
    expect((await loaderFor(F, "suresh.kale@fixture.example")).status).not.toBe(200);
  });

  it("never carries a restricted value", () => {
    const all = JSON.stringify(doc());
    for (const value of [...restricted.firs, ...restricted.accused, ...restricted.notes])
      expect(all).not.toContain(value);
    expect(all).not.toContain("FXD-2024-0009"); // closed
    expect(all).not.toContain("FXD-2025-0005"); // not F's
  });
});

/**
 * The rows of a table in pdftotext -layout output, each as its cells. Cells are placed under the
 * header's columns by where their text starts; a cell wrapped over several lines is joined again.
 * Rows are separated by blank lines; the table ends at the next unindented line (a heading), and
 * a repeated header or page footer inside it is skipped.
 */
function pdfTable(text: string, header: string[]): string[][] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const headerLine = new RegExp(`^\\f? *${header.map(escape).join(" {2,}")} *$`);
  const lines = text.split("\n");
  const first = lines.findIndex((l) => headerLine.test(l));
  if (first < 0) throw new Error(`No table headed ${header.join(" | ")}`);
  const startsOf = (l: string) => {
    let from = 0;
    return header.map((h) => (from = l.indexOf(h, from)));
  };
  let starts = startsOf(elementAt(lines, first));
  const rows: string[][] = [];
  let row: string[][] | null = null;
  const flush = () => {
    if (row) rows.push(row.map((parts) => parts.join(" ")));
    row = null;
  };
  for (const raw of lines.slice(first + 1)) {
    if (headerLine.test(raw)) {
      flush();
      starts = startsOf(raw.replace(/^\f/, ""));
      continue;
    }
    if (raw.startsWith("Confidential: ")) {
      flush();
      continue;
    }
    if (/^\S/.test(raw)) break;
    if (!raw.trim()) {
      flush();
      continue;
    }
    row ??= header.map(() => []);
    for (const m of raw.matchAll(/\S+(?: \S+)*/g)) {
      let col = 0;
      starts.forEach((s, k) => {
        if (s <= m.index + 2) col = k;
      });
      elementAt(row, col).push(m[0]);
    }
  }
  flush();
  return rows;
}

describe("the onboarding brief of a fixture department as a PDF", () => {
  let text: string;
  /** The PDF's text with all whitespace (table gaps, -layout padding, line breaks) squeezed to one space. */
  let flat: string;
  beforeAll(async () => {
    const res = await briefPdf({
      request: getRequest(`/departments/${F}/brief.pdf`, await cookieFor("kavita.deshmukh@fixture.example")),
      params: { departmentId: String(F) },
      context: {},
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    text = pdfText(Buffer.from(await res.arrayBuffer()));
    flat = text.replace(/\s+/g, " ");
  });

  it("holds the nine sections in order", () => {
    const sections = [
      "1. The collective and your seat",
      "2. Your department's role",
      "3. Open action items",
      "4. Cases your department is involved in",
      "5. Decisions of the last three meetings that concern you",
      "6. Accountability, by tenure",
      "7. The other seats",
      "8. The next meeting",
      "9. Glossary",
    ];
    const at = sections.map((s) => text.indexOf(`\n${s}\n`));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(at),
    ).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain("\nOnboarding brief: Fixture Police Unit\n");
    expect(text).toContain("\nFor Kavita Deshmukh, Assistant Commissioner of Police\n");
  });

  it("holds the role summary, the action items with their histories, the cases and the decisions", () => {
    expect(flat).toContain(` 2. Your department's role ${roleSummary} 3. Open action items `);
    expect(pdfTable(text, ["Action", "Case", "Due", "History"])).toEqual(
      expectedActions.map((a) => [
        a.description,
        a.caseCode ?? "",
        `${a.due}${a.overdue ? " (overdue)" : ""}`,
        a.history,
      ]),
    );
    expect(pdfTable(text, ["Case", "Stage", "Next date", "Role"])).toEqual(
      expectedCases.map((c) => [c.code, c.stage, c.nextDate, c.role]),
    );
    const decisions = text
      .slice(text.indexOf("\n5. Decisions"), text.indexOf("\n6. Accountability"))
      .trim()
      .split("\n")
      .slice(1)
      .filter((l) => l.trim());
    expect(decisions).toEqual(expectedDecisions.map((x) => `${x.meeting}, ${x.item}: ${x.decisions}`));
    for (const other of ["absconding accused", "early hearing", "district court hall"])
      expect(flat).not.toContain(other);
  });

  it("holds the figures by tenure, the other seats, the next meeting and the glossary", () => {
    expect(pdfTable(text, ["Officer", "Attended", "On time", "Late", "Overdue", "Engagement"])).toEqual([
      [`Kavita Deshmukh (${formatDate(d(-44))} – now)`, "2 of 2", "0", "0", "1", "2: Provided information"],
      [
        `Suresh Kale (${formatDate(d(-400))} – ${formatDate(d(-45))})`,
        "1 of 2",
        "1",
        "1",
        "0",
        "3: Completed assigned actions",
      ],
    ]);
    expect(pdfTable(text, ["Department", "Holder", "Contact"])).toEqual([
      ["Fixture DCPU", "Anil Rao, DCPO", "anil.rao@fixture.example"],
      ["Fixture Prosecution", "Meera Joshi, Special Public Prosecutor", "meera.joshi@fixture.example, +91 98200 11111"],
    ]);
    for (const absent of ["Olga Retired", "Nitin Gone", "Neha Soon", "Fixture Old Cell", "Fixture NGO"])
      expect(flat).not.toContain(absent);
    expect(text).toContain(
      [
        "\n8. The next meeting",
        `Meeting 6: ${nextWhen}, Collectorate Hall`,
        "Online: https://meet.example/fxd",
        `Calendar invite: http://localhost:3000/meetings/${nextMeetingId}/invite.ics`,
      ].join("\n"),
    );
    const glossary = flat.slice(flat.indexOf(" 9. Glossary "));
    for (const term of [
      "Collective",
      "Seat",
      "Secretariat",
      "Action item",
      "Carried forward",
      "Escalated",
      "Chargesheet limit",
      "Appeal window",
      "Participation index",
    ]) {
      expect(text).toMatch(new RegExp(`\\n${term}: `));
    }
    expect(glossary).toContain("Carried forward: An unfinished action item that returns on the next agenda.");
  });

  it("holds no restricted value of the fixture", () => {
    for (const value of [
      ...restricted.firs,
      ...restricted.firs.map((f) => f.split("/")[0]),
      ...restricted.accused,
      ...restricted.accused.flatMap((n) => n.split(" ")),
      ...restricted.notes,
    ]) {
      expect(flat).not.toContain(value);
    }
    expect(flat).not.toContain("FXD-2024-0009");
    expect(flat).not.toContain("FXD-2025-0005");
  });

  // Runs last: it closes a case and adds an update.
  it("keeps a decision about a case closed since, and dates an update by India's clock", () => {
    const db = getDb();
    const c1 = db.select().from(cases).where(eq(cases.code, "FXD-2025-0001")).get()!;
    db.update(cases)
      .set({ status: "closed", stage: "closed", outcome: "convicted", closedOn: d(-1) })
      .where(eq(cases.id, c1.id))
      .run();
    expect(doc().decisions.map((x) => x.decisions)).toContain("Police to file the supplementary chargesheet.");
    const item = db
      .select()
      .from(actionItems)
      .where(eq(actionItems.description, "Share the station contact list"))
      .get()!;
    const userId = db.select().from(actionItemUpdates).get()!.userId;
    // 20:00 UTC is 01:30 the next morning in India.
    db.insert(actionItemUpdates)
      .values({
        actionItemId: item.id,
        userId,
        field: "comment",
        comment: "Sent after midnight.",
        at: `${d(-3)}T20:00:00.000Z`,
      })
      .run();
    expect(doc().actions.find((x) => x.description === "Share the station contact list")!.history).toContain(
      `last update ${formatDate(d(-2))}`,
    );
  });
});
