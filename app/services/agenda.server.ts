import { and, eq, inArray, sql } from "drizzle-orm";
import type { Conn } from "#db/client";
import { agendaItems, cases, meetings } from "#db/schema";
import { anyOtherBusiness, caseReviewItem, fitToBudget, generateAgenda, rankCases } from "~/lib/agenda/generate";
import { defaultSettings, weightsFrom } from "~/lib/agenda/settings";
import type { AgendaContext, GeneratedItem } from "~/lib/agenda/types";
import { proposeMeetingDate } from "~/lib/meeting-schedule";
import { actionReview } from "~/lib/agenda/action-review";
import { listActions } from "~/models/action-item.server";
import { casesWithOpenMatches } from "./identity.server";
import { loadAgendaCases } from "~/models/agenda-input.server";
import { agendaItemsOf, getCollective, getMeeting, meetingDate, nextMeeting, previousHeldMeeting, type AgendaItemRow, type Meeting } from "~/models/meeting.server";
import { openCasesOfDepartment } from "~/models/case.server";
import { listDepartmentNames } from "~/models/department.server";
import type { SessionUser } from "~/models/user.server";
import { formatDate, todayIn } from "~/lib/dates";
import { can } from "~/lib/permissions";
import { plural } from "~/lib/plural";

export type AgendaChanges = { added: string[]; dropped: string[]; toWrittenUpdate: string[]; toAgenda: string[]; first: boolean };

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
    if (kind) extra.push({ rule: "identity_match", reason: kind === "victim" ? "Possible re-trafficked victim: a match with another case to review" : "Possible repeat offender: a match with another case to review" });
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
  const keptVisible = keep.filter((i) => !i.removed && i.kind !== "any_other_business" && !standing.some((s) => s.kind === i.kind));
  const used =
    standing.reduce((s, i) => s + i.minutes, 0) +
    (aob?.minutes ?? (keptAob && !keptAob.removed ? keptAob.minutes : 0)) + keptVisible.filter((i) => !i.forWrittenUpdate).reduce((s, i) => s + i.minutes, 0);
  const fresh = ranked.filter((r) => !skipCaseIds.has(r.case.id)).map((r) => caseReviewItem(r, ctx.settings.minutes.case_review));
  const { fits, writtenUpdates } = fitToBudget(fresh, Math.max(0, ctx.durationMinutes - used));

  const codeOf = new Map(agendaCases.map((c) => [c.id, c.code]));
  const before = {
    agenda: new Set(existing.filter((i) => isCaseItem(i) && !i.removed && !i.forWrittenUpdate).map((i) => i.caseId!)),
    written: new Set(existing.filter((i) => isCaseItem(i) && !i.removed && i.forWrittenUpdate).map((i) => i.caseId!)),
  };
  const after = {
    agenda: new Set([...keptVisible.filter((i) => isCaseItem(i) && !i.forWrittenUpdate).map((i) => i.caseId!), ...fits.map((i) => i.caseId!)]),
    written: new Set([...keptVisible.filter((i) => isCaseItem(i) && i.forWrittenUpdate).map((i) => i.caseId!), ...writtenUpdates.map((i) => i.caseId!)]),
  };

  db.transaction((tx) => {
    agendaChanged(tx, meeting.id);
    const dropIds = existing.filter((i) => !kept(i) || standing.some((s) => s.kind === i.kind && !i.pinned)).map((i) => i.id);
    if (dropIds.length) tx.delete(agendaItems).where(inArray(agendaItems.id, dropIds)).run();
    let position = 0;
    for (const item of standing) {
      const pinnedStanding = keep.find((k) => k.kind === item.kind && k.pinned);
      if (pinnedStanding) {
        tx.update(agendaItems).set({ position: position++, reasons: JSON.stringify(item.reasons) }).where(eq(agendaItems.id, pinnedStanding.id)).run();
      } else {
        tx.insert(agendaItems).values(toRow(meeting.id, item, position++)).run();
      }
    }
    for (const item of keptVisible.filter((i) => !standing.some((s) => s.kind === i.kind))) {
      // A kept case review takes its case's current reasons; an item of its own (a raised matter
      // about a case, say) keeps the reasons it was given.
      const refreshed = isCaseItem(item) ? rankedById.get(item.caseId!) : undefined;
      tx.update(agendaItems)
        .set({ position: position++, ...(refreshed ? { reasons: JSON.stringify(refreshed.reasons) } : {}) })
        .where(eq(agendaItems.id, item.id))
        .run();
    }
    for (const item of fits) tx.insert(agendaItems).values(toRow(meeting.id, item, position++)).run();
    if (aob) tx.insert(agendaItems).values(toRow(meeting.id, aob, position++)).run();
    else if (keptAob && !keptAob.removed) tx.update(agendaItems).set({ position: position++ }).where(eq(agendaItems.id, keptAob.id)).run();
    for (const item of writtenUpdates) tx.insert(agendaItems).values(toRow(meeting.id, item, position++, true)).run();
    for (const item of keep.filter((i) => i.removed)) {
      tx.update(agendaItems).set({ position: position++ }).where(eq(agendaItems.id, item.id)).run();
    }
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

/**
 * A draft agenda's standing items (the minutes to confirm, the action review with its carry
 * counts, escalations) follow the facts under them: whenever the agenda is shown or published,
 * their reasons are brought up to date, and an Escalations item comes or goes with the
 * escalations. Everything else the secretariat did stays: order, times, pins, removals, cases.
 * Only while the agenda is a draft: a published agenda changes only by an edit, to be re-sent.
 * Gives the meeting as it is afterwards: its version moves on when something changed, as for any agenda edit.
 */
const noEscalations = JSON.stringify(["No action item is escalated now"]);

export function refreshStandingItems(db: Conn, meeting: Meeting): { meeting: Meeting; changed: boolean } {
  const changed = meeting.status === "planned" && updateStandingItems(db, meeting);
  return { meeting: changed ? getMeeting(db, { id: meeting.id, collectiveId: meeting.collectiveId }) : meeting, changed };
}

function updateStandingItems(db: Conn, meeting: Meeting): boolean {
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
          tx.update(agendaItems).set({ reasons }).where(eq(agendaItems.id, current.id)).run();
          changed = true;
        }
        continue;
      }
      // A standing item that is new (escalations appeared) goes after the other standing items.
      const after = Math.max(-1, ...existing.filter((i) => fresh.some((f) => f.kind === i.kind)).map((i) => i.position));
      tx.update(agendaItems).set({ position: sql`${agendaItems.position} + 1` }).where(and(eq(agendaItems.meetingId, meeting.id), sql`${agendaItems.position} > ${after}`)).run();
      tx.insert(agendaItems).values(toRow(meeting.id, item, after + 1)).run();
      changed = true;
    }
    const stale = existing.find((i) => i.kind === "escalations" && !fresh.some((f) => f.kind === "escalations"));
    if (stale && !stale.pinned) {
      tx.delete(agendaItems).where(eq(agendaItems.id, stale.id)).run();
      changed = true;
    } else if (stale && stale.reasons !== noEscalations) {
      tx.update(agendaItems).set({ reasons: noEscalations }).where(eq(agendaItems.id, stale.id)).run();
      changed = true;
    }
    if (changed) agendaChanged(tx, meeting.id);
    return changed;
  });
}

/** Codes of the cases on an agenda, for pages and documents. */
export function caseCodesFor(db: Conn, items: AgendaItemRow[]): Map<number, string> {
  const ids = [...new Set(items.map((i) => i.caseId).filter((id): id is number => id !== null))];
  if (!ids.length) return new Map();
  return new Map(db.select({ id: cases.id, code: cases.code }).from(cases).where(inArray(cases.id, ids)).all().map((r) => [r.id, r.code]));
}

export type AgendaEdit =
  | { intent: "move"; itemId: number; direction: "up" | "down" }
  | { intent: "remove" | "restore" | "pin" | "unpin" | "to-written-update" | "to-agenda"; itemId: number }
  | { intent: "minutes"; itemId: number; minutes: number; version: number }
  | {
      intent: "add";
      title: string;
      minutes: number;
      presentingDepartmentId: number | null;
      /** Set only by `raiseMatter`: the case it concerns, why it is on the agenda, and who raised it. */
      caseId?: number | null;
      reasons?: string[];
      raisedBy?: { departmentId: number; userId: number; on: string };
    };

export type EditResult = { ok: true } | { ok: false; status: 404 | 409; message: string };

/** One edit of the agenda by the secretariat, in one transaction. */
export function editAgenda(db: Conn, meeting: Meeting, edit: AgendaEdit): EditResult {
  return db.transaction((tx): EditResult => {
    const result = applyEdit(tx, meeting, edit);
    if (result.ok) agendaChanged(tx, meeting.id);
    return result;
  });
}

/**
 * Any change to a meeting's agenda moves the meeting's version on, so that publishing, which
 * renders the agenda before its transaction and checks the version inside it, never freezes and
 * sends an agenda that changed in between (a matter raised at that moment, say).
 */
function agendaChanged(tx: Conn, meetingId: number) {
  tx.update(meetings).set({ version: sql`${meetings.version} + 1` }).where(eq(meetings.id, meetingId)).run();
}

/**
 * Frees the position just before "Any other business" (or after the last timed item when it was
 * removed) by moving everything from there one place on, and returns that position.
 */
function makeRoomBeforeAob(tx: Conn, items: AgendaItemRow[]): number {
  const aob = items.find((i) => i.kind === "any_other_business" && !i.removed);
  const timed = items.filter((i) => !i.removed && !i.forWrittenUpdate);
  const at = aob ? aob.position : timed.length ? timed.at(-1)!.position + 1 : 0;
  for (const i of items.filter((i) => i.position >= at)) {
    tx.update(agendaItems).set({ position: i.position + 1 }).where(eq(agendaItems.id, i.id)).run();
  }
  return at;
}

/** The edit itself, inside the caller's transaction. */
function applyEdit(tx: Conn, meeting: Meeting, edit: AgendaEdit): EditResult {
  const items = agendaItemsOf(tx, meeting.id);
  if (edit.intent === "add") {
    const at = makeRoomBeforeAob(tx, items);
    tx.insert(agendaItems)
      .values({
        meetingId: meeting.id,
        position: at,
        kind: "custom",
        title: edit.title,
        minutes: edit.minutes,
        presentingDepartmentId: edit.presentingDepartmentId,
        pinned: true,
        caseId: edit.caseId ?? null,
        reasons: JSON.stringify(edit.reasons ?? []),
        raisedByDepartmentId: edit.raisedBy?.departmentId ?? null,
        raisedByUserId: edit.raisedBy?.userId ?? null,
        raisedOn: edit.raisedBy?.on ?? null,
      })
      .run();
    return { ok: true };
  }
  const item = items.find((i) => i.id === edit.itemId);
  if (!item) return { ok: false, status: 404, message: "That agenda item no longer exists. The agenda may have been regenerated." };
  const set = (changes: Partial<AgendaItemRow>) =>
    tx.update(agendaItems).set({ ...changes, version: item.version + 1 }).where(and(eq(agendaItems.id, item.id))).run();
  switch (edit.intent) {
    case "move": {
      const group = items.filter((i) => !i.removed && i.forWrittenUpdate === item.forWrittenUpdate);
      const at = group.findIndex((i) => i.id === item.id);
      const other = group[edit.direction === "up" ? at - 1 : at + 1];
      if (!other) return { ok: true };
      tx.update(agendaItems).set({ position: other.position }).where(eq(agendaItems.id, item.id)).run();
      tx.update(agendaItems).set({ position: item.position }).where(eq(agendaItems.id, other.id)).run();
      return { ok: true };
    }
    case "remove":
      set({ removed: true, pinned: false });
      return { ok: true };
    case "restore":
      set({ removed: false });
      return { ok: true };
    case "pin":
      set({ pinned: true });
      return { ok: true };
    case "unpin":
      set({ pinned: false });
      return { ok: true };
    case "to-written-update":
      set({ forWrittenUpdate: true });
      return { ok: true };
    case "to-agenda": {
      // Back among the timed items, just before "Any other business", which stays last.
      const position = makeRoomBeforeAob(tx, items.filter((i) => i.id !== item.id));
      set({ forWrittenUpdate: false, pinned: true, position });
      return { ok: true };
    }
    case "minutes": {
      if (item.version !== edit.version) {
        return { ok: false, status: 409, message: `Someone else changed “${item.title}” while you were editing; it now has ${plural(item.minutes, "minute", "minutes")}. Check and try again.` };
      }
      // A changed time is a deliberate choice: pin it so regeneration keeps it.
      set({ minutes: edit.minutes, pinned: true });
      return { ok: true };
    }
  }
}

/** `label` reads "Meeting 7 (12/02/2026)": the number and the day in the collective's zone. */
export type MatterTarget = { ok: true; meeting: Meeting; date: string; label: string } | { ok: false; message: string };

/**
 * The meeting a department can raise a matter for: the collective's next meeting, while its agenda
 * is still a draft. Once the agenda is published, only the secretariat changes it.
 */
export function matterTarget(db: Conn, collectiveId: number, now: Date = new Date()): MatterTarget {
  const meeting = nextMeeting(db, collectiveId, now);
  if (!meeting) {
    return { ok: false, message: "No meeting is scheduled yet. Once the secretariat schedules the next meeting, you can raise a matter for its agenda here." };
  }
  const date = formatDate(meetingDate(meeting, getCollective(db, collectiveId).timeZone));
  const label = `Meeting ${meeting.number} (${date})`;
  if (meeting.status === "agenda_published") {
    return {
      ok: false,
      message: `The agenda of ${label} is already published, so a matter can no longer be raised here. The secretariat can still add it: ask them to.`,
    };
  }
  return { ok: true, meeting, date, label };
}

/** The reason a raised matter carries on the agenda, its page and its PDF. */
export function raisedReason(departmentName: string, on: string): string {
  return `Raised by ${departmentName} on ${formatDate(on)}`;
}

export type RaisedMatter = { title: string; minutes: number; caseId: number | null };
export type RaiseResult =
  | { ok: true; meeting: { id: number; number: number; date: string } }
  | { ok: false; status: 400 | 403 | 409; errors: Record<string, string> };

/**
 * A department's representative puts a matter on the next meeting's agenda: a pinned item before
 * "Any other business", presented by the department, with the reason "Raised by …". The department
 * is always the one the representative holds a seat for; the accountability matrix counts it as
 * the department's initiative (level 4).
 */
export function raiseMatter(db: Conn, user: SessionUser, matter: RaisedMatter, now: Date = new Date()): RaiseResult {
  const departmentId = user.departmentId;
  if (!can(user.role, "raise:agenda-matter") || departmentId === null) {
    return { ok: false, status: 403, errors: { form: "Only a department's representative can raise a matter for the agenda." } };
  }
  return db.transaction((tx): RaiseResult => {
    const target = matterTarget(tx, user.collectiveId, now);
    if (!target.ok) return { ok: false, status: 409, errors: { form: target.message } };
    if (matter.caseId !== null && !openCasesOfDepartment(tx, user.collectiveId, departmentId).some((c) => c.id === matter.caseId)) {
      return { ok: false, status: 400, errors: { caseId: "Choose one of your department's open cases from the list, or none." } };
    }
    const department = listDepartmentNames(tx, user.collectiveId).find((d) => d.id === departmentId);
    if (!department) return { ok: false, status: 403, errors: { form: "Your department is no longer an active seat of this collective." } };
    const on = todayIn(getCollective(tx, user.collectiveId).timeZone, now);
    editAgenda(tx, target.meeting, {
      intent: "add",
      title: matter.title,
      minutes: matter.minutes,
      presentingDepartmentId: departmentId,
      caseId: matter.caseId,
      reasons: [raisedReason(department.name, on)],
      raisedBy: { departmentId, userId: user.id, on },
    });
    return { ok: true, meeting: { id: target.meeting.id, number: target.meeting.number, date: target.date } };
  });
}
