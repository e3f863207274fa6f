import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DRIVER_A, DRIVER_A_NAME, NO_IMPACT, samples, TRIP, VEHICLE, VEHICLE_NAME, tripDetail } from '@/testing/mocks/fixtures';
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
    expect(screen.getByText('not estimated')).toBeInTheDocument();
    expect(screen.getByTestId('crash-detection-note')).toHaveTextContent('below 25 Hz');
  });

  it('shows a crash with its own colour, minor or major, its Δv, and the mount estimate', async () => {
    server.use(
      http.get('*/api/v1/trips/:id', () =>
        HttpResponse.json(
          tripDetail({
            crash_count: 2,
            mount_yaw_deg: 11.7,
            crash_detection: true,
            events: [
              { seq: 0, type: 'HARSH_BRAKING', start_ms: 1200, end_ms: 2100, peak: 0.52, severity: 'HARSH', ...NO_IMPACT, review_status: 'needs_review' },
              {
                seq: 1,
                type: 'CRASH',
                start_ms: 3000,
                end_ms: 3120,
                peak: 2.8,
                severity: 'SEVERE',
                delta_v_kmh: 31.5,
                speed_before_kmh: 52,
                speed_after_kmh: 0,
                review_status: 'reviewed',
              },
              {
                seq: 2,
                type: 'CRASH',
                start_ms: 5000,
                end_ms: 5100,
                peak: 1.7,
                severity: 'HARSH',
                delta_v_kmh: 8,
                speed_before_kmh: null,
                speed_after_kmh: null,
                review_status: 'dismissed',
              },
            ],
          }),
        ),
      ),
    );

    renderApp(<TripDetailView tripId={TRIP} />);

    expect(await screen.findByText('device mounted 12° off axis, corrected')).toBeInTheDocument();
    const crashes = screen.getAllByRole('row').filter((r) => r.dataset.eventType === 'CRASH');
    expect(crashes).toHaveLength(2);
    expect(crashes[0]).toHaveTextContent('Crash');
    expect(crashes[0]).toHaveTextContent('2.8 g');
    expect(crashes[0]).toHaveTextContent('major collision');
    expect(crashes[0]).toHaveTextContent('Δv 31.5 km/h · 52 → 0 km/h');
    expect(crashes[1]).toHaveTextContent('minor collision');
    // The review status of each event; a dismissed one is listed but marked as not in the score.
    expect(crashes[0]).toHaveTextContent('Reviewed');
    expect(crashes[1]).toHaveTextContent('Dismissed (not the driver’s fault) · not in the score');
    expect(crashes[1]).toHaveAttribute('data-review-status', 'dismissed');
    expect(crashes[1]).toHaveTextContent('Δv 8 km/h');
    const swatch = crashes[0].querySelector('span[aria-hidden]') as HTMLElement;
    expect(swatch.style.background).not.toBe('');
    expect(swatch.style.background).not.toBe(
      (screen.getAllByRole('row').find((r) => r.dataset.eventType === 'HARSH_BRAKING')!.querySelector('span[aria-hidden]') as HTMLElement).style
        .background,
    );
    expect(screen.getByText('2', { selector: 'dd' })).toBeInTheDocument();
    expect(screen.queryByTestId('crash-detection-note')).not.toBeInTheDocument();
  });

  it('draws the vertical axis only for devices that send it', async () => {
    const { unmount } = renderApp(<TripDetailView tripId={TRIP} />);
    expect(await screen.findByTestId('trip-chart')).toHaveAttribute('data-g-channels', '2');
    unmount();

    server.use(
      http.get('*/api/v1/trips/:id/samples', () => HttpResponse.json({ ...samples, g_force_vert: [0, 0.1, -1.4, 0] })),
    );
    renderApp(<TripDetailView tripId={TRIP} />);
    expect(await screen.findByTestId('trip-chart')).toHaveAttribute('data-g-channels', '3');
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
    expect(layoutEvents([{ seq: 0, type: 'HARSH_CORNERING', start_ms: 0, end_ms: 0, peak: 0.4, severity: 'MODERATE', ...NO_IMPACT, review_status: 'needs_review' }], (s) => s)[0].width).toBe(2);
  });
});
