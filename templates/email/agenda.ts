import { confidentialityFooter, renderEmail, type Email } from "./layout";

export type AgendaEmailData = {
  collectiveName: string;
  meetingNumber: number;
  /** Already written for people, e.g. "Thu, 10/12/2026, 11:00 am IST". */
  when: string;
  durationMinutes: number;
  venue: string | null;
  onlineLink: string | null;
  recipientName: string;
  departmentName: string;
  /** Item titles in order, with their start times ("11:05 Case review: DEM-2026-0014"). */
  items: string[];
  writtenUpdates: number;
  meetingUrl: string;
  kind: "agenda" | "agenda-update" | "rescheduled" | "cancelled";
};

const subjects: Record<AgendaEmailData["kind"], (d: AgendaEmailData) => string> = {
  agenda: (d) => `Agenda: ${d.collectiveName} collective, Meeting ${d.meetingNumber}, ${d.when}`,
  "agenda-update": (d) => `Updated agenda: ${d.collectiveName} collective, Meeting ${d.meetingNumber}, ${d.when}`,
  rescheduled: (d) => `Rescheduled: ${d.collectiveName} collective, Meeting ${d.meetingNumber}, now ${d.when}`,
  cancelled: (d) => `Cancelled: ${d.collectiveName} collective, Meeting ${d.meetingNumber}, ${d.when}`,
};

const openings: Record<AgendaEmailData["kind"], string> = {
  agenda: "The agenda for the next meeting of the collective is attached, with a calendar invitation.",
  "agenda-update": "The agenda for the next meeting has been updated. The new version is attached.",
  rescheduled: "The next meeting of the collective has moved. The calendar invitation in this email updates your calendar.",
  cancelled: "The meeting below has been cancelled. The calendar invitation in this email removes it from your calendar.",
};

/** The agenda (or an update about the meeting) for one seat holder. Case codes only. */
export function agendaEmail(d: AgendaEmailData): Email {
  const where = [d.venue, d.onlineLink ? `Online: ${d.onlineLink}` : null].filter((x): x is string => !!x);
  return renderEmail({
    subject: subjects[d.kind](d),
    greeting: `Dear ${d.recipientName} (${d.departmentName}),`,
    blocks: [
      { lines: [openings[d.kind]] },
      { heading: `Meeting ${d.meetingNumber}`, lines: [`When: ${d.when} (${d.durationMinutes} minutes)`, ...where.map((w) => `Where: ${w}`)] },
      ...(d.kind === "cancelled"
        ? []
        : [
            {
              heading: "Agenda",
              list: d.items,
              lines: d.writtenUpdates > 0 ? [`${d.writtenUpdates} further case(s) are listed for written update.`] : [],
            },
          ]),
      { link: { href: d.meetingUrl, label: "Open the meeting in TESTA Desk" } },
    ],
    footer: confidentialityFooter,
  });
}
