import { describe, expect, it } from "vitest";
import { appealClock, caseClocks, chargesheetClock, nextDateClock, type ClockCase } from "~/lib/clocks";

const base = (over: Partial<ClockCase> = {}): ClockCase => ({ outcome: null, chargesheetLimitDays: 60, events: [], accused: [], ...over });
const ev = (kind: ClockCase["events"][number]["kind"], occurredOn: string, extra: Partial<ClockCase["events"][number]> = {}) => ({
  kind, occurredOn, outcome: null, nextDate: null, ...extra,
});

describe("chargesheet clock", () => {
  it("counts 60 days from the earliest arrest", () => {
    const c = base({ accused: [{ arrestedOn: "2026-10-14", bailStatus: "pending" }, { arrestedOn: "2026-10-20", bailStatus: "not_applied" }] });
    expect(chargesheetClock(c, "2026-12-07")).toEqual({
      kind: "chargesheet", label: "Chargesheet due in 6 days (arrest 14/10/2026, 60-day limit)", daysLeft: 6, severity: "warn",
    });
  });
  it("uses the 90-day limit and an arrest event when no accused has a date", () => {
    const c = base({ chargesheetLimitDays: 90, events: [ev("arrest", "2026-10-01")] });
    expect(chargesheetClock(c, "2026-10-02")).toMatchObject({ daysLeft: 89, severity: "ok" });
  });
  it("is due today on the 60th day, and overdue the day after", () => {
    const c = base({ accused: [{ arrestedOn: "2026-10-01", bailStatus: "not_applied" }] });
    expect(chargesheetClock(c, "2026-11-30")?.label).toBe("Chargesheet due today (arrest 01/10/2026, 60-day limit)");
    expect(chargesheetClock(c, "2026-12-01")).toMatchObject({ daysLeft: -1, severity: "danger" });
    expect(chargesheetClock(c, "2026-12-01")?.label).toMatch(/^Chargesheet overdue by 1 day .*default bail$/);
  });
  it("is settled once filed, and absent without an arrest", () => {
    const filed = base({ accused: [{ arrestedOn: "2026-01-01", bailStatus: "not_applied" }], events: [ev("chargesheet_filed", "2026-02-20")] });
    expect(chargesheetClock(filed, "2026-12-01")).toMatchObject({ daysLeft: null, label: "Chargesheet filed on 20/02/2026" });
    expect(chargesheetClock(base(), "2026-12-01")).toBeNull();
  });
});

describe("next hearing or testimony", () => {
  it("counts the days to the latest event's next date", () => {
    const c = base({ events: [ev("hearing", "2026-11-01", { nextDate: "2026-11-20" }), ev("hearing", "2026-11-20", { nextDate: "2026-12-15" })] });
    expect(nextDateClock(c, "2026-12-01")).toMatchObject({ label: "Next hearing on 15/12/2026, in 14 days", daysLeft: 14, severity: "ok" });
  });
  it("names a testimony and warns within two weeks", () => {
    const c = base({ events: [ev("hearing", "2026-11-20", { outcome: "Adjourned; victim testimony fixed", nextDate: "2026-12-02" })] });
    expect(nextDateClock(c, "2026-12-01")).toMatchObject({ label: "Victim testimony on 02/12/2026, in 1 day", severity: "warn" });
  });
  it("asks for the outcome once the date has passed", () => {
    const c = base({ events: [ev("hearing", "2026-11-01", { nextDate: "2026-11-20" })] });
    expect(nextDateClock(c, "2026-12-01")?.label).toBe("Next hearing was due on 20/11/2026: record what happened");
  });
});

describe("appeal window after an acquittal", () => {
  const acquitted = (extra: ClockCase["events"] = []) => base({ outcome: "acquitted", events: [ev("judgment", "2026-10-01"), ...extra] });
  it("counts 90 days from the judgment", () => {
    expect(appealClock(acquitted(), "2026-11-01")).toMatchObject({ daysLeft: 59, severity: "warn" });
    expect(appealClock(acquitted(), "2026-12-20")).toMatchObject({ daysLeft: 10, severity: "danger" });
    expect(appealClock(acquitted(), "2026-12-30")).toMatchObject({ daysLeft: 0 });
  });
  it("says when the window has closed, or an appeal is filed", () => {
    expect(appealClock(acquitted(), "2026-12-31")?.label).toBe("Appeal window closed on 30/12/2026 with no appeal filed");
    expect(appealClock(acquitted([ev("appeal_filed", "2026-11-15")]), "2026-12-31")?.label).toBe("Appeal filed on 15/11/2026");
  });
  it("does not apply to a conviction", () => {
    expect(appealClock(base({ outcome: "convicted", events: [ev("judgment", "2026-10-01")] }), "2026-11-01")).toBeNull();
  });
});

describe("caseClocks", () => {
  it("lists the clocks that apply", () => {
    const c = base({ accused: [{ arrestedOn: "2026-11-01", bailStatus: "not_applied" }], events: [ev("hearing", "2026-11-10", { nextDate: "2026-12-10" })] });
    expect(caseClocks(c, "2026-11-28").map((k) => k.kind)).toEqual(["chargesheet", "next_date"]);
  });
});
