import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { TokenScreen } from '@/features/auth/components/token-screen';
import { useAuth } from '@/lib/auth';
import { loadSession } from '@/lib/session';

/**
 * Queries plus the sign-in gate: on start the session the cookie opens is asked for (who, and the
 * CSRF token writes need); after a 401 the token screen replaces the views, and once signed in
 * every query runs again.
 */
export function AppProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <AuthGate>{children}</AuthGate>
    </QueryClientProvider>
  );
}

function AuthGate({ children }: { children: ReactNode }) {
  const { session, rejected } = useAuth();
  useEffect(() => {
    loadSession().catch(() => undefined);
  }, []);
  if (rejected && !session) return <TokenScreen rejected />;
  return <>{children}</>;
}
