import type { Conn } from "#db/client";
import { matrixCsv } from "~/lib/accountability";
import { outcomeReport } from "~/lib/outcomes";
import { displayFigures, figuresCsv } from "~/lib/outcomes-display";
import { outcomeInput } from "~/models/outcome.server";
import { matrixFor } from "./accountability.server";

// The archive's files other than its tables (archive-files.server.ts): where each PDF goes, and the
// figures of the reports pages as CSV.

export const agendaPdfPath = (meetingNumber: number, version: number) =>
  `agendas/meeting-${meetingNumber}-agenda-v${version}.pdf`;
export const minutesPdfPath = (meetingNumber: number, version: number) =>
  `minutes/meeting-${meetingNumber}-minutes-v${version}.pdf`;
export const briefPdfPath = (departmentId: number) => `briefs/department-${departmentId}-brief.pdf`;

/** The figures of the reports pages, exact (the archive is the admin's): outcomes, and the matrix by department and by tenure. */
export function figureFiles(db: Conn, collectiveId: number): { path: string; text: string }[] {
  return [
    {
      path: "figures/outcomes.csv",
      text: figuresCsv(displayFigures(outcomeReport(outcomeInput(db, collectiveId)), { exact: true })),
    },
    { path: "figures/accountability-by-department.csv", text: matrixCsv(matrixFor(db, collectiveId, "all", false)) },
    { path: "figures/accountability-by-tenure.csv", text: matrixCsv(matrixFor(db, collectiveId, "all", true)) },
  ];
}
