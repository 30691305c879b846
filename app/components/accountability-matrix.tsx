import { Form } from "@remix-run/react";
import { levelRule, levelWords, type MatrixRow } from "~/lib/accountability";
import { formatDate } from "~/lib/dates";
import { plural } from "~/lib/plural";
import type { PeriodChoice } from "~/services/accountability.server";

// The accountability matrix as a table, for a collective's own page and the state's drill-down.

/** A heat level for a cell: good, mixed or poor, always with the number in the cell. */
function heat(good: number, of: number): string {
  if (of === 0) return "heat--none";
  const share = good / of;
  return share >= 0.75 ? "heat--good" : share >= 0.4 ? "heat--mid" : "heat--poor";
}

function Cell({ value, tone, label }: { value: number | string; tone: string; label: string }) {
  return (
    <td className={`heat ${tone}`} aria-label={label}>
      {value}
    </td>
  );
}

export function AccountabilityMatrix({ rows, byTenure }: { rows: MatrixRow[]; byTenure: boolean }) {
  const name = (r: MatrixRow) => `${r.department}${r.tenure ? `, ${r.tenure.officerName}` : ""}`;
  return (
    <div className="table-wrap">
      <table className="matrix">
        <caption className="visually-hidden">Accountability matrix</caption>
        <thead>
          <tr>
            <th scope="col">{byTenure ? "Department and officer" : "Department"}</th>
            <th scope="col">Meetings attended</th>
            <th scope="col">Actions assigned</th>
            <th scope="col">Done on time</th>
            <th scope="col">Done late</th>
            <th scope="col">Open</th>
            <th scope="col">Overdue</th>
            <th scope="col">Median days late</th>
            <th scope="col">Matters raised</th>
            <th scope="col">Engagement (0–4)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.departmentId}-${r.tenure?.id ?? 0}`}>
              <th scope="row">
                {r.department}
                {r.tenure ? (
                  <div className="muted">
                    {r.tenure.officerName}, {formatDate(r.tenure.from)} –{" "}
                    {r.tenure.to ? formatDate(r.tenure.to) : "now"}
                  </div>
                ) : null}
              </th>
              <Cell
                value={`${r.attended} of ${r.meetingsHeld}`}
                tone={heat(r.attended, r.meetingsHeld)}
                label={`${name(r)}: attended ${r.attended} of ${plural(r.meetingsHeld, "meeting", "meetings")}`}
              />
              <td>{r.assigned}</td>
              <Cell
                value={r.doneOnTime}
                tone={heat(r.doneOnTime, r.doneOnTime + r.doneLate + r.overdue)}
                label={`${name(r)}: ${r.doneOnTime} done on time`}
              />
              <Cell
                value={r.doneLate}
                tone={r.doneLate ? "heat--mid" : "heat--none"}
                label={`${name(r)}: ${r.doneLate} done late`}
              />
              <td>{r.open}</td>
              <Cell
                value={r.overdue}
                tone={r.overdue ? "heat--poor" : "heat--none"}
                label={`${name(r)}: ${r.overdue} overdue`}
              />
              <td>{r.medianDaysLate ?? "—"}</td>
              <td>{r.raised}</td>
              <Cell
                value={r.level}
                tone={`level--${r.level}`}
                label={`${name(r)}: engagement level ${r.level}, ${levelWords[r.level]}`}
              />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How the figures are computed, below the matrix. */
export function MatrixRules() {
  return (
    <section className="card" aria-labelledby="how">
      <h2 id="how">How the figures are computed</h2>
      <p>
        Meetings attended counts the held meetings in the period at which the department was recorded present (a
        substitute counts). Actions are counted in the period in which they fell due (an action not yet due counts in
        the current period); done on time means completed on or before the due date.
      </p>
      <p>
        Matters raised counts the matters the department's representative raised for a meeting's agenda in the period,
        by the day they were raised: what the department initiated.
      </p>
      <p>{levelRule}</p>
    </section>
  );
}

/** The period and the split, as a plain GET form (it works without JavaScript). */
export function MatrixFilters({ period, byTenure }: { period: PeriodChoice; byTenure: boolean }) {
  return (
    <Form method="get" className="card form-row no-print" aria-label="Period and split">
      <div className="field">
        <label htmlFor="period">Period</label>
        <select id="period" name="period" defaultValue={period}>
          <option value="quarter">This quarter</option>
          <option value="year">This year</option>
          <option value="all">All time</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="split">Rows</label>
        <select id="split" name="split" defaultValue={byTenure ? "tenure" : "department"}>
          <option value="department">One per department</option>
          <option value="tenure">One per officer's tenure</option>
        </select>
      </div>
      <div className="field">
        <button type="submit" className="button">
          Show
        </button>
      </div>
    </Form>
  );
}

/** The filters, the matrix and how it is computed: the whole report below a page's heading. */
export function AccountabilityReport({
  rows,
  period,
  byTenure,
}: {
  rows: MatrixRow[];
  period: PeriodChoice;
  byTenure: boolean;
}) {
  return (
    <>
      <MatrixFilters period={period} byTenure={byTenure} />
      <AccountabilityMatrix rows={rows} byTenure={byTenure} />
      <MatrixRules />
    </>
  );
}
