const styles: Record<string, string> = {
  PENDING: 'bg-slate-100 text-slate-800',
  QUEUED: 'bg-sky-100 text-sky-900',
  PROCESSING: 'bg-blue-100 text-blue-900',
  COMPLETED: 'bg-emerald-100 text-emerald-900',
  FAILED: 'bg-red-100 text-red-900',
  RUNNING: 'bg-emerald-100 text-emerald-900',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${styles[status] ?? 'bg-amber-100 text-amber-900'}`}
    >
      {status}
    </span>
  );
}
