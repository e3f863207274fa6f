import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { VEHICLE, VEHICLE_NAME } from '@/testing/mocks/fixtures';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';
import { VehiclesList } from './vehicles-list';

describe('VehiclesList', () => {
  it('lists vehicles by name and class with score, trips, drivers and distance', async () => {
    renderApp(<VehiclesList />);

    const name = await screen.findByText(VEHICLE_NAME);
    expect(name).toHaveAttribute('title', VEHICLE);
    const row = name.closest('tr')!;
    expect(row).toHaveTextContent('Van');
    expect(row).toHaveTextContent('90');
    expect(row).toHaveTextContent('120.5');
    expect(screen.getByText('90')).toHaveAttribute('data-band', 'excellent');
  });

  it('shows how to send a trip when there are no vehicles', async () => {
    server.use(http.get('*/api/v1/vehicles', () => HttpResponse.json({ items: [] })));

    renderApp(<VehiclesList />);

    expect(await screen.findByText('No vehicles yet')).toBeInTheDocument();
    expect(screen.getByLabelText('Example request')).toHaveTextContent('curl');
  });
});
