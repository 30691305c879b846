import { and, eq, isNotNull, ne } from "drizzle-orm";
import type { ActionFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { actionItems, agendaItems, cases, meetings, tenures } from "#db/schema";
import { getDb } from "~/db.server";
import { addDays, todayIn } from "~/lib/dates";
import { indicatorKeys } from "~/lib/participation";
import { rewriteKey } from "~/lib/forms";
import { action as itemAction } from "~/routes/actions.$actionId";
import { action as correctAction } from "~/routes/actions.$actionId_.correct";
import { action as raiseAction } from "~/routes/actions._index";
import { action as caseAction } from "~/routes/cases.$caseId";
import { action as newCaseAction } from "~/routes/cases.new";
import { action as editCaseAction } from "~/routes/cases.$caseId_.edit";
import { action as departmentAction } from "~/routes/departments.$departmentId";
import { action as newDepartmentAction } from "~/routes/departments._index";
import { action as transferAction } from "~/routes/departments.$departmentId_.transfer";
import { action as meetingAction } from "~/routes/meetings.$meetingId";
import { action as cancelAction } from "~/routes/meetings.$meetingId_.cancel";
import { action as minutesAction } from "~/routes/meetings.$meetingId_.minutes";
import { action as rescheduleAction } from "~/routes/meetings.$meetingId_.reschedule";
import { action as runAction } from "~/routes/meetings.$meetingId_.run";
import { action as newMeetingAction } from "~/routes/meetings.new";
import { action as collectiveAction } from "~/routes/settings.collective";
import { action as participationAction } from "~/routes/settings.participation";
import { cookieFor, postRequest, run, type Outcome } from "../support/remix";
import { actionUpdateForm, caseRegisterForm, openActionItem, recordVictimName } from "../support/canary";
import { departmentIdsByKind, type SeededKind } from "../support/departments";

// The canary matrix: a victim's name recorded as protected, then typed in every way the issue
// lists (whole, two words either order, with commas, dots, hyphens or run together, initials with
// the surname either side, romanisation variants, Devanagari) into every free-text field the
// product guards, by every role that can type there, through the route's own action (the path a
// save takes). Each must be refused, naming the field and the words, the input kept, a rewrite
// offered. One database for the file; a refusal writes nothing, so the fixtures are reused.
const victim = "Sunita Ramesh Jagtap";
const forms = [
  "Sunita Ramesh Jagtap",
  "Sunita Jagtap",
  "Jagtap Sunita",
  "Ramesh Jagtap",
  "Sunita Ramesh",
  "Jagtap, Sunita",
  "Sunita.Jagtap",
  "Sunita-Jagtap",
  "SunitaJagtap",
  "S. R. Jagtap",
  "S Jagtap",
  "Jagtap S.",
  "Jagtap S. R.",
  "Suneeta Jagtaap",
  "Soonita Jagthap",
  "सुनीता जगताप",
  "जगताप सुनीता",
  "सुनिता रमेश जगताप",
  "स. र. जगताप",
  "सुनीता-जगताप",
];
type Role = "representative" | "secretariat" | "admin";
/**
 * A form: the guarded fields it sends (each with how its refusal begins), who may type in it, and
 * how it is sent with the text in each of those fields (`cookie` the typist's session).
 */
type Form = {
  fields: Record<string, RegExp>;
  roles: Role[];
  link?: true;
  send: (text: string, cookie: string) => Promise<Outcome>;
};

const today = todayIn("Asia/Kolkata");
let cookies: Record<Role, string>;
let dept: Record<SeededKind, number>;
let caseId: number;

const post =
  (action: (args: ActionFunctionArgs) => Promise<unknown>, path: string, params: Record<string, string>) =>
  (body: Record<string, string>, cookie: string) =>
    run(() => action({ request: postRequest(path, body, cookie), params, context: {} }));

beforeAll(async () => {
  cookies = {
    representative: await cookieFor("police@demo.testa"),
    secretariat: await cookieFor("secretariat@demo.testa"),
    admin: await cookieFor("admin@demo.testa"),
  };
  dept = departmentIdsByKind();
  caseId = getDb().select().from(cases).where(isNotNull(cases.firNumber)).get()!.id;
  await recordVictimName(caseId, victim, cookies.secretariat);
});

/** The table, built once the seed's rows are known. */
function formsOf(): Form[] {
  const db = getDb();
  const item = openActionItem(dept.police, today);
  const update = post(itemAction, `/actions/${item.id}`, { actionId: String(item.id) });
  const itemForm = (over: Record<string, string>) => actionUpdateForm(item, over);
  const agreed = db.select().from(actionItems).where(isNotNull(actionItems.meetingId)).get()!;
  const correct = post(correctAction, `/actions/${agreed.id}/correct`, { actionId: String(agreed.id) });
  const correction = (over: Record<string, string>) => ({
    intent: "correct",
    description: agreed.description,
    departmentId: String(agreed.departmentId),
    dueOn: agreed.dueOn,
    caseId: agreed.caseId ? String(agreed.caseId) : "",
    movedBy: "",
    version: String(agreed.version),
    ...over,
  });
  const kase = db.select().from(cases).where(eq(cases.id, caseId)).get()!;
  const caseHere = post(caseAction, `/cases/${caseId}`, { caseId: String(caseId) });
  const event = (over: Record<string, string>) => ({
    intent: "add-event",
    kind: "hearing",
    occurredOn: addDays(today, -1),
    nextDate: "",
    outcome: "",
    verdict: "",
    note: "",
    ...over,
  });
  const register = (over: Record<string, string>) => caseRegisterForm(dept.police, today, over);
  const edit = (over: Record<string, string>) =>
    register({
      policeStation: kase.policeStation,
      firNumber: kase.firNumber ?? "",
      openedOn: kase.openedOn,
      version: String(kase.version),
      ...over,
    });
  const planned = db.select().from(meetings).where(eq(meetings.status, "planned")).get()!;
  const meetingPost = post(meetingAction, `/meetings/${planned.id}`, { meetingId: String(planned.id) });
  const reschedule = post(rescheduleAction, `/meetings/${planned.id}/reschedule`, { meetingId: String(planned.id) });
  const moved = (over: Record<string, string>) => ({
    date: addDays(today, 40),
    startTime: "11:00",
    durationMinutes: "120",
    venue: "Collectorate Hall",
    onlineLink: "",
    version: String(planned.version),
    ...over,
  });
  const cancel = post(cancelAction, `/meetings/${planned.id}/cancel`, { meetingId: String(planned.id) });
  const newMeeting = post(newMeetingAction, "/meetings/new", {});
  const scheduled = (over: Record<string, string>) => ({
    date: addDays(today, 60),
    startTime: "11:00",
    durationMinutes: "120",
    venue: "Collectorate Hall",
    onlineLink: "",
    ...over,
  });
  // Minutes still a draft (a meeting held or to be held) with an agenda item to write them on.
  const agendaItem = db
    .select({ item: agendaItems })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(eq(meetings.minutesState, "draft"))
    .get()!.item;
  const editable = { id: agendaItem.meetingId };
  const runPost = post(runAction, `/meetings/${editable.id}/run`, { meetingId: String(editable.id) });
  const minutesItem = (over: Record<string, string>) => ({
    intent: "item",
    itemId: String(agendaItem.id),
    discussion: "",
    decisions: "",
    status: "",
    minutesUsed: "",
    version: String(agendaItem.version),
    ...over,
  });
  const attendance = (over: Record<string, string>) => ({
    intent: "attendance",
    [`status.${dept.police}`]: "present",
    [`name.${dept.police}`]: "Sunil Patil",
    [`designation.${dept.police}`]: "PI",
    [`version.${dept.police}`]: "0",
    ...over,
  });
  const circulated = db.select().from(meetings).where(ne(meetings.minutesState, "draft")).get()!;
  const amend = post(minutesAction, `/meetings/${circulated.id}/minutes`, { meetingId: String(circulated.id) });
  const holder = db
    .select()
    .from(tenures)
    .where(and(eq(tenures.departmentId, dept.dlsa), isNotNull(tenures.userId)))
    .all()
    .find((t) => !t.endsOn || t.endsOn >= today)!;
  const departmentPost = post(departmentAction, `/departments/${dept.dlsa}`, { departmentId: String(dept.dlsa) });
  const contact = (over: Record<string, string>) => ({
    intent: "contact",
    tenureId: String(holder.id),
    officerName: holder.officerName,
    designation: holder.designation ?? "Secretary, DLSA",
    email: holder.email ?? "secretary.dlsa@example.org",
    phone: "",
    ...over,
  });
  const transfer = post(transferAction, `/departments/${dept.dcpu}/transfer`, { departmentId: String(dept.dcpu) });
  const successor = (over: Record<string, string>) => ({
    effectiveOn: addDays(today, 30),
    officerName: "Sunil Patil",
    designation: "PI",
    email: "canary.successor@police.example",
    phone: "",
    ...over,
  });
  const settings = post(collectiveAction, "/settings/collective", {});
  const collective = (over: Record<string, string>) => ({
    name: "Demo District Collective",
    district: "Demo",
    districtCode: "DEM",
    state: "Maharashtra",
    meetingWeekday: "3",
    meetingWeekOfMonth: "2",
    meetingStartTime: "11:00",
    meetingDurationMinutes: "120",
    meetingVenue: "",
    meetingLink: "",
    ...over,
  });
  const participation = (over: Record<string, string>) => ({
    ...Object.fromEntries(
      indicatorKeys.flatMap((key, n) => [
        [`${key}.label`, `Indicator ${n + 1}`],
        [`${key}.weight`, "1"],
        [`${key}.active`, "on"],
      ]),
    ),
    ...over,
  });
  const everyone: Role[] = ["representative", "secretariat", "admin"];
  const office: Role[] = ["secretariat", "admin"];
  const said = (label: string) => new RegExp(`^${label} was not saved`);
  const sections = {
    policeStation: said("The police station"),
    courtName: said("The court"),
    courtCaseNumber: said("The court case number"),
    sections: said("The list of sections"),
  };
  const inAll = (names: object, t: string) => Object.fromEntries(Object.keys(names).map((n) => [n, `${t} (BNS 143)`]));
  return [
    // An action item's update: its department's representative, the secretariat and the admin.
    {
      fields: {
        reason: said(`Action ${item.id}'s blocked reason`),
        comment: said(`Action ${item.id}'s evidence`),
        dueReason: said(`Action ${item.id}'s reason for the new due date`),
      },
      roles: everyone,
      send: (t, c) =>
        update(
          itemForm({
            status: "blocked",
            reason: `Waiting for ${t}`,
            comment: `Met ${t} at the shelter`,
            dueOn: addDays(item.dueOn, 7),
            dueReason: `${t} is unwell`,
          }),
          c,
        ),
    },
    {
      fields: { reason: said(`Action ${item.id}'s dropped reason`) },
      roles: everyone,
      send: (t, c) => update(itemForm({ status: "dropped", reason: `${t} withdrew` }), c),
    },
    {
      fields: { title: said("The title of the matter") },
      roles: ["representative"],
      send: (t, c) =>
        post(raiseAction, "/actions?index", {})({ title: `Support for ${t}`, minutes: "10", caseId: "" }, c),
    },
    // The secretariat's correction of an agreed action, or its drop.
    {
      fields: { description: said("The action"), movedBy: said("Who moved the amendment") },
      roles: office,
      send: (t, c) => correct(correction({ description: `Trace ${t}`, movedBy: t }), c),
    },
    {
      fields: { reason: said(`Action ${agreed.id}'s dropped reason`) },
      roles: office,
      send: (t, c) =>
        correct({ intent: "drop", reason: `${t} withdrew`, movedBy: "", version: String(agreed.version) }, c),
    },
    // A case: its events (the note is restricted: the accused may be named, never the victim), its accused, its register entry.
    {
      fields: { outcome: said("The event's outcome"), note: said("The event's note") },
      roles: office,
      send: (t, c) => caseHere(event({ outcome: `${t} deposed`, note: `${t} present` }), c),
    },
    {
      fields: { name: said("The accused's name") },
      roles: office,
      send: (t, c) => caseHere({ intent: "add-accused", name: t, arrestedOn: "", bailStatus: "not_applied" }, c),
    },
    {
      fields: sections,
      roles: office,
      send: (t, c) => post(newCaseAction, "/cases/new", {})(register(inAll(sections, t)), c),
    },
    {
      fields: sections,
      roles: office,
      send: (t, c) =>
        post(editCaseAction, `/cases/${caseId}/edit`, { caseId: String(caseId) })(edit(inAll(sections, t)), c),
    },
    // Meetings: scheduling and rescheduling, the agenda, the run page, the minutes, cancelling.
    {
      fields: { venue: said("The venue") },
      roles: office,
      send: (t, c) => newMeeting(scheduled({ venue: `Near ${t}'s house` }), c),
    },
    {
      fields: { onlineLink: said("The online link") },
      roles: office,
      link: true,
      send: (t, c) => newMeeting(scheduled({ onlineLink: `https://meet.example/${t}` }), c),
    },
    {
      fields: { venue: said("The venue") },
      roles: office,
      send: (t, c) => reschedule(moved({ venue: `Near ${t}'s house` }), c),
    },
    {
      fields: { onlineLink: said("The online link") },
      roles: office,
      link: true,
      send: (t, c) => reschedule(moved({ onlineLink: `https://meet.example/${t}` }), c),
    },
    {
      fields: { title: said("The title of the new agenda item") },
      roles: office,
      send: (t, c) =>
        meetingPost({ intent: "add", title: `Case of ${t}`, minutes: "10", presentingDepartmentId: "" }, c),
    },
    {
      fields: { discussion: said("The discussion"), decisions: said("The decisions") },
      roles: office,
      send: (t, c) => runPost(minutesItem({ discussion: `${t} was heard`, decisions: `Escort ${t}` }), c),
    },
    {
      fields: { description: said("The action") },
      roles: office,
      send: (t, c) =>
        runPost(
          {
            intent: "add-action",
            agendaItemId: String(agendaItem.id),
            description: `Trace ${t}`,
            departmentId: String(dept.police),
            dueOn: addDays(today, 10),
            caseId: "",
          },
          c,
        ),
    },
    {
      fields: {
        [`name.${dept.police}`]: /^The name of .*'s attendee was not saved/,
        [`designation.${dept.police}`]: /^The designation of .*'s attendee was not saved/,
      },
      roles: office,
      send: (t, c) =>
        runPost(attendance({ [`name.${dept.police}`]: t, [`designation.${dept.police}`]: `Guardian of ${t}` }), c),
    },
    {
      fields: { amendmentText: said("The amendment"), movedBy: said("The “moved by” field") },
      roles: office,
      send: (t, c) => amend({ intent: "amend", amendmentText: `Item 2: ${t} was present`, movedBy: t }, c),
    },
    {
      fields: { reason: said("The reason for cancelling") },
      roles: office,
      send: (t, c) => cancel({ confirm: "on", reason: `${t} cannot attend`, version: String(planned.version) }, c),
    },
    // Departments, seats and the collective: the admin.
    {
      fields: { name: said("The department's name") },
      roles: ["admin"],
      send: (t, c) => post(newDepartmentAction, "/departments?index", {})({ name: `${t} shelter`, kind: "other" }, c),
    },
    {
      fields: { name: said("The department's name") },
      roles: ["admin"],
      send: (t, c) => departmentPost({ intent: "department", name: `DLSA for ${t}`, kind: "dlsa", active: "on" }, c),
    },
    {
      fields: { officerName: said("The name of the holder"), designation: said("The designation of the holder") },
      roles: ["admin"],
      send: (t, c) => departmentPost(contact({ officerName: t, designation: `Guardian of ${t}` }), c),
    },
    {
      fields: {
        officerName: said("The name of the new holder"),
        designation: said("The designation of the new holder"),
      },
      roles: ["admin"],
      send: (t, c) => transfer(successor({ officerName: t, designation: `PI, who met ${t}` }), c),
    },
    {
      fields: {
        name: said("The collective's name"),
        district: said("The district"),
        state: said("The state"),
        meetingVenue: said("The usual venue"),
      },
      roles: ["admin"],
      send: (t, c) =>
        settings(
          collective({ name: `${t} Nagar`, district: `${t} Nagar`, state: `${t} Nagar`, meetingVenue: `${t} Nagar` }),
          c,
        ),
    },
    {
      fields: { meetingLink: said("The usual online link") },
      roles: ["admin"],
      link: true,
      send: (t, c) => settings(collective({ meetingLink: `https://meet.example/${t}` }), c),
    },
    {
      fields: Object.fromEntries(
        indicatorKeys.map((key, n) => [`${key}.label`, said(`The label of indicator ${n + 1}`)]),
      ),
      roles: ["admin"],
      send: (t, c) =>
        post(
          participationAction,
          "/settings/participation",
          {},
        )(participation(Object.fromEntries(indicatorKeys.map((key) => [`${key}.label`, `Informed ${t}`]))), c),
    },
  ];
}

describe("every guarded field × every way the name is written × every role that types there", () => {
  it(
    "is refused at input, naming the field and the words, the input kept and a rewrite offered",
    { timeout: 120_000 },
    async () => {
      const table = formsOf();
      const failures: string[] = [];
      let checked = 0;
      for (const f of table)
        for (const role of f.roles)
          for (const form of forms) {
            // A link has no spaces: the name is written into it with hyphens.
            const typed = f.link ? form.replace(/,? /g, "-") : form;
            const res = await f.send(typed, cookies[role]);
            const words = typed.replace(/\.$/, "");
            for (const [field, label] of Object.entries(f.fields)) {
              checked++;
              const message = String(res.data?.errors?.[field] ?? "");
              const rewrite = res.data?.errors?.[rewriteKey(field)];
              const ok =
                res.status === 400 &&
                label.test(message) &&
                message.includes(`“${words}`) &&
                String(res.data.values?.[field] ?? "").includes(typed) &&
                typeof rewrite === "string" &&
                !rewrite.includes(words);
              if (!ok)
                failures.push(
                  `${role}, ${field}: ${typed} → ${res.status} ${message || JSON.stringify(res.data).slice(0, 200)}`,
                );
            }
          }
      expect(new Set(table.flatMap((f) => Object.values(f.fields).map(String))).size).toBeGreaterThanOrEqual(40);
      expect(checked).toBeGreaterThan(1500);
      expect(failures).toEqual([]);
    },
  );
});
