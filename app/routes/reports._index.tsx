import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "~/db.server";
import { label, outcomeLabels, stageLabels } from "~/lib/labels";
import { seesRestricted } from "~/lib/permissions";
import { displayCount } from "~/lib/suppress";
import { collectiveSnapshot } from "~/models/report.server";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "Collective at a glance · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:reports");
  const snapshot = collectiveSnapshot(getDb(), user.collectiveId);
  // Observers get small counts suppressed on the server, so the exact figure never reaches them.
  const exact = seesRestricted(user.role);
  const show = (n: number) => displayCount(n, exact);
  return {
    exact,
    open: show(snapshot.open),
    closed: show(snapshot.closed),
    byStage: snapshot.byStage.map((r) => ({ stage: label(stageLabels, r.stage), open: show(r.open) })),
    byOutcome: snapshot.byOutcome.map((r) => ({ outcome: label(outcomeLabels, r.outcome), cases: show(r.cases) })),
  };
}

export default function Reports() {
  const r = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Collective at a glance</h1>
      <p className="muted">
        Counts only; no case is named here.{" "}
        {r.exact ? "You see exact counts." : "Counts from 1 to 4 are shown as “<5” so that no one can be singled out."}
      </p>
      <div className="grid-2">
        <section className="card" aria-labelledby="open-by-stage">
          <h2 id="open-by-stage">Open cases by stage</h2>
          <p>
            {r.open} open, {r.closed} closed.
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Stage</th>
                  <th scope="col">Open cases</th>
                </tr>
              </thead>
              <tbody>
                {r.byStage.map((row) => (
                  <tr key={row.stage}>
                    <td>{row.stage}</td>
                    <td>{row.open}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section className="card" aria-labelledby="outcomes">
          <h2 id="outcomes">Outcomes recorded</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Outcome</th>
                  <th scope="col">Cases</th>
                </tr>
              </thead>
              <tbody>
                {r.byOutcome.map((row) => (
                  <tr key={row.outcome}>
                    <td>{row.outcome}</td>
                    <td>{row.cases}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </div>
  );
}
