import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { summary } from '@/testing/mocks/fixtures';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';
import FleetPage from './fleet-page';

describe('FleetPage', () => {
  it('shows a skeleton, then the fleet figures, trips and pipeline health', async () => {
    renderApp(<FleetPage />);

    expect(screen.getByRole('status')).toHaveTextContent('Loading');
    expect(await screen.findByTestId('trips-today')).toHaveTextContent('12');
    expect(screen.getByTestId('trips-window')).toHaveTextContent('80');
    expect(screen.getByText('87')).toHaveAttribute('data-band', 'good');
    expect(screen.getByText('1,235 km')).toBeInTheDocument();
    expect(screen.getByText('▲ 6 over the window')).toBeInTheDocument();
    expect(screen.getByText('Last 7 days · 20 drivers · 18 vehicles (12 × car, 4 × van, 2 × heavy truck)')).toBeInTheDocument();
    expect(await screen.findByText('Van 12')).toHaveAttribute('title', '3f2b8c1e-8d4a-4c1e-9a57-2b1c0d9e7f10');
    expect(screen.getByRole('img', { name: /Fleet score per day\. 2026-05-01: 80, 10 trips/ })).toBeInTheDocument();
    expect(await screen.findByText('11111111')).toHaveAttribute('href', '/trips/11111111-2222-4333-8444-555555555555');
    const flink = await screen.findByText('RUNNING');
    expect(flink.closest('[data-flink-state]')).toHaveAttribute('data-flink-state', 'RUNNING');
    expect(screen.getByRole('link', { name: 'Open the Flink Web UI' })).toHaveAttribute('href', 'http://127.0.0.1:8081/');
    expect(screen.queryByText('No trips yet')).not.toBeInTheDocument();
  });

  it('shows how to send the first trip when there is none', async () => {
    server.use(
      http.get('*/api/v1/fleet/summary', () =>
        HttpResponse.json(summary({ trips_today: 0, trips_window: 0, fleet_score: null })),
      ),
    );

    renderApp(<FleetPage />);

    expect(await screen.findByText('No trips yet')).toBeInTheDocument();
    expect(screen.getByLabelText('Example request')).toHaveTextContent(/curl -X POST .*\/api\/v1\/telemetry/);
  });

  it('shows the error and loads again on retry', async () => {
    let calls = 0;
    server.use(
      http.get('*/api/v1/fleet/summary', () => {
        calls += 1;
        return calls === 1 ? problem(503, 'Service unavailable', 'retry later') : HttpResponse.json(summary());
      }),
    );

    renderApp(<FleetPage />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Service unavailable: retry later');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByTestId('trips-today')).toHaveTextContent('12'));
  });
});
