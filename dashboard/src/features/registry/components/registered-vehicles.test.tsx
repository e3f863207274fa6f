import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { VEHICLE, VEHICLE_NAME, registeredVehicle } from '@/testing/mocks/fixtures';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';
import { RegisteredVehicles } from './registered-vehicles';

describe('RegisteredVehicles', () => {
  it('lists registered vehicles by name with the id on hover and in its own column', async () => {
    renderApp(<RegisteredVehicles />);

    const name = await screen.findByRole('cell', { name: VEHICLE_NAME });
    expect(name).toHaveAttribute('title', VEHICLE);
    const row = name.closest('tr')!;
    expect(row).toHaveTextContent('Van');
    expect(row).toHaveTextContent(VEHICLE);
    expect(row).toHaveTextContent('ops laptop');
  });

  it('edits a vehicle’s name and class with one PUT', async () => {
    let sent: unknown;
    server.use(
      http.put('*/api/v1/vehicles/:id', async ({ request, params }) => {
        sent = { id: params.id, body: await request.json() };
        return HttpResponse.json({ ...registeredVehicle, name: 'Truck 12', vehicle_class: 'heavy_truck' });
      }),
    );
    renderApp(<RegisteredVehicles />);

    await userEvent.click(await screen.findByRole('button', { name: `Edit ${VEHICLE_NAME}` }));
    const form = screen.getByRole('form', { name: `Edit vehicle ${VEHICLE_NAME}` });
    await userEvent.clear(within(form).getByLabelText('Name or plate'));
    await userEvent.type(within(form).getByLabelText('Name or plate'), 'Truck 12');
    await userEvent.selectOptions(within(form).getByLabelText('Class'), 'heavy_truck');
    await userEvent.click(within(form).getByRole('button', { name: 'Save vehicle' }));

    await screen.findByRole('button', { name: 'Register a vehicle' });
    expect(sent).toEqual({ id: VEHICLE, body: { name: 'Truck 12', vehicle_class: 'heavy_truck', active: true } });
  });

  it('shows the gateway’s error next to the field it names and keeps the form open', async () => {
    server.use(
      http.put('*/api/v1/vehicles/:id', () =>
        HttpResponse.json(
          {
            type: '/problems/invalid-vehicle',
            title: 'Invalid vehicle',
            status: 400,
            detail: '2 problems in the vehicle',
            errors: [
              { pointer: '/path/vehicleId', message: 'must be a UUID' },
              { pointer: '/name', message: 'must not be blank' },
            ],
          },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    renderApp(<RegisteredVehicles />);

    await userEvent.click(await screen.findByRole('button', { name: 'Register a vehicle' }));
    const form = screen.getByRole('form', { name: 'Register a vehicle' });
    await userEvent.type(within(form).getByLabelText(/Vehicle id/), 'nope');
    await userEvent.click(within(form).getByRole('button', { name: 'Save vehicle' }));

    expect(await within(form).findByText('must be a UUID')).toBeInTheDocument();
    expect(within(form).getByText('must not be blank')).toBeInTheDocument();
    expect(within(form).getByLabelText(/Name or plate/)).toHaveAttribute('aria-invalid', 'true');
  });
});
