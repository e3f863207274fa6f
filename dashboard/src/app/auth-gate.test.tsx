import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { VehiclesList } from '@/features/vehicles/components/vehicles-list';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { vehicles } from '@/testing/mocks/fixtures';
import { renderApp } from '@/testing/test-utils';

describe('operator token', () => {
  it('asks for a token after a 401 and loads the view with it', async () => {
    server.use(
      http.get('*/api/v1/vehicles', ({ request }) =>
        request.headers.get('Authorization') === 'Bearer good-token'
          ? HttpResponse.json({ items: vehicles })
          : problem(401, 'Unauthorized', 'an operator token is required'),
      ),
    );

    renderApp(<VehiclesList />);

    await userEvent.type(await screen.findByLabelText('Operator token'), 'good-token');
    await userEvent.click(screen.getByRole('button', { name: 'Open the dashboard' }));

    expect(await screen.findByText(vehicles[0].vehicle_name!)).toHaveAttribute('title', vehicles[0].vehicle_id);
    expect(window.localStorage.getItem('fleetflow.operatorToken')).toBe('good-token');
  });
});
