import { itemStatusLabels } from "~/lib/labels";
import { minutesStatusLine } from "~/lib/minutes-state";
import { renderPdf, type PdfOutput } from "./document";

export type MinutesDocument = {
  collectiveName: string;
  district: string;
  state: string;
  meetingNumber: number;
  when: string;
  venue: string | null;
  onlineLink: string | null;
  minutesState: string;
  version: number | null;
  attendance: {
    present: { department: string; name: string; designation: string; substitute: boolean }[];
    absent: string[];
    excused: string[];
  };
  items: { number: number; title: string; status: string; discussion: string; decisions: string }[];
  actions: { department: string; description: string; due: string; caseCode: string | null }[];
  nextMeeting: string | null;
  amendments: { text: string; movedBy: string }[];
};

/** The minutes as circulated: attendance, each item's discussion and decisions, and who does what by when. */
export function renderMinutesPdf(doc: MinutesDocument): Promise<Buffer>;
export function renderMinutesPdf<T>(doc: MinutesDocument, output: PdfOutput<T>): T;
export function renderMinutesPdf(doc: MinutesDocument, output: PdfOutput<unknown> = renderPdf) {
  return output(`Minutes, Meeting ${doc.meetingNumber}`, (pdf) => {
    pdf.muted(`${doc.collectiveName} stakeholder collective · ${doc.district}, ${doc.state}`);
    pdf.title(`Minutes: Meeting ${doc.meetingNumber}`);
    pdf.keyValues([
      ["When", doc.when],
      ...(doc.venue ? ([["Venue", doc.venue]] as [string, string][]) : []),
      ...(doc.onlineLink ? ([["Online", doc.onlineLink]] as [string, string][]) : []),
      ["Status", minutesStatusLine(doc)],
    ]);
    pdf.heading("Attendance");
    pdf.table(
      [
        { header: "Department", width: 3 },
        { header: "Present", width: 4 },
      ],
      doc.attendance.present.map((p) => [
        p.department,
        `${p.name}, ${p.designation}${p.substitute ? " (substitute)" : ""}`,
      ]),
    );
    pdf.write(`Absent: ${doc.attendance.absent.join("; ") || "none"}`, { size: 10 });
    pdf.write(`Excused: ${doc.attendance.excused.join("; ") || "none"}`, { size: 10 });
    pdf.heading("Proceedings");
    for (const item of doc.items) {
      pdf.ensureSpace(60);
      pdf.write(`${item.number}. ${item.title}`, { size: 12, weight: "bold", gap: 2 });
      pdf.muted(itemStatusLabels[item.status] ?? item.status, 9.5);
      if (item.discussion) pdf.write(`Discussion: ${item.discussion}`, { size: 10.5 });
      if (item.decisions) pdf.write(`Decisions: ${item.decisions}`, { size: 10.5, weight: "bold" });
      pdf.doc.moveDown(0.3);
    }
    pdf.heading("Action items");
    if (doc.actions.length) {
      pdf.table(
        [
          { header: "Department", width: 3 },
          { header: "Action", width: 6 },
          { header: "Case", width: 2.2 },
          { header: "Due", width: 2 },
        ],
        doc.actions.map((a) => [a.department, a.description, a.caseCode ?? "", a.due]),
      );
    } else {
      pdf.muted("No action item was agreed.");
    }
    if (doc.amendments.length) {
      pdf.heading("Amendments");
      for (const a of doc.amendments) pdf.write(`${a.text} (moved by ${a.movedBy})`, { size: 10.5 });
    }
    pdf.heading("Next meeting");
    pdf.write(doc.nextMeeting ?? "To be scheduled.", { size: 11 });
  });
}
