import { describe, expect, it } from 'vitest';
import type { InboxEvent } from '@/types/api';
import { apiFilter, driverDayView, groupEvents, readView, tripView, writeView } from './inbox-params';

const TRIP = '11111111-2222-4333-8444-555555555555';
const DRIVER = '7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

const read = (qs: string) => readView(new URLSearchParams(qs));

describe('the inbox address', () => {
  it('defaults to the events that need review, one list, nothing opened', () => {
    expect(read('')).toEqual({ status: 'needs_review', group: 'event' });
    expect(writeView(read('')).toString()).toBe('');
    expect(apiFilter(read(''))).toEqual({ status: 'needs_review' });
  });

  it('reads back what it wrote', () => {
    const qs = `status=any&type=CRASH&severity=SEVERE&driver=${DRIVER}&trip=${TRIP}&from=2026-05-01&to=2026-05-02&group=trip&event=${TRIP}%3A3`;
    const view = read(qs);
    expect(view.event).toEqual({ tripId: TRIP, seq: 3 });
    expect(read(writeView(view).toString())).toEqual(view);
    expect(apiFilter(view)).toEqual({
      status: undefined,
      type: 'CRASH',
      severity: 'SEVERE',
      driver_id: DRIVER,
      vehicle_id: undefined,
      trip_id: TRIP,
      from: '2026-05-01',
      to: '2026-05-02',
    });
  });

  it('leaves out what cannot be right instead of sending it', () => {
    expect(read('status=open&driver=ann&vehicle=1-2-3&from=yesterday&to=2026-5-1&group=week&event=x:1')).toEqual({
      status: 'needs_review',
      group: 'event',
    });
    expect(read(`event=${TRIP}:-1`).event).toBeUndefined();
    expect(read(`event=${TRIP}:1.5`).event).toBeUndefined();
  });

  it('scopes to a trip or a driver-day, keeping the status only', () => {
    const view = read(`status=dismissed&type=CRASH&driver=${DRIVER}`);
    expect(writeView(tripView(view, TRIP)).toString()).toBe(`status=dismissed&trip=${TRIP}`);
    // 23:30 at UTC-2 is the next UTC day.
    expect(writeView(driverDayView(view, DRIVER, '2026-05-01T23:30:00-02:00')).toString()).toBe(
      `status=dismissed&driver=${DRIVER}&from=2026-05-02&to=2026-05-02`,
    );
  });
});

describe('groupEvents', () => {
  const event = (trip: string, driver: string, startedAt: string, seq = 0) =>
    ({ trip_id: trip, seq, driver_id: driver, started_at: startedAt }) as InboxEvent;
  const a1 = event('t1', 'ann', '2026-05-02T08:00:00Z', 1);
  const b = event('t2', 'bob', '2026-05-02T07:00:00Z');
  const a0 = event('t1', 'ann', '2026-05-02T08:00:00Z', 0);
  const aEarlier = event('t3', 'ann', '2026-05-01T23:00:00Z');

  it('puts every event in one group when not grouping', () => {
    expect(groupEvents([a1, b, a0], 'event')).toEqual([{ key: 'all', events: [a1, b, a0] }]);
  });

  it('groups by trip and by driver and UTC day, in the order of each group’s first event', () => {
    expect(groupEvents([a1, b, a0, aEarlier], 'trip').map((g) => [g.key, g.events.length])).toEqual([
      ['t1', 2],
      ['t2', 1],
      ['t3', 1],
    ]);
    expect(groupEvents([a1, b, a0, aEarlier], 'driver-day').map((g) => [g.key, g.events.length])).toEqual([
      ['ann:2026-05-02', 2],
      ['bob:2026-05-02', 1],
      ['ann:2026-05-01', 1],
    ]);
  });
});
