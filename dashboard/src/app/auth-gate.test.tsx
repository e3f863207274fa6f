import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { Layout } from '@/components/ui/layout';
import { VehiclesList } from '@/features/vehicles/components/vehicles-list';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { session, vehicles } from '@/testing/mocks/fixtures';
import { renderApp, signInAs } from '@/testing/test-utils';

/** A gateway with no session until a good token is posted to /api/v1/session. */
function serveSignIn(posted: unknown[]) {
  let signedIn = false;
  server.use(
    http.get('*/api/v1/session', () =>
      signedIn ? HttpResponse.json(session('OPERATOR')) : problem(401, 'Unauthorized', 'no session'),
    ),
    http.post('*/api/v1/session', async ({ request }) => {
      const body = (await request.json()) as { token: string };
      posted.push(body);
      if (body.token === 'ffd_device') return problem(403, 'Forbidden', 'this route needs a viewer or operator token, not a device key');
      if (body.token !== 'ffo_good') return problem(401, 'Unauthorized', 'the API key is not valid');
      signedIn = true;
      return HttpResponse.json(session('OPERATOR'), { status: 201 });
    }),
    http.get('*/api/v1/vehicles', () =>
      signedIn ? HttpResponse.json({ items: vehicles }) : problem(401, 'Unauthorized', 'no session'),
    ),
  );
}

function storedNothing() {
  const stored = [window.localStorage, window.sessionStorage].flatMap((s) =>
    Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`),
  );
  expect(stored).toEqual([]);
}

describe('sign-in', () => {
  it('asks for a token after a 401, exchanges it for a session and loads the view, storing nothing', async () => {
    const posted: unknown[] = [];
    serveSignIn(posted);

    renderApp(<VehiclesList />);

    await userEvent.type(await screen.findByLabelText('Operator token'), 'ffo_good');
    await userEvent.click(screen.getByRole('button', { name: 'Open the dashboard' }));

    expect(await screen.findByText(vehicles[0].vehicle_name!)).toHaveAttribute('title', vehicles[0].vehicle_id);
    expect(posted).toEqual([{ token: 'ffo_good' }]);
    storedNothing();
  });

  it("shows the gateway's reason when it refuses a token, and stays on the token screen", async () => {
    serveSignIn([]);
    renderApp(<VehiclesList />);

    await userEvent.type(await screen.findByLabelText('Operator token'), 'ffd_device');
    await userEvent.click(screen.getByRole('button', { name: 'Open the dashboard' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('not a device key');
    expect(screen.getByLabelText('Operator token')).toBeInTheDocument();
    storedNothing();
  });

  it('signs out on the gateway with the CSRF token and shows the token screen', async () => {
    signInAs('OPERATOR');
    const deleted: Request[] = [];
    server.use(
      http.delete('*/api/v1/session', ({ request }) => {
        deleted.push(request);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderApp(
      <Layout>
        <VehiclesList />
      </Layout>,
    );

    expect(await screen.findByText('night shift lead')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    await waitFor(() => expect(deleted).toHaveLength(1));
    expect(deleted[0].headers.get('X-CSRF-Token')).toBe('csrf-operator');
    expect(await screen.findByLabelText('Operator token')).toBeInTheDocument();
  });
});
