import { confidentialityFooter, renderEmail, type Email } from "./layout";
import { plural } from "~/lib/plural";

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
  /** The flagged cases that did not fit in the meeting's time, each with why it was flagged, as the PDF lists them. */
  writtenUpdates: { title: string; reasons: string[]; presentingDepartment: string | null }[];
  meetingUrl: string;
  kind: "agenda" | "agenda-update" | "rescheduled" | "cancelled";
  /** Why a cancelled meeting was cancelled, as the secretariat wrote it (guarded when saved). */
  reason?: string | null;
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
  rescheduled:
    "The next meeting of the collective has moved. The calendar invitation in this email updates your calendar.",
  cancelled:
    "The meeting below has been cancelled. The calendar invitation in this email removes it from your calendar.",
};

/** "Case review: DEM-2026-0042: Not reviewed for 3 meetings; Chargesheet due in 9 days (Police)". */
const writtenUpdateLine = (w: AgendaEmailData["writtenUpdates"][number]) =>
  `${w.title}: ${w.reasons.join("; ") || "no reason recorded"}${w.presentingDepartment ? ` (${w.presentingDepartment})` : ""}`;

/** The agenda (or an update about the meeting) for one seat holder. Case codes only. */
export function agendaEmail(d: AgendaEmailData): Email {
  const where = [d.venue, d.onlineLink ? `Online: ${d.onlineLink}` : null].filter((x): x is string => !!x);
  return renderEmail({
    subject: subjects[d.kind](d),
    greeting: `Dear ${d.recipientName} (${d.departmentName}),`,
    blocks: [
      { lines: [openings[d.kind]] },
      {
        heading: `Meeting ${d.meetingNumber}`,
        lines: [
          `When: ${d.when} (${plural(d.durationMinutes, "minute", "minutes")})`,
          ...where.map((w) => `Where: ${w}`),
        ],
      },
      ...(d.kind === "cancelled"
        ? d.reason
          ? [{ heading: "Reason", lines: [d.reason] }]
          : []
        : [
            { heading: "Agenda", list: d.items },
            ...(d.writtenUpdates.length
              ? [
                  {
                    heading: "For written update",
                    lines: [
                      `${plural(d.writtenUpdates.length, "further case is", "further cases are")} flagged but not in the meeting's time. The presenting department sends a written update.`,
                    ],
                    list: d.writtenUpdates.map(writtenUpdateLine),
                  },
                ]
              : []),
          ]),
      { link: { href: d.meetingUrl, label: "Open the meeting in TESTA Desk" } },
    ],
    footer: confidentialityFooter,
  });
}
