import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DRIVER_A, DRIVER_A_NAME, TRIP, tripDetail, VEHICLE, VEHICLE_NAME } from '@/testing/mocks/fixtures';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp, signInAs } from '@/testing/test-utils';
import type { EventReview, EventReviewLogEntry, EventReviewWithLog, InboxEvent } from '@/types/api';
import InboxPage from './inbox-page';

const EVENT: InboxEvent = {
  trip_id: TRIP,
  seq: 2,
  event_type: 'HARSH_BRAKING',
  severity: 'HARSH',
  peak: 0.52,
  start_ms: 1200,
  end_ms: 2100,
  trip_started_at: '2026-05-01T08:00:00Z',
  started_at: '2026-05-01T08:00:01.200Z',
  driver_id: DRIVER_A,
  driver_name: DRIVER_A_NAME,
  vehicle_id: VEHICLE,
  vehicle_name: VEHICLE_NAME,
  status: 'needs_review',
};

const LOG: EventReviewLogEntry[] = [
  {
    id: 1,
    old_status: 'needs_review',
    new_status: 'needs_coaching',
    reason: null,
    comment: 'tailgating',
    changed_by: 'ops laptop',
    changed_at: '2026-05-02T09:00:00Z',
  },
  {
    id: 2,
    old_status: 'needs_coaching',
    new_status: 'dismissed',
    reason: 'cut in by a lorry',
    comment: null,
    changed_by: 'night shift',
    changed_at: '2026-05-02T10:30:00Z',
  },
];

/** The review the gateway answers after these changes (needs_review, nobody, before any). */
function reviewOf(log: EventReviewLogEntry[]): EventReview {
  const last = log.at(-1);
  return {
    trip_id: EVENT.trip_id,
    seq: EVENT.seq,
    event_type: EVENT.event_type,
    start_ms: EVENT.start_ms,
    end_ms: EVENT.end_ms,
    status: last?.new_status ?? 'needs_review',
    reason: last?.reason ?? null,
    comment: last?.comment ?? null,
    updated_by: last?.changed_by ?? null,
    updated_at: last?.changed_at ?? null,
  };
}

function serveInbox(asked: URL[], posted: unknown[], log: EventReviewLogEntry[] = []) {
  server.use(
    http.get('*/api/v1/events', ({ request }) => {
      asked.push(new URL(request.url));
      return HttpResponse.json({ items: [EVENT], next_cursor: null });
    }),
    http.get('*/api/v1/trips/:tripId/events/:seq/review', () =>
      HttpResponse.json({ review: reviewOf(log), log } satisfies EventReviewWithLog),
    ),
    http.post('*/api/v1/trips/:tripId/events/:seq/review', async ({ request, params }) => {
      posted.push({ params, body: await request.json() });
      return HttpResponse.json(
        { review: { ...EVENT, status: 'dismissed', reason: 'x', comment: null, updated_by: 'ops', updated_at: null }, changed: true, rescore_requested: true },
        { status: 202 },
      );
    }),
  );
}

describe('InboxPage', () => {
  it('lists events to review by name and lets an operator dismiss one, with a reason', async () => {
    signInAs('OPERATOR');
    const asked: URL[] = [];
    const posted: { params: unknown; body: unknown }[] = [];
    serveInbox(asked, posted);
    renderApp(<InboxPage />);

    const row = (await screen.findByText(DRIVER_A_NAME)).closest('tr')!;
    expect(row).toHaveTextContent(VEHICLE_NAME);
    expect(row).toHaveTextContent('0.52 g');
    expect(row).toHaveTextContent('Needs review');
    expect(asked[0].searchParams.get('status')).toBe('needs_review');

    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    fireEvent.change(screen.getByLabelText('New status'), { target: { value: 'dismissed' } });
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    fireEvent.change(screen.getByLabelText(/Reason/), { target: { value: 'stopped for a child' } });
    expect(save).toBeEnabled();
    fireEvent.click(save);

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0].params).toMatchObject({ tripId: TRIP, seq: '2' });
    expect(posted[0].body).toEqual({ status: 'dismissed', reason: 'stopped for a child' });
  });

  it('filters by status and shows a viewer no way to change a review', async () => {
    signInAs('VIEWER');
    const asked: URL[] = [];
    serveInbox(asked, []);
    renderApp(<InboxPage />);

    await screen.findByText(DRIVER_A_NAME);
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'dismissed' } });
    await waitFor(() => expect(asked.at(-1)!.searchParams.get('status')).toBe('dismissed'));
    expect(screen.getByText(/Read only/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Review' })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Review' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();

    // A viewer opens the event's chart and log, and still gets no form.
    fireEvent.click(screen.getByRole('button', { name: 'Details' }));
    expect(await screen.findByTestId('activity-log')).toHaveTextContent('nobody has reviewed this event yet');
    expect(await screen.findByTestId('trip-chart')).toBeInTheDocument();
    expect(screen.queryByLabelText('New status')).not.toBeInTheDocument();
    expect(document.querySelector('form')).toBeNull();
    expect(screen.queryAllByRole('button', { name: /edit|save|import|register|acknowledge|review/i })).toEqual([]);
  });

  it('keeps its filters in the address, by driver and vehicle name and by UTC day', async () => {
    signInAs('OPERATOR');
    const asked: URL[] = [];
    serveInbox(asked, []);
    const { location } = renderApp(
      <InboxPage />,
      `/inbox?status=any&driver=${DRIVER_A}&from=2026-05-01&to=2026-05-01&type=HARSH_BRAKING`,
    );

    await screen.findByRole('table', { name: 'Events to review' });
    const first = asked[0].searchParams;
    expect(first.get('status')).toBeNull();
    expect(first.get('driver_id')).toBe(DRIVER_A);
    expect([first.get('from'), first.get('to'), first.get('type')]).toEqual(['2026-05-01', '2026-05-01', 'HARSH_BRAKING']);
    const driver = screen.getByLabelText('Driver');
    await waitFor(() => expect(driver).toHaveValue(DRIVER_A_NAME));
    expect(driver).toHaveAttribute('title', DRIVER_A);
    expect(screen.getByLabelText('Status')).toHaveValue('');
    expect(screen.getByLabelText('From (UTC day)')).toHaveValue('2026-05-01');

    fireEvent.change(screen.getByLabelText('Vehicle'), { target: { value: VEHICLE_NAME } });
    await waitFor(() => expect(asked.at(-1)!.searchParams.get('vehicle_id')).toBe(VEHICLE));
    expect(location.history!.at(-1)).toContain(`vehicle=${VEHICLE}`);
    expect(location.history!.at(-1)).toContain(`driver=${DRIVER_A}`);

    fireEvent.change(screen.getByLabelText('Driver'), { target: { value: '' } });
    await waitFor(() => expect(asked.at(-1)!.searchParams.get('driver_id')).toBeNull());
    fireEvent.change(screen.getByLabelText('To (UTC day)'), { target: { value: '2026-05-03' } });
    await waitFor(() => expect(asked.at(-1)!.searchParams.get('to')).toBe('2026-05-03'));
    expect(location.history!.at(-1)).not.toContain('driver=');
  });

  it('shows the events of one trip and of one driver-day, from a row or grouped', async () => {
    signInAs('OPERATOR');
    const asked: URL[] = [];
    serveInbox(asked, []);
    const { location } = renderApp(<InboxPage />, '/inbox?type=SPEEDING');

    fireEvent.click(await screen.findByRole('link', { name: 'This trip' }));
    await waitFor(() => expect(asked.at(-1)!.searchParams.get('trip_id')).toBe(TRIP));
    expect(asked.at(-1)!.searchParams.get('type')).toBeNull();
    expect(screen.getByTestId('trip-filter')).toHaveTextContent(TRIP.slice(0, 8));

    fireEvent.click(await screen.findByRole('link', { name: 'Driver’s day' }));
    await waitFor(() => expect(asked.at(-1)!.searchParams.get('driver_id')).toBe(DRIVER_A));
    expect(asked.at(-1)!.searchParams.get('from')).toBe('2026-05-01');
    expect(asked.at(-1)!.searchParams.get('to')).toBe('2026-05-01');
    expect(asked.at(-1)!.searchParams.get('trip_id')).toBeNull();

    fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'driver-day' } });
    expect(await screen.findByRole('table', { name: `${DRIVER_A_NAME} on 2026-05-01` })).toBeInTheDocument();
    expect(location.history!.at(-1)).toContain('group=driver-day');
    fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'trip' } });
    expect(await screen.findByRole('link', { name: 'Only this trip' })).toHaveAttribute(
      'href',
      `/inbox?trip=${TRIP}`,
    );
  });

  it('opens an event with the chart around it and its activity log: who changed what, when', async () => {
    signInAs('OPERATOR');
    serveInbox([], [], LOG);
    const { location } = renderApp(<InboxPage />, '/inbox');

    fireEvent.click(await screen.findByRole('button', { name: 'Review' }));
    expect(location.history!.at(-1)).toBe(`/inbox?event=${TRIP}%3A2`);
    const chart = await screen.findByTestId('trip-chart');
    // The event runs from 1.2 s to 2.1 s into the trip: 30 s either side, not before the start.
    expect(chart).toHaveAttribute('data-zoom', '0-32.1');
    const log = await screen.findByRole('list', { name: /Activity log/ });
    const rows = within(log).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('ops laptop');
    expect(rows[0]).toHaveTextContent('Needs review → Needs coaching');
    expect(rows[0]).toHaveTextContent('Comment: tailgating');
    expect(rows[0]).not.toHaveTextContent('Reason');
    expect(rows[1]).toHaveTextContent('night shift');
    expect(rows[1]).toHaveTextContent('2 May 2026, 10:30:00 UTC');
    expect(rows[1]).toHaveTextContent('Needs coaching → Dismissed');
    expect(rows[1]).toHaveTextContent('Reason: cut in by a lorry');
    expect(screen.getByTestId('activity-log')).toHaveTextContent('set by night shift');

    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByTestId('event-detail')).not.toBeInTheDocument());
    expect(location.history!.at(-1)).toBe('/inbox');
  });

  it('says the samples are gone instead of a chart when the samples answer 410', async () => {
    signInAs('OPERATOR');
    serveInbox([], []);
    server.use(http.get('*/api/v1/trips/:id/samples', () => problem(410, 'Samples dropped')));
    renderApp(<InboxPage />, `/inbox?event=${TRIP}:2`);
    expect(await screen.findByTestId('samples-dropped')).toHaveTextContent('no longer stored');
    expect(screen.queryByTestId('trip-chart')).not.toBeInTheDocument();
  });

  it('opens a shared event the list does not show, with its form, chart and log', async () => {
    signInAs('OPERATOR');
    server.use(
      http.get('*/api/v1/events', () => HttpResponse.json({ items: [], next_cursor: null })),
      http.get('*/api/v1/trips/:tripId/events/:seq/review', () =>
        HttpResponse.json({ review: reviewOf(LOG), log: LOG } satisfies EventReviewWithLog),
      ),
      http.get('*/api/v1/trips/:id', () => HttpResponse.json(tripDetail({ samples_available: false }))),
    );
    renderApp(<InboxPage />, `/inbox?event=${TRIP}:2`);

    const card = await screen.findByTestId('selected-event');
    expect(card).toHaveTextContent('Harsh braking, event 2 of trip 11111111');
    expect(within(card).getByLabelText('New status')).toHaveValue('dismissed');
    expect(await within(card).findByTestId('samples-dropped')).toBeInTheDocument();
    expect(await within(card).findByRole('list', { name: /Activity log/ })).toBeInTheDocument();
    expect(screen.getByText('Nothing to review.')).toBeInTheDocument();
  });
});
