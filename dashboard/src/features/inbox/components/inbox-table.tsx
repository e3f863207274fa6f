import { Link } from 'wouter';
import { EntityName } from '@/components/ui/entity-name';
import { useCanWrite } from '@/lib/auth';
import { eventTypeLabels, fmtNumber, fmtTime, reviewStatusLabel as statusLabel } from '@/lib/format';
import type { InboxEvent } from '@/types/api';
import { EventDetail, type EventChart } from './event-detail';
import { eventKey, type EventKey } from './inbox-params';
import { ReviewForm } from './review-form';

export type Opened = {
  key: string | undefined;
  formOpen: boolean;
  open: (e: EventKey) => void;
  saved: () => void;
  close: () => void;
};

type Props = {
  caption: string;
  events: InboxEvent[];
  opened: Opened;
  chart: EventChart;
  /** Addresses of the trip's and the driver-day's views of an event. */
  links: (e: InboxEvent) => { trip: string; driverDay: string };
};

const COLUMNS = 7;

/** Events with driver, vehicle, type, peak and status; an opened one shows its form (operators), chart and log. */
export function InboxTable({ caption, events, opened, chart, links }: Props) {
  // Operators review; viewers (no Review control anywhere) open the chart and the log only.
  const canWrite = useCanWrite();
  const action = canWrite ? 'Review' : 'Details';
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">When</th>
            <th scope="col" className="py-2 pr-3 font-medium">Driver</th>
            <th scope="col" className="py-2 pr-3 font-medium">Vehicle</th>
            <th scope="col" className="py-2 pr-3 font-medium">Event</th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">Peak</th>
            <th scope="col" className="py-2 pr-3 font-medium">Status</th>
            <th scope="col" className="py-2 font-medium">{action}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            const key = eventKey({ tripId: e.trip_id, seq: e.seq });
            const isOpen = opened.key === key;
            const to = links(e);
            return [
              <tr
                key={key}
                data-event={key}
                data-open={isOpen || undefined}
                className={`border-b border-slate-100 align-top ${isOpen ? 'bg-sky-50' : ''}`}
              >
                <td className="py-2 pr-3 whitespace-nowrap">
                  <Link href={`/trips/${e.trip_id}`} className="text-sky-800 underline">
                    {fmtTime(e.started_at)}
                  </Link>
                  <div className="mt-1 text-xs">
                    <Link href={to.trip} className="text-sky-800 underline">
                      This trip
                    </Link>
                    {' · '}
                    <Link href={to.driverDay} className="text-sky-800 underline">
                      Driver’s day
                    </Link>
                  </div>
                </td>
                <td className="py-2 pr-3">
                  <EntityName id={e.driver_id} name={e.driver_name} />
                </td>
                <td className="py-2 pr-3">
                  <EntityName id={e.vehicle_id} name={e.vehicle_name} />
                </td>
                <td className="py-2 pr-3">
                  {eventTypeLabels[e.event_type] ?? e.event_type} · {e.severity}
                </td>
                <td className="py-2 pr-3 text-right tabular-nums">
                  {e.event_type === 'SPEEDING' ? `${fmtNumber(e.peak, 0)} km/h` : `${fmtNumber(e.peak, 2)} g`}
                </td>
                <td className="py-2 pr-3">{statusLabel(e.status)}</td>
                <td className="py-2">
                  {isOpen && opened.formOpen && canWrite ? (
                    <ReviewForm tripId={e.trip_id} seq={e.seq} status={e.status} onSaved={opened.saved} onCancel={opened.close} />
                  ) : (
                    <button
                      type="button"
                      className="text-sky-800 underline"
                      onClick={() => opened.open({ tripId: e.trip_id, seq: e.seq })}
                    >
                      {action}
                    </button>
                  )}
                </td>
              </tr>,
              isOpen && (
                <tr key={`${key}-detail`} data-event-detail={key} className="border-b border-slate-200 bg-sky-50/40">
                  <td colSpan={COLUMNS} className="px-2">
                    <EventDetail
                      tripId={e.trip_id}
                      seq={e.seq}
                      startMs={e.start_ms}
                      endMs={e.end_ms}
                      chart={chart}
                      onClose={opened.close}
                    />
                  </td>
                </tr>
              ),
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
