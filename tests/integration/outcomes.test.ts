import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db.server";
import { loader as caseLoader } from "~/routes/cases.$caseId";
import { loader as csvLoader } from "~/routes/reports.outcomes[.]csv";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { OutcomeSections } from "~/components/outcome-sections";
import { loader as outcomesLoader } from "~/routes/reports.outcomes";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings.participation";
import { figuresCsv, type DisplayFigure } from "~/lib/outcomes-display";
import { defaultIndicators, indicatorKeys } from "~/lib/participation";
import { participationIndicators } from "#db/schema";
import { participationIndicatorsFor } from "~/models/outcome.server";
import {
  createAccused,
  createCase,
  createCaseEvent,
  createCollective,
  createDepartment,
  createUser,
  createVictim,
} from "../factories";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";
import { must } from "../support/present";

// A second collective, small enough to count by hand, beside the demo one.
// 2024 (judgments in November, Q4): 6 decided, 4 convicted and 2 acquitted.
// 2025 (judgments in February, Q1): 14 decided, 7 convicted, 5 acquitted and 2 discharged.
// All years: 20 decided, 11 convicted, 7 acquitted, 2 discharged. One victim per case, 20 in all:
// 17 with a legal-aid lawyer, 3 in education, 10 with compensation applied for.
const judged: { on: string; outcome: "convicted" | "acquitted" | "discharged" }[] = [
  ...Array.from({ length: 6 }, (_, i) => ({
    on: `2024-11-${i + 10}`,
    outcome: i < 4 ? ("convicted" as const) : ("acquitted" as const),
  })),
  ...Array.from({ length: 14 }, (_, i) => ({
    on: `2025-02-${i + 10}`,
    outcome: i < 7 ? ("convicted" as const) : i < 12 ? ("acquitted" as const) : ("discharged" as const),
  })),
];
let observer: string;
let secretariat: string;
let caseId: number;
beforeAll(async () => {
  const db = getDb();
  const c = createCollective(db, { name: "Small District", district: "Small", districtCode: "SML" });
  const police = createDepartment(db, { collectiveId: c.id, name: "Police", kind: "police" });
  createUser(db, { collectiveId: c.id, email: "observer@small.example", role: "observer" });
  createUser(db, { collectiveId: c.id, email: "secretariat@small.example", role: "secretariat" });
  judged.forEach(({ on, outcome }, i) => {
    const k = createCase(db, {
      collectiveId: c.id,
      openedOn: "2024-01-01",
      stage: "closed",
      status: "closed",
      outcome,
      closedOn: on,
      firNumber: "7777",
      departments: [{ departmentId: police.id, role: "lead" }],
    });
    createCaseEvent(db, { caseId: k.id, kind: "judgment", occurredOn: on, outcome });
    createVictim(db, {
      caseId: k.id,
      collectiveId: c.id,
      code: `V-9${String(i).padStart(3, "0")}`,
      legalAidAssignedOn: i < 17 ? "2024-02-01" : null,
      educationEnrolled: i < 3,
      compensationAppliedOn: i < 10 ? "2024-03-01" : null,
    });
    createAccused(db, { caseId: k.id, name: "Canary Accusedname" });
    caseId = k.id;
  });
  observer = await cookieFor("observer@small.example");
  secretariat = await cookieFor("secretariat@small.example");
});

const page = (cookie: string) =>
  run(() => outcomesLoader({ request: getRequest("/reports/outcomes", cookie), params: {}, context: {} }));
const figure = (figures: { measure: string; period: string }[], measure: string, period = "All years") =>
  figures.find((f) => f.measure === measure && f.period === period);
const csvFor = async (cookie: string) =>
  (await csvLoader({ request: getRequest("/reports/outcomes.csv", cookie), params: {}, context: {} })).text();
/** value, count, out_of and note from the CSV row of a figure (no cell before the definition holds a comma). */
const csvRow = (csv: string, measure: string, period = "All years") => {
  const cells = csv
    .split("\r\n")
    .map((line) => line.split(","))
    .find((c) => c[1] === measure && c[2] === period);
  return cells && [cells[3], cells[5], cells[6], cells[7]];
};
const small = "Hidden: fewer than 5.";
const guard = "Hidden so that a count under 5 cannot be worked out by subtraction.";

describe("the outcomes dashboard", () => {
  it("gives the secretariat exact figures", async () => {
    const res = await page(secretariat);
    expect(res.data.exact).toBe(true);
    expect(figure(res.data.figures, "Conviction rate")).toMatchObject({
      value: "55%",
      count: "11",
      of: "20",
      note: "",
    }); // 11 ÷ 20
    expect(figure(res.data.figures, "Conviction rate", "2024")).toMatchObject({ value: "66.7%", count: "4", of: "6" }); // 4 ÷ 6
    expect(figure(res.data.figures, "Conviction rate", "2025 Q1")).toMatchObject({
      value: "50%",
      count: "7",
      of: "14",
    }); // 7 ÷ 14
    expect(figure(res.data.figures, "Cases acquitted")).toMatchObject({ count: "7" });
    expect(figure(res.data.figures, "Cases discharged")).toMatchObject({ count: "2" });
    expect(figure(res.data.figures, "With a legal-aid lawyer")).toMatchObject({ value: "85%", count: "17", of: "20" });
    expect(figure(res.data.figures, "In education or livelihood support")).toMatchObject({
      value: "15%",
      count: "3",
      of: "20",
    });
    // The trend: every case here was registered in 2024, so 2024's share is the whole.
    expect(figure(res.data.figures, "With a legal-aid lawyer", "Registered 2024")).toMatchObject({
      value: "85%",
      count: "17",
      of: "20",
    });
  });

  it("hides small counts from observers, every rate computed from one, and any count that would give one away", async () => {
    const { data } = await page(observer);
    expect(data.exact).toBe(false);
    const expected: [string, string, string[]][] = [
      // 11 of 20 and 20 − 11 = 9 are all 5 or more: the headline rate shows.
      ["Conviction rate", "All years", ["55%", "11", "20", ""]],
      // 4 of 6: the count is small, and 66.7% of 6 would give it back, so the rate goes too.
      ["Conviction rate", "2024", ["–", "<5", "6", small]],
      ["Conviction rate", "2024 Q4", ["–", "<5", "6", small]],
      // 11 convictions in all − 7 in 2025 would give 2024's 4 away, so 2025's 7 is hidden, and
      // with it Q1's 7 (2025's only quarter), which equals it.
      ["Conviction rate", "2025", ["–", "–", "14", guard]],
      ["Conviction rate", "2025 Q1", ["–", "–", "14", guard]],
      // 20 decided − 11 convicted − 7 acquitted would give the 2 discharged away: the smaller
      // shown part, the 7 acquitted, is hidden.
      ["Cases convicted", "All years", ["", "11", "", ""]],
      ["Cases acquitted", "All years", ["", "–", "", guard]],
      ["Cases discharged", "All years", ["", "<5", "", small]],
      // 17 of 20 would say that 3 victims have no lawyer; 3 in education is small itself.
      ["With a legal-aid lawyer", "All years", ["–", "–", "20", guard]],
      ["In education or livelihood support", "All years", ["–", "<5", "20", small]],
      ["Compensation applied for", "All years", ["50%", "10", "20", ""]],
      ["Compensation received", "All years", ["0%", "0", "20", ""]],
    ];
    const csv = await csvFor(observer);
    for (const [measure, period, [value, count, of, note]] of expected) {
      expect(figure(data.figures, measure, period), `${measure}, ${period}`).toMatchObject({ value, count, of, note });
      expect(csvRow(csv, measure, period), `CSV: ${measure}, ${period}`).toEqual([value, count, of, note]);
    }
    expect(JSON.stringify(data)).not.toContain("Canary");
    expect(csv).not.toContain("Canary");
  });

  it("writes the same figures to CSV as the page shows", async () => {
    for (const cookie of [observer, secretariat]) {
      const res = await csvLoader({ request: getRequest("/reports/outcomes.csv", cookie), params: {}, context: {} });
      expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      // The bytes as saved, byte-order mark included (Response.text() would drop it).
      expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer())).toBe(
        figuresCsv((await page(cookie)).data.figures),
      );
    }
  });

  it("shows each figure with its own one-line definition", async () => {
    for (const cookie of [observer, secretariat]) {
      const figures: DisplayFigure[] = (await page(cookie)).data.figures;
      const html = renderToStaticMarkup(createElement(OutcomeSections, { figures }));
      // Each measure heads its rows (a rate over several periods once) with its definition beneath.
      const headers = [
        ...html.matchAll(
          /<th scope="rowgroup" rowSpan="(\d+)">([^<]+)<span class="definition"[^>]*>([^<]+)<\/span><\/th>/gi,
        ),
      ];
      expect(headers.reduce((rows, h) => rows + Number(h[1]), 0)).toBe(figures.length);
      for (const f of figures) {
        const header = headers.find((h) => h[2] === f.measure);
        expect(header?.[3], f.measure).toBe(f.definition);
        expect(f.definition).toMatch(/^[^\n]{10,}$/);
      }
      // The five victims' figures no longer share one line.
      expect(new Set(figures.filter((f) => f.section === "Victims").map((f) => f.definition)).size).toBe(5);
    }
  });

  it("lets an observer see no case", async () => {
    const res = await run(() =>
      caseLoader({
        request: getRequest(`/cases/${caseId}`, observer),
        params: { caseId: String(caseId) },
        context: {},
      }),
    );
    expect(res.status).toBe(403);
  });

  it("shows each victim's index on the case page", async () => {
    const res = await run(() =>
      caseLoader({
        request: getRequest(`/cases/${caseId}`, secretariat),
        params: { caseId: String(caseId) },
        context: {},
      }),
    );
    const victimId = must(Object.keys(res.data.participation)[0], "a victim's index");
    expect(must(res.data.participation[victimId]).score).toBe(0);
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
    const res = await run(() =>
      settingsAction({
        request: postRequest(
          "/settings/participation",
          form({ "legal_aid.weight": "10", "shelter.active": [] as unknown as string }),
          cookie,
        ),
        params: {},
        context: {},
      }),
    );
    expect(res.status).toBe(302);
    const saved = participationIndicatorsFor(getDb(), 1);
    expect(saved.find((i) => i.key === "legal_aid")!.weight).toBe(10);
    const after = figure((await page(await cookieFor("secretariat@demo.testa"))).data.figures, "Median index");
    expect(after).not.toEqual(before);
  });

  it("refuses a bad weight or an unknown stage with a message, changing nothing", async () => {
    const cookie = await admin();
    const before = participationIndicatorsFor(getDb(), 1);
    const res = await run(() =>
      settingsAction({
        request: postRequest(
          "/settings/participation",
          form({ "legal_aid.weight": "11", "shelter.stages": ["trial"] }),
          cookie,
        ),
        params: {},
        context: {},
      }),
    );
    expect(res.status).toBe(400);
    expect(res.data.errors["legal_aid.weight"]).toBe("Weight must be a whole number from 0 to 10.");
    expect(res.data.errors["shelter.stages.0"] ?? res.data.errors["shelter.stages"]).toBe(
      "Choose stages from the list.",
    );
    expect(participationIndicatorsFor(getDb(), 1)).toEqual(before);
  });

  it("is for the administrator only", async () => {
    const res = await run(async () =>
      settingsLoader({
        request: getRequest("/settings/participation", await cookieFor("secretariat@demo.testa")),
        params: {},
        context: {},
      }),
    );
    expect(res.status).toBe(403);
    expect(indicatorKeys).toHaveLength(11);
  });

  it("keeps a configuration saved before the newer indicators working, adding them with their defaults", async () => {
    const db = getDb();
    const old = createCollective(db, { name: "Old Config District", district: "Old", districtCode: "OLD" });
    const rows = [
      { key: "legal_aid", label: "Lawyer", weight: 5, stages: JSON.stringify(["fir", "investigation"]), active: true },
      { key: "shelter", label: "Shelter", weight: 1, stages: "not json", active: true },
      {
        key: "protection_room",
        label: "Protection room",
        weight: 4,
        stages: JSON.stringify(["judgment", "closed"]),
        active: true,
      },
      { key: "retired_indicator", label: "Gone", weight: 2, stages: "[]", active: true },
    ];
    for (const r of rows)
      db.insert(participationIndicators)
        .values({ collectiveId: old.id, ...r })
        .run();
    const indicators = participationIndicatorsFor(db, old.id);
    expect(indicators.map((i) => i.key).sort()).toEqual([...indicatorKeys].sort());
    expect(indicators.find((i) => i.key === "legal_aid")).toMatchObject({
      label: "Lawyer",
      weight: 5,
      stages: ["fir", "investigation"],
    });
    expect(indicators.find((i) => i.key === "shelter")!.stages).toEqual(
      defaultIndicators.find((i) => i.key === "shelter")!.stages,
    );
    expect(indicators.find((i) => i.key === "informed")).toEqual(defaultIndicators.find((i) => i.key === "informed"));
    // The room alone no longer counts: the room-or-support-person indicator takes its weight and stages.
    expect(indicators.find((i) => i.key === "protection_room")!.active).toBe(false);
    expect(indicators.find((i) => i.key === "testimony_supported")).toMatchObject({
      active: true,
      weight: 4,
      stages: ["judgment", "closed"],
    });
    // Its administrator sees and can save every indicator.
    createUser(db, { collectiveId: old.id, email: "admin@old.example", role: "admin" });
    const cookie = await cookieFor("admin@old.example");
    const settings = await run(() =>
      settingsLoader({ request: getRequest("/settings/participation", cookie), params: {}, context: {} }),
    );
    expect(settings.data.indicators).toHaveLength(indicatorKeys.length);
    const fields: Record<string, string | string[]> = {};
    for (const i of indicators)
      Object.assign(fields, {
        [`${i.key}.label`]: i.label,
        [`${i.key}.weight`]: String(i.weight),
        [`${i.key}.stages`]: i.stages,
        ...(i.active ? { [`${i.key}.active`]: "on" } : {}),
      });
    const saved = await run(() =>
      settingsAction({
        request: postRequest("/settings/participation", { ...fields, "heard_at_bail.weight": "4" }, cookie),
        params: {},
        context: {},
      }),
    );
    expect(saved.status).toBe(302);
    expect(participationIndicatorsFor(db, old.id).find((i) => i.key === "heard_at_bail")!.weight).toBe(4);
    expect(participationIndicatorsFor(db, old.id).find((i) => i.key === "protection_room")!.active).toBe(false);
  });
});
