// What a case page may show, decided once, on the server. Restricted fields are left out of the
// object entirely for roles that may not see them, so they never reach the HTML or loader data.
import type { accused, caseEvents, cases, victims } from "#db/schema";
import { victimServices } from "./participation";
import { caseClocks, type Clock } from "./clocks";

type CaseRow = typeof cases.$inferSelect;
type EventRow = typeof caseEvents.$inferSelect;
type VictimRow = typeof victims.$inferSelect;
type AccusedRow = typeof accused.$inferSelect;

export type CaseViewInput = {
  kase: CaseRow;
  events: EventRow[];
  victims: VictimRow[];
  accused: AccusedRow[];
  departments: { departmentId: number; name: string; role: string }[];
};

export function caseView(
  { kase, events, victims, accused, departments }: CaseViewInput,
  { restricted, today }: { restricted: boolean; today: string },
) {
  // Clocks read arrest dates, so they are computed before anything is removed.
  const clocks: Clock[] = caseClocks(
    { outcome: kase.outcome, chargesheetLimitDays: kase.chargesheetLimitDays, events, accused },
    today,
  );
  return {
    case: {
      id: kase.id,
      code: kase.code,
      policeStation: kase.policeStation,
      courtName: kase.courtName,
      courtCaseNumber: kase.courtCaseNumber,
      sections: kase.sections,
      stage: kase.stage,
      status: kase.status,
      outcome: kase.outcome,
      openedOn: kase.openedOn,
      closedOn: kase.closedOn,
      chargesheetLimitDays: kase.chargesheetLimitDays,
      version: kase.version,
    },
    restricted: restricted
      ? {
          firNumber: kase.firNumber,
          firYear: kase.firYear,
          accusedNames: Object.fromEntries(accused.map((a) => [a.id, a.name])) as Record<number, string>,
          notes: Object.fromEntries(events.filter((e) => e.note).map((e) => [e.id, e.note as string])) as Record<
            number,
            string
          >,
        }
      : null,
    clocks,
    // Arrest dates and bail are not restricted: every role sees them, by position, not by name.
    accused: accused.map((a, i) => ({ id: a.id, position: i + 1, arrestedOn: a.arrestedOn, bailStatus: a.bailStatus })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      occurredOn: e.occurredOn,
      outcome: e.outcome,
      nextDate: e.nextDate,
    })),
    victims: victims.map((v) => ({
      id: v.id,
      code: v.code,
      minor: v.minor,
      ageBand: v.ageBand,
      version: v.version,
      ...victimServices(v),
    })),
    departments,
  };
}
export type CaseView = ReturnType<typeof caseView>;
