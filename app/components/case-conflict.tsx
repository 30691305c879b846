import { formatDate } from "~/lib/dates";
import { label, outcomeLabels, stageLabels } from "~/lib/labels";
import { firstValue, type FormValues } from "~/lib/forms";
import type { CaseFormDefaults } from "./case-form";
import { plural } from "~/lib/plural";

type Row = { field: string; theirs: string; yours: string };

const roleWords: Record<string, string> = {
  "": "Not involved",
  lead: "Lead",
  support: "Support",
  informed: "Informed",
};

/**
 * What differs between the saved case (someone else's edit) and the form that was refused, in
 * words, field by field. Pure, so the page shows exactly what a person needs to reconcile.
 */
export function caseConflictRows(
  theirs: CaseFormDefaults,
  yours: FormValues,
  departments: { id: number; name: string }[],
): Row[] {
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
  const fields: [string, string, (v: string) => string][] = [
    ["policeStation", "Police station", (v) => v],
    ["firNumber", "FIR number", (v) => v],
    ["firYear", "FIR year", (v) => v],
    ["courtName", "Court", (v) => v],
    ["courtCaseNumber", "Court case number", (v) => v],
    ["sections", "Sections", (v) => v],
    ["stage", "Stage", (v) => label(stageLabels, v)],
    ["status", "Status", (v) => (v === "closed" ? "Closed" : v === "open" ? "Open" : v)],
    ["outcome", "Outcome", (v) => label(outcomeLabels, v)],
    ["openedOn", "Opened on", formatDate],
    ["closedOn", "Closed on", formatDate],
    ["chargesheetLimitDays", "Chargesheet limit", (v) => (v ? plural(Number(v), "day", "days") : "")],
  ];
  const rows: Row[] = [];
  for (const [name, field, show] of fields) {
    const a = text(theirs[name as keyof CaseFormDefaults]);
    const b = text(firstValue(yours, name));
    if (a !== b) rows.push({ field, theirs: show(a) || "—", yours: show(b) || "—" });
  }
  for (const d of departments) {
    const a = theirs.departments?.[d.id] ?? "";
    const b = firstValue(yours, `dept-${d.id}`) ?? "";
    if (a !== b) rows.push({ field: d.name, theirs: roleWords[a] ?? a, yours: roleWords[b] ?? b });
  }
  return rows;
}

/** Shown above the edit form after a 409: their saved version beside the changes that were kept. */
export function CaseConflict({ rows }: { rows: Row[] }) {
  return (
    <section className="conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Their version and yours</h2>
      {rows.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Saved by someone else</th>
                <th scope="col">Your change (kept in the form below)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.field}>
                  <th scope="row">{r.field}</th>
                  <td>{r.theirs}</td>
                  <td>{r.yours}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Their saved version has the same values as your form: save again to confirm.</p>
      )}
    </section>
  );
}
