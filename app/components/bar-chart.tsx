import { useId } from "react";

export type Bar = { label: string; value: number | null; display: string };

/**
 * A bar chart drawn on the server as SVG: it needs no JavaScript, prints, and names itself to
 * screen readers; the same numbers follow in a table.
 */
export function BarChart({
  title,
  description,
  bars,
  max = 100,
  unit = "",
}: {
  title: string;
  description: string;
  bars: Bar[];
  max?: number;
  unit?: string;
}) {
  const id = useId();
  const rowHeight = 30;
  // Wide enough for the longest label at 14px (about 7.5px a character), so none is cut off.
  const labelWidth = Math.max(120, Math.ceil(Math.max(0, ...bars.map((b) => b.label.length)) * 7.5) + 16);
  const plotWidth = 420;
  const height = bars.length * rowHeight + 10;
  const top = Math.max(max, ...bars.map((b) => b.value ?? 0), 1);
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${labelWidth + plotWidth + 80} ${height}`}
        width={labelWidth + plotWidth + 80}
        style={{ maxWidth: "100%", height: "auto" }}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((b, i) => {
          const y = i * rowHeight + 5;
          const w = b.value === null ? 0 : (b.value / top) * plotWidth;
          return (
            <g key={b.label}>
              <text x={labelWidth - 8} y={y + 18} textAnchor="end" fontSize="14" fill="#16202a">
                {b.label}
              </text>
              <rect x={labelWidth} y={y + 3} width={plotWidth} height={rowHeight - 8} fill="#f3f5f7" />
              {w > 0 ? <rect x={labelWidth} y={y + 3} width={w} height={rowHeight - 8} fill="#1d3557" /> : null}
              <text x={labelWidth + Math.max(w, 0) + 6} y={y + 18} fontSize="14" fill="#16202a">
                {b.display}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="visually-hidden">{title}</figcaption>
      <table className="chart-table">
        <caption>{title}: the numbers</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Value{unit ? ` (${unit})` : ""}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.label}>
              <th scope="row">{b.label}</th>
              <td>{b.display}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
