import { confidentialityFooter, renderEmail, type Email } from "./layout";

export type MinutesEmailData = {
  collectiveName: string;
  meetingNumber: number;
  when: string;
  recipientName: string;
  departmentName: string;
  /** This department's action items from the meeting only: "Description (case DEM-…), due 12/12/2026". */
  actions: string[];
  nextMeeting: string | null;
  meetingUrl: string;
  version: number;
};

/** The minutes for one seat holder: the PDF is attached; the body lists their department's own actions. */
export function minutesEmail(d: MinutesEmailData): Email {
  return renderEmail({
    subject: `Minutes${d.version > 1 ? ` (version ${d.version})` : ""}: ${d.collectiveName} collective, Meeting ${d.meetingNumber}, ${d.when}`,
    greeting: `Dear ${d.recipientName} (${d.departmentName}),`,
    blocks: [
      {
        lines: [
          "The minutes of the meeting are attached. They will be confirmed at the next meeting; please send corrections before then.",
        ],
      },
      {
        heading: `Actions for ${d.departmentName}`,
        ...(d.actions.length
          ? { list: d.actions }
          : { lines: ["No action item was assigned to your department at this meeting."] }),
      },
      ...(d.nextMeeting ? [{ lines: [`Next meeting: ${d.nextMeeting}`] }] : []),
      { link: { href: d.meetingUrl, label: "Open the meeting in TESTA Desk" } },
    ],
    footer: confidentialityFooter,
  });
}
