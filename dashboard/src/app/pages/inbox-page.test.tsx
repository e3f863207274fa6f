import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DRIVER_A, DRIVER_A_NAME, TRIP, VEHICLE, VEHICLE_NAME } from '@/testing/mocks/fixtures';
import { server } from '@/testing/mocks/server';
import { renderApp, signInAs } from '@/testing/test-utils';
import type { InboxEvent } from '@/types/api';
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

function serveInbox(asked: URL[], posted: unknown[]) {
  server.use(
    http.get('*/api/v1/events', ({ request }) => {
      asked.push(new URL(request.url));
      return HttpResponse.json({ items: [EVENT], next_cursor: null });
    }),
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
  });
});
