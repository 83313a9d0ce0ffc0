import type { SalesHour } from "@pos/core";

interface HourlyChartProps {
  hours: readonly SalesHour[];
  formatMoney: (amount: SalesHour["grossSales"]) => string;
}

const width = 720;
const height = 220;
const axis = 24;

/** Gross sales by the hour on the store's clock, as a labelled bar chart in plain SVG. */
export function HourlyChart({ hours, formatMoney }: HourlyChartProps) {
  const max = Math.max(1, ...hours.map((hour) => hour.grossSales));
  const barWidth = (width - axis) / 24;
  const plotHeight = height - axis * 2;

  return (
    <svg
      className="hourly-chart"
      role="img"
      aria-label="Sales by hour"
      viewBox={`0 0 ${width} ${height}`}
    >
      <title>Gross sales by hour of the day, store time</title>
      {hours.map((hour) => {
        const barHeight = (hour.grossSales / max) * plotHeight;
        const x = axis + hour.hour * barWidth;
        return (
          <g key={hour.hour}>
            <rect
              x={x + 2}
              y={axis + plotHeight - barHeight}
              width={barWidth - 4}
              height={barHeight}
              fill="currentColor"
            >
              <title>
                {`${String(hour.hour).padStart(2, "0")}:00 — ${hour.orders} orders, ${formatMoney(hour.grossSales)}`}
              </title>
            </rect>
            {hour.hour % 3 === 0 && (
              <text x={x + barWidth / 2} y={height - 6} textAnchor="middle" fontSize="11">
                {String(hour.hour).padStart(2, "0")}
              </text>
            )}
          </g>
        );
      })}
      <text x={axis} y={14} fontSize="11">
        {formatMoney(hours.reduce((best, hour) => Math.max(best, hour.grossSales), 0) as never)}
      </text>
      <line x1={axis} y1={axis + plotHeight} x2={width} y2={axis + plotHeight} stroke="#888" />
    </svg>
  );
}
