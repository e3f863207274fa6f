import { bandColors, scoreBand } from '@/lib/format';

/** A tiny trend line of scores (0–100), coloured by the band of the latest score. */
export function Sparkline({
  values,
  width = 96,
  height = 24,
  label,
}: {
  values: number[];
  width?: number;
  height?: number;
  label: string;
}) {
  if (values.length === 0) return <span className="text-xs text-slate-600">no scores</span>;
  const n = values.length;
  const x = (i: number) => (n === 1 ? width / 2 : (i * (width - 4)) / (n - 1) + 2);
  const y = (v: number) => height - 2 - (Math.max(0, Math.min(100, v)) / 100) * (height - 4);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = values[n - 1];
  return (
    <svg width={width} height={height} role="img" aria-label={label} className="overflow-visible">
      <polyline points={points} fill="none" stroke={bandColors[scoreBand(last)]} strokeWidth={1.5} />
      <circle cx={x(n - 1)} cy={y(last)} r={2} fill={bandColors[scoreBand(last)]} />
    </svg>
  );
}
