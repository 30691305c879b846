import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, cases, collectives } from "#db/schema";
import { getDb } from "~/db.server";
import { action as caseAction } from "~/routes/cases.$caseId";
import { action as linkageAction, loader as linkageLoader } from "~/routes/linkage";
import { loader as stateLoader } from "~/routes/state._index";
import { loader as csvLoader } from "~/routes/state[.]csv";
import { loader as drillOutcomes } from "~/routes/state.$collectiveId.outcomes";
import { loader as drillAccountability } from "~/routes/state.$collectiveId.accountability";
import { hashPassword } from "~/services/password.server";
import { requestStateRefresh } from "~/services/state-refresh.server";
import { computeStateRollup } from "~/services/state-rollup.server";
import {
  createCase,
  createCaseEvent,
  createCollective,
  createDepartment,
  createTenure,
  createUser,
} from "../factories";
import { cookieFor, getRequest, postRequest, run } from "../support/remix";

// A second district of this file's own: three cases, two of them convicted, and its secretariat.
let district: number;
let districtCase: number;
let demo: number;
let demoCase: number;
beforeAll(async () => {
  const db = getDb();
  demo = db.select().from(collectives).where(eq(collectives.districtCode, "DEM")).get()!.id;
  demoCase = db.select().from(cases).where(eq(cases.collectiveId, demo)).get()!.id;
  const c = createCollective(db, { name: "Bhandara District", district: "Bhandara", districtCode: "BHN" });
  district = c.id;
  const ngo = createDepartment(db, { collectiveId: district, name: "Project team", kind: "ngo" });
  const user = createUser(db, {
    collectiveId: district,
    email: "secretariat@bhandara.test",
    role: "secretariat",
    passwordHash: await hashPassword("a-long-test-password"),
  });
  createTenure(db, {
    departmentId: ngo.id,
    userId: user.id,
    officerName: "Asha Borkar",
    designation: "Case manager",
    email: "secretariat@bhandara.test",
    phone: "07184 252 100",
  });
  for (const [i, outcome] of (["convicted", "convicted", null] as const).entries()) {
    const k = createCase(db, {
      collectiveId: district,
      code: `BHN-2025-000${i + 1}`,
      outcome,
      status: outcome ? "closed" : "open",
      stage: outcome ? "closed" : "investigation",
    });
    if (outcome)
      createCaseEvent(db, { caseId: k.id, kind: "judgment", occurredOn: "2025-06-10", outcome: "Convicted" });
    if (!outcome) districtCase = k.id;
  }
});

const as = async (email: string) => cookieFor(email);
const state = async (email: string) =>
  run(() => stateLoader({ request: getRequest("/state", cookieForCache[email]), params: {}, context: {} }));
const cookieForCache: Record<string, string> = {};

describe("the state roll-up", () => {
  beforeAll(async () => {
    for (const e of ["state-observer@demo.testa", "state@demo.testa", "secretariat@demo.testa", "observer@demo.testa"])
      cookieForCache[e] = await as(e);
    computeStateRollup(getDb());
  });

  it("shows the state observer every district side by side with a state total, small counts hidden", async () => {
    const { status, data } = await state("state-observer@demo.testa");
    expect(status).toBe(200);
    const names = data.stored.view.rows.map((r: { name: string }) => r.name);
    expect(names).toEqual(expect.arrayContaining(["Demo District", "Bhandara District"]));
    expect(names).not.toContain("Maharashtra State");
    const bhandara = data.stored.view.rows.find((r: { name: string }) => r.name === "Bhandara District");
    // 2 convictions of 2 decided: both fewer than 5, so the rate is hidden too.
    expect(bhandara.cells["conviction-rate"]).toMatchObject({ value: "–", count: "<5", of: "<5" });
    expect(bhandara.cells["open-cases"].value).toBe("<5");
    expect(data.stored.view.total.name).toBe("State total");
    expect(data.stored.view.measures.map((m: { label: string }) => m.label)).toContain("Chargesheets overdue now");
  });

  it("the state administrator sees it too; a district's secretariat or observer never does", async () => {
    expect((await state("state@demo.testa")).status).toBe(200);
    expect((await state("secretariat@demo.testa")).status).toBe(403);
    expect((await state("observer@demo.testa")).status).toBe(403);
  });

  it("downloads the same figures as CSV, audited", async () => {
    const res = await run(() =>
      csvLoader({
        request: getRequest("/state.csv", cookieForCache["state-observer@demo.testa"]),
        params: {},
        context: {},
      }),
    );
    expect(res.status).toBe(200);
    const csv = String(res.data);
    expect(csv).toContain("district,district_code,measure,period,value,count,out_of,note,definition");
    expect(csv).toMatch(/Bhandara District,BHN,Conviction rate,All years,–,<5,<5,Hidden: fewer than 5\./);
    expect(csv).toContain("State total,,Open cases,All years,");
  });

  it("drills down into one district's outcomes and accountability, read-only; the state's own row or a bad id is a 404", async () => {
    const cookie = cookieForCache["state-observer@demo.testa"];
    const outcomes = await run(() =>
      drillOutcomes({
        request: getRequest(`/state/${district}/outcomes`, cookie),
        params: { collectiveId: String(district) },
        context: {},
      }),
    );
    expect(outcomes.status).toBe(200);
    const rate = outcomes.data.stored.figures.find(
      (f: { measure: string; period: string }) => f.measure === "Conviction rate" && f.period === "All years",
    );
    expect(rate).toMatchObject({ value: "–", count: "<5" });
    const matrix = await run(() =>
      drillAccountability({
        request: getRequest(`/state/${demo}/accountability`, cookie),
        params: { collectiveId: String(demo) },
        context: {},
      }),
    );
    expect(matrix.status).toBe(200);
    expect(matrix.data.rows.length).toBeGreaterThan(0);
    const stateRow = getDb().select().from(collectives).where(eq(collectives.kind, "state")).get()!.id;
    for (const id of [String(stateRow), "0x1", "99999"])
      expect(
        (
          await run(() =>
            drillOutcomes({
              request: getRequest(`/state/${id}/outcomes`, cookie),
              params: { collectiveId: id },
              context: {},
            }),
          )
        ).status,
      ).toBe(404);
    const secretariat = cookieForCache["secretariat@demo.testa"];
    expect(
      (
        await run(() =>
          drillOutcomes({
            request: getRequest(`/state/${demo}/outcomes`, secretariat),
            params: { collectiveId: String(demo) },
            context: {},
          }),
        )
      ).status,
    ).toBe(403);
  });
});

describe("cross-district linkage", () => {
  const accused = { name: "Dattatray Kisan Ghorpade", birthYear: "1979", fatherName: "Kisan Ghorpade" };
  let demoCookie: string;
  let bhnCookie: string;
  beforeAll(async () => {
    demoCookie = await as("secretariat@demo.testa");
    bhnCookie = await as("secretariat@bhandara.test");
  });

  const addAccused = (caseId: number, cookie: string) =>
    run(() =>
      caseAction({
        request: postRequest(
          `/cases/${caseId}`,
          { intent: "add-accused", name: accused.name, arrestedOn: "", bailStatus: "not_applied" },
          cookie,
        ),
        params: { caseId: String(caseId) },
        context: {},
      }),
    );
  const matches = async (cookie: string) =>
    (await run(() => linkageLoader({ request: getRequest("/linkage", cookie), params: {}, context: {} }))).data.matches;
  const decide = (cookie: string, sideId: number, decision: string) =>
    run(() =>
      linkageAction({
        request: postRequest("/linkage", { sideId: String(sideId), decision }, cookie),
        params: {},
        context: {},
      }),
    );

  it("flags the same accused on cases of two districts to both secretariats, showing only district, case code, stage and contact", async () => {
    expect((await addAccused(demoCase, demoCookie)).status).toBeLessThan(400);
    expect((await addAccused(districtCase, bhnCookie)).status).toBeLessThan(400);
    const [bhn] = await matches(bhnCookie);
    expect(bhn).toMatchObject({
      kind: "accused",
      status: "pending",
      otherCollective: "Demo District",
      caseId: districtCase,
    });
    expect(bhn.otherCaseCode).toMatch(/^DEM-/);
    expect(bhn.contact).toMatchObject({ email: "secretariat@demo.testa" });
    const [dem] = await matches(demoCookie);
    expect(dem).toMatchObject({
      otherCollective: "Bhandara District",
      otherCaseCode: "BHN-2025-0003",
      otherStage: "investigation",
    });
    expect(dem.contact).toMatchObject({
      officerName: "Asha Borkar",
      email: "secretariat@bhandara.test",
      phone: "07184 252 100",
    });
    // Nothing of the other case beyond its code and stage, and no name.
    expect(JSON.stringify(dem)).not.toContain(accused.name);
    expect(Object.keys(dem).sort()).toEqual(
      [
        "caseCode",
        "caseId",
        "contact",
        "decidedAt",
        "foundAt",
        "kind",
        "matchId",
        "otherCaseCode",
        "otherCollective",
        "otherCollectiveId",
        "otherDistrict",
        "otherStage",
        "sideId",
        "status",
      ].sort(),
    );
  });

  it("each side decides on its own, audited; a side of another district is a 404; the state counts it once both confirmed", async () => {
    const [dem] = await matches(demoCookie);
    const [bhn] = await matches(bhnCookie);
    expect((await decide(demoCookie, bhn.sideId, "confirmed")).status).toBe(404);
    expect((await decide(demoCookie, dem.sideId, "maybe")).status).toBe(400);
    expect((await decide(demoCookie, dem.sideId, "confirmed")).status).toBe(200);
    expect((await matches(bhnCookie))[0].status).toBe("pending");
    const audited = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.collectiveId, demo), eq(auditLog.action, "cross-match:confirmed")))
      .all();
    expect(audited).toHaveLength(1);
    expect(audited[0]!.detail).not.toContain(accused.name);
    expect((await decide(bhnCookie, bhn.sideId, "confirmed")).status).toBe(200);
    // The decision asked for the roll-up again, on its own thread; wait for that run.
    await requestStateRefresh(getDb());
    const { data } = await state("state-observer@demo.testa");
    const pair = data.stored.view.pairs.find((p: { a: string; b: string }) => [p.a, p.b].includes("Bhandara District"));
    // One confirmed match: fewer than 5, hidden.
    expect(pair.cell.value).toBe("<5");
  });
});
