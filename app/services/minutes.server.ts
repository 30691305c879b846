import type { Conn, Db } from "#db/client";
import { minutesEmail } from "#templates/email/minutes";
import { renderMinutesPdf, type MinutesDocument } from "#templates/pdf/minutes";
import { storePdf } from "~/models/frozen-pdf.server";
import { config } from "~/config.server";
import { agendaItemTitle } from "~/lib/agenda/present";
import { formatDate, formatDateTime } from "~/lib/dates";
import { transition, type MinutesAction } from "~/lib/minutes-state";
import { audit } from "~/models/audit.server";
import { currentSeatHolders } from "~/models/department.server";
import { agendaItemsOf, caseCodesFor } from "~/models/agenda-item.server";
import { getCollective } from "~/models/collective.server";
import { meetingAfter, updateMeetingIfUnchanged, type Meeting } from "~/models/meeting.server";
import {
  actionItemsOfMeeting,
  attendanceGrid,
  insertMinutesVersion,
  minutesHistory,
  nextMinutesVersion,
} from "~/models/minutes.server";
import { enqueueMail } from "~/models/outbox.server";
import { everyText, guardDocument, type GuardedText } from "./identity.server";
import { wakeMailSender } from "./mail.server";

export class MinutesRefused extends Error {}

/** The minutes as documents show them; cases by code only, nothing restricted is read. */
export function buildMinutesDocument(
  db: Conn,
  meeting: Meeting,
): MinutesDocument & { departmentIdOf: Record<string, number> } {
  const collective = getCollective(db, meeting.collectiveId);
  const grid = attendanceGrid(db, meeting, collective.timeZone);
  const items = agendaItemsOf(db, meeting.id).filter((i) => !i.removed && !i.forWrittenUpdate);
  const codes = caseCodesFor(db, items);
  // A dropped action is no longer part of what the meeting agreed: it leaves the minutes (its history stays on its page).
  const actions = actionItemsOfMeeting(db, meeting.id).filter((a) => a.status !== "dropped");
  const next = meetingAfter(db, meeting);
  const amendments = minutesHistory(db, meeting.id)
    .filter((v) => v.state === "amended" && v.amendmentText)
    .reverse()
    .map((v) => ({ text: v.amendmentText!, movedBy: v.amendmentMovedBy ?? "" }));
  const latest = minutesHistory(db, meeting.id)[0];
  return {
    collectiveName: collective.name,
    district: collective.district,
    state: collective.state,
    meetingNumber: meeting.number,
    when: formatDateTime(meeting.startsAt, collective.timeZone),
    venue: meeting.venue,
    onlineLink: meeting.onlineLink,
    minutesState: meeting.minutesState,
    version: latest?.version ?? null,
    attendance: {
      present: grid
        .filter((r) => r.recorded && r.status === "present")
        .map((r) => ({
          department: r.departmentName,
          name: r.attendeeName,
          designation: r.attendeeDesignation,
          substitute: r.isSubstitute,
        })),
      absent: grid.filter((r) => r.recorded && r.status === "absent").map((r) => r.departmentName),
      excused: grid.filter((r) => r.recorded && r.status === "excused").map((r) => r.departmentName),
    },
    items: items.map((i, n) => ({
      number: n + 1,
      title: agendaItemTitle(i, i.caseId ? codes.get(i.caseId) : null),
      status: i.status ?? "",
      discussion: i.discussion ?? "",
      decisions: i.decisions ?? "",
    })),
    actions: actions.map((a) => ({
      department: a.departmentName,
      description: a.description,
      due: formatDate(a.dueOn),
      caseCode: a.caseCode,
    })),
    nextMeeting: next ? formatDateTime(next.startsAt, collective.timeZone) : null,
    amendments,
    departmentIdOf: Object.fromEntries(actions.map((a) => [a.departmentName, a.departmentId])),
  };
}

/**
 * The minutes as a document: a frozen version when one is asked for, else the latest frozen
 * version once the minutes have left draft (what was circulated is what the PDF shows), else the
 * live draft, for those who may read drafts. Undefined when the asked-for version does not exist,
 * or when only a draft exists and the reader may not see it (members read circulated minutes only).
 */
export function minutesDocumentOf(
  db: Conn,
  meeting: Meeting,
  version?: number,
  { drafts = true }: { drafts?: boolean } = {},
): MinutesDocument | undefined {
  return minutesShown(db, meeting, version, { drafts })?.doc;
}

/** As `minutesDocumentOf`, with the number of the frozen version shown (null for the live draft). */
export function minutesShown(
  db: Conn,
  meeting: Meeting,
  version?: number,
  { drafts = true }: { drafts?: boolean } = {},
): { doc: MinutesDocument; frozen: number | null } | undefined {
  const history = minutesHistory(db, meeting.id);
  const frozen =
    version !== undefined
      ? history.find((v) => v.version === version)
      : meeting.minutesState === "draft"
        ? undefined
        : history[0];
  if (frozen) {
    const body = JSON.parse(frozen.bodyJson) as Partial<MinutesDocument>;
    if (body.items && body.attendance) return { doc: body as MinutesDocument, frozen: frozen.version };
  }
  if (version !== undefined || !drafts) return undefined;
  const { departmentIdOf: _ids, ...doc } = buildMinutesDocument(db, meeting);
  return { doc, frozen: null };
}

/** The minutes' free text, field by field, for the leak guard. */
export function minutesFields(doc: MinutesDocument): GuardedText[] {
  // An attendee is an officer: their own name and designation are not matched against accused names.
  return [
    ...doc.attendance.present.map((p): GuardedText => [
      `the attendance of ${p.department}`,
      `${p.name} ${p.designation}`,
      null,
      "own-contact",
    ]),
    ...doc.items.flatMap((i): [string, string][] => [
      [`the title of item ${i.number}`, i.title],
      [`the minutes of item ${i.number}`, `${i.discussion}\n${i.decisions}`],
    ]),
    ...doc.actions.map((a, n): [string, string] => [`action item ${n + 1}`, a.description]),
    ...doc.amendments.map((a, n): [string, string] => [`amendment ${n + 1}`, `${a.text} ${a.movedBy}`]),
    ...everyText(doc, { attendance: "own-contact" }),
  ];
}

const hasContent = (doc: MinutesDocument) =>
  doc.attendance.present.length + doc.attendance.absent.length + doc.attendance.excused.length > 0 &&
  doc.items.some((i) => i.discussion || i.decisions);

function check(meeting: Meeting, doc: MinutesDocument, action: MinutesAction) {
  const t = transition(
    { state: meeting.minutesState, meetingHeld: meeting.status === "held", hasContent: hasContent(doc) },
    action,
  );
  if (!t.ok) throw new MinutesRefused(t.message);
  return t.state;
}

/** Refuses a direct change to minutes that are circulated or confirmed (an amendment is needed for that). */
export function assertMinutesEditable(meeting: Meeting) {
  const t = transition({ state: meeting.minutesState, meetingHeld: true, hasContent: true }, "edit");
  if (!t.ok) throw new MinutesRefused(t.message);
}

function freeze(
  db: Conn,
  meeting: Meeting,
  state: Meeting["minutesState"],
  doc: MinutesDocument,
  userId: number,
  amendment?: { text: string; movedBy: string },
) {
  const version = nextMinutesVersion(db, meeting.id);
  insertMinutesVersion(db, {
    meetingId: meeting.id,
    version,
    state,
    // The frozen document names its own state and version number, whatever the draft said.
    bodyJson: JSON.stringify({ ...doc, minutesState: state, version }),
    createdByUserId: userId,
    amendmentText: amendment?.text ?? null,
    amendmentMovedBy: amendment?.movedBy ?? null,
  });
  if (!updateMeetingIfUnchanged(db, meeting, { minutesState: state }))
    throw new MinutesRefused("The meeting changed while you were working on it. Reload the page and try again.");
  return version;
}

/**
 * Circulation freezes a version and sends each current seat holder the PDF with their own
 * department's actions in the email, in one transaction. Each message has an outbox key of its
 * version and tenure, and the outbox retries a failed delivery until it goes, so nobody gets a
 * version twice; circulating a corrected version is a new version, sent to everyone again.
 */
export async function circulateMinutes(
  db: Db,
  meeting: Meeting,
  userId: number,
): Promise<{ batch: string; version: number }> {
  const draft = buildMinutesDocument(db, meeting);
  const state = check(meeting, draft, "circulate");
  guardDocument(db, meeting.collectiveId, "the minutes", minutesFields(draft));
  const version = nextMinutesVersion(db, meeting.id);
  const { departmentIdOf: _ids, ...doc } = { ...draft, minutesState: state, version };
  const pdf = await renderMinutesPdf(doc);
  const batch = `meeting:${meeting.id}:minutes:v${version}`;
  const url = `${config().APP_URL}/meetings/${meeting.id}`;
  db.transaction((tx) => {
    freeze(tx, meeting, state, doc, userId);
    // The PDF sent is the one every download serves from now on (frozen-pdf.server).
    storePdf(tx, { meetingId: meeting.id, kind: "minutes", version }, pdf);
    audit(tx, {
      collectiveId: meeting.collectiveId,
      userId,
      action: "circulate:minutes",
      entity: "meeting",
      entityId: meeting.id,
      detail: `v${version}`,
    });
    const actions = actionItemsOfMeeting(tx, meeting.id).filter((a) => a.status !== "dropped");
    for (const holder of currentSeatHolders(tx, meeting.collectiveId)) {
      const mine = actions.filter((a) => a.departmentId === holder.departmentId);
      const email = minutesEmail({
        collectiveName: doc.collectiveName,
        meetingNumber: doc.meetingNumber,
        when: doc.when,
        recipientName: holder.officerName,
        departmentName: holder.departmentName,
        actions: mine.map(
          (a) => `${a.description}${a.caseCode ? ` (case ${a.caseCode})` : ""}, due ${formatDate(a.dueOn)}`,
        ),
        nextMeeting: doc.nextMeeting,
        meetingUrl: url,
        version,
      });
      enqueueMail(tx, {
        collectiveId: meeting.collectiveId,
        idempotencyKey: `${batch}:tenure:${holder.tenureId}`,
        batch,
        to: holder.email,
        recipientName: holder.officerName,
        ...email,
        attachments: [
          { filename: `minutes-meeting-${meeting.number}.pdf`, contentType: "application/pdf", content: pdf },
        ],
      });
    }
  });
  wakeMailSender();
  return { batch, version };
}

/** Confirming freezes the version the minutes PDF will show from then on: it is guarded as a whole first. */
export function confirmMinutes(db: Db, meeting: Meeting, userId: number) {
  const { departmentIdOf: _ids, ...doc } = buildMinutesDocument(db, meeting);
  const state = check(meeting, doc, "confirm");
  const confirmed = { ...doc, minutesState: state };
  guardDocument(db, meeting.collectiveId, "the minutes", minutesFields(confirmed), undefined, "confirmed");
  db.transaction((tx) => {
    freeze(tx, meeting, state, confirmed, userId);
    audit(tx, {
      collectiveId: meeting.collectiveId,
      userId,
      action: "confirm:minutes",
      entity: "meeting",
      entityId: meeting.id,
    });
  });
}

/**
 * Freezes an amended version, guarded as a whole first. `change`, when given, is the amendment
 * itself (a corrected action item, say), applied in the same transaction before the version is
 * built; when it reports that it could not apply (someone changed the record first), nothing is
 * written and this returns false. A refusal (state, leak guard) rolls the change back too.
 */
export function amendMinutes(
  db: Db,
  meeting: Meeting,
  userId: number,
  amendment: { text: string; movedBy: string },
  change?: (tx: Conn) => boolean,
): boolean {
  return db.transaction((tx) => {
    if (change && !change(tx)) return false;
    const { departmentIdOf: _ids, ...doc } = buildMinutesDocument(tx, meeting);
    const state = check(meeting, doc, "amend");
    const amended = { ...doc, minutesState: state, amendments: [...doc.amendments, amendment] };
    guardDocument(tx, meeting.collectiveId, "the minutes", minutesFields(amended), undefined, "amended");
    freeze(tx, meeting, state, amended, userId, amendment);
    audit(tx, {
      collectiveId: meeting.collectiveId,
      userId,
      action: "amend:minutes",
      entity: "meeting",
      entityId: meeting.id,
    });
    return true;
  });
}
