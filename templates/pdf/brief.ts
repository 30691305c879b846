import { aboutTheCollective, glossary } from "~/lib/brief-text";
import { levelWords, type MatrixRow } from "~/lib/accountability";
import { formatDate } from "~/lib/dates";
import { renderPdf, type PdfOutput } from "./document";

/**
 * Everything a newly transferred officer needs to run the department's part in the collective,
 * readable in about ten minutes. Cases appear by code only; nothing restricted is read.
 */
export type BriefDocument = {
  collectiveName: string;
  department: { id: number; name: string; kind: string };
  holder: { officer: string; designation: string } | null;
  roleSummary: string;
  actions: { description: string; caseCode: string | null; due: string; overdue: boolean; history: string }[];
  cases: { code: string; stage: string; nextDate: string; role: string }[];
  decisions: { meeting: string; item: string; decisions: string }[];
  accountability: MatrixRow[];
  seats: { department: string; officer: string; designation: string; email: string; phone: string | null }[];
  nextMeeting: {
    number: number;
    when: string;
    venue: string | null;
    onlineLink: string | null;
    inviteUrl: string;
    pageUrl: string;
  } | null;
};

/** The onboarding brief as a PDF, section by section as on the page. */
export function renderBriefPdf(doc: BriefDocument): Promise<Buffer>;
export function renderBriefPdf<T>(doc: BriefDocument, output: PdfOutput<T>): T;
export function renderBriefPdf(doc: BriefDocument, output: PdfOutput<unknown> = renderPdf) {
  return output(`Onboarding brief, ${doc.department.name}`, (pdf) => {
    pdf.muted(`${doc.collectiveName} stakeholder collective`);
    pdf.title(`Onboarding brief: ${doc.department.name}`);
    if (doc.holder) pdf.write(`For ${doc.holder.officer}, ${doc.holder.designation}`, { size: 11 });
    pdf.heading("1. The collective and your seat");
    for (const p of aboutTheCollective) pdf.write(p, { size: 10.5 });
    pdf.heading("2. Your department's role");
    pdf.write(doc.roleSummary, { size: 10.5 });
    pdf.heading("3. Open action items");
    if (doc.actions.length) {
      pdf.table(
        [
          { header: "Action", width: 5 },
          { header: "Case", width: 2 },
          { header: "Due", width: 1.6 },
          { header: "History", width: 4 },
        ],
        doc.actions.map((a) => [
          a.description,
          a.caseCode ?? "",
          `${a.due}${a.overdue ? " (overdue)" : ""}`,
          a.history,
        ]),
      );
    } else pdf.muted("None: the department has no unfinished action item.");
    pdf.heading("4. Cases your department is involved in");
    if (doc.cases.length) {
      pdf.table(
        [
          { header: "Case", width: 2 },
          { header: "Stage", width: 3 },
          { header: "Next date", width: 2 },
          { header: "Role", width: 1.5 },
        ],
        doc.cases.map((c) => [c.code, c.stage, c.nextDate, c.role]),
      );
    } else pdf.muted("No open case involves the department.");
    pdf.heading("5. Decisions of the last three meetings that concern you");
    if (doc.decisions.length)
      for (const d of doc.decisions) pdf.write(`${d.meeting}, ${d.item}: ${d.decisions}`, { size: 10.5 });
    else pdf.muted("No decision in the last three meetings concerned the department.");
    pdf.heading("6. Accountability, by tenure");
    pdf.table(
      [
        { header: "Officer", width: 3 },
        { header: "Attended", width: 1.5 },
        { header: "On time", width: 1.3 },
        { header: "Late", width: 1 },
        { header: "Overdue", width: 1.3 },
        { header: "Engagement", width: 3 },
      ],
      doc.accountability.map((r) => [
        r.tenure
          ? `${r.tenure.officerName} (${formatDate(r.tenure.from)} – ${r.tenure.to ? formatDate(r.tenure.to) : "now"})`
          : r.department,
        `${r.attended} of ${r.meetingsHeld}`,
        String(r.doneOnTime),
        String(r.doneLate),
        String(r.overdue),
        `${r.level}: ${levelWords[r.level]}`,
      ]),
    );
    pdf.heading("7. The other seats");
    pdf.table(
      [
        { header: "Department", width: 3 },
        { header: "Holder", width: 3 },
        { header: "Contact", width: 3 },
      ],
      doc.seats.map((s) => [
        s.department,
        `${s.officer}, ${s.designation}`,
        [s.email, s.phone].filter(Boolean).join(", "),
      ]),
    );
    pdf.heading("8. The next meeting");
    if (doc.nextMeeting) {
      pdf.write(
        `Meeting ${doc.nextMeeting.number}: ${doc.nextMeeting.when}${doc.nextMeeting.venue ? `, ${doc.nextMeeting.venue}` : ""}`,
        { size: 10.5 },
      );
      if (doc.nextMeeting.onlineLink) pdf.write(`Online: ${doc.nextMeeting.onlineLink}`, { size: 10.5 });
      pdf.write(`Calendar invite: ${doc.nextMeeting.inviteUrl}`, { size: 10.5 });
    } else pdf.muted("The next meeting has not been scheduled yet.");
    pdf.heading("9. Glossary");
    for (const [term, meaning] of glossary) pdf.write(`${term}: ${meaning}`, { size: 10 });
  });
}
