// A demo case's history: its steps in the order of procedure, spaced as such cases run, its hearings
// chained by their next dates, and each accused's bail.
import { caseStages, type BailStatus, type CaseEventKind, type CaseStage } from "#db/schema/enums";
import { at } from "~/lib/at";
import { notes, procedure, type Code, type Plan, type Rand } from "./case-plans";

/** Whether a case at `stage` has been through `step` (the stages are listed in procedural order). */
export const reached = (stage: CaseStage, step: CaseStage) => caseStages.indexOf(stage) >= caseStages.indexOf(step);
const inCourt = (stage: CaseStage) => reached(stage, "chargesheet") && !reached(stage, "judgment");

export type SeedEvent = { kind: CaseEventKind; on: number; outcome: string; next?: number; note?: string };
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
  let day = arrest;
  for (const s of steps) offsets.push((day += rand.int(s.gap[0], Math.max(s.gap[0], s.gap[1]))));
  // The day before step i: the step before it, or the arrest for the first.
  const before = (i: number) => (i > 0 ? at(offsets, i - 1) : arrest);
  const rescale = (from: number, goal: number) => {
    const base = before(from);
    const span = at(offsets, offsets.length - 1) - base;
    for (let i = from; i < offsets.length; i++)
      offsets[i] = base + Math.floor(((at(offsets, i) - base) * (goal - base)) / span);
  };
  const last = at(offsets, offsets.length - 1);
  const trial = steps.findIndex((s) => s.kind === "charges_framed");
  if (last > end) rescale(0, end);
  else if (stretchTo !== null && trial > 0 && last < stretchTo) rescale(trial, stretchTo);
  for (let i = 0; i < offsets.length; i++) offsets[i] = Math.max(at(offsets, i), before(i) + 1);
  return offsets;
}

/**
 * A case's history as day offsets from its rescue, in the order the procedure runs, never past
 * today and, once judged, ending at the judgment (only an appeal, and compensation, come later).
 */
export function caseHistory(plan: Plan, code: Code, limit: number, minor: boolean, rand: Rand) {
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
  steps.forEach(({ gap: _gap, ...s }, i) => events.push({ ...s, on: at(offsets, i) }));

  // Hearings chained by their next dates, from the last step to the next date ahead of today, or to the judgment.
  const chain = (texts: string[], last: Omit<SeedEvent, "on">, lastOn: number) => {
    let prior = at(events, events.length - 1);
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
  const lastStep = at(offsets, offsets.length - 1);
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
    else at(events, events.length - 1).next = judgedAt;
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
export function bailHistories(plan: Plan, count: number, arrest: number | null, untilDay: number, rand: Rand) {
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
