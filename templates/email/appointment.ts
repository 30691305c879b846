import { confidentialityFooter, renderEmail, type Email } from "./layout";

export type AppointmentData = {
  collectiveName: string;
  stateName: string;
  name: string;
  setPasswordUrl: string;
  expiresOn: string;
};

/**
 * The one email a collective's administrator gets when the state appoints them: the link to set a
 * password, as a successor's welcome email has, and what the administrator does first.
 */
export function appointmentEmail(d: AppointmentData): Email {
  return renderEmail({
    subject: `You administer the ${d.collectiveName} collective on TESTA Desk`,
    greeting: `Dear ${d.name},`,
    blocks: [
      {
        lines: [
          `${d.stateName} has set up the ${d.collectiveName} stakeholder collective against trafficking on TESTA Desk and appointed you its administrator.`,
          "Once signed in, seat each member department's officer (Departments, then Record a transfer): each gets their own welcome email. Then schedule the first monthly meeting.",
        ],
      },
      {
        heading: "Set your password",
        lines: [`The link works once and expires on ${d.expiresOn}.`],
        link: { href: d.setPasswordUrl, label: "Set your password" },
      },
    ],
    footer: confidentialityFooter,
  });
}
