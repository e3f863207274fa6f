/** Said instead of a chart once raw-sample retention removed a trip's samples (the API answers 410). */
export function SamplesDropped() {
  return (
    <p data-testid="samples-dropped" className="text-sm text-slate-700">
      The raw samples of this trip are no longer stored: raw-sample retention removed them. Its score, events
      and metrics remain.
    </p>
  );
}
