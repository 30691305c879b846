// The state's roll-up, computed ahead and stored, and why.
//
// A live query cannot make 300 ms at a state's scale: each collective's figures are its whole
// outcome report (every decided case, bail order and victim, as /reports/outcomes computes them)
// and its accountability matrix, about 0.1 to 0.7 s a collective at 5,000 cases, so 4 to 25 s for
// 36; and deciding which counts to hide across 36 districts at once (interval reasoning over some
// 5,000 counts and 4,000 splits) takes several seconds more. So the roll-up is precomputed: every
// hour, on a worker thread with its own connection (the server's thread keeps answering), and at
// once when a secretariat decides a cross-district match. /state then reads one stored row and
// draws it, and says when it was computed. Hourly rather than "whenever a figure changes" because
// nearly every write of every district changes some figure; the state reads this monthly.
import type { Conn } from "#db/client";
import { accountabilityMatrix } from "~/lib/accountability";
import { chargesheetClock } from "~/lib/clocks";
import { daysBetween, todayIn } from "~/lib/dates";
import { outcomeReport } from "~/lib/outcomes";
import { showFigures, type DisplayFigure } from "~/lib/outcomes-display";
import { hiddenCounts } from "~/lib/outcomes-suppression";
import { hiddenInCollective, stateView, type StateView } from "~/lib/state-display";
import {
  actionsOverdue,
  meetingMeasures,
  monthsBefore,
  quartersOf,
  rollupCounts,
  type CollectiveFigures,
} from "~/lib/state-figures";
import { matrixInput } from "~/models/accountability.server";
import { listCollectives, type Collective } from "~/models/collective.server";
import { confirmedMatchesByPair } from "~/models/cross-district-match.server";
import { outcomeInput } from "~/models/outcome.server";
import {
  casesAwaitingChargesheet,
  heldMeetingsWithCirculation,
  openCaseCount,
  readDrillDown,
  readStateRollup,
  saveStateRollup,
} from "~/models/state-figures.server";

/** One collective's figures from its own records, exact. */
export function collectiveFigures(db: Conn, c: Collective, now = new Date()): CollectiveFigures {
  const today = todayIn(c.timeZone, now);
  const from = monthsBefore(today, 3);
  const matrix = matrixInput(db, c.id, c.timeZone);
  const overdue = casesAwaitingChargesheet(db, c.id).filter(
    (k) =>
      (chargesheetClock(
        {
          outcome: null,
          chargesheetLimitDays: k.chargesheetLimitDays,
          events: [],
          accused: k.arrestedOn ? [{ arrestedOn: k.arrestedOn, bailStatus: "not_applied" }] : [],
        },
        today,
      )?.daysLeft ?? 0) < 0,
  ).length;
  return {
    collectiveId: c.id,
    name: c.name,
    district: c.district,
    districtCode: c.districtCode,
    active: !c.deactivatedAt,
    today,
    computedAt: now.toISOString(),
    outcomes: outcomeReport(outcomeInput(db, c.id)),
    openCases: openCaseCount(db, c.id),
    chargesheetsOverdue: overdue,
    actionsOverdue: actionsOverdue(accountabilityMatrix(matrix, { from: null, to: today }, today)),
    ...meetingMeasures(accountabilityMatrix(matrix, { from, to: today }, today)),
    minutesDays: heldMeetingsWithCirculation(db, c.id, c.timeZone, from).flatMap((m) =>
      m.circulatedOn ? [daysBetween(m.on, m.circulatedOn)] : [],
    ),
  };
}

/**
 * Computes the roll-up from one consistent read of every district, then stores it with each
 * district's drill-down. The small counts are hidden across the districts together.
 */
export function computeStateRollup(db: Conn, now = new Date()): StateView {
  const { figures, pairs } = db.transaction(() => {
    const figures = listCollectives(db).map((c) => collectiveFigures(db, c, now));
    const ids = new Set(figures.map((f) => f.collectiveId));
    return { figures, pairs: confirmedMatchesByPair(db).filter((p) => ids.has(p.a) && ids.has(p.b)) };
  });
  const quarters = quartersOf(figures);
  const { counts, splits } = rollupCounts(figures, pairs, quarters);
  const hidden = hiddenCounts(counts, splits);
  const view = stateView(figures, pairs, quarters, hidden);
  const drillDowns = figures.map((f) => ({
    collectiveId: f.collectiveId,
    figures: showFigures(f.outcomes.figures, hiddenInCollective(hidden, f.collectiveId)),
  }));
  saveStateRollup(db, now.toISOString(), view, drillDowns);
  return view;
}

/** The stored roll-up, or null (a refresh is then asked for: the page says it is being computed). */
export function storedStateRollup(db: Conn): { computedAt: string; view: StateView } | null {
  return readStateRollup(db);
}

/** A district's outcome figures as state readers see them, from the stored roll-up. */
export function storedDrillDown(
  db: Conn,
  collectiveId: number,
): { computedAt: string; figures: DisplayFigure[] } | null {
  return readDrillDown(db, collectiveId);
}
