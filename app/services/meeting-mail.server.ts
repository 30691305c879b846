import type { Conn, Db } from "#db/client";
import { agendaEmail, type AgendaEmailData } from "#templates/email/agenda";
import { renderAgendaPdf, type AgendaDocument } from "#templates/pdf/agenda";
import { config } from "~/config.server";
import { assertAgendaNotEmpty, assertMeetingOpen, assertMeetingUnchanged, MeetingConflict } from "~/lib/meeting-state";
import { agendaItemsOf } from "~/models/agenda-item.server";
import { agendaInputsStamp } from "~/models/agenda-stamp.server";
import { audit } from "~/models/audit.server";
import { currentSeatHolders } from "~/models/department.server";
import { deploymentId } from "~/models/deployment.server";
import { storePdf } from "~/models/frozen-pdf.server";
import { getCollective } from "~/models/collective.server";
import { insertAgendaVersion, updateMeetingIfUnchanged, type Meeting } from "~/models/meeting.server";
import { batchStatusCounts, enqueueMail } from "~/models/outbox.server";
import { refreshDraftAgendas } from "./agenda.server";
import { agendaFields, buildAgendaDocument } from "./agenda-document.server";
import { guardDocument, LeakBlocked } from "./identity.server";
import { meetingInvite, type InviteMethod } from "./calendar.server";
import { wakeMailSender } from "./mail.server";

const meetingUrl = (meeting: Pick<Meeting, "id">) => `${config().APP_URL}/meetings/${meeting.id}`;

/**
 * The calendar invite for a meeting as it stands: one UID for its whole life (from the deployment
 * id, not the address), SEQUENCE per change. Emailed invites are REQUEST (or CANCEL); the page's
 * download is PUBLISH, which a calendar adds without the "accept" that Outlook refuses on a
 * downloaded REQUEST.
 */
export function inviteFor(
  db: Conn,
  meeting: Meeting,
  method: InviteMethod = meeting.status === "cancelled" ? "CANCEL" : "REQUEST",
) {
  const collective = getCollective(db, meeting.collectiveId);
  const holders = currentSeatHolders(db, meeting.collectiveId);
  const from = config().MAIL_FROM;
  const organizerEmail = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return meetingInvite({
    uid: `testa-meeting-${meeting.id}@${deploymentId(db, config().APP_URL)}`,
    sequence: meeting.icalSequence,
    method,
    cancelled: meeting.status === "cancelled",
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    timeZone: collective.timeZone,
    summary: `${collective.name} TESTA collective – Meeting ${meeting.number}`,
    location: meeting.venue ?? meeting.onlineLink ?? "",
    url: meetingUrl(meeting),
    description: `Monthly meeting of the ${collective.name} stakeholder collective. Agenda and papers: ${meetingUrl(meeting)}${meeting.onlineLink ? `\nJoin online: ${meeting.onlineLink}` : ""}`,
    organizer: { name: "TESTA Desk secretariat", email: organizerEmail },
    attendees: holders.map((h) => ({ name: h.officerName, email: h.email })),
  });
}

export const agendaPdfName = (meeting: Pick<Meeting, "number">) => `agenda-meeting-${meeting.number}.pdf`;

type SendKind = AgendaEmailData["kind"];

/**
 * Writes one email per current seat holder into the outbox, inside the caller's transaction.
 * The idempotency key names the send-out and the tenure, so a retry never doubles a message.
 */
function enqueueForHolders(
  tx: Conn,
  meeting: Meeting,
  doc: AgendaDocument,
  {
    kind,
    batch,
    pdf,
    invite,
    reason = null,
  }: {
    kind: SendKind;
    batch: string;
    pdf: Buffer | null;
    invite: { method: "REQUEST" | "CANCEL"; content: string };
    reason?: string | null;
  },
) {
  for (const holder of currentSeatHolders(tx, meeting.collectiveId)) {
    const email = agendaEmail({
      kind,
      collectiveName: doc.collectiveName,
      meetingNumber: doc.meetingNumber,
      when: doc.when,
      durationMinutes: doc.durationMinutes,
      venue: doc.venue,
      onlineLink: doc.onlineLink,
      recipientName: holder.officerName,
      departmentName: holder.departmentName,
      items: doc.items.map((i) => `${i.startTime} ${i.title}`),
      writtenUpdates: doc.writtenUpdates,
      meetingUrl: meetingUrl(meeting),
      reason,
    });
    enqueueMail(tx, {
      collectiveId: meeting.collectiveId,
      idempotencyKey: `${batch}:tenure:${holder.tenureId}`,
      batch,
      to: holder.email,
      recipientName: holder.officerName,
      ...email,
      attachments: pdf ? [{ filename: agendaPdfName(meeting), contentType: "application/pdf", content: pdf }] : [],
      icalEvent: invite,
    });
  }
}

/**
 * What would stop this meeting's agenda from being sent, for the secretariat's meeting page:
 * the place that holds protected text and the page to correct it on, or null.
 */
export function agendaHold(db: Conn, meeting: Meeting): { message: string; fixUrl: string | null } | null {
  // The check reads every unfinished action item of the collective (the review quotes them all):
  // the meeting page asks on every load, so the answer is kept until anything under it changes.
  const stamp = agendaInputsStamp(db, meeting);
  const kept = heldAgendas.get(meeting.id);
  if (kept?.stamp === stamp) return kept.hold;
  const hold = checkAgendaHold(db, meeting);
  if (heldAgendas.size > 500) heldAgendas.clear();
  heldAgendas.set(meeting.id, { stamp, hold });
  return hold;
}
type AgendaHold = { message: string; fixUrl: string | null } | null;
const heldAgendas = new Map<number, { stamp: string; hold: AgendaHold }>();

function checkAgendaHold(db: Conn, meeting: Meeting): AgendaHold {
  try {
    guardDocument(
      db,
      meeting.collectiveId,
      "the agenda",
      agendaFields(buildAgendaDocument(db, meeting), { db, collectiveId: meeting.collectiveId }),
    );
    return null;
  } catch (error) {
    if (!(error instanceof LeakBlocked)) throw error;
    return {
      message: `There is a protected name or number in ${error.field}, so the agenda cannot be sent until it is corrected.`,
      fixUrl: error.fixUrl,
    };
  }
}

/** Freezes the agenda as sent, as the next version: the PDF route serves the latest one (its PDF is stored beside it). */
function freezeAgenda(tx: Conn, meetingId: number, doc: AgendaDocument, userId: number): number {
  return insertAgendaVersion(tx, { meetingId, itemsJson: JSON.stringify(doc), publishedByUserId: userId });
}

/**
 * Publishing freezes a version of the agenda and sends it, with the PDF and the invite, to every
 * current seat holder. All of it is one transaction; the PDF is rendered before it opens.
 * `formVersion` is the meeting's version the page was loaded at.
 */
export async function publishAgenda(
  db: Db,
  meeting: Meeting,
  userId: number,
  formVersion: number,
): Promise<{ batch: string; version: number }> {
  assertMeetingOpen(meeting, "publish");
  assertMeetingUnchanged(meeting, formVersion, "publish");
  assertAgendaNotEmpty(agendaItemsOf(db, meeting.id).filter((i) => !i.removed).length);
  const doc = buildAgendaDocument(db, meeting);
  guardDocument(db, meeting.collectiveId, "the agenda", agendaFields(doc, { db, collectiveId: meeting.collectiveId }));
  const pdf = await renderAgendaPdf(doc, { draft: false });
  const result = db.transaction((tx) => {
    if (!updateMeetingIfUnchanged(tx, meeting, { status: "agenda_published" })) {
      throw new MeetingConflict("The meeting changed while the agenda was being prepared. Check it and publish again.");
    }
    const version = freezeAgenda(tx, meeting.id, doc, userId);
    storePdf(tx, { meetingId: meeting.id, kind: "agenda", version }, pdf);
    const batch = `meeting:${meeting.id}:agenda:v${version}`;
    // The invite as the meeting stood when the agenda was prepared (its version checked just above).
    const invite = { method: "REQUEST" as const, content: inviteFor(tx, meeting) };
    enqueueForHolders(tx, meeting, doc, { kind: version === 1 ? "agenda" : "agenda-update", batch, pdf, invite });
    audit(tx, {
      collectiveId: meeting.collectiveId,
      userId,
      action: "publish",
      entity: "meeting",
      entityId: meeting.id,
      detail: `agenda v${version}`,
    });
    return { batch, version };
  });
  wakeMailSender();
  return result;
}

/**
 * A change of time or place. A meeting whose agenda was already sent gets an update with the
 * next SEQUENCE, so calendars move the event rather than add a second one, and the agenda as
 * re-sent (new time and place) is frozen as its next version.
 */
export async function rescheduleMeeting(
  db: Db,
  meeting: Meeting,
  changes: { startsAt: string; durationMinutes: number; venue: string | null; onlineLink: string | null },
  userId: number,
  formVersion: number,
): Promise<{ batch: string | null }> {
  assertMeetingOpen(meeting, "reschedule");
  assertMeetingUnchanged(meeting, formVersion, "reschedule");
  const notify = meeting.status === "agenda_published";
  const updated: Meeting = {
    ...meeting,
    ...changes,
    icalSequence: meeting.icalSequence + (notify ? 1 : 0),
    version: meeting.version + 1,
  };
  const doc = buildAgendaDocument(db, updated);
  guardDocument(
    db,
    meeting.collectiveId,
    "the meeting update",
    agendaFields(doc, { db, collectiveId: meeting.collectiveId }),
  );
  const pdf = notify ? await renderAgendaPdf(doc, { draft: false }) : null;
  const batch = notify ? `meeting:${meeting.id}:reschedule:seq${updated.icalSequence}` : null;
  db.transaction((tx) => {
    if (!updateMeetingIfUnchanged(tx, meeting, { ...changes, icalSequence: updated.icalSequence })) {
      throw new MeetingConflict("Someone else changed this meeting while you were editing. Reload it and try again.");
    }
    audit(tx, {
      collectiveId: meeting.collectiveId,
      userId,
      action: "reschedule",
      entity: "meeting",
      entityId: meeting.id,
    });
    // A new day moves what is overdue on it, and the next meeting's date, in a draft agenda's action review.
    refreshDraftAgendas(tx, meeting.collectiveId);
    if (!batch || !pdf) return;
    storePdf(tx, { meetingId: meeting.id, kind: "agenda", version: freezeAgenda(tx, meeting.id, doc, userId) }, pdf);
    enqueueForHolders(tx, updated, doc, {
      kind: "rescheduled",
      batch,
      pdf,
      invite: { method: "REQUEST", content: inviteFor(tx, updated) },
    });
  });
  if (batch) wakeMailSender();
  return { batch };
}

/** Cancelling tells everyone who had the invite, with METHOD:CANCEL and the next SEQUENCE. */
export function cancelMeeting(
  db: Db,
  meeting: Meeting,
  userId: number,
  formVersion: number,
  reason: string | null = null,
): { batch: string | null } {
  assertMeetingOpen(meeting, "cancel");
  assertMeetingUnchanged(meeting, formVersion, "cancel");
  const notify = meeting.status === "agenda_published";
  const updated: Meeting = {
    ...meeting,
    status: "cancelled",
    icalSequence: meeting.icalSequence + 1,
    version: meeting.version + 1,
  };
  const batch = notify ? `meeting:${meeting.id}:cancel` : null;
  db.transaction((tx) => {
    if (!updateMeetingIfUnchanged(tx, meeting, { status: "cancelled", icalSequence: updated.icalSequence })) {
      throw new MeetingConflict(
        "Someone else changed this meeting while you were looking at it. Reload it and try again.",
      );
    }
    audit(tx, {
      collectiveId: meeting.collectiveId,
      userId,
      action: "cancel",
      entity: "meeting",
      entityId: meeting.id,
    });
    if (batch) {
      const doc = buildAgendaDocument(tx, updated);
      enqueueForHolders(tx, updated, doc, {
        kind: "cancelled",
        batch,
        pdf: null,
        invite: { method: "CANCEL", content: inviteFor(tx, updated, "CANCEL") },
        reason,
      });
    }
  });
  if (batch) wakeMailSender();
  return { batch };
}

/** How far a send-out has got: for the progress shown while it goes. */
export function batchProgress(db: Db, batch: string) {
  const rows = batchStatusCounts(db, batch);
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
  const total = rows.reduce((s, r) => s + r.n, 0);
  return { total, sent: by.sent ?? 0, failed: by.failed ?? 0, pending: by.pending ?? 0 };
}
