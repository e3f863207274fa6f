import type { InboxEvent, ReviewStatus } from '@/types/api';
import type { InboxFilter } from '../api/get-events';

/**
 * The inbox's state in the address (so a view can be bookmarked and shared): the filters, the
 * grouping and the opened event. Names in the address:
 * `status` (absent: needs_review; `any`: every status), `type`, `severity`, `driver`, `vehicle`,
 * `trip` (UUIDs), `from`, `to` (UTC days, both included), `group` (`trip` or `driver-day`; absent:
 * one list of events) and `event` (`<trip id>:<seq>`).
 */
export type InboxView = {
  status: ReviewStatus | 'any';
  type?: string;
  severity?: string;
  driver?: string;
  vehicle?: string;
  trip?: string;
  from?: string;
  to?: string;
  group: Grouping;
  event?: EventKey;
};

export type Grouping = 'event' | 'trip' | 'driver-day';
export type EventKey = { tripId: string; seq: number };

export const DEFAULT_STATUS: ReviewStatus = 'needs_review';
const STATUSES: readonly string[] = ['needs_review', 'needs_coaching', 'coached', 'reviewed', 'dismissed'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuid(value: string | null): string | undefined {
  return value && UUID.test(value) ? value : undefined;
}

function day(value: string | null): string | undefined {
  return value && DAY.test(value) ? value : undefined;
}

/** Reads the view from the address; values that cannot be right are left out rather than sent. */
export function readView(params: URLSearchParams): InboxView {
  const status = params.get('status');
  const group = params.get('group');
  const event = params.get('event')?.split(':');
  const seq = event && event.length === 2 ? Number(event[1]) : NaN;
  return {
    status: status === 'any' ? 'any' : status && STATUSES.includes(status) ? (status as ReviewStatus) : DEFAULT_STATUS,
    type: params.get('type') || undefined,
    severity: params.get('severity') || undefined,
    driver: uuid(params.get('driver')),
    vehicle: uuid(params.get('vehicle')),
    trip: uuid(params.get('trip')),
    from: day(params.get('from')),
    to: day(params.get('to')),
    group: group === 'trip' || group === 'driver-day' ? group : 'event',
    event: event && uuid(event[0]) && Number.isInteger(seq) && seq >= 0 ? { tripId: event[0], seq } : undefined,
  };
}

/** The address of a view: only what differs from the defaults. */
export function writeView(view: InboxView): URLSearchParams {
  const p = new URLSearchParams();
  if (view.status !== DEFAULT_STATUS) p.set('status', view.status);
  for (const key of ['type', 'severity', 'driver', 'vehicle', 'trip', 'from', 'to'] as const) {
    const value = view[key];
    if (value) p.set(key, value);
  }
  if (view.group !== 'event') p.set('group', view.group);
  if (view.event) p.set('event', eventKey(view.event));
  return p;
}

/** The list's query for the API (GET /api/v1/events). */
export function apiFilter(view: InboxView): InboxFilter {
  return {
    status: view.status === 'any' ? undefined : view.status,
    type: view.type,
    severity: view.severity,
    driver_id: view.driver,
    vehicle_id: view.vehicle,
    trip_id: view.trip,
    from: view.from,
    to: view.to,
  };
}

export function eventKey(e: EventKey): string {
  return `${e.tripId}:${e.seq}`;
}

/** The UTC day (YYYY-MM-DD) an event happened on. */
export function utcDay(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

/** The view of one trip's events: the other filters dropped, the status kept. */
export function tripView(view: InboxView, tripId: string): InboxView {
  return { status: view.status, group: 'event', trip: tripId };
}

/** The view of one driver's events on one UTC day. */
export function driverDayView(view: InboxView, driverId: string, dayIso: string): InboxView {
  const d = utcDay(dayIso);
  return { status: view.status, group: 'event', driver: driverId, from: d, to: d };
}

export type EventGroup = { key: string; events: InboxEvent[] };

/** The events by trip, or by driver and UTC day; groups in the order of their first event. */
export function groupEvents(events: InboxEvent[], grouping: Grouping): EventGroup[] {
  if (grouping === 'event') return [{ key: 'all', events }];
  const groups = new Map<string, InboxEvent[]>();
  for (const e of events) {
    const key = grouping === 'trip' ? e.trip_id : `${e.driver_id}:${utcDay(e.started_at)}`;
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  return [...groups].map(([key, list]) => ({ key, events: list }));
}
