// What the demo's held meetings recorded: the matters two departments raised, who attended, what
// each case review discussed and decided, and the action items agreed.
import { and, eq } from "drizzle-orm";
import type { Conn } from "#db/client";
import { actionItems, agendaItems, attendance, departments, meetings, tenures } from "#db/schema";
import type { DepartmentKind } from "#db/schema/enums";
import { at } from "~/lib/at";
import { addDays } from "~/lib/dates";
import { seatOn } from "~/models/department.server";
import { editAgenda, raisedReason } from "~/services/agenda-edit.server";
import type { seededRandom } from "../../tests/factories";

const notAfter = (day: string, limit: string) => (day > limit ? limit : day);

/**
 * Two departments raised a matter for a past meeting (so the accountability matrix shows their
 * initiative, level 4), added as a representative's matter is: through the agenda's "add".
 */
const raisedMatters = [
  {
    index: 3,
    kind: "dlsa",
    title: "Victim compensation applications pending for more than six months",
    discussion:
      "DLSA listed the applications pending beyond six months; most wait for the police's FIR and chargesheet copies.",
    decisions:
      "Police to send the pending FIR and chargesheet copies to the DLSA; DLSA to report the disbursements at the next meeting.",
  },
  {
    index: 4,
    kind: "dcpu",
    title: "Delays in age-determination reports for rescued children",
    discussion:
      "DCPU reported that age-determination reports take over a month, which holds up the children's restoration and the charges under POCSO.",
    decisions: "Secretariat to write to the civil surgeon asking that the reports be sent within 15 days.",
  },
] as const;

/** Who held a department's seat on a day (the same rule as the departments page). */
const holderOn = (tx: Conn, departmentId: number, day: string) =>
  seatOn(tx.select().from(tenures).where(eq(tenures.departmentId, departmentId)).all(), day).holder;

export function seedRaisedMatters(
  tx: Conn,
  { collectiveId, held, days }: { collectiveId: number; held: number[]; days: string[] },
) {
  for (const m of raisedMatters) {
    const meeting = tx
      .select()
      .from(meetings)
      .where(eq(meetings.id, at(held, m.index)))
      .get()!;
    const dept = tx
      .select()
      .from(departments)
      .where(and(eq(departments.collectiveId, collectiveId), eq(departments.kind, m.kind)))
      .get()!;
    const on = addDays(at(days, m.index), -6);
    const raiser = holderOn(tx, dept.id, on);
    editAgenda(tx, meeting, {
      intent: "add",
      title: m.title,
      minutes: 10,
      presentingDepartmentId: dept.id,
      caseId: null,
      reasons: [raisedReason(dept.name, on)],
      raisedBy: { departmentId: dept.id, userId: raiser!.userId!, on },
    });
    tx.update(agendaItems)
      .set({ status: "discussed", discussion: m.discussion, decisions: m.decisions, minutesUsed: 12 })
      .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.raisedByDepartmentId, dept.id)))
      .run();
  }
}

export const discussions = [
  "The prosecutor reported that the trial is at the stage of prosecution evidence; two witnesses remain.",
  "The IO explained the delay in the forensic report; the secretariat will follow up with the laboratory.",
  "The DLSA panel lawyer has met the victim and her guardian; the victim is ready to depose.",
  "The shelter home reported the victim is attending school regularly and counselling continues.",
  "The accused's bail application is listed; the prosecutor will oppose it and ask that the victim be heard.",
];
export const decisions = [
  "Prosecution to seek testimony in the victim protection room with a support person present.",
  "Police to file the supplementary chargesheet before the next hearing.",
  "DLSA to file the compensation application under the Manodhairya scheme.",
  "DCPU to arrange the victim's escort to court on the hearing date.",
  "Secretariat to write to the laboratory and report at the next meeting.",
];

/** Attendance for a past meeting: everyone present, with one absence, one excused seat and one substitute over the year. */
export function seedAttendance(
  tx: Conn,
  { collectiveId, meetingId, day, index }: { collectiveId: number; meetingId: number; day: string; index: number },
) {
  const depts = tx.select().from(departments).where(eq(departments.collectiveId, collectiveId)).all();
  for (const d of depts) {
    const holder = holderOn(tx, d.id, day);
    const absent = index === 2 && d.kind === "dwcd";
    const excused = index === 4 && d.kind === "court";
    const substitute = index === 5 && d.kind === "police";
    tx.insert(attendance)
      .values({
        meetingId,
        departmentId: d.id,
        status: absent ? "absent" : excused ? "excused" : "present",
        attendeeName: absent || excused ? null : substitute ? "Anita More" : (holder?.officerName ?? null),
        attendeeDesignation:
          absent || excused ? null : substitute ? "Sub-Inspector, AHTU" : (holder?.designation ?? null),
        isSubstitute: substitute,
        tenureId: holder?.id ?? null,
      })
      .run();
  }
}

/** Action items agreed at a past meeting, in every state: done on time and late, open, overdue, blocked, dropped. */
/** What each kind of department is typically asked to do at a case review. */
const tasksByKind: Record<DepartmentKind, string[]> = {
  police: [
    "File the supplementary chargesheet",
    "Obtain the forensic report from the laboratory",
    "Trace and arrest the absconding co-accused",
  ],
  prosecution: [
    "Oppose the bail application and seek the victim's hearing",
    "Move for the victim's testimony in the victim protection room",
  ],
  court: ["List the victim's testimony on an early date", "Make the victim protection room ready for the hearing"],
  dcpu: ["Arrange the victim's escort and support person for testimony", "Complete the social investigation report"],
  dwcd: ["Enrol the victim in the vocational training programme", "Release the victim's interim relief"],
  dlsa: ["File the victim compensation application", "Assign a panel lawyer to the victim"],
  plv: ["Visit the victim's family and report any threats", "Accompany the victim to the legal services office"],
  shelter_home: ["Send the victim's counselling progress report", "Enrol the victim in the bridge school"],
  ngo: [
    "Prepare the case note for the next hearing",
    "Follow up the compensation application with the legal services authority",
  ],
  other: ["Report on the step agreed at the meeting"],
};

export function seedActions(
  tx: Conn,
  {
    collectiveId,
    meetingId,
    day,
    today,
    index,
    rand,
    items,
  }: {
    collectiveId: number;
    meetingId: number;
    day: string;
    today: string;
    index: number;
    rand: ReturnType<typeof seededRandom>;
    items: { id: number; caseId: number | null; kind: string }[];
  },
) {
  const depts = tx.select().from(departments).where(eq(departments.collectiveId, collectiveId)).all();
  const police = depts.find((d) => d.kind === "police")!;
  const caseItems = items.filter((i) => i.caseId);
  for (let n = 0; n < 4; n++) {
    const item = caseItems[n % Math.max(1, caseItems.length)] ?? items[1];
    const dueOn = addDays(day, rand.int(14, 30));
    const overdue = dueOn < today;
    // Older meetings' work is mostly finished; the most recent is mostly open.
    const roll = rand.next();
    // A few fixed ones make sure every state appears, whatever the draw.
    // The last: the police always have an open item from the latest meeting, for their representative to update.
    const fixed: Partial<Record<string, "blocked" | "dropped" | "in_progress" | "open">> = {
      "1:2": "blocked",
      "0:1": "dropped",
      "3:0": "in_progress",
      "2:0": "open",
      "5:0": "open",
    };
    const status =
      fixed[`${index}:${n}`] ??
      (index < 3
        ? roll < 0.6
          ? "done"
          : roll < 0.75
            ? "dropped"
            : roll < 0.9
              ? "blocked"
              : "open"
        : index < 5
          ? roll < 0.4
            ? "done"
            : roll < 0.7
              ? "in_progress"
              : "open"
          : roll < 0.2
            ? "done"
            : "open");
    const owner = rand.pick(depts);
    tx.insert(actionItems)
      .values({
        collectiveId,
        departmentId: index === 5 && n === 0 ? police.id : owner.id,
        description: rand.pick(tasksByKind[index === 5 && n === 0 ? "police" : owner.kind]),
        dueOn,
        status,
        statusReason:
          status === "blocked"
            ? "Waiting for the court's order copy"
            : status === "dropped"
              ? "Overtaken by the accused's discharge"
              : null,
        caseId: item?.caseId ?? null,
        meetingId,
        agendaItemId: item?.id ?? null,
        // Most finished work is done by its due date; about a third runs late by up to two weeks.
        completedOn:
          status === "done"
            ? notAfter(addDays(dueOn, overdue && rand.chance(0.35) ? rand.int(1, 14) : -rand.int(0, 7)), today)
            : null,
      })
      .run();
  }
}
