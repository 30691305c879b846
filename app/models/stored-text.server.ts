import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Conn } from "#db/client";
import {
  actionItems,
  actionItemUpdates,
  agendaItems,
  agendaVersions,
  auditLog,
  caseEvents,
  cases,
  departments,
  meetings,
  minutesVersions,
  tenures,
  users,
} from "#db/schema";
import type { GuardScope } from "~/lib/protected-text";
import { forgetPdfOfVersion } from "./frozen-pdf.server";

/**
 * One stored piece of text that people or documents read: where it is, as the secretariat would
 * name it, the page to correct it on, and, for what can no longer be edited (a frozen version,
 * an amendment), how to redact it.
 */
export type StoredText = {
  where: string;
  text: string;
  fixUrl: string;
  scope?: GuardScope;
  redact?: { kind: "minutes-version" | "agenda-version"; id: number };
};

/** Every stored text of a collective that the guard must keep clean, read in a few queries. */
export function storedTexts(db: Conn, collectiveId: number): StoredText[] {
  const out: StoredText[] = [];
  const statusWord: Record<string, string> = { blocked: "blocked", dropped: "dropped" };
  for (const a of db.select().from(actionItems).where(eq(actionItems.collectiveId, collectiveId)).all()) {
    out.push({ where: `action ${a.id}'s description`, text: a.description, fixUrl: `/actions/${a.id}` });
    if (a.statusReason)
      out.push({
        where: `action ${a.id}'s ${statusWord[a.status] ?? "status"} reason`,
        text: a.statusReason,
        fixUrl: `/actions/${a.id}`,
      });
  }
  const updates = db
    .select({
      id: actionItemUpdates.id,
      actionId: actionItemUpdates.actionItemId,
      field: actionItemUpdates.field,
      comment: actionItemUpdates.comment,
      toValue: actionItemUpdates.toValue,
    })
    .from(actionItemUpdates)
    .innerJoin(actionItems, eq(actionItems.id, actionItemUpdates.actionItemId))
    .where(eq(actionItems.collectiveId, collectiveId))
    .all();
  for (const u of updates) {
    if (u.comment)
      out.push({
        where: `an update of action ${u.actionId} (${u.field})`,
        text: u.comment,
        fixUrl: `/actions/${u.actionId}`,
      });
  }
  const caseRows = db
    .select({ id: cases.id, code: cases.code, policeStation: cases.policeStation, courtName: cases.courtName })
    .from(cases)
    .where(eq(cases.collectiveId, collectiveId))
    .all();
  const codeOf = new Map(caseRows.map((c) => [c.id, c.code]));
  for (const c of caseRows) {
    out.push({ where: `the police station of case ${c.code}`, text: c.policeStation, fixUrl: `/cases/${c.id}/edit` });
    if (c.courtName)
      out.push({ where: `the court of case ${c.code}`, text: c.courtName, fixUrl: `/cases/${c.id}/edit` });
  }
  if (caseRows.length) {
    const events = db
      .select({ id: caseEvents.id, caseId: caseEvents.caseId, outcome: caseEvents.outcome, note: caseEvents.note })
      .from(caseEvents)
      .where(
        inArray(
          caseEvents.caseId,
          caseRows.map((c) => c.id),
        ),
      )
      .all();
    for (const e of events) {
      if (e.outcome)
        out.push({
          where: `an event's outcome on case ${codeOf.get(e.caseId)}`,
          text: e.outcome,
          fixUrl: `/cases/${e.caseId}`,
        });
      if (e.note)
        out.push({
          where: `an event's note on case ${codeOf.get(e.caseId)}`,
          text: e.note,
          fixUrl: `/cases/${e.caseId}`,
          scope: "restricted",
        });
    }
  }
  const meetingRows = db.select().from(meetings).where(eq(meetings.collectiveId, collectiveId)).all();
  const numberOf = new Map(meetingRows.map((m) => [m.id, m.number]));
  for (const m of meetingRows) {
    if (m.venue)
      out.push({ where: `the venue of Meeting ${m.number}`, text: m.venue, fixUrl: `/meetings/${m.id}/reschedule` });
    if (m.onlineLink)
      out.push({
        where: `the online link of Meeting ${m.number}`,
        text: m.onlineLink,
        fixUrl: `/meetings/${m.id}/reschedule`,
      });
  }
  if (meetingRows.length) {
    const ids = meetingRows.map((m) => m.id);
    for (const i of db
      .select()
      .from(agendaItems)
      .where(and(inArray(agendaItems.meetingId, ids), eq(agendaItems.removed, false)))
      .all()) {
      const on = `an item of Meeting ${numberOf.get(i.meetingId)}`;
      out.push({ where: `the title of ${on}`, text: i.title, fixUrl: `/meetings/${i.meetingId}` });
      if (i.discussion)
        out.push({ where: `the discussion of ${on}`, text: i.discussion, fixUrl: `/meetings/${i.meetingId}/run` });
      if (i.decisions)
        out.push({ where: `the decisions of ${on}`, text: i.decisions, fixUrl: `/meetings/${i.meetingId}/run` });
    }
    for (const v of db.select().from(agendaVersions).where(inArray(agendaVersions.meetingId, ids)).all()) {
      out.push({
        where: `version ${v.version} of Meeting ${numberOf.get(v.meetingId)}'s published agenda`,
        text: v.itemsJson,
        fixUrl: `/meetings/${v.meetingId}`,
        redact: { kind: "agenda-version", id: v.id },
      });
    }
    for (const v of db.select().from(minutesVersions).where(inArray(minutesVersions.meetingId, ids)).all()) {
      const of = `version ${v.version} of Meeting ${numberOf.get(v.meetingId)}'s minutes`;
      const redact = { kind: "minutes-version" as const, id: v.id };
      out.push({
        where: v.amendmentText ? `the amendment in ${of}` : of,
        text: `${v.amendmentText ?? ""}\n${v.bodyJson}`,
        fixUrl: `/meetings/${v.meetingId}/minutes?version=${v.version}`,
        redact,
      });
    }
  }
  const depts = db.select().from(departments).where(eq(departments.collectiveId, collectiveId)).all();
  for (const d of depts)
    out.push({ where: `the name of department ${d.id}`, text: d.name, fixUrl: `/departments/${d.id}` });
  if (depts.length) {
    const holders = db
      .select()
      .from(tenures)
      .where(
        and(
          inArray(
            tenures.departmentId,
            depts.map((d) => d.id),
          ),
          isNotNull(tenures.designation),
        ),
      )
      .all();
    for (const t of holders) {
      out.push({
        where: `the designation of ${t.officerName}`,
        text: t.designation,
        fixUrl: `/departments/${t.departmentId}`,
      });
      out.push({
        where: `the name of a holder of department ${t.departmentId}`,
        text: t.officerName,
        fixUrl: `/departments/${t.departmentId}`,
        scope: "own-contact",
      });
    }
  }
  return out;
}

/** A frozen version, to redact: its stored text, written back whole. */
export function frozenVersion(db: Conn, collectiveId: number, kind: "minutes-version" | "agenda-version", id: number) {
  const table = kind === "minutes-version" ? minutesVersions : agendaVersions;
  const row = db
    .select({ meetingId: table.meetingId, version: table.version })
    .from(table)
    .innerJoin(meetings, eq(meetings.id, table.meetingId))
    .where(and(eq(table.id, id), eq(meetings.collectiveId, collectiveId)))
    .get();
  if (!row) return null;
  if (kind === "minutes-version") {
    const v = db.select().from(minutesVersions).where(eq(minutesVersions.id, id)).get()!;
    return { ...row, texts: { bodyJson: v.bodyJson, amendmentText: v.amendmentText } };
  }
  const v = db.select().from(agendaVersions).where(eq(agendaVersions.id, id)).get()!;
  return { ...row, texts: { itemsJson: v.itemsJson } };
}

/** The redactions of a meeting's frozen versions, from the audit log (which names the version, never the text). */
export function redactionsOf(db: Conn, collectiveId: number, meetingId: number) {
  return db
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, detail: auditLog.detail, who: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(
      and(
        eq(auditLog.collectiveId, collectiveId),
        eq(auditLog.entity, "meeting"),
        eq(auditLog.entityId, meetingId),
        inArray(auditLog.action, ["redact:minutes", "redact:agenda"]),
      ),
    )
    .orderBy(asc(auditLog.id))
    .all()
    .map((r) => ({
      id: r.id,
      at: r.at,
      who: r.who,
      what: `${r.action === "redact:minutes" ? "Minutes" : "Published agenda"}, ${r.detail ?? ""}`,
    }));
}

export function writeFrozenVersion(
  db: Conn,
  kind: "minutes-version" | "agenda-version",
  id: number,
  texts: Record<string, string | null>,
) {
  if (kind === "minutes-version") db.update(minutesVersions).set(texts).where(eq(minutesVersions.id, id)).run();
  else db.update(agendaVersions).set(texts).where(eq(agendaVersions.id, id)).run();
  // Its stored PDF shows the old text: the next download renders the new one.
  forgetPdfOfVersion(db, kind, id);
}
