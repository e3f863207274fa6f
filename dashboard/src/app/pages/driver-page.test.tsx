import { screen } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { DRIVER_A, DRIVER_A_NAME, DRIVER_B } from '@/testing/mocks/fixtures';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';
import DriverPage from './driver-page';

describe('DriverPage', () => {
  it('shows score over time, event breakdown and the driver’s trips', async () => {
    renderApp(<DriverPage driverId={DRIVER_A} />);

    expect(await screen.findByRole('heading', { name: DRIVER_A_NAME })).toBeInTheDocument();
    expect(screen.getByTestId('driver-id')).toHaveTextContent(DRIVER_A);
    expect(screen.getByRole('img', { name: 'Score over time: 2026-05-01 81, 2026-05-02 84' })).toBeInTheDocument();
    expect(screen.getAllByText('Harsh braking', { selector: 'dt' })[0].nextSibling).toHaveTextContent('3');
    expect(await screen.findByRole('table', { name: 'Trips of driver 7a1d2c3b' })).toBeInTheDocument();
  });

  it('titles an unregistered driver by the start of the id', async () => {
    renderApp(<DriverPage driverId={DRIVER_B} />);

    expect(await screen.findByRole('heading', { name: 'Driver b0b0b0b0' })).toBeInTheDocument();
    expect(screen.getByText(/not registered/)).toBeInTheDocument();
  });

  it('says so when the driver has no trips', async () => {
    server.use(http.get('*/api/v1/drivers/:id', () => problem(404, 'Not found')));

    renderApp(<DriverPage driverId="nobody" />);

    expect(await screen.findByRole('heading', { name: 'Driver not found' })).toBeInTheDocument();
  });
});
