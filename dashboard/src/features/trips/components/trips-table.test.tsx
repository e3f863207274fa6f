import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { TRIP, tripSummary } from '@/testing/mocks/fixtures';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';
import { TripsTable } from './trips-table';

describe('TripsTable', () => {
  it('counts crashes among the events and marks a trip that had one', async () => {
    server.use(
      http.get('*/api/v1/trips', () =>
        HttpResponse.json({
          items: [
            {
              ...tripSummary(TRIP),
              harsh_braking_count: 2,
              rapid_accel_count: 0,
              harsh_cornering_count: 1,
              speeding_count: 0,
              crash_count: 1,
            },
          ],
          next_cursor: null,
        }),
      ),
    );

    renderApp(<TripsTable params={{}} caption="Trips" />);

    const badge = await screen.findByText('crash');
    expect(badge.closest('td')).toHaveTextContent(/^4\s*crash$/);
  });

  it('shows no crash mark on a trip without one', async () => {
    renderApp(<TripsTable params={{}} caption="Trips" />);

    await screen.findAllByRole('row');
    expect(screen.queryByText('crash')).not.toBeInTheDocument();
  });
});
