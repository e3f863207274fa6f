import { eventColors, eventTypeLabels, fmtNumber } from '@/lib/format';
import type { EventRates as Rates } from '@/types/api';

const order: { key: keyof Rates; type: string }[] = [
  { key: 'harsh_braking', type: 'HARSH_BRAKING' },
  { key: 'rapid_acceleration', type: 'RAPID_ACCELERATION' },
  { key: 'harsh_cornering', type: 'HARSH_CORNERING' },
  { key: 'speeding', type: 'SPEEDING' },
];

/** Events per 100 km by type as horizontal bars. */
export function EventRates({ rates }: { rates: Rates }) {
  const max = Math.max(1, ...order.map((o) => rates[o.key] ?? 0));
  return (
    <dl className="space-y-3">
      {order.map(({ key, type }) => {
        const value = rates[key];
        return (
          <div key={key} className="grid grid-cols-[1fr_auto] text-sm">
            <dt className="text-slate-700">{eventTypeLabels[key]}</dt>
            <dd className="contents">
              <span className="text-right font-semibold tabular-nums">{fmtNumber(value, 2)}</span>
              <span className="col-span-2 mt-1 block h-2 rounded bg-slate-100" aria-hidden="true">
                <span
                  className="block h-2 rounded"
                  style={{ width: `${((value ?? 0) / max) * 100}%`, background: eventColors[type] }}
                />
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
