import { describe, expect, it } from "vitest";
import {
  completeIndicators,
  defaultIndicators,
  indicatorKeys,
  participationIndex,
  type Indicator,
  type IndicatorKey,
  type VictimServices,
} from "~/lib/participation";
import { must } from "../support/present";

const none: VictimServices = {
  legalAidAssignedOn: null,
  educationEnrolled: false,
  livelihoodSupport: false,
  compensationAppliedOn: null,
  compensationReceivedOn: null,
  inShelter: false,
  testifiedInProtectionRoom: false,
  lastInformedOn: null,
  heardAtBail: null,
  escortedWhenSummoned: null,
  supportPersonAtTestimony: false,
  threatReported: false,
  threatActedOn: false,
};
const today = "2026-12-01";

/** Only the one indicator, as configured by default: its row in the index, or undefined when it does not apply. */
const alone = (
  key: IndicatorKey,
  victim: Partial<VictimServices>,
  stage: Indicator["stages"][number],
  on: string = today,
) => {
  const only = defaultIndicators.filter((i) => i.key === key);
  return participationIndex({ ...none, ...victim }, stage, only, on).indicators[0];
};
const stagesOf = (key: IndicatorKey) => defaultIndicators.find((i) => i.key === key)!.stages;

describe("informed of case progress", () => {
  it("is met when she was last informed 60 days ago or less, and not after that or never", () => {
    expect(alone("informed", { lastInformedOn: "2026-12-01" }, "investigation")).toMatchObject({
      met: true,
      weight: 2,
    });
    expect(alone("informed", { lastInformedOn: "2026-10-02" }, "investigation")?.met).toBe(true); // 60 days
    expect(alone("informed", { lastInformedOn: "2026-10-01" }, "investigation")?.met).toBe(false); // 61 days
    expect(alone("informed", { lastInformedOn: null }, "investigation")?.met).toBe(false);
    expect(alone("informed", { lastInformedOn: "2026-12-20" }, "investigation")?.met).toBe(false);
  });
  it("is judged against the day passed in, so the same record lapses with time", () => {
    expect(alone("informed", { lastInformedOn: "2026-11-01" }, "fir", "2026-11-20")?.met).toBe(true);
    expect(alone("informed", { lastInformedOn: "2026-11-01" }, "fir", "2027-01-15")?.met).toBe(false);
  });
  it("applies from the FIR to the appeal", () => {
    expect(stagesOf("informed")).toEqual([
      "fir",
      "investigation",
      "chargesheet",
      "charges_framed",
      "prosecution_evidence",
      "defence_evidence",
      "judgment",
      "appeal",
    ]);
    expect(alone("informed", { lastInformedOn: today }, "rescue")).toBeUndefined();
    expect(alone("informed", { lastInformedOn: today }, "closed")).toBeUndefined();
  });
});

describe("heard at bail hearings", () => {
  it("applies only once a bail hearing is held, from the FIR on", () => {
    expect(alone("heard_at_bail", { heardAtBail: null }, "chargesheet")).toBeUndefined();
    expect(alone("heard_at_bail", { heardAtBail: true }, "chargesheet")).toMatchObject({ met: true, weight: 2 });
    expect(alone("heard_at_bail", { heardAtBail: false }, "chargesheet")?.met).toBe(false);
    expect(alone("heard_at_bail", { heardAtBail: true }, "rescue")).toBeUndefined();
    expect(stagesOf("heard_at_bail")[0]).toBe("fir");
  });
});

describe("escort or travel when summoned", () => {
  it("applies only once she is summoned, from the investigation on", () => {
    expect(alone("attended_when_summoned", { escortedWhenSummoned: null }, "prosecution_evidence")).toBeUndefined();
    expect(alone("attended_when_summoned", { escortedWhenSummoned: true }, "prosecution_evidence")).toMatchObject({
      met: true,
      weight: 2,
    });
    expect(alone("attended_when_summoned", { escortedWhenSummoned: false }, "prosecution_evidence")?.met).toBe(false);
    expect(alone("attended_when_summoned", { escortedWhenSummoned: true }, "fir")).toBeUndefined();
  });
});

describe("testimony taken in a protection room or with a support person", () => {
  it("is met by either, from the defence evidence on", () => {
    expect(alone("testimony_supported", { testifiedInProtectionRoom: true }, "defence_evidence")).toMatchObject({
      met: true,
      weight: 3,
    });
    expect(alone("testimony_supported", { supportPersonAtTestimony: true }, "judgment")?.met).toBe(true);
    expect(alone("testimony_supported", {}, "closed")?.met).toBe(false);
    expect(alone("testimony_supported", { supportPersonAtTestimony: true }, "prosecution_evidence")).toBeUndefined();
  });
  it("replaces the room-only indicator by default, so a protection room counts once", () => {
    expect(defaultIndicators.find((i) => i.key === "protection_room")!.active).toBe(false);
    const roomOnly = participationIndex(
      { ...none, testifiedInProtectionRoom: true },
      "closed",
      defaultIndicators,
      today,
    );
    expect(roomOnly.indicators.filter((r) => r.met).map((r) => r.key)).toEqual(["testimony_supported"]);
  });
});

describe("threats reported and acted on", () => {
  it("applies only to a victim who reported a threat, at any stage", () => {
    expect(alone("threat_acted_on", { threatReported: false }, "investigation")).toBeUndefined();
    expect(alone("threat_acted_on", { threatReported: false, threatActedOn: true }, "investigation")).toBeUndefined();
    expect(alone("threat_acted_on", { threatReported: true, threatActedOn: true }, "rescue")).toMatchObject({
      met: true,
      weight: 3,
    });
    expect(alone("threat_acted_on", { threatReported: true }, "appeal")?.met).toBe(false);
  });
});

describe("the index with every default indicator", () => {
  it("weighs only what applies to this victim at this stage", () => {
    // Investigation: legal aid 3, education 2, shelter 1, informed 2; bail and summons not yet; no threat: 8 in all.
    const victim = { ...none, legalAidAssignedOn: "2026-10-01", lastInformedOn: "2026-11-20" };
    expect(participationIndex(victim, "investigation", defaultIndicators, today).score).toBe(63); // 5 of 8
    // A bail hearing where she was not heard (2) and a threat acted on (3): 8 of 13.
    const more = { ...victim, heardAtBail: false, threatReported: true, threatActedOn: true };
    expect(participationIndex(more, "investigation", defaultIndicators, today).score).toBe(62);
  });
});

describe("a configuration saved before the new indicators", () => {
  const old: Indicator[] = defaultIndicators
    .slice(0, 6)
    .map((i) => ({ ...i, active: true, weight: i.key === "legal_aid" ? 5 : i.weight }));
  it("keeps what was saved and adds every missing indicator with its default", () => {
    const complete = completeIndicators(old);
    expect(complete.map((i) => i.key).sort()).toEqual([...indicatorKeys].sort());
    expect(complete.find((i) => i.key === "legal_aid")!.weight).toBe(5);
    for (const key of ["informed", "heard_at_bail", "attended_when_summoned", "threat_acted_on"] as const) {
      expect(complete.find((i) => i.key === key)).toEqual(defaultIndicators.find((i) => i.key === key));
    }
  });
  it("hands a counted protection room over to the room-or-support-person indicator, with its weight and stages", () => {
    const room = { ...must(old[5]), weight: 4, stages: ["judgment" as const] };
    const complete = completeIndicators([...old.slice(0, 5), room]);
    expect(complete.find((i) => i.key === "protection_room")).toMatchObject({ active: false, weight: 4 });
    expect(complete.find((i) => i.key === "testimony_supported")).toMatchObject({
      active: true,
      weight: 4,
      stages: ["judgment"],
    });
  });
  it("leaves an uncounted protection room alone, and a complete configuration as it is", () => {
    const off = completeIndicators([...old.slice(0, 5), { ...must(old[5]), active: false }]);
    expect(off.find((i) => i.key === "testimony_supported")).toEqual(
      defaultIndicators.find((i) => i.key === "testimony_supported"),
    );
    expect(completeIndicators(defaultIndicators)).toEqual(defaultIndicators);
  });
});
