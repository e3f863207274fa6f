import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { TRIP, tripDetail } from '@/testing/mocks/fixtures';
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

  it('says so, and draws no chart, when retention dropped the raw samples', async () => {
    let samplesAsked = false;
    server.use(
      http.get('*/api/v1/trips/:id', () => HttpResponse.json(tripDetail({ samples_available: false }))),
      http.get('*/api/v1/trips/:id/samples', () => {
        samplesAsked = true;
        return HttpResponse.json({ title: 'Samples dropped', status: 410 }, { status: 410 });
      }),
    );

    renderApp(<TripDetailView tripId={TRIP} />);

    expect(await screen.findByTestId('samples-dropped')).toHaveTextContent('no longer stored');
    expect(screen.queryByTestId('trip-chart')).not.toBeInTheDocument();
    expect(screen.getAllByRole('row').filter((r) => r.dataset.eventType)).toHaveLength(2);
    expect(samplesAsked).toBe(false);
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
