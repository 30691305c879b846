import { describe, expect, it } from "vitest";
import {
  appealClock,
  arrestDateOf,
  caseClocks,
  chargesheetClock,
  mostUrgentClock,
  nextDateClock,
  nextDateOf,
  type Clock,
  type ClockCase,
} from "~/lib/clocks";

const base = (over: Partial<ClockCase> = {}): ClockCase => ({
  outcome: null,
  chargesheetLimitDays: 60,
  events: [],
  accused: [],
  ...over,
});
const ev = (
  kind: ClockCase["events"][number]["kind"],
  occurredOn: string,
  extra: Partial<ClockCase["events"][number]> = {},
) => ({
  kind,
  occurredOn,
  outcome: null,
  nextDate: null,
  ...extra,
});
const arrested = (arrestedOn: string | null) => ({ arrestedOn, bailStatus: "not_applied" as const });

describe("chargesheet clock", () => {
  it("counts 60 days from the earliest arrest", () => {
    const c = base({ accused: [{ arrestedOn: "2026-10-14", bailStatus: "pending" }, arrested("2026-10-20")] });
    expect(chargesheetClock(c, "2026-12-07")).toEqual({
      kind: "chargesheet",
      label: "Chargesheet due in 6 days (arrest 14/10/2026, 60-day limit)",
      short: "Chargesheet due in 6 days",
      daysLeft: 6,
      severity: "warn",
    });
  });

  it("uses the 90-day limit and an arrest event when no accused has a date", () => {
    const c = base({ chargesheetLimitDays: 90, accused: [arrested(null)], events: [ev("arrest", "2026-10-01")] });
    expect(chargesheetClock(c, "2026-10-02")).toMatchObject({
      daysLeft: 89,
      severity: "ok",
      label: "Chargesheet due in 89 days (arrest 01/10/2026, 90-day limit)",
    });
  });

  it("takes the earlier of an arrest event and an accused's arrest date", () => {
    const c = base({ accused: [arrested("2026-10-10")], events: [ev("arrest", "2026-10-05")] });
    expect(arrestDateOf(c)).toBe("2026-10-05");
    expect(arrestDateOf(base({ accused: [arrested("2026-10-03")], events: [ev("arrest", "2026-10-05")] }))).toBe(
      "2026-10-03",
    );
  });

  it("warns from 21 days before the deadline, not 22", () => {
    const c = base({ accused: [arrested("2026-10-01")] }); // due 30/11/2026
    expect(chargesheetClock(c, "2026-11-08")).toMatchObject({ daysLeft: 22, severity: "ok" });
    expect(chargesheetClock(c, "2026-11-09")).toMatchObject({ daysLeft: 21, severity: "warn" });
  });

  it("is due today on the 60th day, and overdue the day after", () => {
    const c = base({ accused: [arrested("2026-10-01")] });
    expect(chargesheetClock(c, "2026-11-30")).toMatchObject({
      label: "Chargesheet due today (arrest 01/10/2026, 60-day limit)",
      daysLeft: 0,
      severity: "warn",
    });
    expect(chargesheetClock(c, "2026-12-01")).toMatchObject({
      daysLeft: -1,
      severity: "danger",
      short: "Chargesheet overdue by 1 day",
    });
    expect(chargesheetClock(c, "2026-12-01")?.label).toBe(
      "Chargesheet overdue by 1 day (arrest 01/10/2026, 60-day limit): the accused may claim default bail",
    );
    expect(chargesheetClock(c, "2026-12-10")?.label).toMatch(/^Chargesheet overdue by 10 days /);
  });

  it("is done once a chargesheet is filed, even late", () => {
    const filed = base({ accused: [arrested("2026-01-01")], events: [ev("chargesheet_filed", "2026-04-20")] });
    expect(chargesheetClock(filed, "2026-12-01")).toEqual({
      kind: "chargesheet",
      label: "Chargesheet filed on 20/04/2026",
      short: "Chargesheet filed",
      daysLeft: null,
      severity: "ok",
    });
  });

  it("does not apply without an arrest, or once the case has an outcome", () => {
    expect(chargesheetClock(base(), "2026-12-01")).toBeNull();
    expect(chargesheetClock(base({ accused: [arrested(null)] }), "2026-12-01")).toBeNull();
    expect(
      chargesheetClock(base({ outcome: "discharged", accused: [arrested("2026-01-01")] }), "2026-12-01"),
    ).toBeNull();
  });
});

describe("next hearing or testimony", () => {
  it("counts the days to the latest event's next date", () => {
    const c = base({
      events: [
        ev("hearing", "2026-11-01", { nextDate: "2026-11-20" }),
        ev("hearing", "2026-11-20", { nextDate: "2026-12-15" }),
      ],
    });
    expect(nextDateClock(c, "2026-12-01")).toEqual({
      kind: "next_date",
      label: "Next hearing on 15/12/2026, in 14 days",
      short: "Hearing in 14 days",
      daysLeft: 14,
      severity: "ok",
    });
  });

  it("keeps the next date when a later event (a bail order) fixes none", () => {
    const c = base({
      events: [
        ev("hearing", "2026-11-01", { nextDate: "2026-12-15" }),
        ev("bail_order", "2026-11-10", { outcome: "Bail refused" }),
      ],
    });
    expect(nextDateOf(c)).toEqual({ date: "2026-12-15", testimony: false });
  });

  it("says today on the day itself", () => {
    const c = base({ events: [ev("hearing", "2026-11-01", { nextDate: "2026-12-01" })] });
    expect(nextDateClock(c, "2026-12-01")).toMatchObject({ label: "Next hearing on 01/12/2026, today", daysLeft: 0 });
  });

  it("names a testimony (by kind or by outcome) and warns within two weeks, not at 15 days", () => {
    const byOutcome = base({
      events: [ev("hearing", "2026-11-20", { outcome: "Adjourned; victim testimony fixed", nextDate: "2026-12-02" })],
    });
    expect(nextDateClock(byOutcome, "2026-12-01")).toMatchObject({
      label: "Victim testimony on 02/12/2026, in 1 day",
      short: "Testimony in 1 day",
      severity: "warn",
    });
    const byKind = base({ events: [ev("testimony", "2026-11-20", { outcome: "Part heard", nextDate: "2026-12-16" })] });
    expect(nextDateClock(byKind, "2026-12-01")).toMatchObject({ daysLeft: 15, severity: "ok" });
    expect(nextDateClock(byKind, "2026-12-02")).toMatchObject({ daysLeft: 14, severity: "warn" });
  });

  it("asks for the outcome once the date has passed with nothing recorded", () => {
    const c = base({ events: [ev("hearing", "2026-11-01", { nextDate: "2026-11-20" })] });
    expect(nextDateClock(c, "2026-12-01")).toMatchObject({
      label: "Next hearing was due on 20/11/2026: record what happened",
      short: "Hearing date passed",
      daysLeft: -11,
      severity: "warn",
    });
  });

  it("is settled when an event was recorded on that date without fixing another", () => {
    const c = base({
      events: [
        ev("hearing", "2026-10-01", { nextDate: "2026-11-20" }),
        ev("judgment", "2026-11-20", { outcome: "Convicted" }),
      ],
    });
    expect(nextDateOf(c)).toBeNull();
    expect(nextDateClock(c, "2026-12-01")).toBeNull();
  });

  it("does not apply when no next date was ever fixed", () => {
    expect(nextDateClock(base({ events: [ev("fir", "2026-11-01")] }), "2026-12-01")).toBeNull();
  });
});

describe("appeal window after an acquittal", () => {
  const acquitted = (extra: ClockCase["events"] = []) =>
    base({ outcome: "acquitted", events: [ev("judgment", "2026-10-01"), ...extra] });

  it("counts 90 days from the judgment, warning and then danger in the last 21 days", () => {
    expect(appealClock(acquitted(), "2026-11-01")).toEqual({
      kind: "appeal",
      label: "Acquitted on 01/10/2026, no appeal filed: 59 days left to appeal",
      short: "Appeal: 59 days left",
      daysLeft: 59,
      severity: "warn",
    });
    expect(appealClock(acquitted(), "2026-12-08")).toMatchObject({ daysLeft: 22, severity: "warn" });
    expect(appealClock(acquitted(), "2026-12-09")).toMatchObject({ daysLeft: 21, severity: "danger" });
    expect(appealClock(acquitted(), "2026-12-30")).toMatchObject({ daysLeft: 0 });
  });

  it("says the window has closed the day after the 90th day", () => {
    expect(appealClock(acquitted(), "2026-12-31")).toMatchObject({
      label: "Appeal window closed on 30/12/2026 with no appeal filed",
      short: "Appeal window closed",
      daysLeft: -1,
      severity: "danger",
    });
  });

  it("says an appeal was filed, counting only an appeal after the latest judgment", () => {
    expect(appealClock(acquitted([ev("appeal_filed", "2026-11-15")]), "2026-12-31")).toMatchObject({
      label: "Appeal filed on 15/11/2026",
      daysLeft: null,
      severity: "ok",
    });
    const earlierAppeal = base({
      outcome: "acquitted",
      events: [ev("appeal_filed", "2026-05-01"), ev("judgment", "2026-10-01")],
    });
    expect(appealClock(earlierAppeal, "2026-11-01")).toMatchObject({ daysLeft: 59 });
  });

  it("does not apply to a conviction, or to an acquittal with no judgment recorded", () => {
    expect(
      appealClock(base({ outcome: "convicted", events: [ev("judgment", "2026-10-01")] }), "2026-11-01"),
    ).toBeNull();
    expect(appealClock(base({ outcome: "acquitted" }), "2026-11-01")).toBeNull();
  });
});

describe("caseClocks and the most urgent one", () => {
  it("lists the clocks that apply, in a fixed order", () => {
    const c = base({
      accused: [arrested("2026-11-01")],
      events: [ev("hearing", "2026-11-10", { nextDate: "2026-12-10" })],
    });
    expect(caseClocks(c, "2026-11-28").map((k) => k.kind)).toEqual(["chargesheet", "next_date"]);
    expect(caseClocks(base(), "2026-11-28")).toEqual([]);
  });

  it("picks danger over warn, then the fewest days left, and nothing when all are fine", () => {
    const clock = (
      severity: Clock["severity"],
      daysLeft: number | null,
      kind: Clock["kind"] = "chargesheet",
    ): Clock => ({ kind, label: "", short: "", daysLeft, severity });
    expect(mostUrgentClock([clock("ok", 3), clock("ok", 40, "next_date")])).toBeNull();
    expect(mostUrgentClock([clock("warn", 3, "next_date"), clock("danger", 10, "appeal")])?.kind).toBe("appeal");
    expect(mostUrgentClock([clock("warn", 10), clock("warn", -2, "next_date")])?.kind).toBe("next_date");
  });
});
