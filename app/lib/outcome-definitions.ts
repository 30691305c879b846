// What each outcome figure counts: the one line shown beside it on the page and in the CSV.

const measureDefinitions: Record<string, string> = {
  "Conviction rate": "Convictions ÷ decided cases (convicted, acquitted or discharged), dated by the judgment.",
  "Cases convicted": "Decided cases that ended in a conviction.",
  "Cases acquitted": "Decided cases that ended in an acquittal.",
  "Cases discharged": "Cases closed by discharging the accused before trial.",
  "Bail applications": "Bail applications recorded on the collective’s cases.",
  "Applications opposed": "Share of bail applications the prosecution opposed, as recorded in the outcome.",
  "Bail refused": "Share of bail orders (granting or refusing bail) that refused or rejected it.",
  "Bail granted": "Share of bail orders (granting or refusing bail) that granted it.",
  "FIR to chargesheet":
    "Median days from the FIR (or the case’s opening, if no FIR date is recorded) to the first chargesheet.",
  "FIR to judgment": "Median days from the FIR (or the case’s opening, if no FIR date is recorded) to the judgment.",
  "With a legal-aid lawyer": "Share of victims on the register with a legal-aid lawyer assigned.",
  "In education or livelihood support":
    "Share of victims on the register enrolled in education or given livelihood support.",
  "Compensation applied for": "Share of victims on the register for whom victim compensation has been applied for.",
  "Compensation received": "Share of victims on the register who have received victim compensation.",
  "Testified in a victim protection room":
    "Share of victims on the register whose testimony was taken in a victim protection room.",
  "Median index":
    "Median participation index (0–100): the weighted share of applicable indicators the system delivered to each victim.",
};

/** The one-line definition shown beside a figure. */
export function definitionOf(measure: string): string {
  const band = /^Victims scoring (\d+)–(\d+)$/.exec(measure);
  if (band) return `Victims whose index is from ${band[1]} to ${band[2]}, out of all victims with an index.`;
  const line = measureDefinitions[measure];
  if (!line) throw new Error(`No definition for the figure “${measure}”`);
  return line;
}
