import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BarChart } from "~/components/bar-chart";
import { getDb } from "~/db.server";
import type { Figure } from "~/lib/outcomes";
import type { DisplayFigure } from "~/lib/outcomes-display";
import { can } from "~/lib/permissions";
import { requireUserWithPermission } from "~/services/auth.server";
import { outcomesFor } from "~/services/outcomes.server";

export const meta: MetaFunction = () => [{ title: "Outcomes · Reports · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:reports");
  return { ...outcomesFor(getDb(), user), canConfigure: can(user.role, "manage:collective") };
}

const numeric = (f: DisplayFigure) => (/^[\d.]+%?$/.test(f.value) ? Number(f.value.replace("%", "")) : null);

/** Consecutive rows of one measure (a rate over several periods), so its label and definition show once. */
function byMeasure(rows: DisplayFigure[]) {
  const groups: [DisplayFigure, ...DisplayFigure[]][] = [];
  for (const row of rows) {
    const group = groups.at(-1);
    if (group && group[0].measure === row.measure) group.push(row);
    else groups.push([row]);
  }
  return groups;
}

function FigureTable({ caption, rows, notes }: { caption: string; rows: DisplayFigure[]; notes: boolean }) {
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
            {notes ? <th scope="col">Note</th> : null}
          </tr>
        </thead>
        {byMeasure(rows).map((group) => (
          <tbody key={group[0].measure}>
            {group.map((f, i) => (
              <tr key={f.period}>
                {i === 0 ? (
                  <th scope="rowgroup" rowSpan={group.length}>
                    {f.measure}
                    <span
                      className="definition"
                      style={{ display: "block", fontWeight: "normal", fontSize: "0.9rem", marginTop: "0.2rem" }}
                    >
                      {f.definition}
                    </span>
                  </th>
                ) : null}
                <th scope="row" className="nowrap" style={{ fontWeight: "normal" }}>
                  {f.period}
                </th>
                <td className="nowrap">{f.value}</td>
                <td>{f.count}</td>
                <td>{f.of}</td>
                {notes ? <td className="muted">{f.note}</td> : null}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function Section({
  name,
  figures,
  children,
}: {
  name: Figure["section"];
  figures: DisplayFigure[];
  children?: React.ReactNode;
}) {
  const id = name.toLowerCase().replace(/\W+/g, "-");
  const rows = figures.filter((f) => f.section === name);
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{name}</h2>
      {children}
      <FigureTable caption={name} rows={rows} notes={rows.some((f) => f.note)} />
    </section>
  );
}

/** The sections of the dashboard: every figure in a table, each measure with its one-line definition. */
export function OutcomeSections({ figures }: { figures: DisplayFigure[] }) {
  const yearly = figures.filter(
    (f) => f.section === "Convictions" && f.measure === "Conviction rate" && /^\d{4}$/.test(f.period),
  );
  const victims = figures.filter((f) => f.section === "Victims" && f.period === "All years");
  const legalAidByYear = figures.filter((f) => f.measure === "With a legal-aid lawyer" && f.period !== "All years");
  const indexByYear = figures.filter((f) => f.measure === "Median index" && f.period !== "All years");
  const spread = figures.filter((f) => f.section === "Participation index" && f.measure.startsWith("Victims scoring"));
  return (
    <>
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
        <BarChart
          title="Victims with a legal-aid lawyer, by the year their case was registered"
          description="The trend in legal aid: the share of each year's victims with a legal-aid lawyer assigned."
          unit="%"
          bars={legalAidByYear.map((f) => ({ label: f.period, value: numeric(f), display: f.value }))}
        />
      </Section>
      <Section name="Participation index" figures={figures}>
        <p>
          <strong>The index measures what the system delivered to the victim, not the victim.</strong>
        </p>
        <BarChart
          title="Median participation index, by the year the case was opened"
          description="The trend in the index: the median index of the victims of each year's cases."
          unit="index"
          bars={indexByYear.map((f) => ({
            label: f.period.replace("Cases opened ", ""),
            value: numeric(f),
            display: f.value,
          }))}
        />
        <BarChart
          title="Spread of the participation index"
          description="How many victims score in each band of the index."
          max={Math.max(1, ...spread.map((f) => (/^\d+$/.test(f.count) ? Number(f.count) : 0)))}
          unit="victims"
          bars={spread.map((f) => ({
            label: f.measure.replace("Victims scoring ", ""),
            value: /^\d+$/.test(f.count) ? Number(f.count) : null,
            display: f.count,
          }))}
        />
      </Section>
    </>
  );
}

export default function Outcomes() {
  const { figures, exact, canConfigure } = useLoaderData<typeof loader>();
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
        Counts only; no case is named here. Each figure carries its definition beside it.{" "}
        {exact ? (
          "You see exact counts."
        ) : (
          <>
            Counts from 1 to 4 show as “&lt;5”, and a rate or median computed from a hidden count shows as “–”. Where a
            hidden count could be worked out by subtracting the other counts from their total, the next smallest count
            (or else the total) is hidden too, as “–”.
          </>
        )}
      </p>
      <OutcomeSections figures={figures} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
