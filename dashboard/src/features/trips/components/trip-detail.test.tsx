import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DRIVER_A, DRIVER_A_NAME, TRIP, VEHICLE, VEHICLE_NAME, tripDetail } from '@/testing/mocks/fixtures';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';
import { layoutEvents } from './event-overlay';
import { TripDetailView } from './trip-detail';

describe('TripDetailView', () => {
  it('tells the trip’s story: chart with events, metrics, status history', async () => {
    renderApp(<TripDetailView tripId={TRIP} />);

    expect(await screen.findByRole('heading', { name: /Trip 11111111/ })).toBeInTheDocument();
    const chart = await screen.findByTestId('trip-chart');
    await waitFor(() => expect(chart).toHaveAttribute('data-events-drawn', '2'));
    expect(chart.dataset.renderMs).toMatch(/^\d+(\.\d)?$/);
    expect(screen.getAllByRole('row').filter((r) => r.dataset.eventType)).toHaveLength(2);
    expect(screen.getByText('0.52 g')).toBeInTheDocument();
    expect(screen.getByText('131 km/h', { selector: 'td' })).toBeInTheDocument();
    expect(screen.getByText('QUEUED')).toBeInTheDocument();
    expect(screen.getByText('131 km/h', { selector: 'dd' })).toBeInTheDocument();
    expect(screen.queryByTestId('failure-reason')).not.toBeInTheDocument();
  });

  it('names the driver and vehicle, with their full ids on hover and below', async () => {
    renderApp(<TripDetailView tripId={TRIP} />);

    expect(await screen.findByRole('link', { name: DRIVER_A_NAME })).toHaveAttribute('href', `/drivers/${DRIVER_A}`);
    expect(screen.getByText(VEHICLE_NAME)).toHaveAttribute('title', VEHICLE);
    expect(screen.getByText(/\(Van\)/)).toBeInTheDocument();
    expect(screen.getByTestId('trip-ids')).toHaveTextContent(`driver ${DRIVER_A} · vehicle ${VEHICLE}`);
  });

  it('shows why a trip failed', async () => {
    server.use(
      http.get('*/api/v1/trips/:id', () =>
        HttpResponse.json(
          tripDetail({
            status: 'FAILED',
            failure_reason: 'unreadable blob',
            safety_score: null,
            events: [],
            status_history: [
              { status: 'PENDING', at: '2026-05-01T08:30:00Z' },
              { status: 'FAILED', at: '2026-05-01T08:30:01Z' },
            ],
          }),
        ),
      ),
    );

    renderApp(<TripDetailView tripId={TRIP} />);

    expect(await screen.findByTestId('failure-reason')).toHaveTextContent('unreadable blob');
    expect(screen.getByText('No events detected.')).toBeInTheDocument();
  });
});

describe('layoutEvents', () => {
  it('places every event on the time axis, at least 2 px wide, labels on rotating rows', () => {
    const boxes = layoutEvents(tripDetail().events.concat(tripDetail().events.map((e) => ({ ...e, seq: e.seq + 2 }))), (s) => s * 10);

    expect(boxes.map((b) => [b.left, b.width, b.row])).toEqual([
      [12, 9, 0],
      [30, 60, 1],
      [12, 9, 2],
      [30, 60, 0],
    ]);
    expect(boxes[0].label).toBe('Harsh braking · 0.52 g · HARSH');
    expect(layoutEvents([{ seq: 0, type: 'HARSH_CORNERING', start_ms: 0, end_ms: 0, peak: 0.4, severity: 'MODERATE' }], (s) => s)[0].width).toBe(2);
  });
});
