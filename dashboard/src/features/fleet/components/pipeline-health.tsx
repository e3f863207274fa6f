import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { fmtDuration, fmtNumber } from '@/lib/format';
import { usePipeline } from '../api/get-pipeline';

/** Is the pipeline keeping up: trips by status, queue depth, oldest unfinished trip, Flink job. */
export function PipelineHealth() {
  const pipeline = usePipeline();
  return (
    <Card title="Pipeline health">
      {pipeline.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : pipeline.isError ? (
        <ErrorState error={pipeline.error} onRetry={() => pipeline.refetch()} />
      ) : (
        <div className="space-y-3 text-sm">
          <dl className="grid grid-cols-4 gap-2 text-center">
            {(['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED'] as const).map((s) => (
              <div key={s} className="rounded bg-slate-50 p-2">
                <dt className="text-xs text-slate-600">{s.toLowerCase()}</dt>
                <dd className="text-lg font-semibold tabular-nums" data-status-count={s}>
                  {pipeline.data.trips_by_status[s] ?? 0}
                </dd>
              </div>
            ))}
          </dl>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1">
            <dt className="text-slate-600">Queue depth</dt>
            <dd className="text-right tabular-nums">
              {pipeline.data.queue_depth === null ? 'broker unreachable' : fmtNumber(pipeline.data.queue_depth, 0)}
            </dd>
            <dt className="text-slate-600">Oldest unfinished trip</dt>
            <dd className="text-right">
              {pipeline.data.oldest_unfinished_age_s === null
                ? 'none'
                : `${fmtDuration(pipeline.data.oldest_unfinished_age_s)} old`}
            </dd>
            <dt className="text-slate-600">Flink scoring job</dt>
            <dd className="text-right" data-flink-state={pipeline.data.flink.state}>
              <StatusBadge status={pipeline.data.flink.state} />
            </dd>
          </dl>
          <a
            href={pipeline.data.flink.web_ui_url}
            target="_blank"
            rel="noreferrer"
            className="inline-block text-blue-700 underline"
          >
            Open the Flink Web UI
          </a>
        </div>
      )}
    </Card>
  );
}
