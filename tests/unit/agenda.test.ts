import { describe, expect, it } from "vitest";
import { fitToBudget, generateAgenda, rankCases } from "~/lib/agenda/generate";
import {
  appealWindow,
  bail,
  chargesheet,
  hearingSoon,
  judgment,
  newCase,
  notReviewed,
  overdueActions,
  stageChange,
} from "~/lib/agenda/rules";
import { defaultSettings, defaultWeights, weightsFrom } from "~/lib/agenda/settings";
import type { AgendaCase, AgendaContext } from "~/lib/agenda/types";
import { must, only } from "../support/present";

const ctx = (over: Partial<AgendaContext> = {}): AgendaContext => ({
  meetingDate: "2026-12-03",
  nextMeetingDate: "2027-01-14",
  lastMeetingDate: "2026-11-12",
  durationMinutes: 120,
  actionReview: { overdue: 0, dueBeforeNextMeeting: 0, departments: 0 },
  escalatedActionItems: 0,
  settings: defaultSettings,
  ...over,
});

let nextId = 1;
const aCase = (over: Partial<AgendaCase> = {}): AgendaCase => ({
  id: nextId++,
  code: "DEM-2026-0001",
  stage: "investigation",
  status: "open",
  outcome: null,
  openedOn: "2026-01-10",
  registeredOn: "2026-01-10",
  stageChangedOn: null,
  chargesheetLimitDays: 60,
  leadDepartmentId: 1,
  events: [],
  accused: [],
  overdueActionItems: 0,
  meetingsSinceReviewed: 0,
  ...over,
});

describe("rule: hearing or testimony soon", () => {
  it("names a testimony and how long after the meeting it is", () => {
    const c = aCase({
      events: [
        { kind: "hearing", occurredOn: "2026-11-20", outcome: "Victim testimony fixed", nextDate: "2026-12-12" },
      ],
    });
    expect(hearingSoon(c, ctx())).toBe("Victim testimony on 12/12/2026, 9 days after this meeting");
  });
  it("counts a hearing up to a week after the next expected meeting, and not after", () => {
    const at = (nextDate: string) =>
      aCase({ events: [{ kind: "hearing", occurredOn: "2026-11-01", outcome: null, nextDate }] });
    expect(hearingSoon(at("2027-01-21"), ctx())).toBe("Hearing on 21/01/2027, 49 days after this meeting");
    expect(hearingSoon(at("2027-01-22"), ctx())).toBeNull();
    expect(hearingSoon(at("2026-12-02"), ctx())).toBeNull();
    expect(hearingSoon(at("2026-12-03"), ctx())).toBe("Hearing on 03/12/2026, the day of this meeting");
  });
});

describe("rule: bail", () => {
  it("flags a pending application", () => {
    expect(bail(aCase({ accused: [{ arrestedOn: null, bailStatus: "pending" }] }), ctx())).toBe(
      "Bail application pending for 1 accused",
    );
  });
  it("flags bail granted since the last meeting, and not before it", () => {
    const granted = (on: string) =>
      aCase({ events: [{ kind: "bail_order", occurredOn: on, outcome: "Bail granted", nextDate: null }] });
    expect(bail(granted("2026-11-20"), ctx())).toBe("Bail granted to an accused on 20/11/2026");
    expect(bail(granted("2026-11-01"), ctx())).toBeNull();
  });
});

describe("rule: chargesheet", () => {
  const arrested = (on: string, limit = 60) =>
    aCase({ chargesheetLimitDays: limit, accused: [{ arrestedOn: on, bailStatus: "not_applied" }] });
  it("warns within 21 days of the deadline", () => {
    expect(chargesheet(arrested("2026-10-10"), ctx())).toBe(
      "Chargesheet due in 6 days (arrest 10/10/2026, 60-day limit)",
    );
  });
  it("says when the deadline has passed", () => {
    expect(chargesheet(arrested("2026-09-20"), ctx())).toMatch(
      /^Chargesheet overdue by 14 days \(arrest 20\/09\/2026, 60-day limit\)/,
    );
  });
  it("is quiet far from the deadline, with a 90-day limit, or once filed", () => {
    expect(chargesheet(arrested("2026-11-01"), ctx())).toBeNull();
    expect(chargesheet(arrested("2026-09-20", 90), ctx())).toBe(
      "Chargesheet due in 16 days (arrest 20/09/2026, 90-day limit)",
    );
    const filed = {
      ...arrested("2026-09-20"),
      events: [{ kind: "chargesheet_filed" as const, occurredOn: "2026-11-01", outcome: null, nextDate: null }],
    };
    expect(chargesheet(filed, ctx())).toBeNull();
  });
});

describe("rule: appeal window", () => {
  const acquitted = (on: string, appeal = false) =>
    aCase({
      outcome: "acquitted",
      stage: "judgment",
      events: [
        { kind: "judgment", occurredOn: on, outcome: "Acquitted", nextDate: null },
        ...(appeal ? [{ kind: "appeal_filed" as const, occurredOn: "2026-11-30", outcome: null, nextDate: null }] : []),
      ],
    });
  it("counts the days left to appeal", () => {
    expect(appealWindow(acquitted("2026-10-01"), ctx())).toBe(
      "Acquitted on 01/10/2026, no appeal filed: 27 days left to appeal",
    );
  });
  it("is quiet once the window has closed or an appeal is filed", () => {
    expect(appealWindow(acquitted("2026-08-01"), ctx())).toBeNull();
    expect(appealWindow(acquitted("2026-10-01", true), ctx())).toBeNull();
  });
});

describe("rule: judgment since the last meeting", () => {
  it("brings a closed case back once", () => {
    const c = aCase({
      status: "closed",
      outcome: "convicted",
      events: [{ kind: "judgment", occurredOn: "2026-11-20", outcome: null, nextDate: null }],
    });
    expect(judgment(c, ctx())).toBe("Judgment on 20/11/2026 (Convicted): review the outcome");
    expect(judgment(c, ctx({ lastMeetingDate: "2026-11-25" }))).toBeNull();
    expect(rankCases([c], ctx())).toHaveLength(1);
  });
});

describe("rules: overdue actions, new case, stage change, not reviewed", () => {
  it("counts overdue action items", () => {
    expect(overdueActions(aCase({ overdueActionItems: 2 }), ctx())).toBe("2 action items overdue");
    expect(overdueActions(aCase(), ctx())).toBeNull();
  });
  it("flags a case registered since the last meeting", () => {
    expect(newCase(aCase({ registeredOn: "2026-11-20", openedOn: "2026-11-18" }), ctx())).toBe(
      "New case since the last meeting (opened 18/11/2026)",
    );
    expect(newCase(aCase({ registeredOn: "2026-11-01" }), ctx())).toBeNull();
  });
  it("flags a stage change since the last meeting, but not twice for a new case", () => {
    expect(stageChange(aCase({ stage: "charges_framed", stageChangedOn: "2026-11-20" }), ctx())).toBe(
      "Stage changed to Charges framed since the last meeting",
    );
    expect(stageChange(aCase({ stageChangedOn: "2026-11-20", registeredOn: "2026-11-20" }), ctx())).toBeNull();
  });
  it("brings back a case not discussed for N meetings", () => {
    expect(notReviewed(aCase({ meetingsSinceReviewed: 3 }), ctx())).toBe("Not reviewed for 3 meetings");
    expect(notReviewed(aCase({ meetingsSinceReviewed: 2 }), ctx())).toBeNull();
  });
});

describe("ranking", () => {
  it("adds the weights of every reason and breaks ties by case code", () => {
    const a = aCase({ code: "DEM-2026-0009", overdueActionItems: 1 });
    const b = aCase({ code: "DEM-2026-0002", overdueActionItems: 3 });
    const c = aCase({ code: "DEM-2026-0005", overdueActionItems: 1, meetingsSinceReviewed: 4 });
    const ranked = rankCases([a, b, c], ctx());
    expect(ranked.map((r) => r.case.code)).toEqual(["DEM-2026-0005", "DEM-2026-0002", "DEM-2026-0009"]);
    expect(must(ranked[0]).score).toBe(defaultWeights.overdue_actions + defaultWeights.not_reviewed);
  });
  it("follows changed weights", () => {
    const a = aCase({ code: "DEM-2026-0001", overdueActionItems: 1 });
    const b = aCase({ code: "DEM-2026-0002", meetingsSinceReviewed: 5 });
    const weights = { ...defaultWeights, not_reviewed: 90 };
    expect(must(rankCases([a, b], ctx({ settings: { ...defaultSettings, weights } }))[0]).case.code).toBe(
      "DEM-2026-0002",
    );
  });
  it("leaves out cases no rule flags", () => {
    expect(rankCases([aCase()], ctx())).toEqual([]);
  });
});

describe("urgency", () => {
  const hearingIn = (nextDate: string, over: Partial<AgendaCase> = {}) =>
    aCase({
      code: "DEM-2026-0001",
      events: [{ kind: "hearing", occurredOn: "2026-11-01", outcome: null, nextDate }],
      ...over,
    });
  const overdueChargesheet = () =>
    aCase({ code: "DEM-2026-0099", accused: [{ arrestedOn: "2026-09-01", bailStatus: "not_applied" }] });

  it("an overdue chargesheet takes the last slot from a hearing five weeks out, even one with more reasons", () => {
    // 38 minutes: 5 (minutes) + 15 (action review) + 10 (any other business) leave 8, one case review.
    const hearing = hearingIn("2027-01-07", { accused: [{ arrestedOn: null, bailStatus: "pending" }] });
    const agenda = generateAgenda([hearing, overdueChargesheet()], ctx({ durationMinutes: 38 }));
    const reviews = agenda.items.filter((i) => i.kind === "case_review");
    expect(reviews.map((i) => i.title)).toEqual(["Case review: DEM-2026-0099"]);
    expect(must(reviews[0]).reasons[0]).toMatch(
      /^Chargesheet overdue by \d+ days .*: the accused may claim default bail$/,
    );
    expect(agenda.writtenUpdates.map((i) => i.title)).toEqual(["Case review: DEM-2026-0001"]);
    expect(must(agenda.writtenUpdates[0]).reasons).toEqual([
      "Hearing on 07/01/2027, 35 days after this meeting",
      "Bail application pending for 1 accused",
    ]);
  });

  it("a statutory clock that runs out by the meeting outranks any score of merely upcoming dates", () => {
    const busy = hearingIn("2026-12-05", {
      overdueActionItems: 2,
      meetingsSinceReviewed: 5,
      accused: [{ arrestedOn: null, bailStatus: "pending" }],
      extraReasons: [{ rule: "escalated_actions", reason: "2 action items escalated" }],
    });
    const ranked = rankCases([busy, overdueChargesheet()], ctx());
    expect(must(ranked[1]).score).toBeGreaterThan(must(ranked[0]).score);
    expect(ranked.map((r) => [r.case.code, r.clockRunOut])).toEqual([
      ["DEM-2026-0099", true],
      ["DEM-2026-0001", false],
    ]);
  });

  it("weighs a hearing more as its date nears", () => {
    const scoreOf = (date: string) => only(rankCases([hearingIn(date)], ctx())).score;
    expect(scoreOf("2026-12-03")).toBe(defaultWeights.hearing_soon * 2);
    expect(scoreOf("2026-12-08")).toBe(defaultWeights.hearing_soon * 1.5);
    expect(scoreOf("2026-12-20")).toBe(defaultWeights.hearing_soon);
    expect(scoreOf("2027-01-07")).toBe(defaultWeights.hearing_soon * 0.5);
  });
});

describe("time budget", () => {
  it("fits items in rank order and sends the rest to written update", () => {
    const { fits, writtenUpdates } = fitToBudget([{ minutes: 8 }, { minutes: 8 }, { minutes: 5 }], 14);
    expect(fits).toEqual([{ minutes: 8 }, { minutes: 5 }]);
    expect(writtenUpdates).toEqual([{ minutes: 8 }]);
  });

  it("builds standing items first, case reviews, then any other business, dropping nothing", () => {
    const cases = Array.from({ length: 20 }, (_, i) =>
      aCase({ code: `DEM-2026-${String(i + 1).padStart(4, "0")}`, overdueActionItems: 1 }),
    );
    const agenda = generateAgenda(cases, ctx({ durationMinutes: 120 }));
    const kinds = agenda.items.map((i) => i.kind);
    expect(kinds.slice(0, 2)).toEqual(["minutes_confirmation", "action_review"]);
    expect(kinds.at(-1)).toBe("any_other_business");
    // 120 - 5 - 15 - 10 = 90 minutes: 11 reviews of 8 minutes fit.
    expect(agenda.items.filter((i) => i.kind === "case_review")).toHaveLength(11);
    expect(agenda.writtenUpdates).toHaveLength(9);
    expect(agenda.items.reduce((s, i) => s + i.minutes, 0)).toBeLessThanOrEqual(120);
    const all = [...agenda.items, ...agenda.writtenUpdates].map((i) => i.caseId).filter(Boolean);
    expect(new Set(all).size).toBe(20);
  });

  it("adds an Escalations item when action items are escalated", () => {
    const agenda = generateAgenda([], ctx({ escalatedActionItems: 2 }));
    expect(agenda.items.map((i) => i.title)).toContain("Escalations");
  });

  it("gives the same agenda for the same inputs", () => {
    const cases = [
      aCase({ code: "DEM-2026-0003", overdueActionItems: 1 }),
      aCase({ code: "DEM-2026-0001", overdueActionItems: 1 }),
    ];
    expect(generateAgenda(cases, ctx())).toEqual(generateAgenda([...cases].reverse(), ctx()));
  });
});

describe("stored weights", () => {
  it("falls back to the defaults for a missing or damaged value", () => {
    expect(weightsFrom(null)).toEqual(defaultWeights);
    expect(weightsFrom("{not json")).toEqual(defaultWeights);
    expect(weightsFrom('{"bail": 500}')).toEqual(defaultWeights);
    expect(weightsFrom('{"bail": 5}').bail).toBe(5);
  });
});
