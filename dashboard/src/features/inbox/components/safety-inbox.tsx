import { useMemo, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'wouter';
import { EntityName } from '@/components/ui/entity-name';
import { ErrorState } from '@/components/ui/error-state';
import { Skeleton } from '@/components/ui/skeleton';
import { fmtTime, shortId } from '@/lib/format';
import type { InboxEvent } from '@/types/api';
import { useInboxEvents } from '../api/get-events';
import type { Choice } from './entity-picker';
import { SelectedEventCard, type EventChart } from './event-detail';
import { FilterBar } from './filter-bar';
import { InboxTable, type Opened } from './inbox-table';
import {
  apiFilter,
  driverDayView,
  eventKey,
  groupEvents,
  readView,
  tripView,
  utcDay,
  writeView,
  type EventGroup,
  type InboxView,
} from './inbox-params';

type Props = {
  /** Registered drivers and vehicles, for the filters by name. */
  drivers: Choice[];
  vehicles: Choice[];
  /** The trip's chart around an event. */
  chart: EventChart;
};

/**
 * Detected events to review, filtered and grouped as the address says (shareable); an opened event
 * shows the chart around it, its activity log and, for operators, the review form (a dismissal
 * needs a reason).
 */
export function SafetyInbox({ drivers, vehicles, chart }: Props) {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readView(params), [params]);
  const go = (next: InboxView) => setParams(writeView(next));
  const href = (next: InboxView) => {
    const qs = writeView(next).toString();
    return qs ? `/inbox?${qs}` : '/inbox';
  };
  const events = useInboxEvents(apiFilter(view));
  const [formOpen, setFormOpen] = useState(true);
  const opened: Opened = {
    key: view.event && eventKey(view.event),
    formOpen,
    open: (event) => {
      setFormOpen(true);
      go({ ...view, event });
    },
    saved: () => setFormOpen(false),
    close: () => go({ ...view, event: undefined }),
  };
  const links = (e: InboxEvent) => ({
    trip: href(tripView(view, e.trip_id)),
    driverDay: href(driverDayView(view, e.driver_id, e.started_at)),
  });
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const openedInList = items.some((e) => eventKey({ tripId: e.trip_id, seq: e.seq }) === opened.key);
  return (
    <div className="space-y-3">
      <FilterBar view={view} onChange={go} drivers={drivers} vehicles={vehicles} />
      {view.event && !events.isPending && !openedInList && (
        <SelectedEventCard
          key={opened.key}
          tripId={view.event.tripId}
          seq={view.event.seq}
          chart={chart}
          formOpen={formOpen}
          onSaved={opened.saved}
          onClose={opened.close}
        />
      )}
      {events.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => events.refetch()} />
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing to review.</p>
      ) : (
        <>
          {groupEvents(items, view.group).map((group) =>
            view.group === 'event' ? (
              <InboxTable
                key={group.key}
                caption="Events to review"
                events={group.events}
                opened={opened}
                chart={chart}
                links={links}
              />
            ) : (
              <GroupSection key={group.key} group={group} view={view} href={href}>
                <InboxTable
                  caption={groupTitle(group, view)}
                  events={group.events}
                  opened={opened}
                  chart={chart}
                  links={links}
                />
              </GroupSection>
            ),
          )}
          {events.hasNextPage && (
            <button
              type="button"
              className="mt-3 rounded border border-slate-300 px-3 py-1 text-sm"
              onClick={() => events.fetchNextPage()}
            >
              More
            </button>
          )}
        </>
      )}
    </div>
  );
}

function groupTitle(group: EventGroup, view: InboxView): string {
  const first = group.events[0];
  const driver = first.driver_name ?? shortId(first.driver_id);
  if (view.group === 'trip') {
    return `Trip ${shortId(first.trip_id)}, ${driver}, started ${fmtTime(first.trip_started_at)}`;
  }
  return `${driver} on ${utcDay(first.started_at)}`;
}

function GroupSection({
  group,
  view,
  href,
  children,
}: {
  group: EventGroup;
  view: InboxView;
  href: (v: InboxView) => string;
  children: ReactNode;
}) {
  const first = group.events[0];
  const byTrip = view.group === 'trip';
  const only = byTrip ? tripView(view, first.trip_id) : driverDayView(view, first.driver_id, first.started_at);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3" data-group={group.key}>
      <h2 className="flex flex-wrap items-baseline gap-x-2 text-sm font-semibold text-slate-800">
        {byTrip ? (
          <>
            Trip <span className="font-mono" title={first.trip_id}>{shortId(first.trip_id)}</span> ·{' '}
            <EntityName id={first.driver_id} name={first.driver_name} /> ·{' '}
            <EntityName id={first.vehicle_id} name={first.vehicle_name} /> · started {fmtTime(first.trip_started_at)}
          </>
        ) : (
          <>
            <EntityName id={first.driver_id} name={first.driver_name} /> · {utcDay(first.started_at)} (UTC)
          </>
        )}
        <span className="font-normal text-slate-600">
          · {group.events.length} {group.events.length === 1 ? 'event' : 'events'} ·{' '}
          <Link href={href(only)} className="text-sky-800 underline">
            {byTrip ? 'Only this trip' : 'Only this day'}
          </Link>
        </span>
      </h2>
      {children}
    </section>
  );
}
