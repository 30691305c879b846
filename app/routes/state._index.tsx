import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/bar-chart";
import { DistrictChart } from "~/components/district-chart";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/lib/dates";
import { plural } from "~/lib/plural";
import type { StateView } from "~/lib/state-display";
import { getCollective } from "~/models/collective.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { requestStateRefresh } from "~/services/state-refresh.server";
import { storedStateRollup } from "~/services/state-rollup.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:state");
  const db = getDb();
  const stored = storedStateRollup(db);
  // Never computed yet (a new deployment): it is computed on its own thread; the page looks again.
  if (!stored) void requestStateRefresh(db);
  return { stored, timeZone: getCollective(db, user.collectiveId).timeZone };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: "State roll-up · TESTA Desk" },
  ...(data?.stored ? [] : [{ httpEquiv: "refresh", content: "5" } as const]),
];

function RollupTable({ view }: { view: StateView }) {
  return (
    <div className="table-wrap">
      <table className="state-table">
        <caption className="visually-hidden">Every district's figures, and the state total</caption>
        <thead>
          <tr>
            <th scope="col">District</th>
            {view.measures.map((m) => (
              <th scope="col" key={m.id}>
                {m.label}
                {m.unit === "days" ? " (days)" : ""}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((row) => (
            <tr key={row.collectiveId}>
              <th scope="row">
                {row.name}
                {row.active ? null : <span className="muted"> (deactivated)</span>}
                <div className="no-print" style={{ fontWeight: "normal", fontSize: "0.9rem" }}>
                  <Link to={`/state/${row.collectiveId}/outcomes`}>
                    Outcomes<span className="visually-hidden"> of {row.name}</span>
                  </Link>
                  {" · "}
                  <Link to={`/state/${row.collectiveId}/accountability`}>
                    Accountability<span className="visually-hidden"> of {row.name}</span>
                  </Link>
                </div>
              </th>
              {view.measures.map((m) => (
                <Cell key={m.id} cell={row.cells[m.id]!} />
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{view.total.name}</th>
            {view.measures.map((m) => (
              <Cell key={m.id} cell={view.total.cells[m.id]!} />
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Cell({ cell }: { cell: StateView["total"]["cells"][string] }) {
  return (
    <td title={cell.note || undefined}>
      {cell.value}
      {cell.of ? <div className="muted nowrap">{`${cell.count} of ${cell.of}`}</div> : null}
    </td>
  );
}

export default function StateRollup() {
  const { stored, timeZone } = useLoaderData<typeof loader>();
  if (!stored)
    return (
      <div>
        <h1>State roll-up</h1>
        <p role="status">
          The state’s figures are being computed for the first time. This page looks again by itself every few seconds.
        </p>
      </div>
    );
  const { view } = stored;
  return (
    <div>
      <div className="page-head">
        <h1>State roll-up</h1>
        <a className="button button--quiet no-print" href="/state.csv" download>
          Download CSV
        </a>
      </div>
      <p className="muted">
        {plural(view.rows.length, "district", "districts")} side by side, as of{" "}
        {formatDateTime(stored.computedAt, timeZone)} (recomputed every hour). Counts only; no case or person is named.
        Counts from 1 to 4 show as “&lt;5”; a count that would let one be worked out (from the state total and the other
        districts, or from the quarters) shows as “–”, and so does a rate or median computed from a hidden count.
        Meetings, attendance and action items are about departments and are shown exactly.
      </p>
      <section aria-labelledby="charts">
        <h2 id="charts">Each measure, district by district</h2>
        <div className="grid-2">
          {view.measures.map((m) => (
            <div className="card" key={m.id}>
              <DistrictChart
                title={m.label}
                description={m.definition}
                better={m.better}
                unit={m.unit}
                state={{ value: view.total.cells[m.id]!.numeric, display: view.total.cells[m.id]!.value }}
                bars={view.rows.map((r) => ({
                  label: r.name,
                  value: r.cells[m.id]!.numeric,
                  display: r.cells[m.id]!.value,
                }))}
              />
            </div>
          ))}
        </div>
      </section>
      <section className="card" aria-labelledby="table">
        <h2 id="table">The figures</h2>
        <RollupTable view={view} />
        <ul className="muted">
          {view.measures.map((m) => (
            <li key={m.id}>
              <strong>{m.label}</strong>: {m.definition}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="trend">
        <h2 id="trend">Trend by quarter</h2>
        <BarChart
          title="State conviction rate by quarter of judgment"
          description="Convictions as a share of the cases decided in each quarter, every district together."
          unit="%"
          bars={view.trend.map((t) => ({ label: t.period, value: t.cell.numeric, display: t.cell.value }))}
        />
        <p className="muted">
          Decided cases per quarter:{" "}
          {view.trend.map((t) => `${t.period} ${t.cell.of || "0"}`).join(" · ") || "none yet"}.
        </p>
      </section>
      <section className="card" aria-labelledby="matches">
        <h2 id="matches">Confirmed cross-district matches</h2>
        <p className="muted">
          The same accused person or victim found on cases of two districts, confirmed by both districts’ secretariats.
        </p>
        {view.pairs.length ? (
          <table>
            <caption className="visually-hidden">Confirmed matches per pair of districts</caption>
            <thead>
              <tr>
                <th scope="col">Districts</th>
                <th scope="col">Confirmed matches</th>
              </tr>
            </thead>
            <tbody>
              {view.pairs.map((p) => (
                <tr key={`${p.a}-${p.b}`}>
                  <th scope="row">
                    {p.a} and {p.b}
                  </th>
                  <td title={p.cell.note || undefined}>{p.cell.value}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">State total</th>
                <td title={view.matches.note || undefined}>{view.matches.value}</td>
              </tr>
            </tfoot>
          </table>
        ) : (
          <p>None confirmed yet.</p>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
