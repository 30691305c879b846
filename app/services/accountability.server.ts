import type { Conn } from "#db/client";
import { accountabilityMatrix, periodFor, type MatrixRow } from "~/lib/accountability";
import { todayIn } from "~/lib/dates";
import { matrixInput } from "~/models/accountability.server";
import { getCollective } from "~/models/collective.server";

export const periodChoices = ["quarter", "year", "all"] as const;
export type PeriodChoice = (typeof periodChoices)[number];

export function parsePeriod(value: string | null): PeriodChoice {
  return (periodChoices as readonly string[]).includes(value ?? "") ? (value as PeriodChoice) : "all";
}

/** The matrix for a collective and period, by department or by tenure. */
export function matrixFor(db: Conn, collectiveId: number, choice: PeriodChoice, byTenure: boolean): MatrixRow[] {
  const { timeZone } = getCollective(db, collectiveId);
  const today = todayIn(timeZone);
  return accountabilityMatrix(matrixInput(db, collectiveId, timeZone), periodFor(choice, today), today, { byTenure });
}
