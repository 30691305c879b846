import { confidentialityFooter, renderEmail, type Email } from "./layout";

export type ReminderData = {
  collectiveName: string;
  recipientName: string;
  departmentName: string;
  overdue: string[];
  dueSoon: string[];
  /** With the nudge: the department's other unfinished items, to update before the meeting. */
  later: string[];
  /** Five days before a meeting: a nudge to bring the department's items up to date. */
  meeting: { number: number; when: string } | null;
  actionsUrl: string;
};

/** One digest a day for a department with something due; never sent when there is nothing. */
export function reminderEmail(d: ReminderData): Email {
  const parts = [
    d.overdue.length ? `${d.overdue.length} overdue` : null,
    d.dueSoon.length ? `${d.dueSoon.length} due this week` : null,
  ].filter(Boolean);
  return renderEmail({
    subject: `${d.departmentName}: ${parts.join(", ") || "update your action items"} (${d.collectiveName} collective)`,
    greeting: `Dear ${d.recipientName} (${d.departmentName}),`,
    blocks: [
      ...(d.meeting
        ? [
            {
              lines: [
                `Meeting ${d.meeting.number} is on ${d.meeting.when}. Please bring your department's action items up to date before it, so the collective sees where things stand.`,
              ],
            },
          ]
        : []),
      ...(d.overdue.length ? [{ heading: "Overdue", list: d.overdue }] : []),
      ...(d.dueSoon.length ? [{ heading: "Due in the next 7 days", list: d.dueSoon }] : []),
      ...(d.meeting && d.later.length ? [{ heading: "Also open", list: d.later }] : []),
      { link: { href: d.actionsUrl, label: "Update your department's actions" } },
    ],
    footer: confidentialityFooter,
  });
}
