import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DRIVER_A, DRIVER_A_NAME, DRIVER_B, driver } from '@/testing/mocks/fixtures';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';
import { DriversLeaderboard } from './drivers-leaderboard';

describe('DriversLeaderboard', () => {
  it('ranks drivers with band colours and trend sparklines', async () => {
    renderApp(<DriversLeaderboard />);

    const rows = await screen.findAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveAttribute('data-driver-id', DRIVER_A);
    expect(screen.getByText('92')).toHaveAttribute('data-band', 'excellent');
    expect(screen.getByText('58')).toHaveAttribute('data-band', 'poor');
    expect(screen.getByRole('img', { name: `Recent scores of driver ${DRIVER_A_NAME}` })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: DRIVER_A_NAME })).toHaveAttribute('href', `/drivers/${DRIVER_A}`);
    expect(screen.getByText(DRIVER_A_NAME)).toHaveAttribute('title', DRIVER_A);
    // DRIVER_B is not registered: the start of its id, the whole id on hover.
    expect(screen.getByRole('link', { name: 'b0b0b0b0 (not registered)' })).toHaveAttribute('href', `/drivers/${DRIVER_B}`);
    expect(screen.getByTitle(`${DRIVER_B} (not registered)`)).toBeInTheDocument();
    // Crashes are a count, not a rate: the column shows each driver's number.
    const crashesColumn = screen.getAllByRole('columnheader').findIndex((h) => /Crashes/.test(h.textContent ?? ''));
    expect(crashesColumn).toBeGreaterThan(0);
    expect(rows[1].querySelectorAll('td')[crashesColumn]).toHaveTextContent('2');
  });

  it('asks the API for the chosen sort and search', async () => {
    const requests: URLSearchParams[] = [];
    server.use(
      http.get('*/api/v1/drivers', ({ request }) => {
        const params = new URL(request.url).searchParams;
        requests.push(params);
        const items = [driver(DRIVER_A, 92), driver(DRIVER_B, 58)].filter((d) =>
          d.driver_id.startsWith(params.get('search') ?? ''),
        );
        return HttpResponse.json({ items });
      }),
    );
    renderApp(<DriversLeaderboard />);
    await screen.findByText('92');
    expect(requests[0].get('sort')).toBe('score');
    expect(requests[0].get('order')).toBe('desc');

    await userEvent.click(screen.getByRole('button', { name: /Braking \/100 km/ }));
    await waitFor(() => expect(requests.at(-1)?.get('sort')).toBe('harsh_braking'));
    expect(requests.at(-1)?.get('order')).toBe('asc');
    expect(screen.getByRole('columnheader', { name: /Braking/ })).toHaveAttribute('aria-sort', 'ascending');

    await userEvent.click(screen.getByRole('button', { name: /Score/ }));
    await waitFor(() => expect(requests.at(-1)?.get('sort')).toBe('score'));

    await userEvent.type(screen.getByLabelText('Search by name or id'), 'b0b0');
    await waitFor(() => expect(screen.queryByText('92')).not.toBeInTheDocument());
    expect(requests.at(-1)?.get('search')).toBe('b0b0');
    expect(screen.getByText('58')).toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText('Search by name or id'));
    await userEvent.type(screen.getByLabelText('Search by name or id'), 'ffff');
    expect(await screen.findByText('No driver’s name or id matches “ffff”.')).toBeInTheDocument();
  });
});
