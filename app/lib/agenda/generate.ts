import { formatDate } from "~/lib/dates";
import { rules } from "./rules";
import { urgencyFactor } from "./settings";
import type { AgendaCase, AgendaContext, GeneratedAgenda, GeneratedItem } from "./types";
import { plural } from "~/lib/plural";

/** `clockRunOut`: a statutory clock of the case has run out by the meeting day. */
export type RankedCase = { case: AgendaCase; score: number; reasons: string[]; clockRunOut: boolean };

const byCode = (a: RankedCase, b: RankedCase) => (a.case.code < b.case.code ? -1 : a.case.code > b.case.code ? 1 : 0);

/**
 * Every case that some rule flags, with its reasons. A case whose statutory clock has run out by
 * the meeting comes first; then the highest score, a dated reason weighing more as its date nears
 * (urgencySteps); ties by case code.
 */
export function rankCases(cases: readonly AgendaCase[], ctx: AgendaContext): RankedCase[] {
  const ranked: RankedCase[] = [];
  for (const c of cases) {
    let score = 0;
    let clockRunOut = false;
    const reasons: string[] = [];
    for (const { id, rule, openOnly, daysLeft, statutory } of rules) {
      if (openOnly && c.status !== "open") continue;
      const reason = rule(c, ctx);
      if (!reason) continue;
      const left = daysLeft?.(c, ctx) ?? null;
      score += left === null ? ctx.settings.weights[id] : Math.round(ctx.settings.weights[id] * urgencyFactor(left));
      if (statutory && left !== null && left <= 0) clockRunOut = true;
      reasons.push(reason);
    }
    for (const extra of c.extraReasons ?? []) {
      score += ctx.settings.weights[extra.rule];
      reasons.push(extra.reason);
    }
    if (reasons.length) ranked.push({ case: c, score, reasons, clockRunOut });
  }
  return ranked.sort((a, b) => Number(b.clockRunOut) - Number(a.clockRunOut) || b.score - a.score || byCode(a, b));
}

function standingItems(ctx: AgendaContext): GeneratedItem[] {
  const m = ctx.settings.minutes;
  const { overdue, dueBeforeNextMeeting, departments, lines = [] } = ctx.actionReview;
  const items: GeneratedItem[] = [
    {
      kind: "minutes_confirmation",
      caseId: null,
      title: "Confirmation of the previous meeting's minutes",
      reasons: ctx.lastMeetingDate
        ? [
            ctx.lastMeetingNumber
              ? `Minutes of Meeting ${ctx.lastMeetingNumber}, held on ${formatDate(ctx.lastMeetingDate)}`
              : `Minutes of the meeting on ${formatDate(ctx.lastMeetingDate)}`,
          ]
        : [],
      minutes: m.minutes_confirmation,
      score: 0,
      presentingDepartmentId: null,
    },
    {
      kind: "action_review",
      caseId: null,
      title: "Review of action items",
      reasons:
        overdue + dueBeforeNextMeeting > 0
          ? [
              `${overdue} overdue and ${dueBeforeNextMeeting} due before the next meeting, across ${plural(departments, "department", "departments")}`,
              ...lines,
            ]
          : ["No open action items are overdue or due"],
      minutes: m.action_review,
      score: 0,
      presentingDepartmentId: null,
    },
  ];
  if (ctx.escalatedActionItems > 0) {
    items.push({
      kind: "escalations",
      caseId: null,
      title: "Escalations",
      reasons: [
        `${plural(ctx.escalatedActionItems, "action item", "action items")} escalated`,
        ...(ctx.escalationLines ?? []),
      ],
      minutes: m.escalations,
      score: 0,
      presentingDepartmentId: null,
    });
  }
  return items;
}

export function caseReviewItem(r: RankedCase, minutes: number): GeneratedItem {
  return {
    kind: "case_review",
    caseId: r.case.id,
    title: `Case review: ${r.case.code}`,
    reasons: r.reasons,
    minutes,
    score: r.score,
    presentingDepartmentId: r.case.leadDepartmentId,
  };
}

export function anyOtherBusiness(minutes: number): GeneratedItem {
  return {
    kind: "any_other_business",
    caseId: null,
    title: "Any other business",
    reasons: [],
    minutes,
    score: 0,
    presentingDepartmentId: null,
  };
}

/**
 * Splits case reviews into what fits in the time left after the fixed items and what goes to
 * "For written update". Items are taken in rank order; nothing is dropped.
 */
export function fitToBudget<T extends { minutes: number }>(ranked: readonly T[], minutesAvailable: number) {
  const fits: T[] = [];
  const writtenUpdates: T[] = [];
  let left = minutesAvailable;
  for (const item of ranked) {
    if (item.minutes <= left) {
      fits.push(item);
      left -= item.minutes;
    } else {
      writtenUpdates.push(item);
    }
  }
  return { fits, writtenUpdates };
}

/**
 * The agenda for a meeting: standing items, ranked case reviews fitted into the meeting's
 * duration, "For written update" for the rest, and any other business last. Deterministic.
 */
export function generateAgenda(cases: readonly AgendaCase[], ctx: AgendaContext): GeneratedAgenda {
  const standing = standingItems(ctx);
  const aob = anyOtherBusiness(ctx.settings.minutes.any_other_business);
  const fixed = standing.reduce((sum, i) => sum + i.minutes, 0) + aob.minutes;
  const reviews = rankCases(cases, ctx).map((r) => caseReviewItem(r, ctx.settings.minutes.case_review));
  const { fits, writtenUpdates } = fitToBudget(reviews, Math.max(0, ctx.durationMinutes - fixed));
  return { items: [...standing, ...fits, aob], writtenUpdates };
}
