// The demo collective's cases, written: each plan becomes a case with its departments, victims,
// accused and events, whose history follows the order of procedure.
import type { Conn } from "#db/client";
import type { AgeBand, CaseDepartmentRole, CaseEventKind, DepartmentKind } from "#db/schema/enums";
import { addDays } from "~/lib/dates";
import { createAccused, createCase, createCaseEvent, createVictim, seededRandom } from "../../tests/factories";
import { bailHistories, caseHistory, reached, type SeedEvent } from "./case-history";
import {
  accusedNames,
  newCodesFrom,
  procedure,
  sectionSets,
  stations,
  type Code,
  type Plan,
  type Rand,
} from "./case-plans";

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
