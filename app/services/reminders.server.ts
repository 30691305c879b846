import { and, asc, eq, gte, inArray } from "drizzle-orm";
import type { Db } from "#db/client";
import { collectives, meetings } from "#db/schema";
import { reminderEmail } from "#templates/email/reminder";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { addDays, daysBetween, formatDate, formatDateTime, todayIn } from "~/lib/dates";
import { isUnfinished } from "~/lib/escalation";
import { listActions } from "~/models/action-item.server";
import { currentSeatHolders } from "~/models/department.server";
import { meetingDate } from "~/models/meeting.server";
import { enqueueMail } from "~/models/outbox.server";
import { auditLeakBlock, LeakBlocked } from "./identity.server";
import { errorFields, log } from "./log.server";
import { wakeMailSender } from "./mail.server";

export const nudgeDaysBeforeMeeting = 5;

/**
 * Each department with something overdue or due within 7 days gets one digest a day (and, five
 * days before a meeting, a nudge). The outbox key names the department and the day, so running
 * this twice in a day, or from cron and the server at once, sends nothing new.
 */
export function runReminders(db: Db, now = new Date()): { queued: number } {
  let queued = 0;
  for (const collective of db.select().from(collectives).all()) {
    const today = todayIn(collective.timeZone, now);
    const upcoming = db
      .select()
      .from(meetings)
      .where(and(eq(meetings.collectiveId, collective.id), inArray(meetings.status, ["planned", "agenda_published"]), gte(meetings.startsAt, now.toISOString())))
      .orderBy(asc(meetings.startsAt))
      .get();
    const nudge = upcoming && daysBetween(today, meetingDate(upcoming, collective.timeZone)) === nudgeDaysBeforeMeeting ? upcoming : null;
    const unfinished = listActions(db, collective.id, { unfinished: true });
    const weekAhead = addDays(today, 7);
    const line = (a: (typeof unfinished)[number]) => `${a.description}${a.caseCode ? ` (case ${a.caseCode})` : ""}, due ${formatDate(a.dueOn)}`;
    db.transaction((tx) => {
      for (const holder of currentSeatHolders(tx, collective.id, today)) {
        const own = unfinished.filter((a) => a.departmentId === holder.departmentId);
        const overdue = own.filter((a) => a.dueOn < today);
        const dueSoon = own.filter((a) => a.dueOn >= today && a.dueOn <= weekAhead);
        if (!overdue.length && !dueSoon.length && !(nudge && own.length)) continue;
        const email = reminderEmail({
          collectiveName: collective.name,
          recipientName: holder.officerName,
          departmentName: holder.departmentName,
          overdue: overdue.map(line),
          dueSoon: dueSoon.map(line),
          later: own.filter((a) => a.dueOn > weekAhead).map(line),
          meeting: nudge ? { number: nudge.number, when: formatDateTime(nudge.startsAt, collective.timeZone) } : null,
          actionsUrl: `${config().APP_URL}/actions`,
        });
        const key = `reminder:${collective.id}:${holder.departmentId}:${today}`;
        try {
          enqueueMail(tx, { collectiveId: collective.id, idempotencyKey: key, batch: `reminders:${collective.id}:${today}`, to: holder.email, ...email });
          queued++;
        } catch (error) {
          // A digest that would carry a protected name is not sent; the block is audited, the others go.
          if (!(error instanceof LeakBlocked)) throw error;
          auditLeakBlock(tx, { collectiveId: collective.id, id: null }, error);
        }
      }
    });
  }
  if (queued) wakeMailSender();
  return { queued };
}

/** The daily job inside the server: checked every hour, it does its work once a day. */
export function startReminderJob({ intervalMs = 3_600_000 }: { intervalMs?: number } = {}): () => void {
  const tick = () => {
    const started = Date.now();
    try {
      const { queued } = runReminders(getDb());
      log("info", "job", { job: "reminders", queued, ms: Date.now() - started });
    } catch (error) {
      log("error", "job failed", { job: "reminders", ...errorFields(error), ms: Date.now() - started });
    }
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, intervalMs);
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
