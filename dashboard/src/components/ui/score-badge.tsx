import { bandClasses, bandLabels, fmtScore, scoreBand } from '@/lib/format';

export function ScoreBadge({ score, large = false }: { score: number | null | undefined; large?: boolean }) {
  const band = scoreBand(score);
  return (
    <span
      data-band={band}
      title={`Score band: ${bandLabels[band]}`}
      className={`inline-flex min-w-10 justify-center rounded-md px-2 py-0.5 font-semibold tabular-nums ring-1 ring-inset ${bandClasses[band]} ${large ? 'text-3xl' : 'text-sm'}`}
    >
      {fmtScore(score)}
    </span>
  );
}
