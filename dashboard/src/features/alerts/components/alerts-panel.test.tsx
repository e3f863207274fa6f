import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { alert, ALERT, DRIVER_A, DRIVER_A_NAME, VEHICLE } from '@/testing/mocks/fixtures';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp, signInAs } from '@/testing/test-utils';
import { AlertsPanel } from './alerts-panel';

describe('AlertsPanel', () => {
  it('lists open alerts and acknowledges one, which leaves the list', async () => {
    let acknowledged = false;
    const asked: string[] = [];
    server.use(
      http.get('*/api/v1/alerts', ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('status') ?? '');
        return HttpResponse.json({ items: acknowledged ? [] : [alert()] });
      }),
      http.post('*/api/v1/alerts/:id/acknowledge', ({ params }) => {
        expect(params.id).toBe(ALERT);
        acknowledged = true;
        return HttpResponse.json(
          alert({ status: 'acknowledged', acknowledged_at: '2026-05-01T08:21:00Z', acknowledged_by: 'ops' }),
        );
      }),
    );

    renderApp(<AlertsPanel />);

    const list = await screen.findByRole('list', { name: 'Open alerts' });
    expect(within(list).getByText(/Crash · major collision · Δv 31.5 km\/h/)).toBeInTheDocument();
    expect(within(list).getByRole('link', { name: '11111111' })).toHaveAttribute(
      'href',
      '/trips/11111111-2222-4333-8444-555555555555',
    );
    expect(screen.getByRole('heading', { name: 'Open alerts (1)' })).toBeInTheDocument();
    expect(asked).toContain('open');

    await userEvent.click(within(list).getByRole('button', { name: /Acknowledge Crash/ }));

    expect(await screen.findByText('No open alerts.')).toBeInTheDocument();
    expect(acknowledged).toBe(true);
  });

  it('names the driver and vehicle, and lists the acknowledged ones with who and when', async () => {
    const asked: string[] = [];
    server.use(
      http.get('*/api/v1/alerts', ({ request }) => {
        const status = new URL(request.url).searchParams.get('status') ?? '';
        asked.push(status);
        return HttpResponse.json({
          items:
            status === 'acknowledged'
              ? [alert({ status: 'acknowledged', acknowledged_at: '2026-05-01T08:21:00Z', acknowledged_by: 'night-shift' })]
              : [alert()],
        });
      }),
    );

    renderApp(<AlertsPanel />);

    const open = await screen.findByRole('list', { name: 'Open alerts' });
    expect(within(open).getByText(DRIVER_A_NAME)).toHaveAttribute('title', DRIVER_A);
    expect(within(open).getByTitle(`${VEHICLE} (not registered)`)).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'acknowledged');

    const done = await screen.findByRole('list', { name: 'Acknowledged alerts' });
    expect(within(done).getByText(/acknowledged by night-shift/)).toBeInTheDocument();
    expect(within(done).queryByRole('button', { name: /Acknowledge/ })).not.toBeInTheDocument();
    expect(asked).toEqual(expect.arrayContaining(['open', 'acknowledged']));
  });

  it('says when there is nothing open', async () => {
    renderApp(<AlertsPanel />);

    expect(await screen.findByText('No open alerts.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Acknowledge/ })).not.toBeInTheDocument();
  });

  it('shows a failed acknowledgement and keeps the alert', async () => {
    server.use(
      http.get('*/api/v1/alerts', () => HttpResponse.json({ items: [alert({ event_type: 'HARSH_BRAKING', delta_v_kmh: null })] })),
      http.post('*/api/v1/alerts/:id/acknowledge', () => problem(503, 'Service unavailable', 'retry later')),
    );

    renderApp(<AlertsPanel />);

    await userEvent.click(await screen.findByRole('button', { name: /Acknowledge Harsh braking · SEVERE/ }));

    await waitFor(() =>
      expect(screen.getByText(/Could not acknowledge: Service unavailable: retry later/)).toBeInTheDocument(),
    );
    expect(screen.getByRole('list', { name: 'Open alerts' })).toBeInTheDocument();
  });

  it('shows a viewer the open alerts without an acknowledge button', async () => {
    signInAs('VIEWER');
    server.use(http.get('*/api/v1/alerts', () => HttpResponse.json({ items: [alert()] })));

    renderApp(<AlertsPanel />);

    const list = await screen.findByRole('list', { name: 'Open alerts' });
    expect(within(list).getByText(/Crash · major collision/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Acknowledge/ })).not.toBeInTheDocument();
  });
});
