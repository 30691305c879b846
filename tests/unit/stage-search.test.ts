import { describe, expect, it } from "vitest";
import { caseStages } from "#db/schema/enums";
import { stagesMatching } from "~/lib/labels";

describe("a stage typed into the register's search", () => {
  it("matches by its English label or its value, in part and in any case", () => {
    expect(stagesMatching(caseStages, "Chargesheet")).toEqual(["chargesheet"]);
    expect(stagesMatching(caseStages, "charges  FRAMED")).toEqual(["charges_framed"]);
    expect(stagesMatching(caseStages, "prosecution evidence")).toEqual(["prosecution_evidence"]);
    expect(stagesMatching(caseStages, "evidence")).toEqual(["prosecution_evidence", "defence_evidence"]);
  });
  it("matches by its Marathi or Hindi label, through the same labels tables", () => {
    expect(stagesMatching(caseStages, "दोषारोपपत्र")).toEqual(["chargesheet"]);
    expect(stagesMatching(caseStages, "तपास")).toEqual(["investigation"]);
    expect(stagesMatching(caseStages, "जांच")).toEqual(["investigation"]);
    expect(stagesMatching(caseStages, "अपील")).toEqual(["appeal"]);
  });
  it("matches nothing for other words, or none", () => {
    expect(stagesMatching(caseStages, "Wadi")).toEqual([]);
    expect(stagesMatching(caseStages, "  ")).toEqual([]);
  });
});
