import { appealClock, chargesheetClock, latestEvent, nextDateOf, warnWithinDays } from "~/lib/clocks";
import { addDays, daysBetween, formatDate } from "~/lib/dates";
import { label, outcomeLabels, stageLabels } from "~/lib/labels";
import type { AgendaCase, AgendaContext, AgendaRuleId } from "./types";
import { plural } from "~/lib/plural";

// Each rule looks at one case and says, in plain words, why it needs the collective's attention
// at this meeting, or returns null. Rules never read the clock: "today" is the meeting's date.

type Rule = (c: AgendaCase, ctx: AgendaContext) => string | null;

const afterMeeting = (date: string, ctx: AgendaContext) => {
  const d = daysBetween(ctx.meetingDate, date);
  return d === 0 ? "the day of this meeting" : `${plural(d, "day", "days")} after this meeting`;
};

const sinceLastMeeting = (date: string, ctx: AgendaContext) =>
  ctx.lastMeetingDate === null ? true : date > ctx.lastMeetingDate;

const horizons = new WeakMap<AgendaContext, string>();
/** A week after the next expected meeting: computed once per agenda, not once per case. */
const horizonOf = (ctx: AgendaContext) => {
  let h = horizons.get(ctx);
  if (!h) horizons.set(ctx, (h = addDays(ctx.nextMeetingDate, 7)));
  return h;
};

/** A hearing or testimony between this meeting and a week after the next one. */
export const hearingSoon: Rule = (c, ctx) => {
  const next = nextDateOf(c);
  if (!next || next.date < ctx.meetingDate || next.date > horizonOf(ctx)) return null;
  return `${next.testimony ? "Victim testimony" : "Hearing"} on ${formatDate(next.date)}, ${afterMeeting(next.date, ctx)}`;
};

export const bail: Rule = (c, ctx) => {
  const pending = c.accused.filter((a) => a.bailStatus === "pending").length;
  if (pending > 0) return `Bail application pending for ${plural(pending, "accused", "accused")}`;
  const granted = latestEvent(
    c.events,
    (e) => e.kind === "bail_order" && /grant/i.test(e.outcome ?? "") && sinceLastMeeting(e.occurredOn, ctx),
  );
  return granted ? `Bail granted to an accused on ${formatDate(granted.occurredOn)}` : null;
};

export const chargesheet: Rule = (c, ctx) => {
  const clock = chargesheetClock(c, ctx.meetingDate);
  return clock && clock.daysLeft !== null && clock.daysLeft <= warnWithinDays ? clock.label : null;
};

export const appealWindow: Rule = (c, ctx) => {
  const clock = appealClock(c, ctx.meetingDate);
  return clock && clock.daysLeft !== null && clock.daysLeft >= 0 ? clock.label : null;
};

/** A judgment since the last meeting brings even a closed case back, once, for outcome review. */
export const judgment: Rule = (c, ctx) => {
  const j = latestEvent(c.events, (e) => e.kind === "judgment");
  if (!j || !ctx.lastMeetingDate || !sinceLastMeeting(j.occurredOn, ctx)) return null;
  const outcome = c.outcome ? ` (${label(outcomeLabels, c.outcome)})` : "";
  return `Judgment on ${formatDate(j.occurredOn)}${outcome}: review the outcome`;
};

export const overdueActions: Rule = (c) =>
  c.overdueActionItems > 0 ? `${plural(c.overdueActionItems, "action item", "action items")} overdue` : null;

export const newCase: Rule = (c, ctx) =>
  ctx.lastMeetingDate && sinceLastMeeting(c.registeredOn, ctx)
    ? `New case since the last meeting (opened ${formatDate(c.openedOn)})`
    : null;

export const stageChange: Rule = (c, ctx) =>
  ctx.lastMeetingDate && c.stageChangedOn && sinceLastMeeting(c.stageChangedOn, ctx) && !newCase(c, ctx)
    ? `Stage changed to ${label(stageLabels, c.stage)} since the last meeting`
    : null;

export const notReviewed: Rule = (c, ctx) =>
  c.status === "open" && c.meetingsSinceReviewed >= ctx.settings.notReviewedAfterMeetings
    ? `Not reviewed for ${plural(c.meetingsSinceReviewed, "meeting", "meetings")}`
    : null;

/** Days from the meeting to the date a dated reason is about; it is 0 or less once a deadline has passed by the meeting. */
type DaysLeft = (c: AgendaCase, ctx: AgendaContext) => number | null;
const hearingDaysLeft: DaysLeft = (c, ctx) => {
  const next = nextDateOf(c);
  return next ? daysBetween(ctx.meetingDate, next.date) : null;
};

/**
 * Rules in the order their reasons are listed; weights decide the ranking. A dated rule says how
 * many days are left, so its weight can grow as the date nears; a statutory clock that has run
 * out by the meeting (default bail, an appeal's limitation) ranks the case above every case
 * whose dates are merely upcoming.
 */
export const rules: { id: AgendaRuleId; rule: Rule; openOnly: boolean; daysLeft?: DaysLeft; statutory?: boolean }[] = [
  { id: "hearing_soon", rule: hearingSoon, openOnly: true, daysLeft: hearingDaysLeft },
  {
    id: "chargesheet",
    rule: chargesheet,
    openOnly: true,
    daysLeft: (c, ctx) => chargesheetClock(c, ctx.meetingDate)?.daysLeft ?? null,
    statutory: true,
  },
  { id: "bail", rule: bail, openOnly: true },
  {
    id: "appeal_window",
    rule: appealWindow,
    openOnly: false,
    daysLeft: (c, ctx) => appealClock(c, ctx.meetingDate)?.daysLeft ?? null,
    statutory: true,
  },
  { id: "judgment", rule: judgment, openOnly: false },
  { id: "overdue_actions", rule: overdueActions, openOnly: false },
  { id: "new_case", rule: newCase, openOnly: true },
  { id: "stage_change", rule: stageChange, openOnly: true },
  { id: "not_reviewed", rule: notReviewed, openOnly: true },
];
