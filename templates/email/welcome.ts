import { confidentialityFooter, renderEmail, type Email } from "./layout";

export type WelcomeData = {
  collectiveName: string;
  officerName: string;
  departmentName: string;
  startsOn: string;
  setPasswordUrl: string;
  expiresOn: string;
  nextMeeting: string | null;
};

/** The one email a successor gets: the link to set a password, the brief attached, and the next meeting's invite. */
export function welcomeEmail(d: WelcomeData): Email {
  return renderEmail({
    subject: `Welcome to the ${d.collectiveName} collective: your seat for ${d.departmentName}`,
    greeting: `Dear ${d.officerName},`,
    blocks: [
      {
        lines: [
          `From ${d.startsOn} you hold the seat of ${d.departmentName} in the ${d.collectiveName} stakeholder collective against trafficking. The department's open work, cases and history are already yours on TESTA Desk.`,
          "Your onboarding brief is attached: it explains the collective, your department's part in it and what is pending, and takes about ten minutes to read.",
        ],
      },
      {
        heading: "Set your password",
        lines: [`The link works once and expires on ${d.expiresOn}.`],
        link: { href: d.setPasswordUrl, label: "Set your password" },
      },
      ...(d.nextMeeting
        ? [{ heading: "Next meeting", lines: [`${d.nextMeeting}. The calendar invitation is in this email.`] }]
        : []),
    ],
    footer: confidentialityFooter,
  });
}
