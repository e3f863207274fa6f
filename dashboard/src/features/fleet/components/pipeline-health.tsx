import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusBadge } from '@/components/ui/status-badge';
import { fmtDuration, fmtNumber } from '@/lib/format';
import { usePipeline } from '../api/get-pipeline';

/**
 * Is the pipeline keeping up: the backlog, trips finished lately, queue depth, the oldest unfinished
 * trip, the Flink job.
 */
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
          <dl className="grid grid-cols-2 gap-2 text-center">
            {(['pending', 'processing'] as const).map((s) => (
              <div key={s} className="rounded bg-slate-50 p-2">
                <dt className="text-xs text-slate-600">{s}</dt>
                <dd className="text-lg font-semibold tabular-nums" data-count={`unfinished.${s}`}>
                  {fmtNumber(pipeline.data.unfinished[s], 0)}
                </dd>
              </div>
            ))}
          </dl>
          <table className="w-full text-right tabular-nums">
            <caption className="sr-only">Trips finished</caption>
            <thead>
              <tr className="text-xs text-slate-600">
                <th className="text-left font-normal">Finished</th>
                <th className="font-normal">last hour</th>
                <th className="font-normal">last 24 h</th>
              </tr>
            </thead>
            <tbody>
              {(['completed', 'failed'] as const).map((s) => (
                <tr key={s}>
                  <th scope="row" className="text-left font-normal text-slate-600">
                    {s}
                  </th>
                  <td data-count={`finished_last_hour.${s}`}>{fmtNumber(pipeline.data.finished_last_hour[s], 0)}</td>
                  <td data-count={`finished_last_24h.${s}`}>{fmtNumber(pipeline.data.finished_last_24h[s], 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
