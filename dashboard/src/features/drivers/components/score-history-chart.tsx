import { bandColors, fmtScore, scoreBand } from '@/lib/format';
import type { DriverDetail } from '@/types/api';

/** The driver's daily average score as a line over the last 30 days. */
export function ScoreHistoryChart({ history }: { history: DriverDetail['score_history'] }) {
  const scored = history.filter((d) => d.avg_score !== null);
  if (scored.length === 0) return <p className="text-sm text-slate-600">No scored trips in the last 30 days.</p>;
  const width = 560;
  const height = 160;
  const x = (i: number) => (scored.length === 1 ? width / 2 : 20 + (i * (width - 40)) / (scored.length - 1));
  const y = (v: number) => height - (v / 100) * height;
  return (
    <svg
      viewBox={`0 -16 ${width} ${height + 36}`}
      className="h-auto w-full"
      role="img"
      aria-label={`Score over time: ${scored.map((d) => `${d.date} ${fmtScore(d.avg_score)}`).join(', ')}`}
    >
      {[60, 75, 90].map((line) => (
        <line key={line} x1={0} x2={width} y1={y(line)} y2={y(line)} stroke="#cbd5e1" strokeDasharray="4 4" />
      ))}
      <polyline
        fill="none"
        stroke="#334155"
        strokeWidth={2}
        points={scored.map((d, i) => `${x(i)},${y(d.avg_score ?? 0)}`).join(' ')}
      />
      {scored.map((d, i) => (
        <g key={d.date}>
          <circle cx={x(i)} cy={y(d.avg_score ?? 0)} r={4} fill={bandColors[scoreBand(d.avg_score)]} />
          <text x={x(i)} y={y(d.avg_score ?? 0) - 8} textAnchor="middle" fontSize={11} fill="#0f172a">
            {fmtScore(d.avg_score)}
          </text>
          <text x={x(i)} y={height + 16} textAnchor="middle" fontSize={11} fill="#334155">
            {d.date.slice(5)}
          </text>
        </g>
      ))}
    </svg>
  );
}
