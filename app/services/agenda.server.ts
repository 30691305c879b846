import type { Conn } from "#db/client";
import { anyOtherBusiness, caseReviewItem, fitToBudget, generateAgenda, rankCases } from "~/lib/agenda/generate";
import { defaultSettings, weightsFrom } from "~/lib/agenda/settings";
import type { AgendaContext, GeneratedItem } from "~/lib/agenda/types";
import { proposeMeetingDate } from "~/lib/meeting-schedule";
import { actionReview } from "~/lib/agenda/action-review";
import { listActions } from "~/models/action-item.server";
import { casesWithOpenMatches } from "./identity.server";
import { loadAgendaCases } from "~/models/agenda-input.server";
import {
  agendaItemsOf,
  deleteAgendaItems,
  insertAgendaItem,
  shiftAgendaItemsAfter,
  updateAgendaItem,
  type AgendaItemRow,
} from "~/models/agenda-item.server";
import { getCollective } from "~/models/collective.server";
import {
  agendaChanged,
  draftAgendaMeetings,
  getMeeting,
  meetingDate,
  previousHeldMeeting,
  type Meeting,
} from "~/models/meeting.server";
import { plural } from "~/lib/plural";

export type AgendaChanges = {
  added: string[];
  dropped: string[];
  toWrittenUpdate: string[];
  toAgenda: string[];
  first: boolean;
};

/** What the standing items need (dates, the action review, escalations), without reading any case. */
function standingContextFor(db: Conn, meeting: Meeting) {
  const collective = getCollective(db, meeting.collectiveId);
  const date = meetingDate(meeting, collective.timeZone);
  const previous = previousHeldMeeting(db, meeting);
  const lastMeetingDate = previous ? meetingDate(previous, collective.timeZone) : null;
  const nextMeetingDate = proposeMeetingDate(
    { weekday: collective.meetingWeekday, weekOfMonth: collective.meetingWeekOfMonth },
    date,
  );
  // On this meeting's agenda, work agreed at an earlier meeting is being carried forward once more.
  const unfinished = listActions(db, meeting.collectiveId, { unfinished: true }).map((a) =>
    a.meetingId && a.meetingId !== meeting.id ? { ...a, carried: a.carried + 1 } : a,
  );
  const review = actionReview(unfinished, date, nextMeetingDate);
  const ctx: AgendaContext = {
    meetingDate: date,
    nextMeetingDate,
    lastMeetingDate,
    durationMinutes: meeting.durationMinutes,
    actionReview: review.counts,
    escalatedActionItems: review.escalationLines.length,
    escalationLines: review.escalationLines,
    settings: { ...defaultSettings, weights: weightsFrom(collective.agendaWeights) },
    lastMeetingNumber: previous?.number ?? null,
  };
  return { ctx, review, collective, date, lastMeetingDate };
}

/** Reads what the rules need for one meeting and runs the generator. No writes. */
export function agendaContextFor(db: Conn, meeting: Meeting) {
  const { ctx, review, collective, date, lastMeetingDate } = standingContextFor(db, meeting);
  const agendaCases = loadAgendaCases(db, {
    collectiveId: meeting.collectiveId,
    meetingDate: date,
    lastMeetingDate,
    meetingStartsAt: meeting.startsAt,
    timeZone: collective.timeZone,
  });
  const matched = casesWithOpenMatches(db, meeting.collectiveId);
  for (const c of agendaCases) {
    const extra: NonNullable<typeof c.extraReasons> = [];
    const n = review.escalatedByCase.get(c.id);
    if (n) extra.push({ rule: "escalated_actions", reason: `${plural(n, "action item", "action items")} escalated` });
    // The other case is named to the secretariat on the case page, never on the agenda.
    const kind = matched.get(c.id);
    if (kind)
      extra.push({
        rule: "identity_match",
        reason:
          kind === "victim"
            ? "Possible re-trafficked victim: a match with another case to review"
            : "Possible repeat offender: a match with another case to review",
      });
    if (extra.length) c.extraReasons = extra;
  }
  return { ctx, agendaCases };
}

const isCaseItem = (i: AgendaItemRow) => i.kind === "case_review" && i.caseId !== null;
const kept = (i: AgendaItemRow) => i.pinned || i.kind === "custom" || i.removed;

function toRow(meetingId: number, item: GeneratedItem, position: number, forWrittenUpdate = false) {
  return {
    meetingId,
    position,
    kind: item.kind,
    caseId: item.caseId,
    title: item.title,
    reasons: JSON.stringify(item.reasons),
    minutes: item.minutes,
    presentingDepartmentId: item.presentingDepartmentId,
    forWrittenUpdate,
  };
}

/**
 * (Re)generates a meeting's agenda. Pinned items, custom items and removals survive; everything
 * else is rebuilt from the rules. One transaction: a failure leaves the previous agenda whole.
 */
export function regenerateAgenda(db: Conn, meeting: Meeting): AgendaChanges {
  const { ctx, agendaCases } = agendaContextFor(db, meeting);
  const existing = agendaItemsOf(db, meeting.id);
  const keep = existing.filter(kept);
  const skipCaseIds = new Set(keep.filter(isCaseItem).map((i) => i.caseId!));
  const ranked = rankCases(agendaCases, ctx);
  const rankedById = new Map(ranked.map((r) => [r.case.id, r]));

  const generated = generateAgenda([], ctx); // standing items and AOB only
  const standing = generated.items.filter((i) => i.kind !== "any_other_business");
  const keptAob = keep.find((i) => i.kind === "any_other_business");
  const aob = keptAob ? null : anyOtherBusiness(ctx.settings.minutes.any_other_business);
  const keptVisible = keep.filter(
    (i) => !i.removed && i.kind !== "any_other_business" && !standing.some((s) => s.kind === i.kind),
  );
  const used =
    standing.reduce((s, i) => s + i.minutes, 0) +
    (aob?.minutes ?? (keptAob && !keptAob.removed ? keptAob.minutes : 0)) +
    keptVisible.filter((i) => !i.forWrittenUpdate).reduce((s, i) => s + i.minutes, 0);
  const fresh = ranked
    .filter((r) => !skipCaseIds.has(r.case.id))
    .map((r) => caseReviewItem(r, ctx.settings.minutes.case_review));
  const { fits, writtenUpdates } = fitToBudget(fresh, Math.max(0, ctx.durationMinutes - used));

  const codeOf = new Map(agendaCases.map((c) => [c.id, c.code]));
  const before = {
    agenda: new Set(existing.filter((i) => isCaseItem(i) && !i.removed && !i.forWrittenUpdate).map((i) => i.caseId!)),
    written: new Set(existing.filter((i) => isCaseItem(i) && !i.removed && i.forWrittenUpdate).map((i) => i.caseId!)),
  };
  const after = {
    agenda: new Set([
      ...keptVisible.filter((i) => isCaseItem(i) && !i.forWrittenUpdate).map((i) => i.caseId!),
      ...fits.map((i) => i.caseId!),
    ]),
    written: new Set([
      ...keptVisible.filter((i) => isCaseItem(i) && i.forWrittenUpdate).map((i) => i.caseId!),
      ...writtenUpdates.map((i) => i.caseId!),
    ]),
  };

  db.transaction((tx) => {
    // A regenerated agenda is the secretariat's own: no "brought up to date by itself" notice.
    agendaChanged(tx, meeting.id, { refreshedAt: null });
    const dropIds = existing
      .filter((i) => !kept(i) || standing.some((s) => s.kind === i.kind && !i.pinned))
      .map((i) => i.id);
    deleteAgendaItems(tx, dropIds);
    let position = 0;
    for (const item of standing) {
      const pinnedStanding = keep.find((k) => k.kind === item.kind && k.pinned);
      if (pinnedStanding) {
        updateAgendaItem(tx, pinnedStanding.id, { position: position++, reasons: JSON.stringify(item.reasons) });
      } else {
        insertAgendaItem(tx, toRow(meeting.id, item, position++));
      }
    }
    for (const item of keptVisible.filter((i) => !standing.some((s) => s.kind === i.kind))) {
      // A kept case review takes its case's current reasons; an item of its own (a raised matter
      // about a case, say) keeps the reasons it was given.
      const refreshed = isCaseItem(item) ? rankedById.get(item.caseId!) : undefined;
      updateAgendaItem(tx, item.id, {
        position: position++,
        ...(refreshed ? { reasons: JSON.stringify(refreshed.reasons) } : {}),
      });
    }
    for (const item of fits) insertAgendaItem(tx, toRow(meeting.id, item, position++));
    if (aob) insertAgendaItem(tx, toRow(meeting.id, aob, position++));
    else if (keptAob && !keptAob.removed) updateAgendaItem(tx, keptAob.id, { position: position++ });
    for (const item of writtenUpdates) insertAgendaItem(tx, toRow(meeting.id, item, position++, true));
    for (const item of keep.filter((i) => i.removed)) updateAgendaItem(tx, item.id, { position: position++ });
  });

  const names = (ids: Iterable<number>) => [...ids].map((id) => codeOf.get(id) ?? `case ${id}`).sort();
  const diff = <T>(a: Set<T>, b: Set<T>) => [...a].filter((x) => !b.has(x));
  const everBefore = new Set([...before.agenda, ...before.written]);
  const everAfter = new Set([...after.agenda, ...after.written]);
  return {
    first: existing.length === 0,
    added: names(diff(everAfter, everBefore)),
    dropped: names(diff(everBefore, everAfter)),
    toWrittenUpdate: names([...after.written].filter((id) => before.agenda.has(id))),
    toAgenda: names([...after.agenda].filter((id) => before.written.has(id))),
  };
}

const noEscalations = JSON.stringify(["No action item is escalated now"]);

/**
 * A draft agenda's standing items (the minutes to confirm, the action review with its carry
 * counts, escalations) follow the facts under them. Every change to those facts (a meeting held
 * or rescheduled, an action item agreed, updated, corrected or dropped, a department or case
 * renamed, the meeting rule) calls this inside its own transaction, so no page writes on a GET:
 * each draft agenda of the collective has its reasons brought up to date, and an Escalations item
 * comes or goes with the escalations. Everything else the secretariat did stays: order, times,
 * pins, removals, cases. Only while the agenda is a draft: a published agenda changes only by an
 * edit, to be re-sent. A meeting whose items changed has its version moved on (as for any agenda
 * edit) and the moment noted, for the notice on its page.
 */
export function refreshDraftAgendas(db: Conn, collectiveId: number, now: Date = new Date()): number[] {
  return draftAgendaMeetings(db, collectiveId)
    .filter((meeting) => updateStandingItems(db, meeting, now))
    .map((meeting) => meeting.id);
}

/** The same for one meeting, as publishing starts (a POST): gives the meeting as it is afterwards. */
export function refreshStandingItems(
  db: Conn,
  meeting: Meeting,
  now: Date = new Date(),
): { meeting: Meeting; changed: boolean } {
  const changed = meeting.status === "planned" && updateStandingItems(db, meeting, now);
  return {
    meeting: changed ? getMeeting(db, { id: meeting.id, collectiveId: meeting.collectiveId }) : meeting,
    changed,
  };
}

function updateStandingItems(db: Conn, meeting: Meeting, now: Date): boolean {
  const { ctx } = standingContextFor(db, meeting);
  const fresh = generateAgenda([], ctx).items.filter((i) => i.kind !== "any_other_business");
  const existing = agendaItemsOf(db, meeting.id);
  if (!existing.length) return false;
  return db.transaction((tx) => {
    let changed = false;
    for (const item of fresh) {
      const reasons = JSON.stringify(item.reasons);
      const current = existing.find((i) => i.kind === item.kind);
      if (current) {
        if (current.reasons !== reasons) {
          updateAgendaItem(tx, current.id, { reasons });
          changed = true;
        }
        continue;
      }
      // A standing item that is new (escalations appeared) goes after the other standing items.
      const after = Math.max(
        -1,
        ...existing.filter((i) => fresh.some((f) => f.kind === i.kind)).map((i) => i.position),
      );
      shiftAgendaItemsAfter(tx, meeting.id, after);
      insertAgendaItem(tx, toRow(meeting.id, item, after + 1));
      changed = true;
    }
    const stale = existing.find((i) => i.kind === "escalations" && !fresh.some((f) => f.kind === "escalations"));
    if (stale && !stale.pinned) {
      deleteAgendaItems(tx, [stale.id]);
      changed = true;
    } else if (stale && stale.reasons !== noEscalations) {
      updateAgendaItem(tx, stale.id, { reasons: noEscalations });
      changed = true;
    }
    if (changed) agendaChanged(tx, meeting.id, { refreshedAt: now.toISOString() });
    return changed;
  });
}
