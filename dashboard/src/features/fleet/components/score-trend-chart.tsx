import { bandColors, fmtScore, scoreBand } from '@/lib/format';
import type { FleetSummary } from '@/types/api';

/** Daily fleet score as bars coloured by band, with the number of trips under each day. */
export function ScoreTrendChart({ trend }: { trend: FleetSummary['score_trend'] }) {
  const width = 560;
  const height = 160;
  const barW = width / Math.max(1, trend.length);
  const description = trend
    .map((d) => `${d.date}: ${d.avg_score === null ? 'no score' : fmtScore(d.avg_score)}, ${d.trips} trips`)
    .join('; ');
  return (
    <svg
      viewBox={`0 0 ${width} ${height + 34}`}
      className="h-auto w-full"
      role="img"
      aria-label={`Fleet score per day. ${description}`}
    >
      {[60, 75, 90].map((line) => (
        <line
          key={line}
          x1={0}
          x2={width}
          y1={height - (line / 100) * height}
          y2={height - (line / 100) * height}
          stroke="#cbd5e1"
          strokeDasharray="4 4"
        />
      ))}
      {trend.map((d, i) => {
        const h = d.avg_score === null ? 0 : (d.avg_score / 100) * height;
        return (
          <g key={d.date}>
            <rect
              x={i * barW + barW * 0.15}
              y={height - h}
              width={barW * 0.7}
              height={h}
              rx={3}
              fill={bandColors[scoreBand(d.avg_score)]}
            />
            {d.avg_score !== null && (
              <text x={i * barW + barW / 2} y={height - h - 4} textAnchor="middle" fontSize={12} fill="#0f172a">
                {fmtScore(d.avg_score)}
              </text>
            )}
            <text x={i * barW + barW / 2} y={height + 14} textAnchor="middle" fontSize={11} fill="#334155">
              {d.date.slice(5)}
            </text>
            <text x={i * barW + barW / 2} y={height + 28} textAnchor="middle" fontSize={10} fill="#475569">
              {d.trips} trips
            </text>
          </g>
        );
      })}
    </svg>
  );
}
