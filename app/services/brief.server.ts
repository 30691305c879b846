import type { Conn } from "#db/client";
import { config } from "~/config.server";
import { agendaItemTitle } from "~/lib/agenda/present";
import { nextDateOf } from "~/lib/clocks";
import { dateInZone, formatDate, formatDateTime, todayIn } from "~/lib/dates";
import { isUnfinished } from "~/lib/escalation";
import { departmentKindLabels, label, stageLabels } from "~/lib/labels";
import type { BriefDocument } from "#templates/pdf/brief";
import { listActions } from "~/models/action-item.server";
import {
  caseIdsOfDepartment,
  decisionItemsOf,
  lastHeldMeetings,
  lastUpdateOfActions,
  openCasesOfDepartment,
} from "~/models/brief.server";
import { clockInputs } from "~/models/case.server";
import { currentSeatHolders, requireDepartment } from "~/models/department.server";
import { getCollective } from "~/models/collective.server";
import { nextMeeting } from "~/models/meeting.server";
import { matrixFor } from "./accountability.server";
import { everyText, type GuardedText } from "./identity.server";
import { plural } from "~/lib/plural";

/**
 * The one brief, for the page, the PDF download and the welcome email. Seats are read as they
 * are `on` a day (today by default; the day a transfer takes effect for the successor's welcome).
 */
export function buildBrief(
  db: Conn,
  collectiveId: number,
  departmentId: number,
  { on }: { on?: string } = {},
): BriefDocument {
  const collective = getCollective(db, collectiveId);
  const today = todayIn(collective.timeZone);
  const dept = requireDepartment(db, collectiveId, departmentId);
  const seats = currentSeatHolders(db, collectiveId, on && on > today ? on : today);
  const own = seats.find((s) => s.departmentId === departmentId);

  const involvement = openCasesOfDepartment(db, departmentId);
  const clocks = clockInputs(
    db,
    involvement.map((c) => c.id),
  );
  const count = (role: string) => involvement.filter((c) => c.role === role).length;

  const actions = listActions(db, collectiveId, { department: departmentId }).filter((a) => isUnfinished(a.status));
  const lastUpdate = lastUpdateOfActions(
    db,
    actions.map((a) => a.id),
  );

  const lastThree = lastHeldMeetings(db, collectiveId, 3);
  // Decisions about any case the department is involved in, open or since closed.
  const caseIds = caseIdsOfDepartment(db, departmentId);
  // An item concerns the department if it reviewed one of its cases or gave it an action.
  const itemsWithOwnActions = new Set(
    listActions(db, collectiveId, { department: departmentId }).map((a) => a.agendaItemId),
  );
  const decisionRows = decisionItemsOf(
    db,
    lastThree.map((m) => m.id),
  ).filter((i) => i.decisions && ((i.caseId !== null && caseIds.has(i.caseId)) || itemsWithOwnActions.has(i.id)));
  const numberOf = new Map(lastThree.map((m) => [m.id, m.number]));

  const next = nextMeeting(db, collectiveId);

  return {
    collectiveName: collective.name,
    department: { id: dept.id, name: dept.name, kind: label(departmentKindLabels, dept.kind) },
    holder: own ? { officer: own.officerName, designation: own.designation } : null,
    roleSummary: `${dept.name} is involved in ${plural(involvement.length, "open case", "open cases")}: it leads ${count("lead")}, supports ${count("support")} and is kept informed on ${count("informed")}. It owns ${plural(actions.length, "unfinished action item", "unfinished action items")}.`,
    actions: actions.map((a) => ({
      description: a.description,
      caseCode: a.caseCode,
      due: formatDate(a.dueOn),
      overdue: a.dueOn < today,
      history: [
        a.meetingNumber ? `agreed at Meeting ${a.meetingNumber}` : "added by the secretariat",
        `carried ${plural(a.carried, "time", "times")}`,
        lastUpdate.get(a.id)
          ? `last update ${formatDate(dateInZone(new Date(lastUpdate.get(a.id)!), collective.timeZone))}`
          : "no update yet",
      ].join(", "),
    })),
    cases: involvement.map((c) => {
      const next = nextDateOf({
        outcome: null,
        chargesheetLimitDays: 60,
        ...(clocks.get(c.id) ?? { events: [], accused: [] }),
      });
      return {
        code: c.code,
        stage: label(stageLabels, c.stage),
        nextDate: next ? formatDate(next.date) : "—",
        role: c.role,
      };
    }),
    decisions: decisionRows.map((d) => ({
      meeting: `Meeting ${numberOf.get(d.meetingId)}`,
      item: agendaItemTitle(d, d.caseCode),
      decisions: d.decisions!,
    })),
    accountability: matrixFor(db, collectiveId, "all", true).filter((r) => r.departmentId === departmentId),
    seats: seats
      .filter((s) => s.departmentId !== departmentId)
      .map((s) => ({
        department: s.departmentName,
        officer: s.officerName,
        designation: s.designation,
        email: s.email,
        phone: s.phone ?? null,
      })),
    nextMeeting: next
      ? {
          number: next.number,
          when: formatDateTime(next.startsAt, collective.timeZone),
          venue: next.venue,
          onlineLink: next.onlineLink,
          inviteUrl: `${config().APP_URL}/meetings/${next.id}/invite.ics`,
          pageUrl: `${config().APP_URL}/meetings/${next.id}`,
        }
      : null,
  };
}

/**
 * The brief's free text, field by field, for the leak guard. The holders' own names, emails and
 * phones are their contact, printed on purpose: not matched against accused names, and a phone
 * number is allowed there (the guard refuses phone numbers everywhere else).
 */
export function briefFields(doc: BriefDocument): GuardedText[] {
  return [
    ["the holder's designation", doc.holder?.designation],
    ...doc.actions.map((a, n): GuardedText => [`open action item ${n + 1}`, a.description]),
    ...doc.decisions.map((d, n): GuardedText => [`decision ${n + 1}`, d.decisions]),
    ...doc.seats.map((s): GuardedText => [`the designation of ${s.department}'s holder`, s.designation]),
    // Officers' own names, emails and phones are theirs: not matched against accused names.
    ...everyText(
      {
        ...doc,
        holder: doc.holder ? { officer: doc.holder.officer } : null,
        seats: doc.seats.map(({ designation: _d, ...own }) => own),
      },
      { holder: "own-contact", seats: "own-contact" },
    ),
  ];
}
