import { Link } from "@remix-run/react";

/** The heading of a district's read-only page under /state, with the way back and to its other page. */
export function StateDistrictHead({
  collective,
  page,
}: {
  collective: { id: number; name: string };
  page: "outcomes" | "accountability";
}) {
  const other = page === "outcomes" ? "accountability" : "outcomes";
  return (
    <>
      <p className="no-print">
        <Link to="/state">← State roll-up</Link>
      </p>
      <div className="page-head">
        <h1>
          {page === "outcomes" ? "Outcomes" : "Accountability"}: {collective.name}
        </h1>
        <Link className="button button--quiet no-print" to={`/state/${collective.id}/${other}`}>
          {other === "outcomes" ? "Outcomes" : "Accountability"}
        </Link>
      </div>
    </>
  );
}
