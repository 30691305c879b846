import { BarChart } from "~/components/bar-chart";
import type { Figure } from "~/lib/outcomes";
import type { DisplayFigure } from "~/lib/outcomes-display";

// The outcome figures in their sections, each with its chart: a collective's own page and the state's drill-down.

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
