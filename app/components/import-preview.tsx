import { Link } from "@remix-run/react";
import { columnHelp, importColumns, requiredColumns } from "~/lib/case-import/columns";
import { plural } from "~/lib/plural";
import { rowFilters } from "~/lib/case-import/preview";
import type { ImportView } from "~/services/case-import/view.server";
import { Pager } from "./pager";

// The import page's parts: progress while a file is checked or written, its problems, or what each
// row becomes, a page at a time.

const n = (count: number) => count.toLocaleString("en-IN");

export function ImportProgress({ job }: { job: ImportView }) {
  const { done, total } = job.progress;
  const writing = job.state === "writing";
  return (
    <div className="card" role="status" aria-live="polite">
      {/* Without JavaScript the page asks again by itself every two seconds. */}
      <noscript>
        <meta httpEquiv="refresh" content="2" />
      </noscript>
      <h2>
        {writing ? "Importing" : "Checking"} “{job.fileName}”
      </h2>
      <progress max={Math.max(total, 1)} value={done} aria-label={writing ? "Rows written" : "Rows checked"}>
        {done} of {total}
      </progress>
      <p>
        {writing
          ? `${n(done)} of ${n(total)} rows written.`
          : total
            ? `${n(done)} of ${n(total)} rows checked.`
            : "Reading the file…"}
      </p>
      <p className="muted">
        {writing
          ? "Every row is written in one go, or none: the cases appear when the last row is in."
          : "Nothing is written while the rows are checked."}{" "}
        This page follows the import by itself; you may also leave it and come back.{" "}
        <Link to={`?job=${encodeURIComponent(job.id)}`}>Refresh</Link>
      </p>
    </div>
  );
}

/** Which rows of how many this page shows, and the links to the others. */
function Paging({ job, noun }: { job: ImportView; noun: string }) {
  const { page, pages, first, last } = job.paging;
  if (pages <= 1) return null;
  return (
    <div className="actions">
      <span>
        {noun} {n(first)}–{n(last)} of {n(job.problemCount || job.shownCount)} (page {page} of {pages})
      </span>
      <Pager page={page} pages={pages} />
    </div>
  );
}

export function ImportProblems({ job }: { job: ImportView }) {
  return (
    <section className="card" aria-labelledby="problems">
      <h2 id="problems">
        Nothing was imported: {plural(job.problemCount, "problem", "problems")} in “{job.fileName}”
      </h2>
      <p>
        Correct these rows in the spreadsheet (row numbers as the spreadsheet shows them), save it, and upload it again.
      </p>
      <ul className="form-error" role="alert">
        {job.problems.map((p) => (
          <li key={p.line}>
            {p.line}
            {p.rewrite ? (
              <div className="rewrite-offer">
                Rewritten, it would read: <span className="rewrite-offer__text">{p.rewrite}</span>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <Paging job={job} noun="Problems" />
    </section>
  );
}

const actionLabel = { new: "New", update: "Update", unchanged: "Unchanged", duplicate: "Repeated row" } as const;
const filterLabel = {
  all: "Every row",
  new: "New",
  update: "To update",
  unchanged: "Unchanged",
  duplicate: "Repeated",
};

/** Links (no JavaScript needed) to every row, or only the rows of one kind. */
function RowFilterLinks({ job }: { job: ImportView }) {
  const count = { all: job.rowCount, ...job.totals };
  return (
    <nav aria-label="Which rows" className="actions">
      {rowFilters
        .filter((f) => f === "all" || count[f])
        .map((f) =>
          f === job.show ? (
            <strong key={f} aria-current="page">
              {filterLabel[f]} ({n(count[f])})
            </strong>
          ) : (
            <Link key={f} to={`?job=${encodeURIComponent(job.id)}${f === "all" ? "" : `&show=${f}`}`}>
              {filterLabel[f]} ({n(count[f])})
            </Link>
          ),
        )}
    </nav>
  );
}

export function ImportPreview({ job }: { job: ImportView }) {
  const { totals } = job;
  const mapped = job.columns.filter((c) => c.column);
  const ignored = job.columns.filter((c) => !c.column && c.header);
  return (
    <>
      <section className="card" aria-labelledby="preview">
        <h2 id="preview">Every row of “{job.fileName}” is valid: check what each becomes, then import</h2>
        <p role="status">
          <strong>{plural(job.rowCount, "row", "rows")}:</strong> {n(totals.new)} new, {n(totals.update)} to update,{" "}
          {n(totals.unchanged)} unchanged
          {totals.duplicate ? `, ${n(totals.duplicate)} repeating an earlier row (skipped)` : ""}. Nothing is written
          until you import; then every row is written at once, or none.
        </p>
        <h3>Columns</h3>
        <p>
          {mapped.map((c, i) => (
            <span key={c.header}>
              {i ? ", " : ""}“{c.header}” → <code>{c.column}</code>
            </span>
          ))}
          .
          {ignored.length
            ? ` Not imported (not a template column): ${ignored.map((c) => `“${c.header}”`).join(", ")}.`
            : ""}
        </p>
      </section>
      <RowFilterLinks job={job} />
      <Paging job={job} noun="Rows" />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">What each row becomes</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Becomes</th>
              <th scope="col">Case code</th>
              <th scope="col">Police station</th>
              <th scope="col">Stage</th>
              <th scope="col">Status</th>
              <th scope="col">Lead department</th>
              <th scope="col">What changes</th>
            </tr>
          </thead>
          <tbody>
            {job.rows.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>
                  <span
                    className={`badge${r.action === "new" ? " badge--open" : r.action === "update" ? " badge--warn" : ""}`}
                  >
                    {actionLabel[r.action]}
                  </span>
                </td>
                <td className="nowrap">{r.code}</td>
                <td>{r.policeStation}</td>
                <td>{r.stage}</td>
                <td>{r.status}</td>
                <td>{r.lead}</td>
                <td>
                  {r.action === "duplicate"
                    ? `Same as row ${r.duplicateOf}`
                    : r.action === "new"
                      ? [
                          r.accused ? plural(r.accused, "accused", "accused") : "",
                          r.victims ? plural(r.victims, "victim", "victims") : "",
                        ]
                          .filter(Boolean)
                          .join(", ")
                      : r.changes.join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Paging job={job} noun="Rows" />
    </>
  );
}

/** The template's columns and what each holds, as the README describes them. */
export function TemplateColumns() {
  return (
    <section className="card" aria-labelledby="template">
      <h2 id="template">The template</h2>
      <p>
        One case a row, the column names in the first row (in any order, in any case; spaces and underscores are
        ignored). Required: {requiredColumns.join(", ")}. Victims' names never come in: a column that looks like one
        refuses the whole file.
      </p>
      <dl className="definition">
        {importColumns.map((c) => (
          <div key={c}>
            <dt>
              <code>{c}</code>
            </dt>
            <dd>{columnHelp[c]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
