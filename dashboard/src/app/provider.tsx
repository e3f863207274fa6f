import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { TokenScreen } from '@/features/auth/components/token-screen';
import { useAuth } from '@/lib/auth';

/**
 * Queries plus the token gate: after a 401 the token screen replaces the views; once a token is
 * entered every query runs again with it.
 */
export function AppProvider({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <AuthGate client={client}>{children}</AuthGate>
    </QueryClientProvider>
  );
}

function AuthGate({ client, children }: { client: QueryClient; children: ReactNode }) {
  const { token, rejected } = useAuth();
  const lastToken = useRef(token);
  useEffect(() => {
    if (token && token !== lastToken.current) {
      client.resetQueries();
    }
    lastToken.current = token;
  }, [token, client]);
  if (rejected && !token) return <TokenScreen rejected />;
  return <>{children}</>;
}
