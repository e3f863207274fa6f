import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '@/testing/mocks/server';
import { renderApp } from '@/testing/test-utils';
import { CsvImport } from './csv-import';

const file = (text: string) => new File([text], 'fleet.csv', { type: 'text/csv' });

describe('CsvImport', () => {
  it('lists every bad row and column the gateway named', async () => {
    server.use(
      http.post('*/api/v1/vehicles/import', () =>
        HttpResponse.json(
          {
            type: '/problems/invalid-csv',
            title: 'Invalid CSV file',
            status: 400,
            detail: '2 problems in the file',
            errors: [
              { pointer: '/rows/3/vehicle_class', message: 'must be one of [car, van, heavy_truck, bus]' },
              { pointer: '/rows/5/vehicle_id', message: 'must be a UUID' },
            ],
          },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    renderApp(<CsvImport />);

    await userEvent.upload(screen.getByLabelText('CSV file'), file('vehicle_id,name,vehicle_class\n'));
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));

    const table = await screen.findByRole('table', { name: 'Problems in the file' });
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('3vehicle_classmust be one of');
    expect(rows[1]).toHaveTextContent('5vehicle_idmust be a UUID');
    expect(screen.getByRole('alert')).toHaveTextContent('2 problems in the file');
  });

  it('sends the file as text/csv to the chosen import and reports the counts', async () => {
    let received: { type: string | null; body: string } | undefined;
    server.use(
      http.post('*/api/v1/drivers/import', async ({ request }) => {
        received = { type: request.headers.get('Content-Type'), body: await request.text() };
        return HttpResponse.json({ created: 2, updated: 1, unchanged: 0 });
      }),
    );
    renderApp(<CsvImport />);

    await userEvent.selectOptions(screen.getByLabelText('What the file holds'), 'driver');
    await userEvent.upload(screen.getByLabelText('CSV file'), file('driver_id,name\n'));
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('status')).toHaveTextContent('2 created, 1 updated, 0 unchanged');
    expect(received).toEqual({ type: 'text/csv; charset=utf-8', body: 'driver_id,name\n' });
  });
});
