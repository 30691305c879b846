import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db.server";
import { loader as caseLoader } from "~/routes/cases.$caseId";
import { loader as csvLoader } from "~/routes/reports.outcomes[.]csv";
import { loader as outcomesLoader } from "~/routes/reports.outcomes";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings.participation";
import { figuresCsv } from "~/lib/outcomes";
import { indicatorKeys } from "~/lib/participation";
import { participationIndicatorsFor } from "~/models/outcome.server";
import { createAccused, createCase, createCaseEvent, createCollective, createDepartment, createUser, createVictim } from "../factories";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";

// A second collective, small enough to count by hand, beside the demo one.
let observer: string;
let secretariat: string;
let caseId: number;
beforeAll(async () => {
  const db = getDb();
  const c = createCollective(db, { name: "Small District", district: "Small", districtCode: "SML" });
  const police = createDepartment(db, { collectiveId: c.id, name: "Police", kind: "police" });
  createUser(db, { collectiveId: c.id, email: "observer@small.example", role: "observer" });
  createUser(db, { collectiveId: c.id, email: "secretariat@small.example", role: "secretariat" });
  const outcomes = ["convicted", "convicted", "convicted", "acquitted", "discharged", "convicted"] as const;
  outcomes.forEach((outcome, i) => {
    const k = createCase(db, { collectiveId: c.id, openedOn: "2024-01-01", stage: "closed", status: "closed", outcome, closedOn: `2025-0${i + 1}-15`, firNumber: "7777", departments: [{ departmentId: police.id, role: "lead" }] });
    createCaseEvent(db, { caseId: k.id, kind: "judgment", occurredOn: `2025-0${i + 1}-15`, outcome: outcome });
    createVictim(db, { caseId: k.id, collectiveId: c.id, code: `V-9${i}00`, legalAidAssignedOn: i < 3 ? "2024-02-01" : null });
    createAccused(db, { caseId: k.id, name: "Canary Accusedname" });
    caseId = k.id;
  });
  observer = await cookieFor("observer@small.example");
  secretariat = await cookieFor("secretariat@small.example");
});

const page = (cookie: string) => run(() => outcomesLoader({ request: getRequest("/reports/outcomes", cookie), params: {}, context: {} }));
const figure = (figures: { measure: string; period: string }[], measure: string, period = "All years") => figures.find((f) => f.measure === measure && f.period === period);

describe("the outcomes dashboard", () => {
  it("gives the secretariat exact figures", async () => {
    const res = await page(secretariat);
    expect(figure(res.data.figures, "Conviction rate")).toMatchObject({ value: "66.7%", count: "4", of: "6" });
    expect(figure(res.data.figures, "Cases acquitted")).toMatchObject({ count: "1" });
    expect(figure(res.data.figures, "With a legal-aid lawyer")).toMatchObject({ value: "50%", count: "3", of: "6" });
  });

  it("shows observers '<5' for every small cell", async () => {
    const res = await page(observer);
    expect(res.data.exact).toBe(false);
    expect(figure(res.data.figures, "Conviction rate")).toMatchObject({ value: "66.7%", count: "<5", of: "6" });
    expect(figure(res.data.figures, "Cases acquitted")).toMatchObject({ count: "<5" });
    expect(figure(res.data.figures, "Conviction rate", "2025 Q1")).toMatchObject({ value: "<5", count: "<5", of: "<5" });
    expect(JSON.stringify(res.data)).not.toContain("Canary");
  });

  it("writes the same figures to CSV as the page shows", async () => {
    for (const cookie of [observer, secretariat]) {
      const res = await csvLoader({ request: getRequest("/reports/outcomes.csv", cookie), params: {}, context: {} });
      expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      expect(await res.text()).toBe(figuresCsv((await page(cookie)).data.figures));
    }
  });

  it("lets an observer see no case", async () => {
    const res = await run(() => caseLoader({ request: getRequest(`/cases/${caseId}`, observer), params: { caseId: String(caseId) }, context: {} }));
    expect(res.status).toBe(403);
  });

  it("shows each victim's index on the case page", async () => {
    const res = await run(() => caseLoader({ request: getRequest(`/cases/${caseId}`, secretariat), params: { caseId: String(caseId) }, context: {} }));
    const [victimId] = Object.keys(res.data.participation);
    expect(res.data.participation[victimId].score).toBe(0);
  });
});

describe("configuring the index", () => {
  const form = (over: Record<string, string | string[]> = {}) => {
    const fields: Record<string, string | string[]> = {};
    for (const i of participationIndicatorsFor(getDb(), 999)) {
      fields[`${i.key}.label`] = i.label;
      fields[`${i.key}.weight`] = String(i.weight);
      fields[`${i.key}.active`] = "on";
      fields[`${i.key}.stages`] = i.stages;
    }
    return { ...fields, ...over };
  };
  const admin = () => cookieFor("admin@demo.testa");

  it("changes the weights, and every index follows", async () => {
    const cookie = await admin();
    const before = figure((await page(await cookieFor("secretariat@demo.testa"))).data.figures, "Median index");
    const res = await run(() => settingsAction({ request: postRequest("/settings/participation", form({ "legal_aid.weight": "10", "shelter.active": [] as unknown as string }), cookie), params: {}, context: {} }));
    expect(res.status).toBe(302);
    const saved = participationIndicatorsFor(getDb(), 1);
    expect(saved.find((i) => i.key === "legal_aid")!.weight).toBe(10);
    const after = figure((await page(await cookieFor("secretariat@demo.testa"))).data.figures, "Median index");
    expect(after).not.toEqual(before);
  });

  it("refuses a bad weight or an unknown stage with a message, changing nothing", async () => {
    const cookie = await admin();
    const before = participationIndicatorsFor(getDb(), 1);
    const res = await run(() => settingsAction({ request: postRequest("/settings/participation", form({ "legal_aid.weight": "11", "shelter.stages": ["trial"] }), cookie), params: {}, context: {} }));
    expect(res.status).toBe(400);
    expect(res.data.errors["legal_aid.weight"]).toBe("Weight must be a whole number from 0 to 10.");
    expect(res.data.errors["shelter.stages.0"] ?? res.data.errors["shelter.stages"]).toBe("Choose stages from the list.");
    expect(participationIndicatorsFor(getDb(), 1)).toEqual(before);
  });

  it("is for the administrator only", async () => {
    const res = await run(async () => settingsLoader({ request: getRequest("/settings/participation", await cookieFor("secretariat@demo.testa")), params: {}, context: {} }));
    expect(res.status).toBe(403);
    expect(indicatorKeys).toHaveLength(6);
  });
});
