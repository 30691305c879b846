import type { Conn } from "#db/client";
import { outcomeReport } from "~/lib/outcomes";
import { displayFigures, type DisplayFigure } from "~/lib/outcomes-display";
import { seesRestricted } from "~/lib/permissions";
import type { SessionUser } from "~/models/user.server";
import { outcomeInput } from "~/models/outcome.server";

/** The figures as this user may see them: exact for the secretariat, small cells hidden for others. */
export function outcomesFor(db: Conn, user: SessionUser): { exact: boolean; figures: DisplayFigure[] } {
  const exact = seesRestricted(user.role);
  return { exact, figures: displayFigures(outcomeReport(outcomeInput(db, user.collectiveId)), { exact }) };
}
