import { useId } from "react";

export type DistrictBar = { label: string; value: number | null; display: string };

/**
 * One measure for every district side by side, drawn on the server as SVG (no JavaScript; it
 * prints): the districts sorted best first, a hidden or empty value last, and the state's value as
 * a dashed line across the bars. Screen readers get the title, and the figures in the table beside it.
 */
export function DistrictChart({
  title,
  description,
  bars,
  state,
  better,
  unit,
}: {
  title: string;
  description: string;
  bars: DistrictBar[];
  state: { value: number | null; display: string };
  better: "higher" | "lower";
  unit: "count" | "%" | "days" | "index";
}) {
  const id = useId();
  const sorted = [...bars].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
    return better === "higher" ? b.value - a.value : a.value - b.value;
  });
  const rowHeight = 24;
  const labelWidth = Math.max(110, Math.ceil(Math.max(0, ...bars.map((b) => b.label.length)) * 7) + 14);
  const plotWidth = 300;
  const top = Math.max(unit === "%" || unit === "index" ? 100 : 1, state.value ?? 0, ...bars.map((b) => b.value ?? 0));
  const x = (v: number) => labelWidth + (v / top) * plotWidth;
  const height = sorted.length * rowHeight + 26;
  const stateX = state.value === null ? null : x(state.value);
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${labelWidth + plotWidth + 70} ${height}`}
        width={labelWidth + plotWidth + 70}
        style={{ maxWidth: "100%", height: "auto" }}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {description} Best first; the dashed line is the state, {state.display}.
        </desc>
        {sorted.map((b, i) => {
          const y = i * rowHeight + 22;
          const w = b.value === null ? 0 : x(b.value) - labelWidth;
          return (
            <g key={b.label}>
              <text x={labelWidth - 6} y={y + 15} textAnchor="end" fontSize="13" fill="#16202a">
                {b.label}
              </text>
              <rect x={labelWidth} y={y + 3} width={plotWidth} height={rowHeight - 7} fill="#f3f5f7" />
              {w > 0 ? <rect x={labelWidth} y={y + 3} width={w} height={rowHeight - 7} fill="#1d3557" /> : null}
              <text x={labelWidth + Math.max(w, 0) + 5} y={y + 15} fontSize="13" fill="#16202a">
                {b.display}
              </text>
            </g>
          );
        })}
        {stateX === null ? null : (
          <g>
            <line
              x1={stateX}
              x2={stateX}
              y1={16}
              y2={height - 2}
              stroke="#a4161a"
              strokeWidth="2"
              strokeDasharray="5 3"
            />
            <text x={stateX} y={12} textAnchor="middle" fontSize="12" fill="#a4161a">
              State {state.display}
            </text>
          </g>
        )}
      </svg>
      <figcaption>
        <strong>{title}</strong>
        <span className="muted"> · {description}</span>
      </figcaption>
    </figure>
  );
}
