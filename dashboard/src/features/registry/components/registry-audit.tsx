import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { fmtTime } from '@/lib/format';
import type { AuditEntry } from '@/types/api';
import { useRegistryAudit } from '../api/get-registry-audit';

/** "name: Van 1 → Van One; active: true → false", or "registered as Van 1". */
export function describeChange(e: AuditEntry): string {
  const after = e.new_value as Record<string, unknown>;
  if (!e.old_value) return `registered as ${String(after.name)}`;
  const before = e.old_value as Record<string, unknown>;
  const fields = ['name', 'vehicle_class', 'external_ref', 'active'].filter(
    (f) => f in after && JSON.stringify(before[f]) !== JSON.stringify(after[f]),
  );
  return fields.map((f) => `${f}: ${String(before[f] ?? '—')} → ${String(after[f] ?? '—')}`).join('; ');
}

/** Who changed the registry, when, and what: the newest changes first. */
export function RegistryAudit() {
  const audit = useRegistryAudit({ limit: 50 });
  return (
    <Card title="Recent changes">
      {audit.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">No changes yet.</p>
      ) : (
        <ul className="space-y-1 text-sm" aria-label="Registry changes">
          {audit.data.items.map((e) => (
            <li key={e.id}>
              <span className="text-slate-600">{fmtTime(e.changed_at)}</span> · {e.changed_by} · {e.entity}{' '}
              <span className="font-mono text-xs" title={e.entity_id}>
                {e.entity_id.slice(0, 8)}
              </span>{' '}
              · {describeChange(e)}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
