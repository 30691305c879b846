// The demo collective: deterministic for a given "today", written in one transaction.
import { count } from "drizzle-orm";
import type { Db } from "./client";
import { collectives } from "./schema";
import type { BailStatus, CaseEventKind, CaseStage, DepartmentKind, AgeBand } from "./schema/enums";
import {
  createAccused, createCase, createCaseEvent, createCollective, createDepartment, createTenure, createUser, createVictim, seededRandom,
} from "../tests/factories";
import { addDays } from "../app/lib/dates";
import { hashPassword } from "../app/services/password.server";
import { seedDemoMeetings } from "./seed-meetings";

export const demoPassword = "testa-demo";

export const demoAccounts = [
  { email: "admin@demo.testa", role: "admin", name: "Demo Administrator", department: null },
  { email: "secretariat@demo.testa", role: "secretariat", name: "Farida Shaikh", department: "ngo" },
  { email: "police@demo.testa", role: "representative", name: "Sanjay Patil", department: "police" },
  { email: "dcpu@demo.testa", role: "representative", name: "Meena Kulkarni", department: "dcpu" },
  { email: "observer@demo.testa", role: "observer", name: "State Observer", department: null },
] as const;

type Seat = { kind: DepartmentKind; name: string; officer: string; designation: string; email: string; phone: string };

const seats: Seat[] = [
  { kind: "police", name: "Police – Anti-Human-Trafficking Unit", officer: "Sanjay Patil", designation: "Police Inspector, AHTU", email: "police@demo.testa", phone: "+91 712 256 0101" },
  { kind: "prosecution", name: "Public Prosecutor's Office", officer: "Adv. Rekha Deshmukh", designation: "Special Public Prosecutor", email: "prosecution@demo.testa", phone: "+91 712 256 0102" },
  { kind: "court", name: "Exclusive Trafficking Court", officer: "Shri A. R. Joshi", designation: "Registrar (Judicial)", email: "court@demo.testa", phone: "+91 712 256 0103" },
  { kind: "dcpu", name: "District Child Protection Unit", officer: "Meena Kulkarni", designation: "District Child Protection Officer", email: "dcpu@demo.testa", phone: "+91 712 256 0104" },
  { kind: "dwcd", name: "Department of Women and Child Development", officer: "Sunita Wankhede", designation: "District Women and Child Development Officer", email: "dwcd@demo.testa", phone: "+91 712 256 0105" },
  { kind: "dlsa", name: "District Legal Services Authority", officer: "Shri Vikram Rao", designation: "Secretary, DLSA", email: "dlsa@demo.testa", phone: "+91 712 256 0106" },
  { kind: "plv", name: "Para-Legal Volunteers", officer: "Kavita Meshram", designation: "Para-Legal Volunteer Coordinator", email: "plv@demo.testa", phone: "+91 712 256 0107" },
  { kind: "shelter_home", name: "Government Shelter Home", officer: "Shobha Thakre", designation: "Superintendent", email: "shelter@demo.testa", phone: "+91 712 256 0108" },
  { kind: "ngo", name: "TESTA Secretariat – project NGO", officer: "Farida Shaikh", designation: "Case Manager", email: "secretariat@demo.testa", phone: "+91 712 256 0109" },
];

const stations = ["Sitabuldi PS", "Kotwali PS", "Ganeshpeth PS", "Lakadganj PS", "Sadar PS", "Jaripatka PS"];
const sectionSets = ["BNS 143, 144; ITPA 3, 4, 5", "BNS 143; ITPA 5, 7", "IPC 370, 372; ITPA 5; POCSO 4", "IPC 370; ITPA 3, 4", "BNS 143, 144; POCSO 6; ITPA 5"];
const accusedNames = ["Ramesh Kumar", "Mohd. Salim", "Suresh Yadav", "Anil Gaikwad", "Rakesh Sharma", "Imran Qureshi", "Deepak Bhosale", "Vinod Thakur", "Santosh Pawar", "Ajay Chavan", "Mukesh Verma", "Sunil Kamble"];
const notes = ["IO requested more time for CDR analysis", "Prosecutor to oppose bail citing threat to witnesses", "Statement recorded in the presence of a support person", "Accused's advocate sought adjournment", "Forensic report awaited from RFSL"];

type Plan = {
  stage: CaseStage;
  ageDays: number;
  limit?: 60 | 90;
  outcome?: "convicted" | "acquitted" | "discharged";
  judgmentAgo?: number;
  nextDateIn?: number;
  testimony?: boolean;
  bail?: "pending" | "granted_recently";
  arrestAgo?: number;
};

/** The special situations the demo must show, then a spread over every stage. */
function casePlans(rand: ReturnType<typeof seededRandom>): Plan[] {
  const special: Plan[] = [
    { stage: "investigation", ageDays: 52, arrestAgo: 50, limit: 60 },
    { stage: "investigation", ageDays: 72, arrestAgo: 70, limit: 60 },
    { stage: "investigation", ageDays: 80, arrestAgo: 78, limit: 90 },
    { stage: "prosecution_evidence", ageDays: 420, nextDateIn: 16, testimony: true },
    { stage: "prosecution_evidence", ageDays: 380, nextDateIn: 30, testimony: true },
    { stage: "judgment", ageDays: 700, outcome: "acquitted", judgmentAgo: 30 },
    { stage: "charges_framed", ageDays: 200, bail: "granted_recently", nextDateIn: 9 },
    { stage: "chargesheet", ageDays: 120, bail: "pending", nextDateIn: 5 },
    { stage: "investigation", ageDays: 40, arrestAgo: 38, bail: "pending" },
    { stage: "charges_framed", ageDays: 260, bail: "pending", nextDateIn: 20 },
    { stage: "closed", ageDays: 900, outcome: "convicted", judgmentAgo: 20 },
  ];
  const spread: CaseStage[] = ["rescue", "fir", "investigation", "chargesheet", "charges_framed", "prosecution_evidence", "defence_evidence", "judgment", "appeal", "closed"];
  const plans = [...special];
  for (let i = 0; plans.length < 60; i++) {
    const stage = spread[i % spread.length];
    const base: Record<CaseStage, [number, number]> = {
      rescue: [2, 12], fir: [5, 20], investigation: [20, 45], chargesheet: [90, 200], charges_framed: [150, 400],
      prosecution_evidence: [300, 700], defence_evidence: [500, 900], judgment: [600, 1000], appeal: [800, 1100], closed: [500, 1100],
    };
    const plan: Plan = { stage, ageDays: rand.int(...base[stage]) };
    if (["chargesheet", "charges_framed", "prosecution_evidence", "defence_evidence"].includes(stage)) plan.nextDateIn = rand.int(3, 75);
    if (stage === "closed" || stage === "judgment") {
      plan.outcome = rand.pick(["convicted", "convicted", "acquitted", "discharged"] as const);
      plan.judgmentAgo = rand.int(120, Math.max(130, plan.ageDays - 200));
    }
    if (stage === "appeal") {
      plan.outcome = "acquitted";
      plan.judgmentAgo = rand.int(100, 300);
    }
    plans.push(plan);
  }
  return plans;
}

const order: CaseStage[] = ["rescue", "fir", "investigation", "chargesheet", "charges_framed", "prosecution_evidence", "defence_evidence", "judgment", "appeal", "closed"];
const reached = (stage: CaseStage, step: CaseStage) => order.indexOf(stage) >= order.indexOf(step);

export function isSeeded(db: Db): boolean {
  return (db.select({ n: count() }).from(collectives).get()?.n ?? 0) > 0;
}

export async function seedAdmin(db: Db, { email, password }: { email: string; password: string }) {
  const passwordHash = await hashPassword(password);
  db.transaction((tx) => {
    const collective = createCollective(tx, { name: "TESTA Collective", district: "Not configured", districtCode: "TST", state: "Maharashtra" });
    createUser(tx, { collectiveId: collective.id, email, name: "Administrator", role: "admin", passwordHash });
  });
}

export async function seedDemo(db: Db, { today }: { today: string }) {
  const passwordHash = await hashPassword(demoPassword);
  const rand = seededRandom(20_261_128);
  db.transaction((tx) => {
    const collective = createCollective(tx, {
      name: "Demo District",
      district: "Demo District",
      districtCode: "DEM",
      state: "Maharashtra",
      meetingWeekday: 4,
      meetingWeekOfMonth: 2,
      meetingStartTime: "11:00",
      meetingDurationMinutes: 120,
      meetingVenue: "Collector's Office, Conference Hall 2",
      meetingLink: "https://meet.example.org/demo-district-testa",
    });
    const c = collective.id;
    const dept = new Map<DepartmentKind, number>();
    for (const seat of seats) {
      const d = createDepartment(tx, { collectiveId: c, name: seat.name, kind: seat.kind });
      dept.set(seat.kind, d.id);
      const account = demoAccounts.find((a) => a.email === seat.email);
      const user = createUser(tx, {
        collectiveId: c,
        email: seat.email,
        name: seat.officer,
        role: account?.role ?? (seat.kind === "ngo" ? "secretariat" : "representative"),
        passwordHash,
      });
      if (seat.kind === "police") {
        const predecessor = createUser(tx, { collectiveId: c, email: "police.former@demo.testa", name: "Rajendra Sawant", role: "representative", passwordHash, active: false });
        createTenure(tx, { departmentId: d.id, userId: predecessor.id, officerName: "Rajendra Sawant", designation: "Police Inspector, AHTU", email: "police.former@demo.testa", startsOn: addDays(today, -1500), endsOn: addDays(today, -400) });
      }
      createTenure(tx, { departmentId: d.id, userId: user.id, officerName: seat.officer, designation: seat.designation, email: seat.email, phone: seat.phone, startsOn: addDays(today, seat.kind === "police" ? -399 : -600 - rand.int(0, 300)) });
    }
    for (const a of demoAccounts.filter((a) => a.department === null)) {
      createUser(tx, { collectiveId: c, email: a.email, name: a.name, role: a.role, passwordHash });
    }

    const plans = casePlans(rand).sort((a, b) => b.ageDays - a.ageDays);
    plans.forEach((plan, i) => {
      const start = addDays(today, -plan.ageDays);
      const closed = plan.stage === "closed";
      const minor = rand.chance(0.4);
      const legalAid = reached(plan.stage, "chargesheet") || rand.chance(0.3);
      const involved: { departmentId: number; role: "lead" | "support" | "informed" }[] = [
        { departmentId: dept.get("police")!, role: reached(plan.stage, "chargesheet") ? "support" : "lead" },
        { departmentId: dept.get("ngo")!, role: "support" },
      ];
      if (reached(plan.stage, "chargesheet")) involved.push({ departmentId: dept.get("prosecution")!, role: "lead" });
      if (minor) involved.push({ departmentId: dept.get("dcpu")!, role: "support" });
      else if (rand.chance(0.5)) involved.push({ departmentId: dept.get("dwcd")!, role: "informed" });
      if (legalAid) involved.push({ departmentId: dept.get("dlsa")!, role: "support" });
      const judgmentOn = plan.judgmentAgo !== undefined ? addDays(today, -plan.judgmentAgo) : null;
      const kase = createCase(tx, {
        collectiveId: c,
        openedOn: start,
        createdAt: `${start}T06:00:00.000Z`,
        policeStation: rand.pick(stations),
        firNumber: String(rand.int(100, 899)).padStart(4, "0"),
        firYear: Number(start.slice(0, 4)),
        sections: rand.pick(sectionSets),
        courtName: reached(plan.stage, "chargesheet") ? "Exclusive Trafficking Court, Demo District" : null,
        courtCaseNumber: reached(plan.stage, "chargesheet") ? `SC/${rand.int(10, 250)}/${start.slice(0, 4)}` : null,
        stage: plan.stage,
        status: closed || plan.outcome === "convicted" || plan.outcome === "discharged" ? "closed" : "open",
        outcome: plan.outcome ?? null,
        closedOn: closed || plan.outcome === "convicted" || plan.outcome === "discharged" ? judgmentOn : null,
        chargesheetLimitDays: plan.limit ?? (rand.chance(0.3) ? 90 : 60),
        stageChangedOn: addDays(today, -Math.min(plan.ageDays, rand.int(20, 200))),
        departments: involved,
      });

      // The history, oldest first, as far as the case's stage.
      const events: { kind: CaseEventKind; on: string; outcome?: string; next?: string; note?: string }[] = [];
      const arrestOn = plan.arrestAgo !== undefined ? addDays(today, -plan.arrestAgo) : addDays(start, 1);
      events.push({ kind: "rescue", on: start, outcome: "Rescued in a joint raid with the NGO" });
      if (reached(plan.stage, "fir")) events.push({ kind: "fir", on: addDays(start, 0), outcome: "FIR registered" });
      if (reached(plan.stage, "investigation")) {
        events.push({ kind: "arrest", on: arrestOn, outcome: "Accused arrested" });
        events.push({ kind: "statement", on: addDays(start, 6), outcome: "Statement before the magistrate (BNSS 183)", note: rand.pick(notes) });
      }
      if (reached(plan.stage, "chargesheet")) events.push({ kind: "chargesheet_filed", on: addDays(start, 55), outcome: "Chargesheet filed" });
      if (reached(plan.stage, "charges_framed")) events.push({ kind: "charges_framed", on: addDays(start, 140), outcome: "Charges framed" });
      if (reached(plan.stage, "prosecution_evidence")) events.push({ kind: "hearing", on: addDays(start, 240), outcome: "Prosecution evidence begun", note: rand.pick(notes) });
      if (reached(plan.stage, "defence_evidence")) {
        events.push({ kind: "testimony", on: addDays(start, 330), outcome: "Victim testimony recorded in the protection room" });
        events.push({ kind: "hearing", on: addDays(start, 420), outcome: "Accused's statement recorded" });
      }
      if (judgmentOn && reached(plan.stage, "judgment")) {
        events.push({ kind: "judgment", on: judgmentOn, outcome: plan.outcome === "convicted" ? "Convicted" : plan.outcome === "acquitted" ? "Acquitted" : "Discharged" });
      }
      if (plan.stage === "appeal" && judgmentOn) events.push({ kind: "appeal_filed", on: addDays(judgmentOn, 60), outcome: "State appeal filed in the High Court" });
      if (plan.bail === "pending") events.push({ kind: "bail_application", on: addDays(today, -10), outcome: "Regular bail application filed; prosecution opposed", note: "Prosecutor cited threat to witnesses" });
      if (plan.bail === "granted_recently") events.push({ kind: "bail_order", on: addDays(today, -12), outcome: "Bail granted" });
      if (plan.testimony) events.push({ kind: "hearing", on: addDays(today, -14), outcome: "Adjourned; victim testimony fixed", next: addDays(today, plan.nextDateIn!) });
      else if (plan.nextDateIn !== undefined) events.push({ kind: "hearing", on: addDays(today, -rand.int(5, 25)), outcome: "Adjourned", next: addDays(today, plan.nextDateIn) });
      if (minor && reached(plan.stage, "chargesheet")) events.push({ kind: "compensation_application", on: addDays(start, 70), outcome: "Manodhairya application filed" });
      events
        .filter((e) => e.on <= today)
        .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
        .forEach((e) => createCaseEvent(tx, { caseId: kase.id, kind: e.kind, occurredOn: e.on, outcome: e.outcome ?? null, nextDate: e.next ?? null, note: e.note ?? null }));

      const victimCount = rand.chance(0.3) ? 2 : 1;
      for (let v = 0; v < victimCount; v++) {
        const ageBand: AgeBand = minor ? rand.pick(["12_15", "16_17"] as const) : rand.pick(["18_25", "26_35", "36_plus"] as const);
        createVictim(tx, {
          caseId: kase.id,
          collectiveId: c,
          minor,
          ageBand,
          legalAidAssignedOn: legalAid ? addDays(start, rand.int(5, 40)) : null,
          educationEnrolled: minor && rand.chance(0.6),
          livelihoodSupport: !minor && rand.chance(0.5),
          compensationAppliedOn: reached(plan.stage, "chargesheet") && rand.chance(0.7) ? addDays(start, 70) : null,
          compensationReceivedOn: reached(plan.stage, "prosecution_evidence") && rand.chance(0.5) ? addDays(start, 200) : null,
          inShelter: rand.chance(0.4),
          testifiedInProtectionRoom: reached(plan.stage, "defence_evidence") && rand.chance(0.8),
        });
      }

      const accusedCount = rand.int(1, 3);
      for (let a = 0; a < accusedCount; a++) {
        let bailStatus: BailStatus = reached(plan.stage, "investigation") ? rand.pick(["not_applied", "refused", "granted"] as const) : "not_applied";
        if (plan.bail === "pending" && a === 0) bailStatus = "pending";
        if (plan.bail === "granted_recently" && a === 0) bailStatus = "granted";
        createAccused(tx, {
          caseId: kase.id,
          name: accusedNames[(i * 3 + a) % accusedNames.length],
          arrestedOn: reached(plan.stage, "investigation") ? arrestOn : null,
          bailStatus,
        });
      }
    });

    seedDemoMeetings(tx, { collectiveId: c, today, rand });
  });
}
