// The demo collective's cases, planned: the situations the demo must show, each stage's share of the
// 60 cases, and the words (police stations, sections, names) their records are written in.
import type { CaseStage } from "#db/schema/enums";
import type { seededRandom } from "../../tests/factories";

export const stations = ["Sitabuldi PS", "Kotwali PS", "Ganeshpeth PS", "Lakadganj PS", "Sadar PS", "Jaripatka PS"];
export const accusedNames = [
  "Ramesh Kumar",
  "Mohd. Salim",
  "Suresh Yadav",
  "Anil Gaikwad",
  "Rakesh Sharma",
  "Imran Qureshi",
  "Deepak Bhosale",
  "Vinod Thakur",
  "Santosh Pawar",
  "Ajay Chavan",
  "Mukesh Verma",
  "Sunil Kamble",
];
export const notes = [
  "IO requested more time for CDR analysis",
  "Prosecutor to oppose bail citing threat to witnesses",
  "Statement recorded in the presence of a support person",
  "Accused's advocate sought adjournment",
  "Forensic report awaited from RFSL",
];

/** The new codes (BNS, BNSS) apply to cases registered from 1 July 2024; older cases stay under IPC and CrPC. */
export const newCodesFrom = "2024-07-01";
export const sectionSets = {
  bns: {
    adult: ["BNS 143, 144; ITPA 3, 4, 5", "BNS 143; ITPA 5, 7"],
    minor: ["BNS 143, 98; ITPA 5; POCSO 4", "BNS 143, 144, 99; ITPA 3, 4, 5; POCSO 6"],
  },
  ipc: {
    adult: ["IPC 370, 370A; ITPA 3, 4, 5", "IPC 370; ITPA 3, 4, 5, 7"],
    minor: ["IPC 370, 372; ITPA 5; POCSO 4", "IPC 370, 373; ITPA 3, 4, 5; POCSO 6"],
  },
};
/** The procedure code's section for each step, new (BNSS) and old (CrPC). */
export const procedure = {
  bns: {
    fir: "BNSS 173",
    statement: "BNSS 183",
    chargesheet: "BNSS 193",
    discharge: "BNSS 250",
    accused: "BNSS 351",
    compensation: "BNSS 396",
  },
  ipc: {
    fir: "CrPC 154",
    statement: "CrPC 164",
    chargesheet: "CrPC 173",
    discharge: "CrPC 227",
    accused: "CrPC 313",
    compensation: "CrPC 357A",
  },
};

export type Rand = ReturnType<typeof seededRandom>;
/** Which penal and procedure codes a case falls under, by the day it was opened. */
export type Code = "bns" | "ipc";
export type Verdict = "convicted" | "acquitted" | "discharged";
export type Plan = {
  stage: CaseStage;
  ageDays: number;
  limit?: 60 | 90;
  outcome?: Verdict;
  judgmentAgo?: number;
  /** Days to the next hearing, for a case in court. */
  nextDateIn?: number;
  /** The next hearing is fixed for the victim's testimony. */
  testimonyFixed?: boolean;
  bail?: "pending" | "granted_recently";
  arrestAgo?: number;
  /** A raid rescues several victims at once; otherwise one, sometimes two. */
  victims?: number;
};

/** The special situations the demo must show, then the rest of each stage's share of the 60 cases. */
export function casePlans(rand: Rand, { daysToNextMeeting }: { daysToNextMeeting: number }): Plan[] {
  const special: Plan[] = [
    // Chargesheet clocks: due in 10 days, overdue by 10, due in 12 on a 90-day limit.
    { stage: "investigation", ageDays: 52, arrestAgo: 50, limit: 60 },
    { stage: "investigation", ageDays: 72, arrestAgo: 70, limit: 60 },
    { stage: "investigation", ageDays: 80, arrestAgo: 78, limit: 90 },
    // Testimonies fixed after the coming meeting, whatever day of the month the demo is seeded on.
    { stage: "prosecution_evidence", ageDays: 420, nextDateIn: daysToNextMeeting + 9, testimonyFixed: true },
    { stage: "prosecution_evidence", ageDays: 380, nextDateIn: daysToNextMeeting + 23, testimonyFixed: true },
    // Acquitted a month ago: inside the 90-day appeal window.
    { stage: "judgment", ageDays: 700, outcome: "acquitted", judgmentAgo: 30 },
    { stage: "charges_framed", ageDays: 200, bail: "granted_recently", nextDateIn: 9 },
    { stage: "chargesheet", ageDays: 120, bail: "pending", nextDateIn: 5 },
    { stage: "investigation", ageDays: 40, arrestAgo: 38, bail: "pending" },
    { stage: "charges_framed", ageDays: 260, bail: "pending", nextDateIn: 20 },
    { stage: "closed", ageDays: 900, outcome: "convicted", judgmentAgo: 20 },
    // Discharged at the charge stage, and acquittals whose appeal window closed long ago.
    { stage: "closed", ageDays: 420, outcome: "discharged", judgmentAgo: 230 },
    { stage: "closed", ageDays: 640, outcome: "discharged", judgmentAgo: 410 },
    { stage: "closed", ageDays: 1320, outcome: "acquitted", judgmentAgo: 510 },
    { stage: "closed", ageDays: 1050, outcome: "acquitted", judgmentAgo: 260 },
    // Raids.
    { stage: "prosecution_evidence", ageDays: 540, nextDateIn: 38, victims: 4 },
    { stage: "investigation", ageDays: 24, victims: 5 },
    { stage: "rescue", ageDays: 3, victims: 3 },
    // The newest case: rescued and registered yesterday.
    { stage: "fir", ageDays: 1 },
  ];
  const judged = (stage: CaseStage, outcome: Verdict, judgmentAgo: number): Plan => ({
    stage,
    outcome,
    judgmentAgo,
    ageDays: judgmentAgo + rand.int(480, 900),
  });
  // How many more cases of a stage, and how old each is.
  const rest: [number, () => Plan][] = [
    [2, () => ({ stage: "rescue", ageDays: rand.int(2, 6) })],
    [4, () => ({ stage: "fir", ageDays: rand.int(3, 14) })],
    [2, () => ({ stage: "investigation", ageDays: rand.int(15, 45) })],
    [5, () => ({ stage: "chargesheet", ageDays: rand.int(90, 220), nextDateIn: rand.int(3, 75) })],
    [6, () => ({ stage: "charges_framed", ageDays: rand.int(220, 450), nextDateIn: rand.int(3, 75) })],
    [7, () => ({ stage: "prosecution_evidence", ageDays: rand.int(380, 900), nextDateIn: rand.int(3, 75) })],
    [5, () => ({ stage: "defence_evidence", ageDays: rand.int(650, 1250), nextDateIn: rand.int(3, 75) })],
  ];
  const plans = [...special];
  for (const [n, make] of rest) for (let i = 0; i < n; i++) plans.push(make());
  // Judgments: one acquittal with its appeal window about to close, two recent convictions.
  plans.push(
    judged("judgment", "acquitted", 78),
    judged("judgment", "convicted", rand.int(35, 60)),
    judged("judgment", "convicted", rand.int(90, 150)),
  );
  // Appeals by the State against acquittals and by the convicted accused.
  for (const outcome of ["acquitted", "acquitted", "convicted", "convicted"] as const)
    plans.push(judged("appeal", outcome, rand.int(120, 420)));
  for (let i = 0; i < 3; i++) plans.push(judged("closed", "convicted", rand.int(150, 600)));
  return plans;
}
