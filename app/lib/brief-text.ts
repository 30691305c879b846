// The fixed sections of the onboarding brief: what the collective is, and the words it uses.

export const aboutTheCollective = [
  "The collective brings every government body that touches a sex-trafficking case in the district to one table: police, prosecution, the trafficking court, child protection, women and child development, legal aid, the shelter home and the NGO that acts as its secretariat.",
  "It meets every month. The secretariat prepares an agenda from the open cases, saying why each case is on it: a hearing or a victim's testimony coming up, a chargesheet deadline, a bail application, an acquittal still open to appeal, or work that has slipped.",
  "At the meeting each case is reviewed in turn and the collective agrees actions. Every action belongs to a department, not a person, with a due date. Unfinished actions come back at the next meeting until they are done.",
  "As the holder of your department's seat you are expected to attend (or send a substitute), to report on your department's actions, to keep them up to date between meetings on TESTA Desk, and to raise problems early.",
  "Victims are never named. Cases have codes such as DEM-2026-0042, and victims have pseudonym codes such as V-0042. Never write a victim's name, address, family, school or photograph in any message or document.",
];

export const glossary: [string, string][] = [
  ["Collective", "The district's stakeholder collective against trafficking (TESTA)."],
  ["Seat", "Your department's place in the collective; you are its current holder."],
  ["Secretariat", "The project team that prepares and runs the meetings."],
  ["Action item", "A task agreed in a meeting, owned by a department, with a due date."],
  ["Carried forward", "An unfinished action item that returns on the next agenda."],
  ["Escalated", "An action item carried twice or overdue by more than 30 days; the collective looks at it together."],
  ["Chargesheet limit", "60 or 90 days from arrest; if missed, the accused may get default bail."],
  ["Appeal window", "About 90 days from an acquittal in which the State may appeal."],
  [
    "Participation index",
    "How much of what a victim is entitled to the system has delivered; it measures the system, not the victim.",
  ],
];
