import type { Db } from "#db/client";
import { reminderEmail } from "#templates/email/reminder";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { addDays, daysBetween, formatDate, formatDateTime, todayIn } from "~/lib/dates";
import { instantToZonedParts } from "~/lib/meeting-schedule";
import { listActions } from "~/models/action-item.server";
import { listCollectives } from "~/models/collective.server";
import { currentSeatHolders } from "~/models/department.server";
import { meetingDate, nextMeeting } from "~/models/meeting.server";
import { enqueueMail } from "~/models/outbox.server";
import { auditLeakBlock, containsProtected, LeakBlocked, protectedSet } from "./identity.server";
import { errorFields, log } from "./log.server";
import { wakeMailSender } from "./mail.server";

export const nudgeDaysBeforeMeeting = 5;

/**
 * Each department with something overdue or due within 7 days gets one digest a day (and, five
 * days before a meeting, a nudge). The outbox key names the department and the day, so running
 * this twice in a day, or from cron and the server at once, sends nothing new.
 */
export function runReminders(
  db: Db,
  now = new Date(),
  { notBefore, skip }: { notBefore?: string; skip?: (collectiveId: number, today: string) => boolean } = {},
): { queued: number; handled: string[] } {
  let queued = 0;
  const handled: string[] = [];
  for (const collective of listCollectives(db)) {
    const today = todayIn(collective.timeZone, now);
    // The daily job waits for the digest time in the collective's own zone.
    if (notBefore && instantToZonedParts(now, collective.timeZone).time < notBefore) continue;
    if (skip?.(collective.id, today)) continue;
    handled.push(`${collective.id}:${today}`);
    const upcoming = nextMeeting(db, collective.id, now, { includeNow: true });
    const nudge =
      upcoming && daysBetween(today, meetingDate(upcoming, collective.timeZone)) === nudgeDaysBeforeMeeting
        ? upcoming
        : null;
    const unfinished = listActions(db, collective.id, { unfinished: true });
    const weekAhead = addDays(today, 7);
    const line = (a: (typeof unfinished)[number]) =>
      `${a.description}${a.caseCode ? ` (case ${a.caseCode})` : ""}, due ${formatDate(a.dueOn)}`;
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
          enqueueMail(tx, {
            collectiveId: collective.id,
            idempotencyKey: key,
            batch: `reminders:${collective.id}:${today}`,
            to: holder.email,
            recipientName: holder.officerName,
            ...email,
          });
          queued++;
        } catch (error) {
          // A digest that would carry a protected name is not sent; the block names the action that
          // holds it (shown on the Outbox with a link to correct it), and the others go.
          if (!(error instanceof LeakBlocked)) throw error;
          const set = protectedSet(tx, collective.id);
          const culprit = own.find((a) => containsProtected(line(a), set));
          const document = `the daily digest for ${holder.departmentName} of ${formatDate(today)}`;
          auditLeakBlock(
            tx,
            { collectiveId: collective.id, id: null },
            culprit
              ? new LeakBlocked(document, `action ${culprit.id}'s description`, `/actions/${culprit.id}`)
              : new LeakBlocked(document, error.field),
          );
        }
      }
    });
  }
  if (queued) wakeMailSender();
  return { queued, handled };
}

/**
 * The daily job inside the server: checked every minute, it sends each collective's digests once a
 * day at DIGEST_TIME (08:30 by default) in that collective's zone, or at start-up if the server was
 * down then. The outbox keys make a second run on the same day (another process, a restart) a no-op.
 */
export function startReminderJob({ intervalMs = 60_000 }: { intervalMs?: number } = {}): () => void {
  const done = new Set<string>();
  const tick = () => {
    const started = Date.now();
    try {
      const { queued, handled } = runReminders(getDb(), new Date(), {
        notBefore: config().DIGEST_TIME,
        skip: (id, today) => done.has(`${id}:${today}`),
      });
      handled.forEach((key) => done.add(key));
      if (handled.length)
        log("info", "job", { job: "reminders", collectives: handled.length, queued, ms: Date.now() - started });
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
