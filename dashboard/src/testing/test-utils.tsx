import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ReactElement } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { AppProvider } from '@/app/provider';
import { auth } from '@/lib/auth';
import type { Session } from '@/types/api';
import { session } from './mocks/fixtures';
import { server } from './mocks/server';

/** A fresh QueryClient per test: no retries, no cache shared between tests. */
export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity, refetchInterval: false } },
  });
}

/** Renders with the app's providers and an in-memory router starting at {@code path}. */
export function renderApp(ui: ReactElement, path = '/') {
  const client = testQueryClient();
  const location = memoryLocation({ path, record: true });
  const result = render(
    <AppProvider client={client}>
      <Router hook={location.hook}>{ui}</Router>
    </AppProvider>,
  );
  return { ...result, client, location };
}

/** Signs in as an operator or a viewer: the gateway's GET /api/v1/session answers that session. */
export function signInAs(role: Session['role']): Session {
  const signedIn = session(role);
  server.use(http.get('*/api/v1/session', () => HttpResponse.json(signedIn)));
  auth.signedIn(signedIn);
  return signedIn;
}
