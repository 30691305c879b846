import { renderPdf, type PdfOutput } from "./document";
import { plural } from "~/lib/plural";

/**
 * The agenda as documents show it: the PDF, the email and the frozen published version all come
 * from this one shape. Cases appear by code only; nothing restricted is ever read here.
 */
export type AgendaDocument = {
  collectiveName: string;
  district: string;
  state: string;
  meetingNumber: number;
  when: string;
  durationMinutes: number;
  venue: string | null;
  onlineLink: string | null;
  items: {
    startTime: string;
    title: string;
    minutes: number;
    reasons: string[];
    presentingDepartment: string | null;
  }[];
  writtenUpdates: { title: string; reasons: string[]; presentingDepartment: string | null }[];
  endTime: string;
};

/** The agenda as circulated: when and where, each item with its time, reasons and presenter. */
export function renderAgendaPdf(doc: AgendaDocument, options: { draft: boolean }): Promise<Buffer>;
export function renderAgendaPdf<T>(doc: AgendaDocument, options: { draft: boolean }, output: PdfOutput<T>): T;
export function renderAgendaPdf(
  doc: AgendaDocument,
  { draft }: { draft: boolean },
  output: PdfOutput<unknown> = renderPdf,
) {
  return output(`Agenda, Meeting ${doc.meetingNumber}`, (pdf) => {
    pdf.muted(`${doc.collectiveName} stakeholder collective · ${doc.district}, ${doc.state}`);
    pdf.title(`Agenda: Meeting ${doc.meetingNumber}${draft ? " (DRAFT, not yet published)" : ""}`);
    pdf.keyValues([
      ["When", `${doc.when}, ${plural(doc.durationMinutes, "minute", "minutes")} (until about ${doc.endTime})`],
      ...(doc.venue ? ([["Venue", doc.venue]] as [string, string][]) : []),
      ...(doc.onlineLink ? ([["Online", doc.onlineLink]] as [string, string][]) : []),
    ]);
    pdf.rule();
    doc.items.forEach((item, index) => {
      pdf.ensureSpace(50);
      pdf.write(`${item.startTime}   ${index + 1}. ${item.title}`, { size: 12, weight: "bold", gap: 2 });
      pdf.muted(
        `${plural(item.minutes, "minute", "minutes")}${item.presentingDepartment ? ` · presented by ${item.presentingDepartment}` : ""}`,
        9.5,
      );
      if (item.reasons.length) pdf.bullets(item.reasons);
      pdf.doc.moveDown(0.3);
    });
    pdf.heading("For written update");
    if (doc.writtenUpdates.length) {
      pdf.muted("Flagged, but not in the meeting's time. The presenting department sends a written update.");
      pdf.table(
        [
          { header: "Item", width: 2 },
          { header: "Why", width: 5 },
          { header: "Department", width: 2 },
        ],
        doc.writtenUpdates.map((w) => [w.title, w.reasons.join("; "), w.presentingDepartment ?? ""]),
      );
    } else {
      pdf.muted("None: every flagged case is on the agenda.");
    }
  });
}
