// The demo collective's cases: plans per stage, and histories that follow the order of procedure.
import type { Conn } from "./client";
import {
  caseStages,
  type AgeBand,
  type BailStatus,
  type CaseDepartmentRole,
  type CaseEventKind,
  type CaseStage,
  type DepartmentKind,
} from "./schema/enums";
import { createAccused, createCase, createCaseEvent, createVictim, seededRandom } from "../tests/factories";
import { addDays } from "../app/lib/dates";

const stations = ["Sitabuldi PS", "Kotwali PS", "Ganeshpeth PS", "Lakadganj PS", "Sadar PS", "Jaripatka PS"];
const accusedNames = [
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
const notes = [
  "IO requested more time for CDR analysis",
  "Prosecutor to oppose bail citing threat to witnesses",
  "Statement recorded in the presence of a support person",
  "Accused's advocate sought adjournment",
  "Forensic report awaited from RFSL",
];

/** The new codes (BNS, BNSS) apply to cases registered from 1 July 2024; older cases stay under IPC and CrPC. */
export const newCodesFrom = "2024-07-01";
const sectionSets = {
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
const procedure = {
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

type Rand = ReturnType<typeof seededRandom>;
/** Which penal and procedure codes a case falls under, by the day it was opened. */
type Code = "bns" | "ipc";
type Verdict = "convicted" | "acquitted" | "discharged";
type Plan = {
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

/** Whether a case at `stage` has been through `step` (the stages are listed in procedural order). */
const reached = (stage: CaseStage, step: CaseStage) => caseStages.indexOf(stage) >= caseStages.indexOf(step);
const inCourt = (stage: CaseStage) => reached(stage, "chargesheet") && !reached(stage, "judgment");

type SeedEvent = { kind: CaseEventKind; on: number; outcome: string; next?: number; note?: string };
type Step = SeedEvent & { enters?: CaseStage };
type PlannedStep = Omit<Step, "on"> & { gap: [number, number] };

/** What a hearing that moved nothing forward records, by where the case stands. */
const adjournments: Partial<Record<CaseStage | "final", string[]>> = {
  chargesheet: [
    "Copies of the chargesheet supplied to the accused",
    "Case committed to the Sessions Court",
    "Adjourned for arguments on charge",
  ],
  charges_framed: [
    "Adjourned: summons to the first witness not served",
    "Adjourned at the accused's request",
    "Adjourned: the presiding officer was on leave",
  ],
  prosecution_evidence: [
    "Prosecution witness examined; cross-examination deferred",
    "Adjourned: the IO was absent",
    "Adjourned: summons to the panch witness not served",
    "Adjourned at the accused's request",
  ],
  defence_evidence: [
    "Defence witness examined",
    "Adjourned at the accused's request",
    "Adjourned for defence evidence",
  ],
  final: ["Final arguments part-heard; adjourned", "Adjourned for final arguments"],
};

/** The steps after the arrest, as far as the case went, each a typical number of days after the one before. */
function stepsAfterArrest(plan: Plan, law: (typeof procedure)[Code], limit: number, rand: Rand): PlannedStep[] {
  const steps: PlannedStep[] = [
    {
      kind: "statement",
      outcome: `Statement before the magistrate (${law.statement})`,
      note: rand.pick(notes),
      gap: [4, 15],
    },
  ];
  if (reached(plan.stage, "chargesheet"))
    steps.push({
      kind: "chargesheet_filed",
      outcome: `Chargesheet filed (${law.chargesheet})`,
      enters: "chargesheet",
      gap: [25, limit - 25],
    });
  if (plan.outcome === "discharged")
    return [...steps, { kind: "hearing", outcome: "Arguments on charge heard; order reserved", gap: [40, 100] }];
  if (reached(plan.stage, "charges_framed"))
    steps.push({ kind: "charges_framed", outcome: "Charges framed", enters: "charges_framed", gap: [60, 150] });
  if (reached(plan.stage, "prosecution_evidence"))
    steps.push({
      kind: "hearing",
      outcome: "Prosecution evidence begun",
      note: rand.pick(notes),
      enters: "prosecution_evidence",
      gap: [30, 90],
    });
  const testified =
    reached(plan.stage, "defence_evidence") ||
    (plan.stage === "prosecution_evidence" && !plan.testimonyFixed && rand.chance(0.5));
  if (testified)
    steps.push({
      kind: "testimony",
      outcome: "Victim testimony recorded in the protection room, with a support person",
      gap: [30, 120],
    });
  if (reached(plan.stage, "defence_evidence"))
    steps.push({
      kind: "hearing",
      outcome: `Accused's statement recorded (${law.accused})`,
      enters: "defence_evidence",
      gap: [60, 150],
    });
  if (plan.outcome) steps.push({ kind: "hearing", outcome: "Defence evidence closed", gap: [30, 90] });
  return steps;
}

/**
 * Day offsets for the steps: their typical gaps, squeezed in before `end` when the case had less
 * time, and for a judged case stretched over the trial (from `stretchFrom`) when it had more.
 */
function placeSteps(steps: PlannedStep[], arrest: number, end: number, stretchTo: number | null, rand: Rand): number[] {
  const offsets: number[] = [];
  let at = arrest;
  for (const s of steps) offsets.push((at += rand.int(s.gap[0], Math.max(s.gap[0], s.gap[1]))));
  const rescale = (from: number, goal: number) => {
    const base = from > 0 ? offsets[from - 1] : arrest;
    const span = offsets[offsets.length - 1] - base;
    for (let i = from; i < offsets.length; i++)
      offsets[i] = base + Math.floor(((offsets[i] - base) * (goal - base)) / span);
  };
  const last = offsets[offsets.length - 1];
  const trial = steps.findIndex((s) => s.kind === "charges_framed");
  if (last > end) rescale(0, end);
  else if (stretchTo !== null && trial > 0 && last < stretchTo) rescale(trial, stretchTo);
  for (let i = 0; i < offsets.length; i++) offsets[i] = Math.max(offsets[i], (i > 0 ? offsets[i - 1] : arrest) + 1);
  return offsets;
}

/**
 * A case's history as day offsets from its rescue, in the order the procedure runs, never past
 * today and, once judged, ending at the judgment (only an appeal, and compensation, come later).
 */
function caseHistory(plan: Plan, code: Code, limit: number, minor: boolean, rand: Rand) {
  const age = plan.ageDays;
  const law = procedure[code];
  const judgedAt = plan.judgmentAgo !== undefined ? age - plan.judgmentAgo : null;
  const events: Step[] = [{ kind: "rescue", on: 0, outcome: "Rescued in a joint raid with the NGO", enters: "rescue" }];
  if (minor)
    events.push({ kind: "other", on: Math.min(1, age), outcome: "Child produced before the Child Welfare Committee" });
  if (reached(plan.stage, "fir"))
    events.push({ kind: "fir", on: 0, outcome: `FIR registered (${law.fir})`, enters: "fir" });
  if (!reached(plan.stage, "investigation")) return { events, arrest: null, judgedAt, closedAt: null, entered: 0 };

  const arrest = plan.arrestAgo !== undefined ? age - plan.arrestAgo : rand.int(0, 2);
  events.push({ kind: "arrest", on: arrest, outcome: "Accused arrested", enters: "investigation" });
  const steps = stepsAfterArrest(plan, law, limit, rand);
  const argued = judgedAt !== null && plan.outcome !== "discharged" ? judgedAt - rand.int(20, 60) : null;
  const end = argued !== null ? argued - 1 : judgedAt !== null ? judgedAt - 1 : inCourt(plan.stage) ? age - 5 : age - 1;
  const offsets = placeSteps(steps, arrest, end, argued !== null ? end - rand.int(0, 90) : null, rand);
  steps.forEach(({ gap: _gap, ...s }, i) => events.push({ ...s, on: offsets[i] }));

  // Hearings chained by their next dates, from the last step to the next date ahead of today, or to the judgment.
  const chain = (texts: string[], last: Omit<SeedEvent, "on">, lastOn: number) => {
    let prior = events[events.length - 1];
    const from = prior.on;
    const between = Math.min(3, Math.floor((lastOn - from) / 60));
    for (let j = 1; j <= between; j++) {
      const hearing: Step = {
        kind: "hearing",
        on: from + Math.floor(((lastOn - from) * j) / (between + 1)),
        outcome: rand.pick(texts),
      };
      prior.next = hearing.on;
      events.push((prior = hearing));
    }
    prior.next = lastOn;
    events.push({ ...last, on: lastOn });
  };
  const lastStep = offsets[offsets.length - 1];
  if (judgedAt === null && inCourt(plan.stage)) {
    const texts = adjournments[plan.stage]!;
    const outcome = plan.testimonyFixed ? "Adjourned; victim testimony fixed" : rand.pick(texts);
    chain(
      texts,
      { kind: "hearing", outcome, next: age + (plan.nextDateIn ?? rand.int(3, 75)) },
      Math.max(lastStep + 1, age - (plan.testimonyFixed ? 14 : rand.int(5, 25))),
    );
  }
  if (judgedAt !== null) {
    if (argued !== null)
      chain(
        adjournments.final!,
        { kind: "hearing", outcome: "Final arguments heard; judgment reserved", next: judgedAt },
        argued,
      );
    else events[events.length - 1].next = judgedAt;
    const verdict = { convicted: "Convicted", acquitted: "Acquitted", discharged: `Discharged (${law.discharge})` }[
      plan.outcome!
    ];
    events.push({ kind: "judgment", on: judgedAt, outcome: verdict, enters: "judgment" });
    if (plan.stage === "appeal") {
      const by =
        plan.outcome === "acquitted"
          ? "State appeal against the acquittal filed in the High Court"
          : "The convicted accused's appeal admitted by the High Court";
      events.push({
        kind: "appeal_filed",
        on: Math.min(judgedAt + rand.int(30, 85), age - 1),
        outcome: by,
        enters: "appeal",
      });
    }
  }
  // An acquittal is closed once its appeal window has passed unused.
  const closedAt =
    plan.stage === "closed" && judgedAt !== null
      ? Math.min(age, plan.outcome === "acquitted" ? judgedAt + 91 : judgedAt)
      : null;
  const entered = closedAt ?? Math.max(...events.filter((e) => e.enters === plan.stage).map((e) => e.on), 0);
  return { events, arrest, judgedAt, closedAt, entered };
}

/** Each accused's bail, and the application (and order) it took to get there; orders always follow an application. */
function bailHistories(plan: Plan, count: number, arrest: number | null, untilDay: number, rand: Rand) {
  return Array.from({ length: count }, (_, a) => {
    const events: SeedEvent[] = [];
    const opposed = "Regular bail application filed; prosecution opposed";
    if (arrest === null) return { status: "not_applied" as BailStatus, events };
    const age = plan.ageDays;
    if (a === 0 && plan.bail === "pending") {
      events.push({
        kind: "bail_application",
        on: age - 10,
        outcome: opposed,
        note: "Prosecutor cited threat to witnesses",
      });
      return { status: "pending" as BailStatus, events };
    }
    if (a === 0 && plan.bail === "granted_recently") {
      events.push(
        { kind: "bail_application", on: age - 26, outcome: opposed },
        {
          kind: "bail_order",
          on: age - 12,
          outcome: "Bail granted on conditions: not to contact the victim or her family",
        },
      );
      return { status: "granted" as BailStatus, events };
    }
    const choices: BailStatus[] = reached(plan.stage, "chargesheet")
      ? ["not_applied", "refused", "granted", "granted"]
      : ["not_applied", "not_applied", "refused"];
    const status = untilDay - arrest < 30 ? "not_applied" : rand.pick(choices);
    if (status === "not_applied") return { status, events };
    const applied = rand.int(arrest + 5, untilDay - 20);
    events.push({
      kind: "bail_application",
      on: applied,
      outcome: rand.chance(0.7) ? opposed : "Regular bail application filed",
    });
    events.push({
      kind: "bail_order",
      on: applied + rand.int(5, 15),
      outcome:
        status === "granted" ? "Bail granted on conditions" : "Bail refused; the victim was heard through her lawyer",
    });
    return { status, events };
  });
}

type Involvement = { kind: DepartmentKind; role: CaseDepartmentRole };

/** Two to four departments: one lead (the police, or the prosecutor at trial), the rest support or are kept informed. */
function involvement(plan: Plan, anyMinor: boolean, legalAid: boolean, sheltered: boolean, rand: Rand): Involvement[] {
  const lead: DepartmentKind = reached(plan.stage, "charges_framed") && rand.chance(0.35) ? "prosecution" : "police";
  const involved: Involvement[] = [{ kind: lead, role: "lead" }];
  if (lead === "prosecution") involved.push({ kind: "police", role: "support" });
  else if (reached(plan.stage, "chargesheet")) involved.push({ kind: "prosecution", role: "support" });
  if (anyMinor) involved.push({ kind: "dcpu", role: "support" });
  const others: Involvement[] = [
    { kind: "ngo", role: "support" },
    { kind: "dwcd", role: "informed" },
    { kind: "plv", role: "informed" },
  ];
  if (legalAid) others.push({ kind: "dlsa", role: "support" });
  if (sheltered) others.push({ kind: "shelter_home", role: "support" });
  const size = rand.int(Math.max(2, involved.length), 4);
  while (involved.length < size && others.length)
    involved.push(...others.splice(Math.floor(rand.next() * others.length), 1));
  return involved;
}

/** The day a victim was last told how her case stands, as an offset from the rescue: mostly recently, sometimes long ago or never. */
function lastInformed(plan: Plan, closedAt: number | null, rand: Rand): number | null {
  const age = plan.ageDays;
  if (!reached(plan.stage, "fir")) return null;
  if (closedAt !== null) return rand.chance(0.7) ? Math.min(age, closedAt + rand.int(0, 14)) : null;
  if (rand.chance(0.65)) return Math.max(0, age - rand.int(2, 50));
  if (age > 75 && rand.chance(0.7)) return age - rand.int(75, Math.min(age, 240));
  return null;
}

/** One demo case with its history, victims and accused. */
export function seedCase(
  tx: Conn,
  {
    collectiveId,
    dept,
    plan,
    index,
    today,
    rand,
  }: { collectiveId: number; dept: Map<DepartmentKind, number>; plan: Plan; index: number; today: string; rand: Rand },
) {
  const age = plan.ageDays;
  const openedOn = addDays(today, -age);
  const on = (offset: number) => addDays(openedOn, offset);
  const code: Code = openedOn >= newCodesFrom ? "bns" : "ipc";
  // Two victims of one case are both minors or both adults; the victims of a raid are mixed.
  const firstMinor = rand.chance(0.4);
  const minors = Array.from({ length: plan.victims ?? (rand.chance(0.25) ? 2 : 1) }, (_, v) =>
    v > 0 && plan.victims ? rand.chance(0.3) : firstMinor,
  );
  const anyMinor = minors.includes(true);
  const sheltered = minors.map((minor) => rand.chance(minor ? 0.6 : 0.35));
  const legalAid = reached(plan.stage, "chargesheet") || rand.chance(0.35);
  const limit = plan.limit ?? (rand.chance(0.3) ? 90 : 60);
  const history = caseHistory(plan, code, limit, anyMinor, rand);
  const filed = history.events.find((e) => e.kind === "chargesheet_filed");
  const kase = createCase(tx, {
    collectiveId,
    openedOn,
    createdAt: `${openedOn}T06:00:00.000Z`,
    policeStation: rand.pick(stations),
    // A case still at the rescue stage has no FIR yet.
    firNumber: reached(plan.stage, "fir") ? String(rand.int(100, 899)).padStart(4, "0") : null,
    firYear: reached(plan.stage, "fir") ? Number(openedOn.slice(0, 4)) : null,
    sections: rand.pick(sectionSets[code][anyMinor ? "minor" : "adult"]),
    courtName: filed ? "Exclusive Trafficking Court, Demo District" : null,
    courtCaseNumber: filed ? `SC/${rand.int(10, 250)}/${on(filed.on).slice(0, 4)}` : null,
    stage: plan.stage,
    status: plan.stage === "closed" ? "closed" : "open",
    outcome: plan.outcome ?? null,
    closedOn: history.closedAt !== null ? on(history.closedAt) : null,
    chargesheetLimitDays: limit,
    stageChangedOn: on(history.entered),
    departments: involvement(plan, anyMinor, legalAid, sheltered.includes(true), rand).map(({ kind, role }) => ({
      departmentId: dept.get(kind)!,
      role,
    })),
  });

  const events: SeedEvent[] = [...history.events];
  const testified = events.some((e) => e.kind === "testimony");
  const victimRows: Parameters<typeof createVictim>[1][] = [];
  minors.forEach((minor, v) => {
    const applied = reached(plan.stage, "investigation") && rand.chance(0.55) ? rand.int(20, 120) : null;
    const appliedOn = applied !== null && applied < age ? applied : null;
    const received = appliedOn !== null && rand.chance(0.5) ? appliedOn + rand.int(90, 300) : null;
    const receivedOn = received !== null && received < age ? received : null;
    const scheme = minor
      ? "the Manodhairya scheme"
      : `the victim compensation scheme (${procedure[code].compensation})`;
    if (appliedOn !== null)
      events.push({
        kind: "compensation_application",
        on: appliedOn,
        outcome: `Compensation applied for under ${scheme}`,
      });
    if (receivedOn !== null)
      events.push({ kind: "compensation_order", on: receivedOn, outcome: `Compensation paid under ${scheme}` });
    const ageBand: AgeBand = minor
      ? rand.pick(["12_15", "16_17"] as const)
      : rand.pick(["18_25", "26_35", "36_plus"] as const);
    victimRows.push({
      caseId: kase.id,
      collectiveId,
      minor,
      ageBand,
      legalAidAssignedOn: legalAid ? on(Math.min(rand.int(5, 40), age)) : null,
      educationEnrolled: minor && age > 30 && rand.chance(0.6),
      livelihoodSupport: !minor && age > 60 && rand.chance(0.45),
      compensationAppliedOn: appliedOn !== null ? on(appliedOn) : null,
      compensationReceivedOn: receivedOn !== null ? on(receivedOn) : null,
      inShelter: sheltered[v],
      testifiedInProtectionRoom: testified && rand.chance(0.8),
    });
  });

  const accusedCount = plan.victims ? rand.int(2, 3) : rand.int(1, 3);
  const bailUntil = history.judgedAt !== null ? history.judgedAt - 1 : age - 1;
  bailHistories(plan, accusedCount, history.arrest, bailUntil, rand).forEach(({ status, events: bail }, a) => {
    events.push(...bail);
    createAccused(tx, {
      caseId: kase.id,
      name: accusedNames[(index * 3 + a) % accusedNames.length],
      arrestedOn: history.arrest !== null ? on(history.arrest) : null,
      bailStatus: status,
    });
  });

  // The services added with the fuller index draw from their own stream, so the rest of the demo
  // stays as it was; they are recorded once the bail history is known.
  const care = seededRandom(90_000 + index);
  const happened = (kind: CaseEventKind) => events.some((e) => e.kind === kind && e.on <= age);
  for (const row of victimRows) {
    const informed = lastInformed(plan, history.closedAt, care);
    const threatReported = reached(plan.stage, "investigation") && care.chance(0.2);
    createVictim(tx, {
      ...row,
      lastInformedOn: informed !== null ? on(informed) : null,
      heardAtBail: happened("bail_application") ? care.chance(0.65) : null,
      escortedWhenSummoned: happened("statement") || testified ? care.chance(0.75) : null,
      supportPersonAtTestimony: testified && care.chance(0.7),
      threatReported,
      threatActedOn: threatReported && care.chance(0.6),
    });
  }

  events
    .filter((e) => e.on <= age)
    .sort((a, b) => a.on - b.on)
    .forEach((e) =>
      createCaseEvent(tx, {
        caseId: kase.id,
        kind: e.kind,
        occurredOn: on(e.on),
        outcome: e.outcome,
        nextDate: e.next !== undefined ? on(e.next) : null,
        note: e.note ?? null,
      }),
    );
}
