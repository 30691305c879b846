import { describe, expect, it } from "vitest";
import { outcomeReport, type OutcomeInput } from "~/lib/outcomes";
import { acrossCollectives, hiddenCounts, inCollective, type Hidden } from "~/lib/outcomes-suppression";
import { defaultIndicators } from "~/lib/participation";
import { hiddenInCollective, stateView } from "~/lib/state-display";
import { quartersOf, rollupCounts, type CollectiveFigures } from "~/lib/state-figures";
import { smallCellThreshold } from "~/lib/suppress";

const noCases: OutcomeInput = {
  cases: [],
  events: [],
  victims: [],
  indicators: defaultIndicators,
  today: "2026-12-01",
};

function district(id: number, overrides: Partial<CollectiveFigures> = {}, input = noCases): CollectiveFigures {
  return {
    collectiveId: id,
    name: `District ${id}`,
    district: `District ${id}`,
    districtCode: `D${id}`,
    active: true,
    today: "2026-12-01",
    computedAt: "2026-12-01T00:00:00.000Z",
    outcomes: outcomeReport(input),
    openCases: 0,
    chargesheetsOverdue: 0,
    actionsOverdue: 0,
    meetingsHeld: 3,
    attended: 20,
    expectedAttendance: 27,
    minutesDays: [3, 4, 9],
    ...overrides,
  };
}

/** Cases decided in the given quarters ("2025-02-10": convicted or not). */
function decided(judgments: [string, boolean][]): OutcomeInput {
  return {
    ...noCases,
    cases: judgments.map(([on, convicted], i) => ({
      id: i + 1,
      outcome: convicted ? "convicted" : "acquitted",
      stage: "closed",
      openedOn: "2023-01-01",
      closedOn: on,
    })),
    events: judgments.map(([on, convicted], i) => ({
      caseId: i + 1,
      kind: "judgment",
      occurredOn: on,
      outcome: convicted ? "Convicted" : "Acquitted",
    })),
  };
}

function rollup(collectives: CollectiveFigures[]) {
  const quarters = quartersOf(collectives);
  const { counts, splits } = rollupCounts(collectives, [], quarters);
  const hidden = hiddenCounts(counts, splits);
  return { hidden, counts, view: stateView(collectives, [], quarters, hidden) };
}

/** The bounds an observer can give a count shown as "<5", "–" or a number, knowing how the rule works. */
const bounds = (shown: string): [number, number] =>
  shown === `<${smallCellThreshold}`
    ? [1, smallCellThreshold - 1]
    : shown === "–"
      ? [smallCellThreshold, Infinity]
      : [Number(shown), Number(shown)];

describe("small counts across districts", () => {
  it("a state total of 14 with one district hidden: another district is hidden too, so the 3 cannot be subtracted out", () => {
    // 3 + 6 + 5 = 14. Showing 6, 5 and 14 would give the 3 away: 14 − 6 − 5.
    const c = new Map([
      ["a|open", 3],
      ["b|open", 6],
      ["c|open", 5],
    ]);
    const state = acrossCollectives(c, ["a|", "b|", "c|"], ["open"], "state|");
    expect(state.counts.get("state|open")).toBe(14);
    const hidden = hiddenCounts(new Map([...c, ...state.counts]), state.splits);
    expect(Object.fromEntries(hidden)).toEqual({ "a|open": "small", "c|open": "guard" });
    // What is left to work out: a + c = 14 − 6 = 8 with a in 1–4 and c at least 5: a is 1, 2 or 3.
  });

  it("holds on the state page: the rows, the total and what an observer can work out from them", () => {
    const { view } = rollup([
      district(1, { openCases: 3 }),
      district(2, { openCases: 6 }),
      district(3, { openCases: 5 }),
    ]);
    const shown = view.rows.map((r) => r.cells["open-cases"]!.value);
    expect(shown).toEqual(["<5", "6", "–"]);
    expect(view.total.cells["open-cases"]!.value).toBe("14");
    expect(view.rows[2]!.cells["open-cases"]!.note).toBe(
      "Hidden so that a count under 5 cannot be worked out by subtraction.",
    );
    // The observer's best bounds for district 1: 14 − 6 − (5 or more) ≤ 3, and at least 1: never one value.
    const [lo3] = bounds(shown[2]!);
    const hi1 = Math.min(bounds(shown[0]!)[1], 14 - 6 - lo3);
    expect(hi1).toBeGreaterThan(bounds(shown[0]!)[0]);
    // Meetings and attendance are about departments: shown exactly, as on the accountability page.
    expect(view.total.cells["meetings-held"]!.value).toBe("9");
    expect(view.total.cells["attendance"]!.value).toBe("74.1%");
  });

  it("cannot be worked out from the state's quarters less the other districts' quarters", () => {
    // District 1 has 2 decided cases in 2025 Q1 (hidden on its drill-down page); district 2 has 6 there.
    // The state's 2025 Q1 is 8: shown, it would give district 1's 2 as 8 − 6, so something more is hidden.
    const one = district(1, {}, decided([...Array(2)].map(() => ["2025-02-10", true] as [string, boolean])));
    const two = district(
      2,
      {},
      decided([
        ...[...Array(6)].map(() => ["2025-02-12", false] as [string, boolean]),
        ...[...Array(7)].map(() => ["2025-05-12", true] as [string, boolean]),
      ]),
    );
    const { hidden, view } = rollup([one, two]);
    const mine = hiddenInCollective(hidden, 1);
    expect(mine.get("decided|2025 Q1")).toBe("small");
    const stateQ1 = view.trend.find((t) => t.period === "2025 Q1")!.cell;
    const twoQ1 = hiddenInCollective(hidden, 2).get("decided|2025 Q1");
    // Either the state's quarter or district 2's quarter is hidden: never both shown.
    expect(stateQ1.of === "8" && twoQ1 === undefined).toBe(false);
  });

  it("no hidden count of any district can be pinned to one value from everything a state reader sees", () => {
    // Twelve districts of different sizes, each with quarters and years of decisions.
    const collectives = [...Array(12)].map((_, i) =>
      district(
        i + 1,
        { openCases: (i * 7) % 13, chargesheetsOverdue: i % 3 },
        decided(
          [...Array((i * 5) % 17)].map((__, j) => [`202${4 + (j % 3)}-0${1 + ((i + j) % 9)}-15`, (i + j) % 3 !== 0]),
        ),
      ),
    );
    const { hidden, counts } = rollup(collectives);
    const { splits } = rollupCounts(collectives, [], quartersOf(collectives));
    const small = [...hidden].filter(([, why]) => why === "small");
    expect(small.length).toBeGreaterThan(0);
    for (const [key] of small) expect(counts.get(key)).toBeLessThan(smallCellThreshold);
    // The plainest attack, split by split: a shown total less its shown parts, when one part is hidden.
    for (const { total, parts } of splits) {
      const hiddenParts = parts.filter((p) => hidden.has(p));
      if (hidden.has(total) || hiddenParts.length !== 1) continue;
      if (parts.reduce((n, p) => n + counts.get(p)!, 0) !== counts.get(total)) continue;
      const left = counts.get(total)! - parts.filter((p) => !hidden.has(p)).reduce((n, p) => n + counts.get(p)!, 0);
      expect(hidden.get(hiddenParts[0]!)).toBe("guard");
      expect(left).toBeGreaterThanOrEqual(smallCellThreshold);
    }
  });

  it("names a collective's counts under its prefix, its splits with them", () => {
    const scoped = inCollective("c7|", new Map([["decided", 5]]), [{ total: "decided", parts: [] }]);
    expect([...scoped.counts.keys()]).toEqual(["c7|decided"]);
    expect(scoped.splits).toEqual([{ total: "c7|decided", parts: [] }]);
    const hidden = new Map<string, Hidden>([["c7|decided", "small"]]);
    expect(hiddenInCollective(hidden, 7)).toEqual(new Map([["decided", "small"]]));
  });
});
