import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/bar-chart";
import { getDb } from "~/db.server";
import { definitions, type DisplayFigure, type Figure } from "~/lib/outcomes";
import { can } from "~/lib/permissions";
import { requireUserWithPermission } from "~/services/auth.server";
import { outcomesFor } from "~/services/outcomes.server";

export const meta: MetaFunction = () => [{ title: "Outcomes · Reports · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:reports");
  return { ...outcomesFor(getDb(), user), canConfigure: can(user.role, "manage:collective") };
}

const numeric = (f: DisplayFigure) => (/^[\d.]+%?$/.test(f.value) ? Number(f.value.replace("%", "")) : null);

function FigureTable({ caption, rows }: { caption: string; rows: DisplayFigure[] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">Period</th>
            <th scope="col">Value</th>
            <th scope="col">Count</th>
            <th scope="col">Out of</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={`${f.measure}|${f.period}`}>
              <th scope="row">{f.measure}</th>
              <td>{f.period}</td>
              <td>{f.value}</td>
              <td>{f.count}</td>
              <td>{f.of}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Section({ name, figures, children }: { name: Figure["section"]; figures: DisplayFigure[]; children?: React.ReactNode }) {
  const id = name.toLowerCase().replace(/\W+/g, "-");
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{name}</h2>
      <p className="definition">{definitions[name]}</p>
      {children}
      <FigureTable caption={name} rows={figures.filter((f) => f.section === name)} />
    </section>
  );
}

export default function Outcomes() {
  const { figures, exact, canConfigure } = useLoaderData<typeof loader>();
  const yearly = figures.filter((f) => f.section === "Convictions" && f.measure === "Conviction rate" && /^\d{4}$/.test(f.period));
  const victims = figures.filter((f) => f.section === "Victims");
  const spread = figures.filter((f) => f.section === "Participation index" && f.measure.startsWith("Victims scoring"));
  return (
    <div>
      <div className="page-head">
        <h1>Outcomes</h1>
        <div className="actions no-print">
          <a className="button button--quiet" href="/reports/outcomes.csv" download>
            Download CSV
          </a>
          {canConfigure ? (
            <Link className="button button--quiet" to="/settings/participation">
              Index indicators
            </Link>
          ) : null}
        </div>
      </div>
      <p className="muted">
        Counts only; no case is named here.{" "}
        {exact ? "You see exact counts." : "Counts from 1 to 4, and figures resting on fewer than 5 cases or victims, are shown as “<5”."}
      </p>
      <Section name="Convictions" figures={figures}>
        <BarChart
          title="Conviction rate by year of judgment"
          description="Convictions as a share of decided cases, for each year."
          unit="%"
          bars={yearly.map((f) => ({ label: f.period, value: numeric(f), display: f.value }))}
        />
      </Section>
      <Section name="Bail" figures={figures} />
      <Section name="Case duration" figures={figures} />
      <Section name="Victims" figures={figures}>
        <BarChart
          title="Victims receiving each service"
          description="Share of victims on the register with each service recorded."
          unit="%"
          bars={victims.map((f) => ({ label: f.measure, value: numeric(f), display: f.value }))}
        />
      </Section>
      <Section name="Participation index" figures={figures}>
        <p>
          <strong>The index measures what the system delivered to the victim, not the victim.</strong>
        </p>
        <BarChart
          title="Spread of the participation index"
          description="How many victims score in each band of the index."
          max={Math.max(1, ...spread.map((f) => (/^\d+$/.test(f.count) ? Number(f.count) : 0)))}
          unit="victims"
          bars={spread.map((f) => ({ label: f.measure.replace("Victims scoring ", ""), value: /^\d+$/.test(f.count) ? Number(f.count) : null, display: f.count }))}
        />
      </Section>
    </div>
  );
}
